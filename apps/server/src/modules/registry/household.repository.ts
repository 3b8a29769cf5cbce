import type { Scope } from '../../platform/access/index.js';
import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import { householdScope } from './scope.repository.js';
import type { HouseholdRow, HouseholdVersionRow, RegistryTables } from './tables.js';

const db = (executor: Executor) => tablesOf<RegistryTables>(executor);

export async function findHousehold(executor: Executor, scope: Scope, id: string): Promise<HouseholdRow | undefined> {
  let query = db(executor).selectFrom('households').selectAll('households').where('households.id', '=', id);
  const condition = householdScope(executor, scope);
  if (condition) query = query.where(condition);
  return query.executeTakeFirst();
}

export async function findHouseholdIdsInScope(
  executor: Executor,
  scope: Scope,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  let query = db(executor).selectFrom('households').select('households.id').where('households.id', 'in', ids);
  const condition = householdScope(executor, scope);
  if (condition) query = query.where(condition);
  return (await query.execute()).map((row) => row.id);
}

export async function findHouseholdByCode(executor: Executor, code: string): Promise<HouseholdRow | undefined> {
  return db(executor).selectFrom('households').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findHouseholdIdsByCodes(
  executor: Executor,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db(executor).selectFrom('households').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.flatMap((row) => (row.code ? [[row.code, row.id] as const] : [])));
}

export type HouseholdFilter = {
  text?: string | undefined;
  villageId?: string | undefined;
  regionPrefix?: string | undefined;
  type?: string | undefined;
  monitoringCategory?: string | undefined;
  risk?: string | undefined;
  riskEliminated?: boolean | undefined;
  mainCause?: number | undefined;
  idNumberHash?: string | undefined;
  /** Type and monitoring fields as they stood on this Beijing date (from the household's versions). */
  asOf?: string | undefined;
  sort: 'code' | 'headName' | 'updatedAt' | 'incomePerCapita';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

const SORT = {
  code: 'households.code',
  headName: 'households.head_name',
  updatedAt: 'households.updated_at',
  incomePerCapita: 'households.income_per_capita',
} as const;

function filtered(
  executor: Executor,
  scope: Scope,
  filter: Omit<HouseholdFilter, 'sort' | 'order' | 'offset' | 'limit'>,
) {
  let query = db(executor)
    .selectFrom('households')
    .leftJoin('household_versions as hv', (join) =>
      filter.asOf
        ? join
            .onRef('hv.household_id', '=', 'households.id')
            .on('hv.valid_from', '<=', filter.asOf)
            .on((eb) => eb.or([eb('hv.valid_to', 'is', null), eb('hv.valid_to', '>', filter.asOf ?? '')]))
        : join.onRef('hv.household_id', '=', 'households.id').on('hv.id', 'is', null),
    );
  const condition = householdScope(executor, scope);
  if (condition) query = query.where(condition);
  if (filter.asOf) query = query.where('hv.id', 'is not', null);
  const typeColumn = filter.asOf ? 'hv.type' : 'households.type';
  const monitoringColumn = filter.asOf ? 'hv.monitoring_category' : 'households.monitoring_category';
  const risksColumn = filter.asOf ? 'hv.risks' : 'households.risks';
  const eliminatedColumn = filter.asOf ? 'hv.risk_eliminated' : 'households.risk_eliminated';
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([eb('households.head_name', 'like', `%${text}%`), eb('households.code', 'like', `${text}%`)]),
    );
  }
  if (filter.villageId) query = query.where('households.village_id', '=', filter.villageId);
  if (filter.regionPrefix) query = query.where('households.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.type) query = query.where(typeColumn, '=', filter.type as HouseholdRow['type']);
  if (filter.monitoringCategory) {
    query = query.where(monitoringColumn, '=', filter.monitoringCategory as HouseholdRow['monitoring_category']);
  }
  if (filter.risk) query = query.where(risksColumn, 'like', `%"${filter.risk}"%`);
  if (filter.riskEliminated !== undefined) query = query.where(eliminatedColumn, '=', filter.riskEliminated ? 1 : 0);
  if (filter.mainCause !== undefined) query = query.where('households.main_cause', '=', filter.mainCause);
  if (filter.idNumberHash) {
    query = query.where(
      'households.id',
      'in',
      db(executor)
        .selectFrom('persons')
        .select('persons.household_id')
        .where('persons.id_number_hash', '=', filter.idNumberHash),
    );
  }
  return query;
}

export type HouseholdListRow = HouseholdRow & {
  as_of_type: HouseholdRow['type'] | null;
  as_of_monitoring_category: HouseholdRow['monitoring_category'] | null;
  as_of_risks: string | null;
  as_of_risk_eliminated: number | null;
};

