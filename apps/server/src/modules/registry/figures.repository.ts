import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FigureRecordQuery } from '../../platform/figures/index.js';
import type { HouseholdRow, HouseholdVersionRow, RegistryTables } from './tables.js';

/**
 * Households of the given organizations (the statistics module has limited them to the caller's scope) as
 * their dated history stood on the range's last day, of a type and monitoring category when given.
 */
export async function householdsBehindFigure(
  executor: Executor,
  query: FigureRecordQuery,
  on: string,
): Promise<{
  rows: (Pick<HouseholdRow, 'id' | 'code' | 'region_code'> &
    Pick<HouseholdVersionRow, 'type' | 'monitoring_category'>)[];
  total: number;
}> {
  if (query.organizationIds.length === 0) return { rows: [], total: 0 };
  let select = tablesOf<RegistryTables>(executor)
    .selectFrom('household_versions as v')
    .innerJoin('households as h', 'h.id', 'v.household_id')
    .where('h.organization_id', 'in', [...query.organizationIds])
    .where('v.valid_from', '<=', on)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', on)]));
  if (query.d1) select = select.where('v.type', '=', query.d1 as HouseholdRow['type']);
  if (query.d2 !== undefined)
    select =
      query.d2 === ''
        ? select.where('v.monitoring_category', 'is', null)
        : select.where('v.monitoring_category', '=', query.d2 as NonNullable<HouseholdRow['monitoring_category']>);
  const [rows, count] = await Promise.all([
    select
      .select(['h.id', 'h.code', 'h.region_code', 'v.type', 'v.monitoring_category'])
      .orderBy('h.code')
      .limit(query.limit)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
