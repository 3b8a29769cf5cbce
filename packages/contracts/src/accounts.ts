import { z } from 'zod';
import { ZRole, type TCapability } from './access.js';
import { ZId, ZPageQuery, ZTimestamp } from './common.js';

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, { error: 'username.format' });

/** At least 8 characters with letters and digits; long passphrases are welcome. */
export const ZNewPassword = z
  .string()
  .max(128)
  .refine((value) => value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value), {
    error: 'password.weak',
  });

export const USER_STATUSES = ['active', 'disabled'] as const;
export const ZUserStatus = z.enum(USER_STATUSES);
export type TUserStatus = z.infer<typeof ZUserStatus>;

export const ZLoginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  organizationId: ZId,
  organizationName: z.string(),
  mustChangePassword: z.boolean(),
  capabilities: z.array(z.string()),
});
export type TSessionUser = Omit<z.infer<typeof ZSessionUser>, 'capabilities'> & {
  capabilities: TCapability[];
};

export const ZSessionResponse = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSessionResponse = { user: TSessionUser; csrfToken: string };

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  organizationId: ZId,
  organizationName: z.string(),
  status: ZUserStatus,
  mustChangePassword: z.boolean(),
  lastLoginAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUserRequest = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1).max(50),
  role: ZRole,
  organizationId: ZId,
  /** Left out: a temporary password is generated and returned once; the user must change it. */
  password: ZNewPassword.optional(),
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    displayName: z.string().trim().min(1).max(50),
    role: ZRole,
    organizationId: ZId,
    status: ZUserStatus,
  })
  .partial()
  .strict();
export type TUpdateUserRequest = z.input<typeof ZUpdateUserRequest>;

export const ZUserListQuery = ZPageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
  organizationId: ZId.optional(),
  sort: z.enum(['username', 'displayName', 'createdAt', 'lastLoginAt']).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TUserListQuery = z.input<typeof ZUserListQuery>;

export const ZCreatedUserResponse = z.object({ user: ZUser, temporaryPassword: z.string().nullable() });
export const ZPasswordResetResponse = z.object({ temporaryPassword: z.string() });
