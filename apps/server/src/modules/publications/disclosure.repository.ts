import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { PublicationRow, PublicationTables } from './tables.js';

/** Published annual work and financial reports of the given organizations (ones the caller may see). */
export async function publishedAnnualReportsOf(
  executor: Executor,
  organizationIds: readonly string[],
): Promise<Pick<PublicationRow, 'owner_organization_id' | 'kind' | 'report_year' | 'published_on'>[]> {
  if (organizationIds.length === 0) return [];
  return tablesOf<PublicationTables>(executor)
    .selectFrom('publications')
    .select(['owner_organization_id', 'kind', 'report_year', 'published_on'])
    .where('owner_organization_id', 'in', [...organizationIds])
    .where('kind', 'in', ['annual_work_report', 'annual_financial_report'])
    .where('status', '=', 'published')
    .execute();
}
