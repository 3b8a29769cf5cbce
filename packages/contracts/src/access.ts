import { z } from 'zod';

export const ROLES = ['platform_admin', 'org_admin', 'org_staff', 'auditor', 'supervisor', 'cadre'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/**
 * What a route demands of its caller. `session`: any signed-in user, even one who must first change
 * the password; every other capability needs a changed password. Rows are further limited by scope.
 */
export const CAPABILITIES = [
  'session',
  'read',
  'write',
  'manage_orgs',
  'manage_users',
  'read_audit',
  'administer_platform',
] as const;
export type TCapability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Readonly<Record<TRole, readonly TCapability[]>> = {
  platform_admin: CAPABILITIES,
  org_admin: ['session', 'read', 'write', 'manage_orgs', 'manage_users', 'read_audit'],
  org_staff: ['session', 'read', 'write'],
  auditor: ['session', 'read', 'read_audit'],
  supervisor: ['session', 'read', 'read_audit'],
  cadre: ['session', 'read', 'write'],
};

export function roleHas(role: TRole, capability: TCapability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}
