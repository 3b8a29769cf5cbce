import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { villageScope } from './scope.repository.js';
import type { RegistryTables, VillageRow } from './tables.js';

const db = (executor: Executor) => tablesOf<RegistryTables>(executor);

export type VillageWithCounts = VillageRow & { registered_households: number };

function selectVillages(executor: Executor, scope: Scope) {
  let query = db(executor)
    .selectFrom('villages')
    .selectAll('villages')
    .select((eb) =>
      eb
        .selectFrom('households')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('households.village_id', '=', 'villages.id')
        .as('registered_households'),
    );
  const condition = villageScope(executor, scope);
  if (condition) query = query.where(condition);
  return query;
}

const withCount = (row: VillageRow & { registered_households: number | null }): VillageWithCounts => ({
  ...row,
  registered_households: row.registered_households ?? 0,
});

export async function findVillage(
  executor: Executor,
  scope: Scope,
  id: string,
): Promise<VillageWithCounts | undefined> {
  const row = await selectVillages(executor, scope).where('villages.id', '=', id).executeTakeFirst();
  return row ? withCount(row) : undefined;
}

export async function findVillagesByIds(
  executor: Executor,
  scope: Scope,
  ids: readonly string[],
): Promise<VillageRow[]> {
  if (ids.length === 0) return [];
  let query = db(executor).selectFrom('villages').selectAll('villages').where('villages.id', 'in', ids);
  const condition = villageScope(executor, scope);
  if (condition) query = query.where(condition);
  return query.execute();
}

export async function findVillageByRegion(executor: Executor, regionCode: string): Promise<VillageRow | undefined> {
  return db(executor).selectFrom('villages').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
}

export async function findVillagesByRegions(executor: Executor, codes: readonly string[]): Promise<VillageRow[]> {
  if (codes.length === 0) return [];
  return db(executor).selectFrom('villages').selectAll().where('region_code', 'in', codes).execute();
}

/** What a village list and its export select by. */
export type VillageConditions = {
  regionPrefix?: string | undefined;
  regionCodes?: readonly string[] | undefined;
  organizationId?: string | undefined;
  isPoorVillage?: boolean | undefined;
  isOldBaseVillage?: boolean | undefined;
  povertyStatus?: string | undefined;
};

export type VillageFilter = VillageConditions & {
  sort: 'regionCode' | 'registeredHouseholds';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

/** The villages in scope that meet the conditions; null when they can meet none (no region matched a name). */
function filteredVillages(executor: Executor, scope: Scope, filter: VillageConditions) {
  let query = selectVillages(executor, scope);
  if (filter.regionPrefix) query = query.where('villages.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.regionCodes) {
    if (filter.regionCodes.length === 0) return null;
    query = query.where('villages.region_code', 'in', filter.regionCodes);
  }
  if (filter.organizationId) query = query.where('villages.organization_id', '=', filter.organizationId);
  if (filter.isPoorVillage !== undefined)
    query = query.where('villages.is_poor_village', '=', filter.isPoorVillage ? 1 : 0);
  if (filter.isOldBaseVillage !== undefined) {
    query = query.where('villages.is_old_base_village', '=', filter.isOldBaseVillage ? 1 : 0);
  }
  if (filter.povertyStatus)
    query = query.where('villages.poverty_status', '=', filter.povertyStatus as VillageRow['poverty_status']);
  return query;
}

export async function listVillages(
  executor: Executor,
  scope: Scope,
  filter: VillageFilter,
): Promise<{ rows: VillageWithCounts[]; total: number }> {
  const query = filteredVillages(executor, scope, filter);
  if (!query) return { rows: [], total: 0 };
  const count = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
  const ordered =
    filter.sort === 'registeredHouseholds'
      ? query.orderBy('registered_households', filter.order)
      : query.orderBy('villages.region_code', filter.order);
  const [rows, total] = await Promise.all([
    ordered.orderBy('villages.id').offset(filter.offset).limit(filter.limit).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(withCount), total: total.n };
}

/** Every village the conditions select, in region-code order, a page at a time (for the export). */
export async function* streamVillages(
  executor: Executor,
  scope: Scope,
  filter: VillageConditions,
  pageSize = 1000,
): AsyncGenerator<VillageWithCounts[]> {
  let after: string | null = null;
  for (;;) {
    let query = filteredVillages(executor, scope, filter);
    if (!query) return;
    // A village's region code is unique, so it serves as the key to go on from.
    if (after !== null) query = query.where('villages.region_code', '>', after);
    const rows = await query.orderBy('villages.region_code').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map(withCount);
    after = rows[rows.length - 1]?.region_code ?? null;
  }
}

export async function insertVillage(executor: Executor, row: VillageRow): Promise<void> {
  await db(executor).insertInto('villages').values(row).execute();
}

export async function updateVillageRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<VillageRow, 'id' | 'region_code' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('villages').set(changes).where('id', '=', id).execute();
}

export async function assignCadre(executor: Executor, villageId: string, userId: string, at: string): Promise<void> {
  await db(executor)
    .insertInto('village_cadres')
    .values({ village_id: villageId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['village_id', 'user_id']).doNothing())
    .execute();
}
