export { generateTemporaryPassword, hashPassword, verifyAgainstDecoy, verifyPassword } from './password.js';
export { CSRF_HEADER, SESSION_COOKIE, SESSION_IDLE_MINUTES, SESSION_MAX_MINUTES } from './session.js';
export type { ResolvedSession, SessionResolver } from './session.js';
export { hashToken, newToken, tokensEqual } from './tokens.js';
