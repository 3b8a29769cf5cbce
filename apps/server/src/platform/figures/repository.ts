import { sql } from 'kysely';
import { tablesOf, type Executor } from '../db/index.js';
import type { FigureBucketRow, FigureTables } from './tables.js';

const db = (executor: Executor) => tablesOf<FigureTables>(executor);

/** Rows per statement: 7 parameters each, well under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 1000;

/** Adds to the buckets, creating the ones not there yet; one statement per thousand buckets. */
export async function addToBuckets(executor: Executor, rows: readonly FigureBucketRow[]): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    await db(executor)
      .insertInto('figure_buckets')
      .values(rows.slice(from, from + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(['measure', 'grain', 'period', 'organization_id', 'd1', 'd2'])
          .doUpdateSet({ value: sql<number>`figure_buckets.value + excluded.value` }),
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
