import type { TRole, TUserStatus } from '@tongxin/contracts';

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  organization_id: string;
  role: TRole;
  password_hash: string;
  must_change_password: number;
  status: TUserStatus;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
};

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export type SessionRow = {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type LoginAttemptRow = {
  id: string;
  username: string;
  ip: string | null;
  at: string;
  succeeded: number;
};

export type AccountTables = { users: UserRow; sessions: SessionRow; login_attempts: LoginAttemptRow };
