import type { Scope } from '../../platform/access/index.js';
import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { FundsTables, PledgeInstalmentRow, PledgeRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

export async function insertPledge(
  executor: Executor,
  pledge: PledgeRow,
  instalments: readonly PledgeInstalmentRow[],
): Promise<void> {
  await db(executor).insertInto('pledges').values(pledge).execute();
  await insertMany(executor, 'pledge_instalments', instalments);
}

export async function findPledge(executor: Executor, scope: Scope, id: string): Promise<PledgeRow | undefined> {
  let query = db(executor).selectFrom('pledges').selectAll().where('id', '=', id);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.executeTakeFirst();
}

export type PledgeFilter = { organizationId?: string | undefined; donorId?: string | undefined };

/** Pledges in scope; few enough per organization to page after computing what is overdue. */
export async function listPledges(executor: Executor, scope: Scope, filter: PledgeFilter): Promise<PledgeRow[]> {
  let query = db(executor).selectFrom('pledges').selectAll();
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.donorId) query = query.where('donor_id', '=', filter.donorId);
  return query.orderBy('pledged_on', 'desc').orderBy('id', 'desc').execute();
}

export async function instalmentsOf(executor: Executor, pledgeIds: readonly string[]): Promise<PledgeInstalmentRow[]> {
  if (pledgeIds.length === 0) return [];
  return db(executor)
    .selectFrom('pledge_instalments')
    .selectAll()
    .where('pledge_id', 'in', pledgeIds)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

/** What came in against each pledge: gifts net of refunds, reversed ones left out. */
export async function fulfilledAmounts(executor: Executor, pledgeIds: readonly string[]): Promise<Map<string, number>> {
  if (pledgeIds.length === 0) return new Map();
  const rows = await db(executor)
    .selectFrom('donations')
    .select(['pledge_id', (eb) => eb.fn.sum<number>(eb('amount', '-', eb.ref('refunded_amount'))).as('total')])
    .where('pledge_id', 'in', pledgeIds)
    .where('status', '!=', 'reversed')
    .groupBy('pledge_id')
    .execute();
  return new Map(rows.flatMap((row) => (row.pledge_id ? [[row.pledge_id, row.total] as const] : [])));
}
