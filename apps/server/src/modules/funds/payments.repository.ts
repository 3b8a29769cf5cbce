import type { Scope } from '../../platform/access/index.js';
import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { FundsTables, PaymentBatchRow, PaymentItemRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

export async function insertBatch(
  executor: Executor,
  batch: PaymentBatchRow,
  items: readonly PaymentItemRow[],
): Promise<void> {
  await db(executor).insertInto('payment_batches').values(batch).execute();
  await insertMany(executor, 'payment_items', items);
}

export async function findBatch(executor: Executor, scope: Scope, id: string): Promise<PaymentBatchRow | undefined> {
  let query = db(executor).selectFrom('payment_batches').selectAll().where('id', '=', id);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.executeTakeFirst();
}

export async function batchesOfProject(
  executor: Executor,
  scope: Scope,
  projectId: string,
): Promise<PaymentBatchRow[]> {
  let query = db(executor).selectFrom('payment_batches').selectAll().where('project_id', '=', projectId);
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  return query.orderBy('id', 'desc').execute();
}

export async function itemsOf(executor: Executor, batchIds: readonly string[]): Promise<PaymentItemRow[]> {
  if (batchIds.length === 0) return [];
  return db(executor).selectFrom('payment_items').selectAll().where('batch_id', 'in', batchIds).orderBy('id').execute();
}

export async function itemsByIds(executor: Executor, ids: readonly string[]): Promise<PaymentItemRow[]> {
  if (ids.length === 0) return [];
  return db(executor)
    .selectFrom('payment_items')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Settles pending items; returns how many were still pending (a concurrent settlement takes the rest). */
export async function settleItems(
  executor: Executor,
  ids: readonly string[],
  change: Pick<PaymentItemRow, 'status' | 'settled_on' | 'settle_entry_id'>,
): Promise<number> {
  const result = await db(executor)
    .updateTable('payment_items')
    .set(change)
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setBatchStatus(executor: Executor, id: string, status: PaymentBatchRow['status']): Promise<void> {
  await db(executor).updateTable('payment_batches').set({ status }).where('id', '=', id).execute();
}

export async function payeeNames(executor: Executor, itemIds: readonly string[]): Promise<Map<string, PaymentItemRow>> {
  const rows = await itemsByIds(executor, itemIds);
  return new Map(rows.map((row) => [row.id, row]));
}
