import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { AccountTables, LoginAttemptRow, SessionRow, UserRow } from './tables.js';

const db = (executor: Executor) => tablesOf<AccountTables>(executor);

export async function findUserByUsername(executor: Executor, username: string): Promise<UserRow | undefined> {
  return db(executor).selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(executor: Executor, id: string): Promise<UserRow | undefined> {
  return db(executor).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user whose organization the scope reaches. */
export async function findUserInScope(executor: Executor, scope: Scope, id: string): Promise<UserRow | undefined> {
  let query = db(executor).selectFrom('users').selectAll().where('id', '=', id);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.executeTakeFirst();
}

export type UserFilter = {
  text?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  organizationId?: string | undefined;
  sort: 'username' | 'displayName' | 'createdAt' | 'lastLoginAt';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

const SORT_COLUMNS = {
  username: 'username',
  displayName: 'display_name',
  createdAt: 'created_at',
  lastLoginAt: 'last_login_at',
} as const;

export async function listUsers(
  executor: Executor,
  scope: Scope,
  filter: UserFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db(executor).selectFrom('users');
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([eb('username', 'like', `%${text.toLowerCase()}%`), eb('display_name', 'like', `%${text}%`)]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role as UserRow['role']);
  if (filter.status) query = query.where('status', '=', filter.status as UserRow['status']);
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(SORT_COLUMNS[filter.sort], filter.order)
      .orderBy('id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findUsersByIds(executor: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db(executor).selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function insertUser(executor: Executor, row: UserRow): Promise<void> {
  await db(executor).insertInto('users').values(row).execute();
}

export async function updateUserRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function insertSession(executor: Executor, row: SessionRow): Promise<void> {
  await db(executor).insertInto('sessions').values(row).execute();
}

export async function findSessionWithUser(executor: Executor, tokenHash: string) {
  return db(executor)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.organization_id',
      'u.must_change_password',
      'u.status',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(executor: Executor, sessionId: string, at: string): Promise<void> {
  await db(executor).updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function deleteSession(executor: Executor, sessionId: string): Promise<void> {
  await db(executor).deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but the session given. */
export async function deleteSessionsOfUser(
  executor: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let query = db(executor).deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(executor: Executor, now: string, idleBefore: string): Promise<void> {
  await db(executor)
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}

export async function insertLoginAttempt(executor: Executor, row: LoginAttemptRow): Promise<void> {
  await db(executor).insertInto('login_attempts').values(row).execute();
}

/** Failed attempts since `since` that came after the last success, by username or by address. */
export async function countRecentFailures(
  executor: Executor,
  by: { username: string } | { ip: string },
  since: string,
): Promise<{ failures: number; oldest: string | null }> {
  const key = 'username' in by ? ('username' as const) : ('ip' as const);
  const value = 'username' in by ? by.username : by.ip;
  const lastSuccess = await db(executor)
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where(key, '=', value)
    .where('succeeded', '=', 1)
    .where('at', '>=', since)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const row = await db(executor)
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where(key, '=', value)
    .where('succeeded', '=', 0)
    .where('at', '>', from)
    .executeTakeFirstOrThrow();
  return { failures: row.n, oldest: row.oldest ?? null };
}

export async function deleteLoginAttemptsBefore(executor: Executor, before: string): Promise<void> {
  await db(executor).deleteFrom('login_attempts').where('at', '<', before).execute();
}

export async function countUsers(executor: Executor): Promise<number> {
  const row = await db(executor)
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
