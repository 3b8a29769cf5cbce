import {
  ORGANIZATION_LEVEL_LABELS,
  ZStatisticsQuery,
  type Localized,
  type TOrganizationTreeNode,
  type TStatisticsGrouping,
  type TStatisticsQuery,
  type TStatisticsRow,
  type TStatisticsSummary,
} from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { sharesInTenths, sumFigures, type BucketSum, type FigureSource } from '../../platform/figures/index.js';
import { regionFullNames } from '../regions/index.js';
import {
  catalogOf,
  groupingLabel,
  measureInfo,
  requireMeasure,
  slotOf,
  valueLabels,
  type CatalogMeasure,
} from './catalog.js';
import { organizationsOn } from './network.js';
import { periodOf, yearBefore, yearsOf, type Period } from './period.js';

const REGION_DIGITS: Partial<Record<string, number>> = { province: 2, city: 4, county: 6 };
const NONE: Localized = { 'zh-CN': '（未填）', en: '(not given)' };

type Network = Map<string, TOrganizationTreeNode>;
type Grouped = Map<string, { key: Record<string, string>; values: Record<string, number> }>;

/** The value of a grouping for one bucket: a dimension's code, or something about the owning organization. */
export function groupValue(
  grouping: TStatisticsGrouping,
  measure: CatalogMeasure,
  bucket: BucketSum,
  organization: TOrganizationTreeNode,
  year: string,
): string {
  const digits = REGION_DIGITS[grouping];
  if (digits !== undefined) {
    return organization.regionCode ? organization.regionCode.slice(0, digits).padEnd(6, '0') : '';
  }
  switch (grouping) {
    case 'level':
      return organization.level;
    case 'organization':
      return organization.id;
    case 'year':
      return year;
    default: {
      const slot = slotOf(measure, grouping);
      return slot ? bucket[slot] : '';
    }
  }
}

/** Sums the buckets of the organizations in the network by the groupings; flows over the range, stocks up to its end. */
async function aggregate(
  ctx: ServiceContext,
  measures: readonly CatalogMeasure[],
  groupBy: readonly TStatisticsGrouping[],
  period: Period,
  network: Network,
): Promise<Grouped> {
  const grouped: Grouped = new Map();
  const stretches = groupBy.includes('year')
    ? yearsOf(period).map((year) => ({ period: year, year: year.to.slice(0, 4) }))
    : [{ period, year: '' }];
  for (const stretch of stretches) {
    for (const kind of ['flow', 'stock'] as const) {
      const ofKind = measures.filter((m) => m.definition.kind === kind);
      if (ofKind.length === 0) continue;
      const range = kind === 'flow' ? stretch.period : { from: undefined, to: stretch.period.to };
      const buckets = await sumFigures(
        ctx.db,
        ofKind.map((m) => m.key),
        range,
      );
      for (const bucket of buckets) {
        const organization = network.get(bucket.organization_id);
        const measure = ofKind.find((m) => m.key === bucket.measure);
        if (!organization || !measure) continue;
        const key: Record<string, string> = {};
        for (const grouping of groupBy)
          key[grouping] = groupValue(grouping, measure, bucket, organization, stretch.year);
        const id = groupBy.map((g) => key[g]).join('\u0000');
        const row = grouped.get(id) ?? { key, values: {} };
        row.values[measure.key] = (row.values[measure.key] ?? 0) + bucket.value;
        grouped.set(id, row);
      }
    }
  }
  return grouped;
}

/**
 * Figures summed over an organization's subtree (or all the caller may see), grouped, with each value's
 * share of its measure's total (largest remainder, to one decimal, adding up to 100.0%) and, when asked,
 * the same range a year earlier over the network as it stood then.
 */
