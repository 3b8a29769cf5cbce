import type { Lang, TMeasureInfo, TStatisticsRow, TStatisticsSummary } from '@tongxin/contracts';
import { format } from 'echarts/core';
import type { ChartClick, ChartOption } from '../../../components/EChart';
import { formatChange, formatFigure, formatShare } from '../shared/format';

/** A chart's option, and which figure a click on it stands for (`row` null: a total). */
export type ChartSpec = {
  option: ChartOption;
  figureAt: (click: ChartClick) => { measure: string; row: TStatisticsRow | null } | null;
};

/** Axis ticks stay short: ¥1,200万 / 35 rather than ¥12,000,000.00. */
function compact(value: number, unit: TMeasureInfo['unit'], lang: Lang): string {
  if (unit === 'count') return value.toLocaleString(lang);
  const yuan = value / 100;
  if (lang === 'zh-CN') {
    if (Math.abs(yuan) >= 1e8) return `¥${(yuan / 1e8).toLocaleString(lang)}亿`;
    if (Math.abs(yuan) >= 1e4) return `¥${(yuan / 1e4).toLocaleString(lang)}万`;
    return `¥${yuan.toLocaleString(lang)}`;
  }
  if (Math.abs(yuan) >= 1e6) return `¥${(yuan / 1e6).toLocaleString(lang)}M`;
  if (Math.abs(yuan) >= 1e3) return `¥${(yuan / 1e3).toLocaleString(lang)}k`;
  return `¥${yuan.toLocaleString(lang)}`;
}

/** One line of a tooltip: the measure, the figure, its share, and the year before when compared. */
function tooltipLine(
  measure: TMeasureInfo,
  row: TStatisticsRow | undefined,
  lang: Lang,
  marker: string,
  previousLabel: string,
): string {
  const value = row?.values[measure.key] ?? 0;
  const share = row ? ` (${formatShare(row.shares[measure.key] ?? 0)})` : '';
  const before = row?.previous?.[measure.key];
  const change = before === undefined ? null : formatChange(value, before);
  const previous =
    before === undefined
      ? ''
      : `<br/><span style="color:#8a919f">${previousLabel} ${formatFigure(before, measure.unit)}${change ? ` ${change}` : ''}</span>`;
  return `${marker}${format.encodeHTML(measure.label[lang])}: <b>${formatFigure(value, measure.unit)}</b>${share}${previous}`;
}

/** The coloured dot ECharts hands a formatter (as HTML, since the tooltip renders HTML). */
const markerOf = (marker: unknown) => (typeof marker === 'string' ? marker : '');

const rowLabel = (row: TStatisticsRow, lang: Lang) =>
  Object.values(row.labels)
    .map((label) => label[lang])
    .join(' · ');

const REGION_GROUPINGS: ReadonlySet<string> = new Set(['province', 'city', 'county']);

/** Along an axis a region is named by its own name (巴彦淖尔市); the tooltip keeps the full one. */
const axisName = (row: TStatisticsRow, lang: Lang) =>
  Object.entries(row.labels)
    .map(([grouping, label]) => (REGION_GROUPINGS.has(grouping) ? (label[lang].split(' ').pop() ?? '') : label[lang]))
    .join(' · ');

/** Figures by year with the years that had none as zeros, so that a trend line does not skip them. */
export function everyYear(summary: TStatisticsSummary): TStatisticsSummary {
  const last = Number(summary.to.slice(0, 4));
  const first = summary.from ? Number(summary.from.slice(0, 4)) : last;
  const byYear = new Map(summary.rows.map((row) => [row.key['year'], row]));
  const zeros = Object.fromEntries(summary.measures.map((measure) => [measure.key, 0]));
  const rows: TStatisticsRow[] = [];
  for (let year = first; year <= last; year += 1) {
    rows.push(
      byYear.get(String(year)) ?? {
        key: { year: String(year) },
        labels: { year: { 'zh-CN': `${year}年`, en: String(year) } },
        values: zeros,
        previous: null,
        shares: zeros,
      },
    );
  }
  return { ...summary, rows };
}

/** Value axes: one per unit, so that counts and money each have their own scale. */
function valueAxes(measures: readonly TMeasureInfo[], lang: Lang) {
  const units = [...new Set(measures.map((measure) => measure.unit))];
  return {
    units,
    axes: units.map((unit) => ({
      type: 'value' as const,
      // A count has no fractions: no tick at 0.5 projects.
      minInterval: unit === 'count' ? 1 : 0,
      axisLabel: { formatter: (value: number) => compact(value, unit, lang) },
      splitLine: { show: unit === units[0] },
    })),
  };
}

/** ECharts' own first colours, named here so that a measure keeps its colour in the year-before series. */
const PALETTE = ['#5070dd', '#b6d634', '#505372', '#ff994d', '#0ca8df', '#ffd10a', '#fb628b', '#785db0', '#3fbe95'];

type ByGroup = { type: 'bar' | 'line'; horizontal?: boolean; previousLabel: string; lang: Lang };

/**
 * Measures side by side per row of the summary (a category, a city, a year): bars or lines, the rows'
 * labels along the category axis, the figures in fen or counts as the API gave them.
 */
