import type { Kysely } from 'kysely';
import { asExecutor, tablesOf, type Executor } from './executor.js';

const committed = new WeakMap<object, (() => void)[]>();

/**
 * Runs `work` in one transaction: the unit of work a service holds while repositories write. Called
 * inside a transaction, it joins it, so services compose without nesting transactions.
 */
export async function withTransaction<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  const kysely: Kysely<unknown> = tablesOf<unknown>(executor);
  if (kysely.isTransaction) return work(executor);
  const callbacks: (() => void)[] = [];
  const result = await kysely.transaction().execute((tx) => {
    committed.set(tx, callbacks);
    return work(asExecutor(tx));
  });
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Runs `callback` once the transaction `executor` belongs to has committed (at once outside one): for
 * process caches that must never learn of rows a rollback took back.
 */
export function afterCommit(executor: Executor, callback: () => void): void {
  const callbacks = committed.get(executor);
  if (callbacks) callbacks.push(callback);
  else if (!tablesOf<unknown>(executor).isTransaction) callback();
}
