import type { Localized, TMeasureInfo, TStatisticsGrouping, TStatisticsRow } from '@tongxin/contracts';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../../i18n/useT';
import { formatChange, formatFigure, formatShare } from './format';
import { MeasureTitle } from './MeasureTitle';

export type FigureRows = {
  measures: readonly TMeasureInfo[];
  groupings: readonly { key: TStatisticsGrouping; label: Localized }[];
  rows: readonly TStatisticsRow[];
  totals: Readonly<Record<string, number>>;
  /** The year before, when it was asked for: adds the year-before and change columns. */
  previousTotals: Readonly<Record<string, number>> | null;
};

/** A row whose figure can be narrowed to its records: a row with a value left blank ("not given") cannot. */
export const isOpenable = (row: TStatisticsRow) => Object.values(row.key).every((value) => value !== '');

type Props = FigureRows & {
  /** Opens the records behind a figure; `row` null for a total. */
  onOpen: (measure: string, row: TStatisticsRow | null) => void;
  testId?: string;
};

const NUMBER = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The numbers behind a chart or a section of the annual pack: one column per grouping, then per measure its
 * value (opening the records behind it), its share of the total and, when compared, the year before and the
 * change; the totals underneath.
 */
export function FigureTable({ measures, groupings, rows, totals, previousTotals, onOpen, testId }: Props) {
  const t = useT();
  const { lang } = useLang();
  const compared = previousTotals !== null;

  const figure = (measure: TMeasureInfo, value: number, row: TStatisticsRow | null): ReactNode =>
    row && !isOpenable(row) ? (
      <span style={NUMBER}>{formatFigure(value, measure.unit)}</span>
    ) : (
      <Button
        type="link"
        size="small"
        style={{ ...NUMBER, padding: 0, height: 'auto' }}
        onClick={() => onOpen(measure.key, row)}
        data-testid={`figure-${measure.key}`}
      >
        {formatFigure(value, measure.unit)}
      </Button>
    );

  const labelColumns: ColumnsType<TStatisticsRow> =
    groupings.length > 0
      ? groupings.map((grouping) => ({
          key: grouping.key,
          title: grouping.label[lang],
          render: (_, row) => <span data-testid="figure-label">{row.labels[grouping.key]?.[lang]}</span>,
        }))
      : [{ key: 'scope', title: t('stats.table.scope'), render: () => t('stats.table.all') }];

  const measureColumns: ColumnsType<TStatisticsRow> = measures.map((measure) => ({
    key: measure.key,
    title: <MeasureTitle measure={measure} />,
    children: [
      {
        key: `${measure.key}:value`,
        title: t('stats.table.value'),
        align: 'right' as const,
        render: (_: unknown, row: TStatisticsRow) => figure(measure, row.values[measure.key] ?? 0, row),
      },
      {
        key: `${measure.key}:share`,
        title: t('stats.table.share'),
        align: 'right' as const,
        render: (_: unknown, row: TStatisticsRow) => (
          <span style={NUMBER}>{formatShare(row.shares[measure.key] ?? 0)}</span>
        ),
      },
      ...(compared
        ? [
            {
              key: `${measure.key}:previous`,
              title: t('stats.table.previous'),
              align: 'right' as const,
              render: (_: unknown, row: TStatisticsRow) => (
                <span style={NUMBER}>{formatFigure(row.previous?.[measure.key] ?? 0, measure.unit)}</span>
              ),
            },
            {
              key: `${measure.key}:change`,
              title: t('stats.table.change'),
              align: 'right' as const,
              render: (_: unknown, row: TStatisticsRow) => (
                <Change current={row.values[measure.key] ?? 0} previous={row.previous?.[measure.key] ?? 0} />
              ),
            },
          ]
        : []),
    ],
  }));

  const labelSpan = Math.max(groupings.length, 1);
  return (
    <Table<TStatisticsRow>
      size="small"
      bordered
      rowKey={(row) => JSON.stringify(row.key)}
      dataSource={[...rows]}
      columns={[...labelColumns, ...measureColumns]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      summary={() => (
        <Table.Summary.Row data-testid="figure-totals">
          <Table.Summary.Cell index={0} colSpan={labelSpan}>
            <Typography.Text strong>{t('stats.table.total')}</Typography.Text>
          </Table.Summary.Cell>
          {measures.flatMap((measure, index) => {
            const first = labelSpan + index * (compared ? 4 : 2);
            const total = totals[measure.key] ?? 0;
            const previous = previousTotals?.[measure.key] ?? 0;
            return [
              <Table.Summary.Cell key={`${measure.key}:value`} index={first} align="right">
                {figure(measure, total, null)}
              </Table.Summary.Cell>,
              <Table.Summary.Cell key={`${measure.key}:share`} index={first + 1} align="right">
                <span style={NUMBER}>{total === 0 ? '' : formatShare(1000)}</span>
              </Table.Summary.Cell>,
              ...(compared
                ? [
                    <Table.Summary.Cell key={`${measure.key}:previous`} index={first + 2} align="right">
                      <span style={NUMBER}>{formatFigure(previous, measure.unit)}</span>
                    </Table.Summary.Cell>,
                    <Table.Summary.Cell key={`${measure.key}:change`} index={first + 3} align="right">
                      <Change current={total} previous={previous} />
                    </Table.Summary.Cell>,
                  ]
                : []),
            ];
          })}
        </Table.Summary.Row>
      )}
    />
  );
}

/** Up in green, down in red; a dash when the year before had nothing. */
function Change({ current, previous }: { current: number; previous: number }) {
  const change = formatChange(current, previous);
  if (change === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={current < previous ? 'danger' : 'success'} style={NUMBER}>
      {change}
    </Typography.Text>
  );
}
