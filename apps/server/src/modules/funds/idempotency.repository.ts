import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FundsTables, IdempotencyKeyRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

/**
 * Claims a key for this transaction. False when it is taken; on PostgreSQL a claim still in flight in
 * another transaction makes this wait until that one commits or rolls back, so the answer is final.
 */
export async function claimKey(executor: Executor, row: IdempotencyKeyRow): Promise<boolean> {
  const result = await db(executor)
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['owner_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findKey(
  executor: Executor,
  ownerId: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  return db(executor)
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function storeResponse(executor: Executor, ownerId: string, key: string, response: string): Promise<void> {
  await db(executor)
    .updateTable('idempotency_keys')
    .set({ response })
    .where('owner_id', '=', ownerId)
    .where('key', '=', key)
    .execute();
}
