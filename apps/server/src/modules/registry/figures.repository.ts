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
  if (query.d1 !== undefined) select = select.where('v.type', '=', query.d1 as HouseholdRow['type']);
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

/** How many households there are, for the progress of a replay of their figures. */
export async function householdTotal(executor: Executor): Promise<number> {
  const row = await tablesOf<RegistryTables>(executor)
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The next households by id after `afterId` (from the first when null), with their owning organization. */
export async function householdsAfter(
  executor: Executor,
  afterId: string | null,
  limit: number,
): Promise<Pick<HouseholdRow, 'id' | 'organization_id'>[]> {
  let select = tablesOf<RegistryTables>(executor).selectFrom('households').select(['id', 'organization_id']);
  if (afterId !== null) select = select.where('id', '>', afterId);
  return select.orderBy('id').limit(limit).execute();
}

/** The dated versions of these households, per household from the earliest. */
export async function versionsOf(
  executor: Executor,
  householdIds: readonly string[],
): Promise<Map<string, Pick<HouseholdVersionRow, 'valid_from' | 'type' | 'monitoring_category'>[]>> {
  const versions = new Map<string, Pick<HouseholdVersionRow, 'valid_from' | 'type' | 'monitoring_category'>[]>();
  if (householdIds.length === 0) return versions;
  const rows = await tablesOf<RegistryTables>(executor)
    .selectFrom('household_versions')
    .select(['household_id', 'valid_from', 'type', 'monitoring_category'])
    .where('household_id', 'in', [...householdIds])
    .orderBy('household_id')
    .orderBy('valid_from')
    .execute();
  for (const { household_id, ...version } of rows) {
    const list = versions.get(household_id);
    if (list) list.push(version);
    else versions.set(household_id, [version]);
  }
  return versions;
}