export async function statisticsSummary(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  input: TStatisticsQuery,
): Promise<TStatisticsSummary> {
  const query = ZStatisticsQuery.parse(input);
  const catalog = catalogOf(sources);
  const measures = query.measures.map((key) => requireMeasure(catalog, key));
  const groupBy = query.groupBy ?? [];
  for (const measure of measures) for (const grouping of groupBy) slotOf(measure, grouping);
  const period = periodOf(query);
  const network = await organizationsOn(ctx, period.to, query.organizationId);
  const current = await aggregate(ctx, measures, groupBy, period, network);
  const before = query.compare ? yearBefore(period) : null;
  const networkBefore = before ? await organizationsOn(ctx, before.to, query.organizationId) : null;
  const previous = before && networkBefore ? await aggregate(ctx, measures, groupBy, before, networkBefore) : null;
  // Organizations as they stand at the range's end, and those of a year earlier that no longer do.
  const known: Network = new Map([...(networkBefore ?? []), ...network]);
  const ids = [...new Set([...current.keys(), ...(previous?.keys() ?? [])])];
  // A bucket that was entered and left again (a project moving on from a status) sums to nothing: no row.
  const isEmpty = (values: Record<string, number> | undefined) => Object.values(values ?? {}).every((v) => v === 0);
  const rows = ids
    .filter((id) => !isEmpty(current.get(id)?.values) || !isEmpty(previous?.get(id)?.values))
    .map((id) => ({
      key: current.get(id)?.key ?? previous?.get(id)?.key ?? {},
      values: current.get(id)?.values ?? {},
      previous: previous ? (previous.get(id)?.values ?? {}) : null,
    }));
  const labels = await labelsFor(
    ctx,
    groupBy,
    measures,
    rows.map((row) => row.key),
    known,
  );
  sortRows(rows, groupBy, measures, known);
  const shares = new Map(
    measures.map((m) => [m.key, sharesInTenths(rows.map((row) => row.values[m.key] ?? 0))] as const),
  );
  const result: TStatisticsRow[] = rows.map((row, index) => ({
    key: row.key,
    labels: Object.fromEntries(groupBy.map((g) => [g, labels.get(`${g}:${row.key[g] ?? ''}`) ?? NONE])),
    values: Object.fromEntries(measures.map((m) => [m.key, row.values[m.key] ?? 0])),
    previous: row.previous ? Object.fromEntries(measures.map((m) => [m.key, row.previous?.[m.key] ?? 0])) : null,
    shares: Object.fromEntries(measures.map((m) => [m.key, shares.get(m.key)?.[index] ?? 0])),
  }));
  const total = (pick: (row: TStatisticsRow) => Record<string, number> | null) =>
    Object.fromEntries(measures.map((m) => [m.key, result.reduce((sum, row) => sum + (pick(row)?.[m.key] ?? 0), 0)]));
  const root = query.organizationId ? network.get(query.organizationId) : undefined;
  return {
    from: period.from ?? null,
    to: period.to,
    previousFrom: before?.from ?? null,
    previousTo: before?.to ?? null,
    organizationId: root?.id ?? null,
    organizationName: root?.name ?? null,
    measures: measures.map(measureInfo),
    groupBy,
    groupingLabels: Object.fromEntries(groupBy.map((g) => [g, groupingLabel(g, measures)])),
    rows: result,
    totals: total((row) => row.values),
    previousTotals: previous ? total((row) => row.previous) : null,
  };
}

async function labelsFor(
  ctx: ServiceContext,
  groupBy: readonly TStatisticsGrouping[],
  measures: readonly CatalogMeasure[],
  keys: readonly Record<string, string>[],
  network: Network,
): Promise<Map<string, Localized>> {
  const labels = new Map<string, Localized>();
  const regionCodes = new Set<string>();
  for (const grouping of groupBy) {
    for (const key of keys) {
      const value = key[grouping] ?? '';
      if (value === '') continue;
      const id = `${grouping}:${value}`;
      if (grouping in REGION_DIGITS) regionCodes.add(value);
      else if (grouping === 'level')
        labels.set(id, ORGANIZATION_LEVEL_LABELS[value as keyof typeof ORGANIZATION_LEVEL_LABELS]);
      else if (grouping === 'organization') {
        const name = network.get(value)?.name ?? value;
        labels.set(id, { 'zh-CN': name, en: name });
      } else if (grouping === 'year') labels.set(id, { 'zh-CN': `${value}年`, en: value });
      else {
        const declared = measures.map((m) => valueLabels(m, grouping)?.[value]).find((label) => label !== undefined);
        labels.set(id, declared ?? { 'zh-CN': value, en: value });
      }
    }
  }
  const names = await regionFullNames(ctx.db, [...regionCodes]);
  for (const grouping of groupBy) {
    if (!(grouping in REGION_DIGITS)) continue;
    for (const code of regionCodes) {
      const name = names.get(code) ?? code;
      labels.set(`${grouping}:${code}`, { 'zh-CN': name, en: name });
    }
  }
  return labels;
}

