import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import { asExecutor, tablesOf, type Executor } from './executor.js';

/** The afterCommit callbacks of the unit of work running in a transaction now. */
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

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type Waiting = { work: (tx: Executor) => Promise<unknown>; settle: (outcome: Outcome) => void };
type Group = { waiting: Waiting[]; isRunning: boolean };

const groups = new WeakMap<object, Group>();
/** Enough to amortize a commit; few enough that the first of a group does not wait long for the last. */
const GROUP_MAX = 32;

/**
 * `withTransaction` for small, frequent writes (postings) on SQLite, which has one writer anyway: units that
 * arrive while a transaction runs are run together in the next one, each in its own savepoint, so that a
 * refusal takes back only its own writes, and one commit serves them all. A unit's promise settles only
 * after that commit, so nothing is acknowledged that a crash could still take back. On PostgreSQL, where
 * writers run in parallel on their own connections, it is `withTransaction`.
 */
export async function withGroupCommit<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  const kysely = tablesOf<unknown>(executor);
  if (kysely.isTransaction || dialectOf(kysely) !== 'sqlite') return withTransaction(executor, work);
  let group = groups.get(kysely);
  if (!group) {
    group = { waiting: [], isRunning: false };
    groups.set(kysely, group);
  }
  const outcome = await new Promise<Outcome>((settle) => {
    group.waiting.push({ work, settle });
    if (group.isRunning) return;
    group.isRunning = true;
    // better-sqlite3 answers at once, so a request runs to its end without yielding: waiting for the next
    // turn of the event loop lets the requests that have already arrived reach this point and join.
    setImmediate(() => void runGroups(kysely, group));
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value as T;
}

async function runGroups(kysely: Kysely<unknown>, group: Group): Promise<void> {
  while (group.waiting.length > 0) {
    const batch = group.waiting.splice(0, GROUP_MAX);
    const callbacks: (() => void)[] = [];
    const settles = await kysely
      .transaction()
      .execute((tx) => runUnits(tx, batch, callbacks))
      .catch((error: unknown) => {
        // A unit alone was refused, the commit failed, or SQLite took the whole transaction back: none of
        // the group happened.
        callbacks.length = 0;
        return batch.map(
          ({ settle }) =>
            () =>
              settle({ ok: false, error }),
        );
      });
    for (const settle of settles) settle();
    for (const callback of callbacks) callback();
  }
  group.isRunning = false;
}

/**
 * Runs the units one after another, each in a savepoint of its own when there are several (one alone needs
 * none: its refusal takes back the transaction, as withTransaction's would). Returns what settles each unit,
 * to be called once the group has committed.
 */
async function runUnits(
  tx: Kysely<unknown>,
  batch: readonly Waiting[],
  callbacks: (() => void)[],
): Promise<(() => void)[]> {
  const isShared = batch.length > 1;
  const settles: (() => void)[] = [];
  for (const { work, settle } of batch) {
    const own: (() => void)[] = [];
    committed.set(tx, own);
    if (isShared) await sql`savepoint grouped`.execute(tx);
    try {
      const value = await work(asExecutor(tx));
      if (isShared) await sql`release grouped`.execute(tx);
      callbacks.push(...own);
      settles.push(() => settle({ ok: true, value }));
    } catch (error) {
      if (!isShared) throw error;
      // If SQLite has already ended the transaction, this fails, and with it the whole group.
      await sql`rollback to grouped`.execute(tx);
      await sql`release grouped`.execute(tx);
      settles.push(() => settle({ ok: false, error }));
    }
  }
  return settles;
}
