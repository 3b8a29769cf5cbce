import type { Kysely } from 'kysely';
import { asExecutor, tablesOf, type Executor } from './executor.js';

/**
 * Runs `work` in one transaction: the unit of work a service holds while repositories write. Called
 * inside a transaction, it joins it, so services compose without nesting transactions.
 */
export async function withTransaction<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  const kysely: Kysely<unknown> = tablesOf<unknown>(executor);
  if (kysely.isTransaction) return work(executor);
  return kysely.transaction().execute((tx) => work(asExecutor(tx)));
}
