import { auditBy, PLATFORM_CHAIN, recordAudit } from '../audit/index.js';
import type { ServiceContext } from '../context.js';
import { withTransaction, type Executor } from '../db/index.js';
import { addFigures, bucketRowsOf, type FigureDelta } from './figures.js';
import {
  addToReplay,
  bucketCounts,
  createReplayTable,
  deleteBuckets,
  deleteEmptyBuckets,
  dropReplayTable,
  hasBuckets,
  inSnapshot,
  lockBuckets,
  replayDifferences,
  type BucketDifference,
} from './repository.js';
import type { FigureSource } from './source.js';

/** How far the replay of a source has come: records read, of all. */
export type ReplayProgress = (source: string, done: number, total: number) => void;

export type MeasureCheck = {
  measure: string;
  source: FigureSource;
  /** Buckets the records give (years and days, those that hold something). */
  buckets: number;
  differences: number;
  /** The first differences, years before days. */
  shown: BucketDifference[];
};

export type FiguresCheck = {
  measures: MeasureCheck[];
  /** Measures found in the buckets that no source can replay: not checked. */
  unchecked: string[];
};

const replayable = (sources: readonly FigureSource[]) =>
  sources.flatMap((source) => (source.replay ? [{ source, replay: source.replay }] : []));

async function replayAll(
  tx: Executor,
  sources: readonly FigureSource[],
  write: (tx: Executor, deltas: readonly FigureDelta[]) => Promise<void>,
  onProgress: ReplayProgress | undefined,
): Promise<void> {
  for (const { source, replay } of replayable(sources)) {
    for await (const batch of replay(tx)) {
      await write(tx, batch.deltas);
      onProgress?.(source.name, batch.done, batch.total);
    }
  }
}

/**
 * `tongxin figures verify`: replays every source's records into a scratch table and compares it with the
 * buckets, measure by measure, as of one snapshot. Memory holds one batch of records and the differences
 * shown, whatever the size of the database; the comparison itself is one grouped query per measure.
 */
export async function verifyFigures(
  executor: Executor,
  sources: readonly FigureSource[],
  options: { shown?: number; onProgress?: ReplayProgress } = {},
): Promise<FiguresCheck> {
  return inSnapshot(executor, async (tx) => {
    await createReplayTable(tx);
    await replayAll(tx, sources, (tx, deltas) => addToReplay(tx, bucketRowsOf(deltas)), options.onProgress);
    const replayed = await bucketCounts(tx, 'figure_replay');
    const measures: MeasureCheck[] = [];
    for (const { source } of replayable(sources)) {
      for (const measure of Object.keys(source.measures)) {
        const { count, rows } = await replayDifferences(tx, measure, options.shown ?? 50);
        measures.push({ measure, source, buckets: replayed.get(measure) ?? 0, differences: count, shown: rows });
      }
    }
    const checked = new Set(measures.map((m) => m.measure));
    const unchecked = [...(await bucketCounts(tx, 'figure_buckets')).keys()].filter((m) => !checked.has(m)).sort();
    await dropReplayTable(tx);
    return { measures, unchecked };
  });
}

export type RebuildReport = { measures: { measure: string; buckets: number }[]; removed: number; written: number };

/**
 * `tongxin figures rebuild`: replaces the buckets of every replayable measure with those its records give,
 * in one transaction that other writers of figures wait for, and records that it did in the platform's
 * audit chain. Buckets of measures no source replays are left as they are.
 */
export async function rebuildFigures(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  onProgress?: ReplayProgress,
): Promise<RebuildReport> {
  return rebuild(ctx, sources, onProgress, false);
}

/** Takes a start-up rebuild back: figures were written meanwhile, or the records give none. */
class LeftAsIs extends Error {}

/**
 * At start-up: when the buckets hold nothing at all while the records give figures (a data directory from
 * before the buckets existed, or one restored without them), rebuilds them once, as `tongxin figures
 * rebuild` does and audited as such. Buckets that hold anything are left alone: whether they are right is
 * `tongxin figures verify`'s question. Null when nothing was rebuilt.
 */
export async function rebuildFiguresIfEmpty(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  onProgress?: ReplayProgress,
): Promise<RebuildReport | null> {
  if (await hasBuckets(ctx.db)) return null;
  try {
    return await rebuild(ctx, sources, onProgress, true);
  } catch (error) {
    if (error instanceof LeftAsIs) return null;
    throw error;
  }
}

async function rebuild(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  onProgress: ReplayProgress | undefined,
  onlyIfEmpty: boolean,
): Promise<RebuildReport> {
  const measureNames = replayable(sources).flatMap(({ source }) => Object.keys(source.measures));
  return withTransaction(ctx.db, async (tx) => {
    await lockBuckets(tx);
    // The first statement writes, so that SQLite takes its write lock before any record is read.
    const removed = await deleteBuckets(tx, measureNames);
    // Another process may have written figures since they were found empty: then they are not ours to replace.
    if (onlyIfEmpty && (removed > 0 || (await hasBuckets(tx)))) throw new LeftAsIs();
    await replayAll(tx, sources, addFigures, onProgress);
    await deleteEmptyBuckets(tx, measureNames);
    const counts = await bucketCounts(tx, 'figure_buckets');
    const measures = measureNames.map((measure) => ({ measure, buckets: counts.get(measure) ?? 0 }));
    const written = measures.reduce((sum, m) => sum + m.buckets, 0);
    // Records that give no figures (drafts only) leave nothing to rebuild, and nothing to record.
    if (onlyIfEmpty && written === 0) throw new LeftAsIs();
    await recordAudit(tx, {
      chainId: PLATFORM_CHAIN,
      action: 'figures.rebuild',
      entityType: 'figure_buckets',
      entityId: null,
      changes: {
        buckets: { before: removed, after: written },
        measures: { before: null, after: measureNames },
        ...(onlyIfEmpty ? { reason: { before: null, after: 'empty buckets at start-up' } } : {}),
      },
      ...auditBy(ctx),
    });
    return { measures, removed, written };
  });
}
