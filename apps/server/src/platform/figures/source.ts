import type { Localized } from '@tongxin/contracts';
import type { ServiceContext } from '../context.js';

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
};
