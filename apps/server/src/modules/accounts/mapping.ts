import { ROLE_CAPABILITIES, type TSessionUser, type TUser } from '@tongxin/contracts';
import type { Actor } from '../../platform/access/index.js';
import type { UserRow } from './tables.js';

export function toUser(row: UserRow, organizationName: string): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationId: row.organization_id,
    organizationName,
    status: row.status,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toSessionUser(actor: Actor): TSessionUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    organizationId: actor.organizationId,
    organizationName: actor.organizationName,
    mustChangePassword: actor.mustChangePassword,
    capabilities: [...ROLE_CAPABILITIES[actor.role]],
  };
}
