import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf, tablesOf, type Executor } from '../db/index.js';
import type { FigureBucketRow, FigureTables } from './tables.js';

/** The buckets, and the scratch table a check replays the records into (temporary: this connection's own). */
type Tables = FigureTables & { figure_replay: FigureBucketRow };

const db = (executor: Executor) => tablesOf<Tables>(executor);

/** Rows per statement: 7 parameters each, well under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 1000;

/** Adds to the buckets, creating the ones not there yet; one statement per thousand buckets. */
export async function addToBuckets(executor: Executor, rows: readonly FigureBucketRow[]): Promise<void> {
  await upsertAdd(executor, 'figure_buckets', rows);
}

async function upsertAdd(
  executor: Executor,
  table: 'figure_buckets' | 'figure_replay',
  rows: readonly FigureBucketRow[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    await db(executor)
      .insertInto(table)
      .values(rows.slice(from, from + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(['measure', 'grain', 'period', 'organization_id', 'd1', 'd2'])
          .doUpdateSet({ value: sql<number>`${sql.ref(table)}.value + excluded.value` }),
      )
      .execute();
  }
}

export type PeriodRange = { grain: 'Y' | 'D'; from: string; to: string };

export type BucketSum = { measure: string; organization_id: string; d1: string; d2: string; value: number };

/**
 * Sums per organization and dimensions over the given stretches of periods (unscoped: callers pick the
 * organizations). One query per measure and stretch, so that each reads a range of the key's index
 * rather than the whole table.
 */
export async function sumBuckets(
  executor: Executor,
  measures: readonly string[],
  ranges: readonly PeriodRange[],
): Promise<BucketSum[]> {
  const sums = new Map<string, BucketSum>();
  for (const measure of measures) {
    for (const range of ranges) {
      const rows = await db(executor)
        .selectFrom('figure_buckets')
        .select(['measure', 'organization_id', 'd1', 'd2'])
        .select((eb) => eb.fn.sum<number>('value').as('value'))
        .where('measure', '=', measure)
        .where('grain', '=', range.grain)
        .where('period', '>=', range.from)
        .where('period', '<=', range.to)
        .groupBy(['measure', 'organization_id', 'd1', 'd2'])
        .execute();
      for (const row of rows) {
        const key = [row.measure, row.organization_id, row.d1, row.d2].join('\u0000');
        const seen = sums.get(key);
        if (seen) seen.value += row.value;
        else sums.set(key, { ...row });
      }
    }
  }
  return [...sums.values()];
}

/** Every bucket of a measure at one grain, for checks that recompute figures from the records. */
export async function bucketsOf(executor: Executor, measure: string, grain: 'Y' | 'D'): Promise<FigureBucketRow[]> {
  return db(executor)
    .selectFrom('figure_buckets')
    .selectAll()
    .where('measure', '=', measure)
    .where('grain', '=', grain)
    .execute();
}

/**
 * Runs `work` in a transaction that reads one snapshot of the database throughout (PostgreSQL repeatable
 * read; SQLite's read transaction), so that records and buckets are compared as of one moment while the
 * server goes on writing. Writes to the temporary replay table take no lock on the real tables.
 */
export async function inSnapshot<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  const kysely: Kysely<unknown> = tablesOf<unknown>(executor);
  if (kysely.isTransaction) return work(executor);
  const builder = kysely.transaction();
  return (dialectOf(kysely) === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute((tx) =>
    work(tx as unknown as Executor),
  );
}

/** The scratch table a check replays into, on this transaction's connection; gone with a rollback. */
export async function createReplayTable(tx: Executor): Promise<void> {
  const t = columnTypes(tablesOf<unknown>(tx));
  await db(tx)
    .schema.createTable('figure_replay')
    .temporary()
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('organization_id', t.id, (c) => c.notNull())
    .addColumn('d1', 'text', (c) => c.notNull())
    .addColumn('d2', 'text', (c) => c.notNull())
    .addColumn('value', t.count, (c) => c.notNull())
    .addPrimaryKeyConstraint('figure_replay_key', ['measure', 'grain', 'period', 'organization_id', 'd1', 'd2'])
    .execute();
}

export async function dropReplayTable(tx: Executor): Promise<void> {
  await db(tx).schema.dropTable('figure_replay').execute();
}

export async function addToReplay(tx: Executor, rows: readonly FigureBucketRow[]): Promise<void> {
  await upsertAdd(tx, 'figure_replay', rows);
}

export type BucketDifference = Omit<FigureBucketRow, 'value'> & { bucket: number; records: number };

/**
 * The buckets of a measure whose value differs from the replayed one (a bucket missing on either side counts
 * as 0, so the zeros the live path leaves behind agree with nothing): how many, and the first `limit` of them,
 * years before days.
 */
export async function replayDifferences(
  tx: Executor,
  measure: string,
  limit: number,
): Promise<{ count: number; rows: BucketDifference[] }> {
  const keys = ['grain', 'period', 'organization_id', 'd1', 'd2'] as const;
  const both = db(tx)
    .selectFrom('figure_buckets')
    .select([...keys, 'value as bucket', sql<number>`0`.as('records')])
    .where('measure', '=', measure)
    .unionAll(
      db(tx)
        .selectFrom('figure_replay')
        .select([...keys, sql<number>`0`.as('bucket'), 'value as records'])
        .where('measure', '=', measure),
    );
  const differing = db(tx)
    .selectFrom(both.as('b'))
    .select(keys)
    .select((eb) => [eb.fn.sum<number>('bucket').as('bucket'), eb.fn.sum<number>('records').as('records')])
    .groupBy([...keys])
    .having((eb) => eb(eb.fn.sum('bucket'), '<>', eb.fn.sum('records')));
  const [count, rows] = await Promise.all([
    db(tx)
      .selectFrom(differing.as('d'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    differing
      .orderBy('grain', 'desc')
      .orderBy('period')
      .orderBy('organization_id')
      .orderBy('d1')
      .orderBy('d2')
      .limit(limit)
      .execute(),
  ]);
  return { count: count.n, rows: rows.map((row) => ({ measure, ...row })) };
}

/** Whether the buckets hold anything at all (any measure, even a zero). */
export async function hasBuckets(executor: Executor): Promise<boolean> {
  const row = await db(executor).selectFrom('figure_buckets').select('measure').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Buckets per measure that hold something (the zeros cancelled moves leave are not counted). */
export async function bucketCounts(
  executor: Executor,
  table: 'figure_buckets' | 'figure_replay',
): Promise<Map<string, number>> {
  const rows = await db(executor)
    .selectFrom(table)
    .select(['measure', (eb) => eb.fn.countAll<number>().as('n')])
    .where('value', '<>', 0)
    .groupBy('measure')
    .execute();
  return new Map(rows.map((row) => [row.measure, row.n]));
}

/**
 * Makes every other writer of figures wait until the transaction ends (PostgreSQL; on SQLite the first write
 * already holds the one write lock), so that no delta lands between the records read and the buckets written.
 */
export async function lockBuckets(tx: Executor): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`lock table figure_buckets in exclusive mode`.execute(tablesOf<unknown>(tx));
}

/** Removes the buckets of these measures; how many there were. */
export async function deleteBuckets(tx: Executor, measures: readonly string[]): Promise<number> {
  if (measures.length === 0) return 0;
  const result = await db(tx)
    .deleteFrom('figure_buckets')
    .where('measure', 'in', [...measures])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes buckets of these measures that hold nothing (moves that cancelled out across batches). */
export async function deleteEmptyBuckets(tx: Executor, measures: readonly string[]): Promise<void> {
  if (measures.length === 0) return;
  await db(tx)
    .deleteFrom('figure_buckets')
    .where('measure', 'in', [...measures])
    .where('value', '=', 0)
    .execute();
}
