import type { TLoginRequest, TSessionResponse } from '@tongxin/contracts';
import type { Actor } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import {
  SESSION_IDLE_MINUTES,
  SESSION_MAX_MINUTES,
  hashPassword,
  hashToken,
  newToken,
  verifyAgainstDecoy,
  verifyPassword,
  type ResolvedSession,
} from '../../platform/auth/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { afterCommit, withTransaction, type Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { addMinutes } from '../../platform/time.js';
import { organizationPlacement } from '../organizations/index.js';
import { accountErrors as errors } from './errors.js';
import { toSessionUser } from './mapping.js';
import {
  countRecentFailures,
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  findUserById,
  findUserByUsername,
  insertLoginAttempt,
  insertSession,
  touchSession,
  updateUserRow,
} from './repository.js';

/** Five wrong passwords for one username, or twenty from one address, within 15 minutes pause sign-in. */
export const LOGIN_LIMIT = { perUsername: 5, perAddress: 20, windowMinutes: 15 };
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions resolved moments ago, by token hash: a signed-in client sends its requests in bursts (a page's
 * calls, keyboard entry of gifts), and resolving a session costs two reads. An entry lives RECENT_MS at most
 * and never past the session's own limits. Signing out, a password change and any change to a user clear
 * them all, in this process; what may lag by RECENT_MS is what the session carries of the organization (its
 * name; after a move its path, which then matches nothing and refuses, never widens) and a sign-out through
 * another server process on the same PostgreSQL database.
 */
const recent = new Map<string, { session: ResolvedSession; until: number }>();
const RECENT_MS = 2_000;
const RECENT_MAX = 10_000;

/** Forgets resolved sessions now and again once `executor`'s transaction has committed what changed them. */
export function forgetResolvedSessions(executor: Executor): void {
  recent.clear();
  afterCommit(executor, () => recent.clear());
}

export type LoginMeta = { ip: string | null; userAgent: string | null; requestId: string | null };
export type LoginResult = TSessionResponse & { token: string };

async function assertNotRateLimited(db: Executor, username: string, ip: string | null, now: Date) {
  const since = addMinutes(now, -LOGIN_LIMIT.windowMinutes).toISOString();
  const checks = [
    { result: await countRecentFailures(db, { username }, since), limit: LOGIN_LIMIT.perUsername },
    ...(ip ? [{ result: await countRecentFailures(db, { ip }, since), limit: LOGIN_LIMIT.perAddress }] : []),
  ];
  for (const { result, limit } of checks) {
    if (result.failures >= limit && result.oldest) {
      const freeAt = addMinutes(new Date(result.oldest), LOGIN_LIMIT.windowMinutes);
      const minutes = Math.max(1, Math.ceil((freeAt.getTime() - now.getTime()) / 60_000));
      throw errors.loginRateLimited({ minutes });
    }
  }
}

async function recordAttempt(db: Executor, username: string, ip: string | null, now: Date, succeeded: boolean) {
  await insertLoginAttempt(db, { id: newId(), username, ip, at: now.toISOString(), succeeded: succeeded ? 1 : 0 });
}

export async function login(db: Executor, input: TLoginRequest, meta: LoginMeta): Promise<LoginResult> {
  const now = new Date();
  const username = input.username.trim().toLowerCase();
  await assertNotRateLimited(db, username, meta.ip, now);
  const user = await findUserByUsername(db, username);
  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    await recordAttempt(db, username, meta.ip, now, false);
    throw errors.loginFailed({ limit: LOGIN_LIMIT.perUsername, minutes: LOGIN_LIMIT.windowMinutes });
  }
  if (user.status !== 'active') throw errors.accountDisabled();
  const token = newToken();
  const csrfToken = newToken();
  await withTransaction(db, async (tx) => {
    await recordAttempt(tx, username, meta.ip, now, true);
    await insertSession(tx, {
      id: newId(),
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: addMinutes(now, SESSION_MAX_MINUTES).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserRow(tx, user.id, { last_login_at: now.toISOString() });
    await recordAudit(tx, {
      chainId: user.organization_id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      changes: {},
      actor: { id: user.id, username: user.username },
      requestId: meta.requestId,
      at: now,
    });
  });
  const session = await resolveSession(db, token, now);
  if (!session) throw errors.accountDisabled();
  return { token, csrfToken, user: toSessionUser(session.actor) };
}

/** The session behind a cookie token, if it is live; slides the idle limit at most once a minute. */
export async function resolveSession(db: Executor, token: string, now: Date): Promise<ResolvedSession | null> {
  const tokenHash = hashToken(token);
  const known = recent.get(tokenHash);
  if (known && known.until > now.getTime()) return known.session;
  const row = await findSessionWithUser(db, tokenHash);
  if (!row || row.status !== 'active') return null;
  const idleLimit = addMinutes(new Date(row.last_seen_at), SESSION_IDLE_MINUTES);
  const expiresAt = new Date(row.expires_at);
  if (expiresAt <= now || idleLimit <= now) {
    await deleteSession(db, row.session_id);
    return null;
  }
  const organization = await organizationPlacement(db, row.organization_id);
  if (!organization) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, row.session_id, now.toISOString());
  }
  const actor: Actor = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationId: organization.id,
    organizationName: organization.name,
    organizationPath: organization.path,
    organizationRegionCode: organization.regionCode,
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.session_id,
  };
  const session = { actor, csrfToken: row.csrf_token };
  if (recent.size >= RECENT_MAX) recent.clear();
  const until = Math.min(now.getTime() + RECENT_MS, expiresAt.getTime(), idleLimit.getTime());
  recent.set(tokenHash, { session, until });
  return session;
}

/**
 * The actor a user would be when signed in, for work done on their behalf without a session (demo data,
 * command-line imports as a given user). Null for an unknown or disabled user.
 */
export async function actorOf(db: Executor, username: string): Promise<Actor | null> {
  const user = await findUserByUsername(db, username);
  if (!user || user.status !== 'active') return null;
  const organization = await organizationPlacement(db, user.organization_id);
  if (!organization) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    organizationId: organization.id,
    organizationName: organization.name,
    organizationPath: organization.path,
    organizationRegionCode: organization.regionCode,
    mustChangePassword: false,
    sessionId: 'on-behalf',
  };
}

export async function logout(ctx: ServiceContext): Promise<void> {
  await deleteSession(ctx.db, ctx.actor.sessionId);
  forgetResolvedSessions(ctx.db);
}

/** Changes the own password; other sessions of the user end, this one stays. */
export async function changePassword(ctx: ServiceContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw errors.currentPasswordWrong.at('currentPassword');
  }
  if (currentPassword === newPassword) throw errors.passwordUnchanged.at('newPassword');
  const passwordHash = await hashPassword(newPassword);
  const now = new Date().toISOString();
  await withTransaction(ctx.db, async (tx) => {
    await updateUserRow(tx, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await deleteSessionsOfUser(tx, user.id, ctx.actor.sessionId);
    forgetResolvedSessions(tx);
    await recordAudit(tx, {
      chainId: user.organization_id,
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      changes: { password: { before: '', after: '' } },
      ...auditBy(ctx),
    });
  });
}

/** Housekeeping: drops expired sessions and login attempts older than a day. */
export async function purgeStaleSessions(db: Executor, now: Date = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now.toISOString(), addMinutes(now, -SESSION_IDLE_MINUTES).toISOString());
  await deleteLoginAttemptsBefore(db, addMinutes(now, -24 * 60).toISOString());
}
