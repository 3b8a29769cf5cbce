import type {
  TAnnualPack,
  TDisclosureBoard,
  TDisclosureObligation,
  TDisclosureState,
  TFigureRecords,
  TMeasureInfo,
  TStatisticsGrouping,
  TStatisticsSummary,
} from '@tongxin/contracts';
import { api, download, type QueryParams } from './client';

/** The range and subtree every statistics question shares (the pickers at the top of a statistics page). */
export type StatisticsScope = {
  organizationId?: string;
  year?: number;
  from?: string;
  to?: string;
};

export type SummaryQuery = StatisticsScope & {
  measures: readonly string[];
  groupBy?: readonly TStatisticsGrouping[];
  compare?: boolean;
};

/**
 * One figure: a measure, narrowed by the values of a summary row's groupings by their names (a year narrows
 * the period instead).
 */
export type RecordsQuery = StatisticsScope & { measure: string } & { [grouping: string]: string | number | undefined };

export type AnnualPackQuery = { organizationId: string; year: number };

export type DisclosureBoardQuery = {
  organizationId?: string;
  on?: string;
  state?: TDisclosureState;
  obligation?: TDisclosureObligation;
} & QueryParams;

/** The API takes lists as `a,b`. */
const summaryParams = (query: SummaryQuery): QueryParams => ({
  organizationId: query.organizationId,
  year: query.year,
  from: query.from,
  to: query.to,
  measures: query.measures.join(','),
  groupBy: query.groupBy?.join(','),
  compare: query.compare || undefined,
});

/** Query keys of this module; a change to the books or an issued pack invalidates everything under `all`. */
export const statisticsKeys = {
  all: ['statistics'] as const,
  measures: ['statistics', 'measures'] as const,
  summary: (query: SummaryQuery) => ['statistics', 'summary', summaryParams(query)] as const,
  records: (query: RecordsQuery) => ['statistics', 'records', query] as const,
  annual: (query: AnnualPackQuery) => ['statistics', 'annual', query] as const,
  disclosures: (query: DisclosureBoardQuery) => ['statistics', 'disclosures', query] as const,
};

export const fetchMeasures = (signal?: AbortSignal) => api<TMeasureInfo[]>('GET', '/statistics/measures', { signal });

export const fetchSummary = (query: SummaryQuery, signal?: AbortSignal) =>
  api<TStatisticsSummary>('GET', '/statistics/summary', { query: summaryParams(query), signal });

export const exportSummary = (query: SummaryQuery) =>
  download('/statistics/summary.xlsx', summaryParams(query), 'statistics.xlsx');

const SCOPE_KEYS = new Set(['measure', 'organizationId', 'year', 'from', 'to']);

/**
 * The records query as a query string. A grouping's empty value (a row of 未填 or 非监测对象) selects the
 * records without one, so unlike other filters it is sent, not dropped.
 */
function recordsParams(query: RecordsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && (value !== '' || !SCOPE_KEYS.has(key))) params.set(key, String(value));
  }
  return `?${params.toString()}`;
}

export const fetchFigureRecords = (query: RecordsQuery, signal?: AbortSignal) =>
  api<TFigureRecords>('GET', `/statistics/records${recordsParams(query)}`, { signal });

export const fetchAnnualPack = (query: AnnualPackQuery, signal?: AbortSignal) =>
  api<TAnnualPack>('GET', '/statistics/annual', { query, signal });

export const exportAnnualPack = (query: AnnualPackQuery) =>
  download('/statistics/annual.xlsx', query, `annual-${query.year}.xlsx`);

export const issueAnnualPack = (body: AnnualPackQuery) =>
  api<TAnnualPack>('POST', '/statistics/annual/issue', { body });

export const fetchDisclosureBoard = (query: DisclosureBoardQuery, signal?: AbortSignal) =>
  api<TDisclosureBoard>('GET', '/disclosures/board', { query, signal });
