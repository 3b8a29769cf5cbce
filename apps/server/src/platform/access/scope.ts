import { regionPrefix } from '@tongxin/contracts';
import type { Actor } from './actor.js';

/**
 * Which rows an actor may see. Every repository query takes one; there is no unscoped default.
 * - all: the platform administrator.
 * - subtree: the actor's organization and everything below it in the network.
 * - region: a supervisor (民政局, 乡村振兴局): the own subtree plus every record whose region lies in
 *   the supervisor's region, whatever organization owns it.
 * - cadre: village staff; the own organization, and the villages and households assigned to them.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'subtree'; organizationPath: string }
  | { kind: 'region'; organizationPath: string; regionPrefix: string }
  | { kind: 'cadre'; organizationPath: string; userId: string };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'platform_admin':
      return { kind: 'all' };
    case 'org_admin':
    case 'org_staff':
    case 'auditor':
      return { kind: 'subtree', organizationPath: actor.organizationPath };
    case 'supervisor':
      return actor.organizationRegionCode
        ? {
            kind: 'region',
            organizationPath: actor.organizationPath,
            regionPrefix: regionPrefix(actor.organizationRegionCode),
          }
        : { kind: 'subtree', organizationPath: actor.organizationPath };
    case 'cadre':
      return { kind: 'cadre', organizationPath: actor.organizationPath, userId: actor.userId };
  }
}

/**
 * Scope for writing: nobody writes by region, so a supervisor writes only in the own subtree, and a
 * cadre only within the own organization (assignment rules narrow that further in their modules).
 */
export function writeScopeOf(actor: Actor): Scope {
  const scope = scopeOf(actor);
  return scope.kind === 'region' ? { kind: 'subtree', organizationPath: scope.organizationPath } : scope;
}
