import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { OrganizationRow, OrganizationTables } from './tables.js';

export type OrganizationIdentity = Pick<OrganizationRow, 'id' | 'name' | 'type'>;

/**
 * Name and type of organizations, for the public open-data files: a registered organization's name and
 * type are public record (the portal lists them too); nothing else of the row is read.
 */
export async function publicOrganizationIdentities(
  executor: Executor,
  ids: readonly string[],
): Promise<OrganizationIdentity[]> {
  if (ids.length === 0) return [];
  return tablesOf<OrganizationTables>(executor)
    .selectFrom('organizations')
    .select(['id', 'name', 'type'])
    .where('id', 'in', ids)
    .execute();
}