type Row = { key: Record<string, string>; values: Record<string, number> };

const LEVELS = Object.keys(ORGANIZATION_LEVEL_LABELS);
const collator = new Intl.Collator('zh-CN');
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The organizations of a network as the tree reads: each parent before its children, siblings by name
 * (pinyin order, then code units) and then id. Organizations outside the network have no place.
 */
function treeOrder(network: Network): Map<string, number> {
  const children = new Map<string | null, TOrganizationTreeNode[]>();
  for (const node of network.values()) {
    const parent = node.parentId && network.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const rank = new Map<string, number>();
  const visit = (parent: string | null) => {
    const siblings = (children.get(parent) ?? []).sort(
      (a, b) => collator.compare(a.name, b.name) || byCode(a.name, b.name) || byCode(a.id, b.id),
    );
    for (const node of siblings) {
      if (rank.has(node.id)) continue;
      rank.set(node.id, rank.size);
      visit(node.id);
    }
  };
  visit(null);
  return rank;
}

/**
 * Puts rows in one total order, whatever order the buckets were read in (so the same on SQLite and
 * PostgreSQL, and before and after `tongxin figures rebuild`), grouping by grouping as asked:
 * - levels and a dimension's declared values in their declared order, other values after them by code;
 *   years in order;
 * - organizations, regions and values no source declares largest first by the first measure, summed over
 *   the rows that share this and the earlier groupings' values (an organization's rows stay together), ties
 *   in their natural order: organizations as the tree reads (parent first, siblings by name, then id),
 *   regions and other values by code;
 * - "not given" (an empty value) after the others, unless declared.
 * The key of a row is unique, so no two rows tie.
 */
function sortRows(
  rows: Row[],
  groupBy: readonly TStatisticsGrouping[],
  measures: readonly CatalogMeasure[],
  network: Network,
): void {
  const first = measures[0]?.key ?? '';
  const declaredOrder = (grouping: TStatisticsGrouping): readonly string[] | null => {
    if (grouping === 'level') return LEVELS;
    for (const measure of measures) {
      const declared = valueLabels(measure, grouping);
      if (declared) return Object.keys(declared);
    }
    return null;
  };
  const tree = groupBy.includes('organization') ? treeOrder(network) : new Map<string, number>();
  const compareValues = groupBy.map((grouping, depth): ((a: Row, b: Row) => number) => {
    const value = (row: Row) => row.key[grouping] ?? '';
    const emptyLast = (a: Row, b: Row) => Number(value(a) === '') - Number(value(b) === '');
    const declared = declaredOrder(grouping);
    if (declared) {
      const place = (row: Row) => {
        const index = declared.indexOf(value(row));
        return index < 0 ? declared.length : index;
      };
      return (a, b) => place(a) - place(b) || emptyLast(a, b) || byCode(value(a), value(b));
    }
    if (grouping === 'year') return (a, b) => emptyLast(a, b) || Number(value(a)) - Number(value(b));
    const natural =
      grouping === 'organization'
        ? (a: Row, b: Row) =>
            (tree.get(value(a)) ?? tree.size) - (tree.get(value(b)) ?? tree.size) || byCode(value(a), value(b))
        : (a: Row, b: Row) => byCode(value(a), value(b));
    const prefix = (row: Row) =>
      groupBy
        .slice(0, depth + 1)
        .map((g) => row.key[g] ?? '')
        .join('\u0000');
    const sums = new Map<string, number>();
    for (const row of rows) sums.set(prefix(row), (sums.get(prefix(row)) ?? 0) + (row.values[first] ?? 0));
    const sum = (row: Row) => sums.get(prefix(row)) ?? 0;
    return (a, b) => emptyLast(a, b) || sum(b) - sum(a) || natural(a, b);
  });
  rows.sort((a, b) => {
    for (const compare of compareValues) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}
