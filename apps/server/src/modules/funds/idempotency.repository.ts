import { runWrittenSql, tablesOf, type Executor } from '../../platform/db/index.js';
import type { FundsTables, IdempotencyKeyRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

/**
 * Claims a key for this transaction. False when it is taken; on PostgreSQL a claim still in flight in
 * another transaction makes this wait until that one commits or rolls back, so the answer is final.
 */
export async function claimKey(executor: Executor, row: IdempotencyKeyRow): Promise<boolean> {
  const { affected } = await runWrittenSql(
    executor,
    'insert into idempotency_keys (owner_id, key, operation, request_hash, response, created_at) ' +
      'values (?, ?, ?, ?, ?, ?) on conflict (owner_id, key) do nothing',
    [row.owner_id, row.key, row.operation, row.request_hash, row.response, row.created_at],
  );
  return affected > 0;
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
  await runWrittenSql(executor, 'update idempotency_keys set response = ? where owner_id = ? and key = ?', [
    response,
    ownerId,
    key,
  ]);
}
