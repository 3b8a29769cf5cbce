import { z } from 'zod';
import { ZBusinessDate, ZId } from './common.js';

export const ZLocalized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** Groupings every figure has: the owning organization's level, its region at three depths, itself, the year. */
export const ORGANIZATION_GROUPINGS = ['level', 'province', 'city', 'county', 'organization', 'year'] as const;

/**
 * What figures can be grouped by: the organization groupings, or a dimension a measure declares — today's
 * sources declare these; a later one may declare its own (any lower-case name) without a change here.
 */
export const STATISTICS_GROUPINGS = [
  'category',
  'status',
  'form',
  'group',
  'household_type',
  'monitoring',
  ...ORGANIZATION_GROUPINGS,
] as const;
// `string & {}` keeps the known names as literals for editors and `Extract`, while any name is allowed.
export type TStatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number] | (string & {});
export const ZStatisticsGrouping: z.ZodType<TStatisticsGrouping> = z.string().regex(/^[a-z][a-z_]{1,39}$/);

/** A list given as `a,b` in a query string (or already as an array, from code). */
const commaList = <T extends z.ZodType>(list: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((part) => part.length > 0) : value),
    list,
  );

export const ZStatisticsQuery = z.object({
  measures: commaList(z.array(z.string().min(1).max(60)).min(1).max(12)),
  groupBy: commaList(z.array(ZStatisticsGrouping).max(3)).optional(),
  /** Only this organization and those under it, as the network stood on the range's last day. */
  organizationId: ZId.optional(),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  from: ZBusinessDate.optional(),
  to: ZBusinessDate.optional(),
  /** Also the same range one year earlier (year over year). */
  compare: z.preprocess((value) => value === true || value === 'true', z.boolean()).optional(),
});
export type TStatisticsQuery = z.input<typeof ZStatisticsQuery>;

export const ZMeasureInfo = z.object({
  key: z.string(),
  label: ZLocalized,
  unit: z.enum(['fen', 'count']),
  kind: z.enum(['flow', 'stock']),
  note: ZLocalized,
  dimensions: z.array(z.object({ name: z.string(), label: ZLocalized })),
});
export type TMeasureInfo = z.infer<typeof ZMeasureInfo>;

export const ZStatisticsRow = z.object({
  /** The value of each grouping, as a code (category, level…), a region code, an organization id or a year. */
  key: z.record(z.string(), z.string()),
  labels: z.record(z.string(), ZLocalized),
  values: z.record(z.string(), z.number()),
  previous: z.record(z.string(), z.number()).nullable(),
  /** Each value's share of its measure's total, in tenths of a percent; the shares of a measure add up to 1000. */
  shares: z.record(z.string(), z.number().int()),
});
export type TStatisticsRow = z.infer<typeof ZStatisticsRow>;

export const ZStatisticsSummary = z.object({
  from: z.string().nullable(),
  to: z.string(),
  previousFrom: z.string().nullable(),
  previousTo: z.string().nullable(),
  organizationId: ZId.nullable(),
  organizationName: z.string().nullable(),
  measures: z.array(ZMeasureInfo),
  groupBy: z.array(ZStatisticsGrouping),
  groupingLabels: z.record(z.string(), ZLocalized),
  rows: z.array(ZStatisticsRow),
  totals: z.record(z.string(), z.number()),
  previousTotals: z.record(z.string(), z.number()).nullable(),
});
export type TStatisticsSummary = z.infer<typeof ZStatisticsSummary>;

/** The records behind one figure: the summary's query, one measure, and the row's key. */
export const ZFigureRecordsQuery = z
  .object({
    measure: z.string().min(1).max(60),
    organizationId: ZId.optional(),
    year: z.coerce.number().int().min(1949).max(2200).optional(),
    from: ZBusinessDate.optional(),
    to: ZBusinessDate.optional(),
    category: z.string().max(40).optional(),
    status: z.string().max(40).optional(),
    form: z.string().max(40).optional(),
    group: z.string().max(40).optional(),
    household_type: z.string().max(40).optional(),
    monitoring: z.string().max(40).optional(),
    level: z.string().max(40).optional(),
    province: z.string().max(12).optional(),
    city: z.string().max(12).optional(),
    county: z.string().max(12).optional(),
    organization: ZId.optional(),
  })
  // A dimension a later figure source declares, by its name.
  .catchall(z.string().max(40));
