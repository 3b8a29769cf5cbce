import {
  ROLE_LABELS,
  ZCreateUserRequest,
  ZUpdateUserRequest,
  ZUserListQuery,
  type TCreateUserRequest,
  type TPage,
  type TRole,
  type TUpdateUserRequest,
  type TUser,
  type TUserListQuery,
} from '@tongxin/contracts';
import { writeScopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import { generateTemporaryPassword, hashPassword } from '../../platform/auth/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { createOrganization, getOrganization, requireWritableOrganization } from '../organizations/index.js';
import { accountErrors as errors } from './errors.js';
import { toUser } from './mapping.js';
import {
  deleteSessionsOfUser,
  findUserByUsername,
  findUserInScope,
  findUsersByIds,
  insertUser,
  listUsers,
  updateUserRow,
} from './repository.js';
import { forgetResolvedSessions } from './session.service.js';
import type { UserRow } from './tables.js';

const AUDITED = ['username', 'display_name', 'role', 'organization_id', 'status', 'must_change_password'] as const;

function assertRoleAssignable(ctx: ServiceContext, role: TRole, organizationType: string) {
  if (role === 'platform_admin' && ctx.actor.role !== 'platform_admin') {
    throw errors.roleNotAssignable.at('role', { role: ROLE_LABELS[role] });
  }
  if (role === 'supervisor' && organizationType !== 'government') throw errors.supervisorNeedsGovernment.at('role');
}

async function requireManagedUser(ctx: ServiceContext, id: string): Promise<UserRow> {
  const user = await findUserInScope(ctx.db, writeScopeOf(ctx.actor), id);
  if (!user) throw errors.userNotFound({ id });
  return user;
}

async function organizationNames(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, (await getOrganization(ctx, id)).name);
  return names;
}

function audit(ctx: ServiceContext, action: string, user: UserRow, changes: ReturnType<typeof diffChanges>) {
  return {
    chainId: user.organization_id,
    action,
    entityType: 'user',
    entityId: user.id,
    changes,
    ...auditBy(ctx),
  };
}

export async function getUser(ctx: ServiceContext, id: string): Promise<TUser> {
  const user = await requireManagedUser(ctx, id);
  return toUser(user, (await getOrganization(ctx, user.organization_id)).name);
}

