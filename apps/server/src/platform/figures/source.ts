import type { Localized } from '@tongxin/contracts';
import type { ServiceContext } from '../context.js';
import type { Executor } from '../db/index.js';
import type { FigureDelta } from './figures.js';

/** What a measure counts, so every figure says what it is. */
export type MeasureDefinition = {
  label: Localized;
  /** fen: money in fen (shown as yuan); count: a number of things. */
  unit: 'fen' | 'count';
  /** flow: what happened within a date range; stock: what stood on a date (the sum of everything before it). */
  kind: 'flow' | 'stock';
  /** What d1 and d2 hold, with the names of their values; absent when the measure does not use one. */
  d1?: DimensionDefinition;
  d2?: DimensionDefinition;
  /** A longer note: which records count, on which date. */
  note: Localized;
};

export type DimensionDefinition = { name: string; label: Localized; values: Readonly<Record<string, Localized>> };

/** The records behind one figure, as a small table the web app shows and links from. */
export type FigureRecords = {
  columns: { key: string; label: Localized; unit?: 'fen' }[];
  rows: { id: string; link: string | null; cells: Record<string, string | number | Localized | null> }[];
  total: number;
};

export type FigureRecordQuery = {
  measure: string;
  organizationIds: readonly string[];
  from?: string;
  to?: string;
  d1?: string;
  d2?: string;
  limit: number;
};

/** Deltas recomputed from a source's records, and how far the replay has come (records read, of all). */
export type FigureReplayBatch = { deltas: readonly FigureDelta[]; done: number; total: number };

/**
 * What a module contributes to statistics: the measures it writes with `addFigures`, and how to list the
 * records behind a figure. The statistics module reads every source through this shape and knows none.
 */
export type FigureSource = {
  name: string;
  /** What the source's figures are about, as a heading (项目, 资金). */
  label: Localized;
  /** Where its tables stand in an annual work summary: projects first, then money, then beneficiaries. */
  order: number;
  measures: Readonly<Record<string, MeasureDefinition>>;
  records: (ctx: ServiceContext, query: FigureRecordQuery) => Promise<FigureRecords>;
  /**
   * Every delta the module's live path has written, recomputed from its own records — the same measure,
   * organization, date and dimensions, through the same classification — a batch at a time, so that a large
   * database is never read whole (`tongxin figures verify` and `rebuild`). Runs inside one transaction on
   * the executor it is given. A source without one is neither checked nor rebuilt.
   */
  replay?: (executor: Executor) => AsyncIterable<FigureReplayBatch>;
};