export type TFigureRecordsQuery = z.input<typeof ZFigureRecordsQuery>;

export const ZFigureRecords = z.object({
  measure: ZMeasureInfo,
  columns: z.array(z.object({ key: z.string(), label: ZLocalized, unit: z.enum(['fen']).optional() })),
  rows: z.array(
    z.object({
      id: z.string(),
      link: z.string().nullable(),
      cells: z.record(z.string(), z.union([z.string(), z.number(), ZLocalized, z.null()])),
    }),
  ),
  total: z.number().int(),
});
export type TFigureRecords = z.infer<typeof ZFigureRecords>;

/** One table of the annual figures pack: measures grouped one way, with totals. */
export const ZAnnualSection = z.object({
  key: z.string(),
  title: ZLocalized,
  measures: z.array(ZMeasureInfo),
  groupBy: ZStatisticsGrouping.nullable(),
  groupingLabel: ZLocalized.nullable(),
  rows: z.array(ZStatisticsRow),
  totals: z.record(z.string(), z.number()),
});
export type TAnnualSection = z.infer<typeof ZAnnualSection>;

export const ZAnnualPackQuery = z.object({
  organizationId: ZId,
  year: z.coerce.number().int().min(1949).max(2200),
});
export type TAnnualPackQuery = z.input<typeof ZAnnualPackQuery>;

/**
 * The figures an annual work summary quotes, for an organization's subtree and a year. Once issued, the
 * pack is kept as issued (the figures do not move any more) and the year's ledger period is closed.
 */
export const ZAnnualPack = z.object({
  organizationId: ZId,
  organizationName: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  sections: z.array(ZAnnualSection),
});
export type TAnnualPack = z.infer<typeof ZAnnualPack>;

export const DISCLOSURE_OBLIGATIONS = [
  'basic_info',
  'project_progress',
  'project_final',
  'annual_report',
  'related_party',
  'remainder',
] as const;
export const ZDisclosureObligation = z.enum(DISCLOSURE_OBLIGATIONS);
export type TDisclosureObligation = z.infer<typeof ZDisclosureObligation>;

export const DISCLOSURE_STATES = ['upcoming', 'due', 'overdue', 'done', 'done_late'] as const;
export const ZDisclosureState = z.enum(DISCLOSURE_STATES);
export type TDisclosureState = z.infer<typeof ZDisclosureState>;

/** One disclosure the charity rules ask of an organization, with its deadline and what shows it done. */
export const ZDisclosureItem = z.object({
  id: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  obligation: ZDisclosureObligation,
  /** What it is about: the change, the project, the year, the transaction. */
  subject: z.string(),
  /** Where the subject lives in the app (a project page, the journal…), when it has a page. */
  link: z.string().nullable(),
  startsOn: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: ZDisclosureState,
});
export type TDisclosureItem = z.infer<typeof ZDisclosureItem>;

export const ZDisclosureBoardQuery = z.object({
  organizationId: ZId.optional(),
  /** The day the board is read on (default today, Beijing); items done or due after it are shown as they stood. */
  on: ZBusinessDate.optional(),
  state: ZDisclosureState.optional(),
  obligation: ZDisclosureObligation.optional(),
});
export type TDisclosureBoardQuery = z.input<typeof ZDisclosureBoardQuery>;

export const ZDisclosureBoard = z.object({
  on: z.string(),
  items: z.array(ZDisclosureItem),
  /** Per organization: how many items are in each state. */
  organizations: z.array(
    z.object({
      organizationId: ZId,
      organizationName: z.string(),
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type TDisclosureBoard = z.infer<typeof ZDisclosureBoard>;