export async function findUsers(ctx: ServiceContext, input: TUserListQuery): Promise<TPage<TUser>> {
  const query = ZUserListQuery.parse(input);
  const { rows, total } = await listUsers(ctx.db, writeScopeOf(ctx.actor), {
    text: query.q,
    role: query.role,
    status: query.status,
    organizationId: query.organizationId,
    sort: query.sort,
    order: query.order,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const names = await organizationNames(
    ctx,
    rows.map((row) => row.organization_id),
  );
  return {
    items: rows.map((row) => toUser(row, names.get(row.organization_id) ?? '')),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Creates a user in an organization the actor manages. Without a password a temporary one is made,
 * returned once, and must be changed at the first sign-in.
 */
export async function createUser(
  ctx: ServiceContext,
  input: TCreateUserRequest,
): Promise<{ user: TUser; temporaryPassword: string | null }> {
  const data = ZCreateUserRequest.parse(input);
  const temporaryPassword = data.password ? null : generateTemporaryPassword();
  const passwordHash = await hashPassword(data.password ?? temporaryPassword ?? '');
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const organization = await requireWritableOrganization(txCtx, data.organizationId);
    assertRoleAssignable(ctx, data.role, organization.type);
    if (await findUserByUsername(tx, data.username))
      throw errors.usernameTaken.at('username', { username: data.username });
    const now = new Date().toISOString();
    const row: UserRow = {
      id: newId(),
      username: data.username,
      display_name: data.displayName,
      organization_id: organization.id,
      role: data.role,
      password_hash: passwordHash,
      must_change_password: temporaryPassword ? 1 : 0,
      status: 'active',
      last_login_at: null,
      password_changed_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertUser(tx, row);
    await recordAudit(tx, audit(ctx, 'user.create', row, diffChanges(null, row, AUDITED)));
    return { user: toUser(row, organization.name), temporaryPassword };
  });
}

export async function updateUser(ctx: ServiceContext, id: string, input: TUpdateUserRequest): Promise<TUser> {
  const data = ZUpdateUserRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await requireManagedUser(txCtx, id);
    const touchesAccess = data.role !== undefined || data.organizationId !== undefined || data.status !== undefined;
    if (id === ctx.actor.userId && touchesAccess) throw errors.selfChangeRefused();
    const organization = await requireWritableOrganization(txCtx, data.organizationId ?? before.organization_id);
    const after: UserRow = {
      ...before,
      ...(data.displayName !== undefined ? { display_name: data.displayName } : {}),
      ...(data.role !== undefined ? { role: data.role } : {}),
      ...(data.status !== undefined ? { status: data.status } : {}),
      organization_id: organization.id,
      updated_at: new Date().toISOString(),
    };
    if (data.role !== undefined || data.organizationId !== undefined) {
      assertRoleAssignable(ctx, after.role, organization.type);
    }
    const changes = diffChanges(before, after, AUDITED);
    if (Object.keys(changes).length === 0) return toUser(before, organization.name);
    await updateUserRow(tx, id, {
      display_name: after.display_name,
      role: after.role,
      status: after.status,
      organization_id: after.organization_id,
      updated_at: after.updated_at,
    });
    // A user whose access changed signs in again, so no session keeps the old rights.
    if (touchesAccess) await deleteSessionsOfUser(tx, id);
    forgetResolvedSessions(tx);
    await recordAudit(tx, audit(ctx, 'user.update', after, changes));
    return toUser(after, organization.name);
  });
}

/** Sets a temporary password (shown once) that must be changed at the next sign-in, and ends the user's sessions. */
export async function resetPassword(ctx: ServiceContext, id: string): Promise<{ temporaryPassword: string }> {
  if (id === ctx.actor.userId) throw errors.selfChangeRefused();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await withTransaction(ctx.db, async (tx) => {
    const user = await requireManagedUser({ ...ctx, db: tx }, id);
    await updateUserRow(tx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      updated_at: new Date().toISOString(),
    });
    await deleteSessionsOfUser(tx, id);
    forgetResolvedSessions(tx);
    await recordAudit(
      tx,
      audit(ctx, 'user.reset_password', user, {
        must_change_password: { before: user.must_change_password, after: 1 },
      }),
    );
  });
  return { temporaryPassword };
}

export type UserSummary = { id: string; displayName: string; role: TRole; organizationId: string; status: string };

/** Names and roles of users by id, for records that point at a user (a household's responsible cadre). */
export async function userSummaries(db: Executor, ids: readonly string[]): Promise<Map<string, UserSummary>> {
  const rows = await findUsersByIds(db, [...new Set(ids)]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        displayName: row.display_name,
        role: row.role,
        organizationId: row.organization_id,
        status: row.status,
      },
    ]),
  );
}

export const ADMIN_USERNAME = 'admin';

/**
 * First start: the platform operator's organization and the `admin` user. Returns the password when it
 * was generated, so that it can be printed once; null when admin already existed or the password was given.
 */
export async function ensurePlatformAdmin(
  ctx: ServiceContext,
  password: string | null,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if (await findUserByUsername(ctx.db, ADMIN_USERNAME)) return { created: false, generatedPassword: null };
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const operator = await createOrganization(
      txCtx,
      {
        name: '同心平台运营单位',
        shortName: '平台',
        type: 'social_service',
        level: 'national',
        description: 'Operator of this Tongxin installation; home of the platform administrator.',
      },
      { isOperator: true },
    );
    const generatedPassword = password ? null : generateTemporaryPassword(16);
    await createUser(txCtx, {
      username: ADMIN_USERNAME,
      displayName: '平台管理员',
      role: 'platform_admin',
      organizationId: operator.id,
      password: password ?? generatedPassword ?? undefined,
    });
    return { created: true, generatedPassword };
  });
}

/** For the CLI: the id of a user by username. */
export async function userIdByUsername(db: Executor, username: string): Promise<string | null> {
  return (await findUserByUsername(db, username))?.id ?? null;
}
