import type { Scope } from '../../platform/access/index.js';
import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { DonationRow, DonorRow, FundsTables } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

export async function insertDonor(executor: Executor, row: DonorRow): Promise<void> {
  await db(executor).insertInto('donors').values(row).execute();
}

export async function findDonor(executor: Executor, scope: Scope, id: string): Promise<DonorRow | undefined> {
  let query = db(executor).selectFrom('donors').selectAll().where('id', '=', id);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.executeTakeFirst();
}

/** A donor registered with this organization (whose writability the caller has checked). */
export async function donorOfOrganization(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<DonorRow | undefined> {
  return db(executor)
    .selectFrom('donors')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export type DonorFilter = {
  text?: string | undefined;
  kind?: string | undefined;
  organizationId?: string | undefined;
  offset: number;
  limit: number;
};

export async function listDonors(
  executor: Executor,
  scope: Scope,
  filter: DonorFilter,
): Promise<{ rows: DonorRow[]; total: number }> {
  let query = db(executor).selectFrom('donors');
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.text) query = query.where('name', 'like', `%${filter.text}%`);
  if (filter.kind) query = query.where('kind', '=', filter.kind as DonorRow['kind']);
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Number of gifts and their total net of refunds, per donor. */
export async function donorTotals(
  executor: Executor,
  donorIds: readonly string[],
): Promise<Map<string, { count: number; total: number }>> {
  if (donorIds.length === 0) return new Map();
  const rows = await db(executor)
    .selectFrom('donations')
    .select([
      'donor_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>(eb('amount', '-', eb.ref('refunded_amount'))).as('total'),
    ])
    .where('donor_id', 'in', donorIds)
    .where('status', '!=', 'reversed')
    .groupBy('donor_id')
    .execute();
  return new Map(rows.map((row) => [row.donor_id, { count: row.n, total: row.total }]));
}

export async function insertDonation(executor: Executor, row: DonationRow): Promise<void> {
  await insertMany(executor, 'donations', [row]);
}

export async function findDonation(executor: Executor, scope: Scope, id: string): Promise<DonationRow | undefined> {
  let query = db(executor).selectFrom('donations').selectAll().where('id', '=', id);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.executeTakeFirst();
}

export async function findDonationByEntry(executor: Executor, entryId: string): Promise<DonationRow | undefined> {
  return db(executor).selectFrom('donations').selectAll().where('entry_id', '=', entryId).executeTakeFirst();
}

export type DonationFilter = {
  organizationId?: string | undefined;
  donorId?: string | undefined;
  pledgeId?: string | undefined;
  form?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
};

export async function listDonations(
  executor: Executor,
  scope: Scope,
  filter: DonationFilter,
): Promise<{ rows: DonationRow[]; total: number }> {
  let query = db(executor).selectFrom('donations');
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.donorId) query = query.where('donor_id', '=', filter.donorId);
  if (filter.pledgeId) query = query.where('pledge_id', '=', filter.pledgeId);
  if (filter.form) query = query.where('form', '=', filter.form as DonationRow['form']);
  if (filter.from) query = query.where('received_on', '>=', filter.from);
  if (filter.to) query = query.where('received_on', '<=', filter.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function donorsByIds(executor: Executor, ids: readonly string[]): Promise<Map<string, DonorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db(executor)
    .selectFrom('donors')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function updateDonationRefund(
  executor: Executor,
  id: string,
  refundedAmount: number,
  status: DonationRow['status'],
): Promise<void> {
  await db(executor)
    .updateTable('donations')
    .set({ refunded_amount: refundedAmount, status })
    .where('id', '=', id)
    .execute();
}

/** Donations by id, whoever asks: for naming the gifts behind a project the caller may see. */
export async function findDonationsByIds(executor: Executor, ids: readonly string[]): Promise<DonationRow[]> {
  if (ids.length === 0) return [];
  return db(executor)
    .selectFrom('donations')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('received_on')
    .execute();
}
