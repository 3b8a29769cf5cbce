import { formatFen, type Lang, type TStatisticsRow, type TStatisticsSummary } from '@tongxin/contracts';
import type { PassThrough } from 'node:stream';
import { streamWorkbook, type SheetColumn } from '../../platform/xlsx-stream.js';
import { formatShare } from '../../platform/figures/index.js';

/** One sheet: the groupings, then per measure its value (yuan for money), its share and the year before. */
export function summaryWorkbook(summary: TStatisticsSummary, lang: Lang): PassThrough {
  const zh = lang === 'zh-CN';
  const columns: SheetColumn<TStatisticsRow, null>[] = [
    ...summary.groupBy.map((grouping) => ({
      header: summary.groupingLabels[grouping]?.[lang] ?? grouping,
      width: 20,
      value: (row: TStatisticsRow) => row.labels[grouping]?.[lang] ?? '',
    })),
    ...summary.measures.flatMap((measure) => {
      const figure = (value: number) => (measure.unit === 'fen' ? formatFen(value) : value);
      const unit = measure.unit === 'fen' ? (zh ? '（元）' : ' (yuan)') : '';
      const own: SheetColumn<TStatisticsRow, null>[] = [
        { header: `${measure.label[lang]}${unit}`, width: 18, value: (row) => figure(row.values[measure.key] ?? 0) },
        {
          header: zh ? `${measure.label[lang]}占比` : `${measure.label[lang]} share`,
          width: 12,
          value: (row) => formatShare(row.shares[measure.key] ?? 0),
        },
      ];
      if (summary.previousTotals) {
        own.push({
          header: zh ? `${measure.label[lang]}（上年同期）${unit}` : `${measure.label[lang]} (year before)${unit}`,
          width: 18,
          value: (row) => figure(row.previous?.[measure.key] ?? 0),
        });
      }
      return own;
    }),
  ];
  const total: TStatisticsRow = {
    key: {},
    labels: Object.fromEntries(
      summary.groupBy.map((g, index) => [g, index === 0 ? { 'zh-CN': '合计', en: 'Total' } : { 'zh-CN': '', en: '' }]),
    ),
    values: summary.totals,
    previous: summary.previousTotals,
    shares: Object.fromEntries(summary.measures.map((m) => [m.key, summary.rows.length > 0 ? 1000 : 0])),
  };
  return streamWorkbook({
    sheetName: zh ? '统计' : 'Figures',
    columns,
    pages: (async function* () {
      await Promise.resolve();
      yield { rows: [...summary.rows, total], context: null };
    })(),
    onDone: async () => {},
  });
}
