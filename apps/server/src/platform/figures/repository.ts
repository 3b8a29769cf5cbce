import { sql } from 'kysely';
import { tablesOf, type Executor } from '../db/index.js';
import type { FigureBucketRow, FigureTables } from './tables.js';

const db = (executor: Executor) => tablesOf<FigureTables>(executor);

/** Adds to the buckets, creating the ones not there yet; one statement for the whole batch. */
export async function addToBuckets(executor: Executor, rows: readonly FigureBucketRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db(executor)
    .insertInto('figure_buckets')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['measure', 'grain', 'period', 'organization_id', 'd1', 'd2'])
        .doUpdateSet({ value: sql<number>`figure_buckets.value + excluded.value` }),
    )
    .execute();
}

export type PeriodRange = { grain: 'Y' | 'D'; from: string; to: string };

export type BucketSum = { measure: string; organization_id: string; d1: string; d2: string; value: number };

/** Sums per organization and dimensions over the given stretches of periods (unscoped: callers pick the organizations). */
export async function sumBuckets(
  executor: Executor,
  measures: readonly string[],
  ranges: readonly PeriodRange[],
): Promise<BucketSum[]> {
  if (measures.length === 0 || ranges.length === 0) return [];
  return db(executor)
    .selectFrom('figure_buckets')
    .select(['measure', 'organization_id', 'd1', 'd2'])
    .select((eb) => eb.fn.sum<number>('value').as('value'))
    .where('measure', 'in', [...measures])
    .where((eb) =>
      eb.or(
        ranges.map((range) =>
          eb.and([eb('grain', '=', range.grain), eb('period', '>=', range.from), eb('period', '<=', range.to)]),
        ),
      ),
    )
    .groupBy(['measure', 'organization_id', 'd1', 'd2'])
    .execute();
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