export function byGroup(
  summary: TStatisticsSummary,
  { type, horizontal = false, previousLabel, lang }: ByGroup,
): ChartSpec {
  const names = summary.rows.map((row) => rowLabel(row, lang));
  const ticks = summary.rows.map((row) => axisName(row, lang));
  const { units, axes } = valueAxes(summary.measures, lang);
  const categoryAxis = {
    type: 'category' as const,
    data: ticks,
    inverse: horizontal,
    axisLabel: { interval: 0, hideOverlap: true, width: horizontal ? 110 : 80, overflow: 'truncate' as const },
  };
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex ?? 0;
        const row = summary.rows[index];
        // One line per measure, the year before within it; the year-before series add no lines of their own.
        const lines = list.flatMap((param) => {
          const measure = summary.measures[param.seriesIndex ?? 0];
          return measure ? [tooltipLine(measure, row, lang, markerOf(param.marker), previousLabel)] : [];
        });
        return [format.encodeHTML(names[index] ?? ''), ...lines].join('<br/>');
      },
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: horizontal ? axes : categoryAxis,
    yAxis: horizontal ? categoryAxis : axes,
    series: [false, true].flatMap((isPrevious) =>
      isPrevious && summary.previousTotals === null
        ? []
        : summary.measures.map((measure, index) => {
            const axisIndex = units.indexOf(measure.unit);
            const color = PALETTE[index % PALETTE.length];
            return {
              type,
              name: isPrevious ? `${measure.label[lang]} · ${previousLabel}` : measure.label[lang],
              data: summary.rows.map((row) => (isPrevious ? row.previous : row.values)?.[measure.key] ?? 0),
              ...(horizontal ? { xAxisIndex: axisIndex } : { yAxisIndex: axisIndex }),
              ...(type === 'bar' ? { barMaxWidth: 36 } : { smooth: false, symbolSize: 8 }),
              // The year before is drawn in the measure's colour, faint, beside this year's figures.
              itemStyle: { color, opacity: isPrevious ? 0.35 : 1 },
              lineStyle: { color, type: isPrevious ? ('dashed' as const) : ('solid' as const) },
            };
          }),
    ),
  };
  return {
    option,
    // The records behind a figure are this period's; a year-before bar (after the measures) opens none.
    figureAt: ({ seriesIndex, dataIndex }) => {
      const measure = summary.measures[seriesIndex];
      const row = summary.rows[dataIndex];
      return measure && row ? { measure: measure.key, row } : null;
    },
  };
}

/** One measure's shares of its total by the summary's rows; the percentages are the API's (adding up to 100.0). */
export function pie(summary: TStatisticsSummary, lang: Lang, previousLabel: string): ChartSpec {
  const measure = summary.measures[0];
  // A slice of nothing is no slice (a category only the year before had).
  const rows = summary.rows.filter((row) => (row.values[measure?.key ?? ''] ?? 0) !== 0);
  const share = (index: number) => formatShare(rows[index]?.shares[measure?.key ?? ''] ?? 0);
  const option: ChartOption = {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const param = Array.isArray(params) ? params[0] : params;
        const row = rows[param?.dataIndex ?? 0];
        if (!measure || !row) return '';
        return `${format.encodeHTML(rowLabel(row, lang))}<br/>${tooltipLine(measure, row, lang, markerOf(param?.marker), previousLabel)}`;
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: measure?.label[lang] ?? '',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: rows.map((row) => ({ name: rowLabel(row, lang), value: measure ? (row.values[measure.key] ?? 0) : 0 })),
        label: { formatter: (param) => `${param.name}\n${share(param.dataIndex)}` },
      },
    ],
  };
  return {
    option,
    figureAt: ({ dataIndex }) => {
      const row = rows[dataIndex];
      return measure && row ? { measure: measure.key, row } : null;
    },
  };
}

/** Different measures' totals side by side (立项金额, 到账, 拨付, 支出), each bar telling what it counts. */
export function byMeasure(
  summary: TStatisticsSummary,
  {
    lang,
    amountLabel,
    previousLabel,
    note,
  }: { lang: Lang; amountLabel: string; previousLabel: string; note: (measure: TMeasureInfo) => string },
): ChartSpec {
  const measures = summary.measures;
  const unit = measures[0]?.unit ?? 'fen';
  const option: ChartOption = {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const param = Array.isArray(params) ? params[0] : params;
        const measure = measures[param?.dataIndex ?? 0];
        if (!measure) return '';
        const previous = summary.previousTotals?.[measure.key];
        const value = summary.totals[measure.key] ?? 0;
        const change = previous === undefined ? null : formatChange(value, previous);
        return [
          `<b>${format.encodeHTML(measure.label[lang])}</b>: ${formatFigure(value, measure.unit)}`,
          ...(previous === undefined
            ? []
            : [`${previousLabel} ${formatFigure(previous, measure.unit)}${change ? ` ${change}` : ''}`]),
          `<span style="color:#8a919f;white-space:normal">${format.encodeHTML(note(measure))}</span>`,
        ].join('<br/>');
      },
      extraCssText: 'max-width:320px;white-space:normal',
    },
    grid: { left: 8, right: 8, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: measures.map((measure) => measure.label[lang]),
      axisLabel: { interval: 0, width: 80, overflow: 'break' },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => compact(value, unit, lang) } },
    series: [
      {
        type: 'bar',
        name: amountLabel,
        barMaxWidth: 48,
        colorBy: 'data',
        data: measures.map((measure) => summary.totals[measure.key] ?? 0),
      },
    ],
  };
  return {
    option,
    figureAt: ({ dataIndex }) => {
      const measure = measures[dataIndex];
      return measure ? { measure: measure.key, row: null } : null;
    },
  };
}
