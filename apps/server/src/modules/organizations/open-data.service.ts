import type { Executor } from '../../platform/db/index.js';
import { publicOrganizationIdentities, type OrganizationIdentity } from './open-data.repository.js';

export type { OrganizationIdentity };

/** Who the organizations named in open data are: their public name and type, by id. */
export async function organizationIdentities(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, OrganizationIdentity>> {
  const rows = await publicOrganizationIdentities(executor, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}
