import type { Lang, TStatisticsRow } from '@tongxin/contracts';
import type { RecordsQuery, StatisticsScope } from '../../../api/statistics';
import type { OpenFigure } from './RecordsDrawer';

/** The period a question covers, as dates: a year, or the range (either end open). */
function rangeOf(scope: StatisticsScope): { from: string | undefined; to: string | undefined } {
  return scope.year === undefined
    ? { from: scope.from, to: scope.to }
    : { from: `${scope.year}-01-01`, to: `${scope.year}-12-31` };
}

/**
 * The records behind one figure: the summary's subtree and period, narrowed to the row's groupings. A
 * year row narrows the period to that year (within the range asked about), as the summary summed it.
 */
export function figureOf(
  scope: StatisticsScope,
  measure: string,
  row: TStatisticsRow | null,
  lang: Lang,
  totalLabel: string,
): OpenFigure {
  const query: RecordsQuery = { ...scope, measure };
  for (const [grouping, value] of Object.entries(row?.key ?? {})) {
    if (grouping === 'year') {
      const { from, to } = rangeOf(scope);
      const start = `${value}-01-01`;
      const end = `${value}-12-31`;
      delete query.year;
      query.from = from && from > start ? from : start;
      query.to = to && to < end ? to : end;
    } else {
      query[grouping] = value;
    }
  }
  const labels = row ? Object.values(row.labels).map((label) => label[lang]) : [];
  return { query, subject: labels.length > 0 ? labels.join(' · ') : totalLabel };
}
