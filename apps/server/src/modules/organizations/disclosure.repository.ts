import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { OrganizationTables, OrganizationVersionRow } from './tables.js';

/**
 * The recorded changes of organizations (every version after the first), for the disclosure clocks;
 * the caller passes organizations it may see.
 */
export async function changesOf(
  executor: Executor,
  organizationIds: readonly string[],
): Promise<OrganizationVersionRow[]> {
  if (organizationIds.length === 0) return [];
  return tablesOf<OrganizationTables>(executor)
    .selectFrom('organization_versions as v')
    .selectAll('v')
    .where('v.organization_id', 'in', [...organizationIds])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('organization_versions as earlier')
          .select('earlier.id')
          .whereRef('earlier.organization_id', '=', 'v.organization_id')
          .whereRef('earlier.valid_from', '<', 'v.valid_from'),
      ),
    )
    .orderBy('v.valid_from')
    .execute();
}
