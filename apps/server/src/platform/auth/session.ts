import type { Actor } from '../access/index.js';

export const SESSION_COOKIE = 'tongxin_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Sliding idle limit and absolute limit of a session. */
export const SESSION_IDLE_MINUTES = 12 * 60;
export const SESSION_MAX_MINUTES = 7 * 24 * 60;

export type ResolvedSession = { actor: Actor; csrfToken: string };

/**
 * Looks a session token up. The accounts module implements it; the platform only knows the shape, so
 * that it depends on no module.
 */
export type SessionResolver = (token: string, now: Date) => Promise<ResolvedSession | null>;
