import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { OrganizationTables } from './tables.js';

type OrgBuilder = ExpressionBuilder<OrganizationTables, 'organizations'>;

/**
 * The organizations a scope reaches. Other modules filter their rows by owner through
 * `organizationIdsInScope`, so re-parenting an organization moves access to everything it owns.
 */
export function organizationScopeCondition(scope: Scope): ((eb: OrgBuilder) => Expression<SqlBool>) | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'subtree':
      return (eb) => eb('organizations.path', 'like', `${scope.organizationPath}%`);
    case 'region':
      return (eb) =>
        eb.or([
          eb('organizations.path', 'like', `${scope.organizationPath}%`),
          eb('organizations.region_code', 'like', `${scope.regionPrefix}%`),
        ]);
    case 'cadre':
      return (eb) => eb('organizations.path', '=', scope.organizationPath);
  }
}

/** A subquery of the ids of organizations in scope, for `where(ownerColumn, 'in', …)`. */
export function organizationIdsInScope(
  executor: Executor,
  scope: Scope,
): SelectQueryBuilder<OrganizationTables, 'organizations', { id: string }> {
  const query = tablesOf<OrganizationTables>(executor).selectFrom('organizations').select('organizations.id');
  const condition = organizationScopeCondition(scope);
  return condition ? query.where(condition) : query;
}

/** The ids themselves, for callers that filter by a list (such as audit chains). */
export async function organizationIdListInScope(executor: Executor, scope: Scope): Promise<string[]> {
  const rows = await organizationIdsInScope(executor, scope).execute();
  return rows.map((row) => row.id);
}