/** How many of the filtered households there are in total, by type, by monitoring category, and with each risk. */
export async function countHouseholds(
  executor: Executor,
  scope: Scope,
  filter: Omit<HouseholdFilter, 'sort' | 'order' | 'offset' | 'limit'>,
  risks: readonly string[],
): Promise<{
  total: number;
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  byRisk: Record<string, number>;
}> {
  const query = filtered(executor, scope, filter);
  const typeColumn = filter.asOf ? 'hv.type' : 'households.type';
  const categoryColumn = filter.asOf ? 'hv.monitoring_category' : 'households.monitoring_category';
  const risksColumn = filter.asOf ? 'hv.risks' : 'households.risks';
  const [types, categories, ...riskCounts] = await Promise.all([
    query
      .select([typeColumn, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(typeColumn)
      .execute(),
    query
      .select([categoryColumn, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(categoryColumn)
      .execute(),
    ...risks.map((risk) =>
      query
        .where(risksColumn, 'like', `%"${risk}"%`)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  ]);
  const byType = Object.fromEntries(types.map((row) => [String(row.type), row.n]));
  return {
    total: Object.values(byType).reduce((sum, n) => sum + n, 0),
    byType,
    byCategory: Object.fromEntries(
      categories.flatMap((row) => (row.monitoring_category ? [[row.monitoring_category, row.n]] : [])),
    ),
    byRisk: Object.fromEntries(risks.map((risk, i) => [risk, riskCounts[i]?.n ?? 0])),
  };
}

export async function listHouseholds(
  executor: Executor,
  scope: Scope,
  filter: HouseholdFilter,
): Promise<{ rows: HouseholdListRow[]; total: number }> {
  const query = filtered(executor, scope, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll('households')
      .select([
        'hv.type as as_of_type',
        'hv.monitoring_category as as_of_monitoring_category',
        'hv.risks as as_of_risks',
        'hv.risk_eliminated as as_of_risk_eliminated',
      ])
      .orderBy(SORT[filter.sort], filter.order)
      .orderBy('households.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Every matching household in pages, for exports that stream. */
export async function* streamHouseholds(
  executor: Executor,
  scope: Scope,
  filter: Omit<HouseholdFilter, 'sort' | 'order' | 'offset' | 'limit'>,
  pageSize = 1000,
): AsyncGenerator<HouseholdRow[]> {
  let after: string | null = null;
  for (;;) {
    let query = filtered(executor, scope, filter).selectAll('households');
    if (after !== null) query = query.where('households.id', '>', after);
    const rows = await query.orderBy('households.id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

export async function insertHouseholds(executor: Executor, rows: readonly HouseholdRow[]): Promise<void> {
  await insertMany(executor, 'households', rows);
}

export async function updateHouseholdRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<HouseholdRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('households').set(changes).where('id', '=', id).execute();
}

export async function adjustMemberCount(executor: Executor, id: string, delta: number): Promise<void> {
  await db(executor)
    .updateTable('households')
    .set((eb) => ({ member_count: eb('member_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

export async function currentHouseholdVersion(
  executor: Executor,
  householdId: string,
): Promise<HouseholdVersionRow | undefined> {
  return db(executor)
    .selectFrom('household_versions')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export async function closeHouseholdVersion(executor: Executor, id: string, validTo: string): Promise<void> {
  await db(executor).updateTable('household_versions').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function amendHouseholdVersion(executor: Executor, id: string, row: HouseholdVersionRow): Promise<void> {
  const { id: _id, household_id: _household, valid_from: _from, valid_to: _to, ...state } = row;
  await db(executor).updateTable('household_versions').set(state).where('id', '=', id).execute();
}

export async function insertHouseholdVersions(executor: Executor, rows: readonly HouseholdVersionRow[]): Promise<void> {
  await insertMany(executor, 'household_versions', rows);
}

export async function listHouseholdVersions(executor: Executor, householdId: string): Promise<HouseholdVersionRow[]> {
  return db(executor)
    .selectFrom('household_versions')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** Households by code that the scope may change, for imports of members. */
export async function findHouseholdsByCodesInScope(
  executor: Executor,
  scope: Scope,
  codes: readonly string[],
): Promise<Map<string, Pick<HouseholdRow, 'id' | 'organization_id'>>> {
  if (codes.length === 0) return new Map();
  let query = db(executor)
    .selectFrom('households')
    .select(['households.id', 'households.code', 'households.organization_id'])
    .where('households.code', 'in', codes);
  const condition = householdScope(executor, scope);
  if (condition) query = query.where(condition);
  const rows = await query.execute();
  return new Map(
    rows.flatMap((row) =>
      row.code ? [[row.code, { id: row.id, organization_id: row.organization_id }] as const] : [],
    ),
  );
}

/** Sets the member counts of these households from their persons, a thousand households a statement. */
export async function recountMembers(executor: Executor, householdIds: Iterable<string>): Promise<void> {
  const ids = [...householdIds];
  for (let start = 0; start < ids.length; start += 1000) {
    await db(executor)
      .updateTable('households')
      .set((eb) => ({
        member_count: eb
          .selectFrom('persons')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('persons.household_id', '=', 'households.id'),
      }))
      .where('id', 'in', ids.slice(start, start + 1000))
      .execute();
  }
}
