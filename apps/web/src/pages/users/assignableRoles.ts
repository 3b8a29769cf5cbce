import { ROLES, type TRole, type TSessionUser } from '@tongxin/contracts';

/** Roles the signed-in user may grant: only a platform administrator makes another one. */
export function assignableRoles(actor: TSessionUser): readonly TRole[] {
  return actor.role === 'platform_admin' ? ROLES : ROLES.filter((role) => role !== 'platform_admin');
}
