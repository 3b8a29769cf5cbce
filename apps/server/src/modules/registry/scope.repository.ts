import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { RegistryTables } from './tables.js';

type Condition<T extends keyof RegistryTables> =
  ((eb: ExpressionBuilder<RegistryTables, T>) => Expression<SqlBool>) | null;

const assignedVillages = (executor: Executor, userId: string) =>
  tablesOf<RegistryTables>(executor)
    .selectFrom('village_cadres')
    .select('village_cadres.village_id')
    .where('village_cadres.user_id', '=', userId);

/**
 * Which households a scope reaches: those of organizations in scope; for a supervisor also every
 * household whose village lies in its region; for a cadre the households assigned to them and those of
 * the villages they are stationed in.
 */
export function householdScope(executor: Executor, scope: Scope): Condition<'households'> {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'subtree':
      return (eb) => eb('households.organization_id', 'in', organizationIdsInScope(executor, scope));
    case 'region':
      return (eb) =>
        eb.or([
          eb('households.organization_id', 'in', organizationIdsInScope(executor, scope)),
          eb('households.region_code', 'like', `${scope.regionPrefix}%`),
        ]);
    case 'cadre':
      return (eb) =>
        eb.or([
          eb('households.cadre_user_id', '=', scope.userId),
          eb('households.village_id', 'in', assignedVillages(executor, scope.userId)),
        ]);
  }
}

/** Which villages a scope reaches, by the same rules as their households. */
export function villageScope(executor: Executor, scope: Scope): Condition<'villages'> {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'subtree':
      return (eb) => eb('villages.organization_id', 'in', organizationIdsInScope(executor, scope));
    case 'region':
      return (eb) =>
        eb.or([
          eb('villages.organization_id', 'in', organizationIdsInScope(executor, scope)),
          eb('villages.region_code', 'like', `${scope.regionPrefix}%`),
        ]);
    case 'cadre':
      return (eb) =>
        eb.or([
          eb('villages.id', 'in', assignedVillages(executor, scope.userId)),
          eb(
            'villages.id',
            'in',
            tablesOf<RegistryTables>(executor)
              .selectFrom('households')
              .select('households.village_id')
              .where('households.cadre_user_id', '=', scope.userId),
          ),
        ]);
  }
}
