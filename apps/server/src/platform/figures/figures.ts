import type { Executor } from '../db/index.js';
import { addToBuckets, sumBuckets, type BucketSum, type PeriodRange } from './repository.js';
import type { FigureBucketRow } from './tables.js';

/** One change to a figure: `value` added to `measure` for an organization on a Beijing calendar date. */
export type FigureDelta = {
  measure: string;
  organizationId: string;
  /** The business date the change belongs to (YYYY-MM-DD, Beijing). */
  on: string;
  d1?: string;
  d2?: string;
  value: number;
};

/**
 * Adds deltas to the running figures, in the caller's transaction, so the figures always equal the sum of
 * what was committed. Deltas for the same bucket are merged first; ones that cancel out write nothing.
 */
export async function addFigures(executor: Executor, deltas: readonly FigureDelta[]): Promise<void> {
  await addToBuckets(executor, bucketRowsOf(deltas));
}

/** The bucket rows of deltas: each in its year and its day, merged per bucket, those that cancel out left out. */
export function bucketRowsOf(deltas: readonly FigureDelta[]): FigureBucketRow[] {
  const merged = new Map<string, FigureBucketRow>();
  for (const delta of deltas) {
    if (delta.value === 0) continue;
    for (const [grain, period] of [
      ['Y', delta.on.slice(0, 4)],
      ['D', delta.on],
    ] as const) {
      const row: FigureBucketRow = {
        measure: delta.measure,
        grain,
        period,
        organization_id: delta.organizationId,
        d1: delta.d1 ?? '',
        d2: delta.d2 ?? '',
        value: delta.value,
      };
      const key = [row.measure, grain, period, row.organization_id, row.d1, row.d2].join('\u0000');
      const seen = merged.get(key);
      if (seen) seen.value += delta.value;
      else merged.set(key, row);
    }
  }
  return [...merged.values()].filter((row) => row.value !== 0);
}

/**
 * The stretches of buckets that make up a date range (both ends included; either may be open): whole
 * years from the year rows, and the days of a partly covered first or last year from the day rows.
 */
export function periodRanges(from: string | undefined, to: string | undefined): PeriodRange[] {
  const firstYear = from ? Number(from.slice(0, 4)) : 0;
  const lastYear = to ? Number(to.slice(0, 4)) : 9999;
  if (from && to && from > to) return [];
  const startsWholeYear = !from || from.slice(5) === '01-01';
  const endsWholeYear = !to || to.slice(5) === '12-31';
  if (firstYear === lastYear) {
    if (startsWholeYear && endsWholeYear) return [{ grain: 'Y', from: year(firstYear), to: year(firstYear) }];
    return [{ grain: 'D', from: from ?? `${year(firstYear)}-01-01`, to: to ?? `${year(lastYear)}-12-31` }];
  }
  const ranges: PeriodRange[] = [];
  const wholeFrom = startsWholeYear ? firstYear : firstYear + 1;
  const wholeTo = endsWholeYear ? lastYear : lastYear - 1;
  if (!startsWholeYear && from) ranges.push({ grain: 'D', from, to: `${year(firstYear)}-12-31` });
  if (wholeFrom <= wholeTo) ranges.push({ grain: 'Y', from: year(wholeFrom), to: year(wholeTo) });
  if (!endsWholeYear && to) ranges.push({ grain: 'D', from: `${year(lastYear)}-01-01`, to });
  return ranges;
}

function year(value: number): string {
  return String(value).padStart(4, '0');
}

/** Figures summed per organization and dimensions over a date range (unscoped: the caller picks organizations). */
export async function sumFigures(
  executor: Executor,
  measures: readonly string[],
  range: { from?: string; to?: string },
): Promise<BucketSum[]> {
  return sumBuckets(executor, measures, periodRanges(range.from, range.to));
}
