import { useQuery } from '@tanstack/react-query';
import type { TFigureRecords } from '@tongxin/contracts';
import { Drawer, Skeleton, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { fetchFigureRecords, statisticsKeys, type RecordsQuery } from '../../../api/statistics';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLang, useT } from '../../../i18n/useT';
import { formatYuan } from '../../../lib/money';
import { useMeasureNote } from './MeasureTitle';

export type OpenFigure = {
  query: RecordsQuery;
  /** Which figure: the row's labels ("教育 · 2025年") or the total. */
  subject: string;
};

type Props = { figure: OpenFigure | null; onClose: () => void };

type FigureRecord = TFigureRecords['rows'][number];
type Cell = FigureRecord['cells'][string];

/**
 * 明细: the records behind one figure (the projects approved, the gifts received…), each linking to its own
 * page, so that a number in a report can be checked record by record.
 */
export function RecordsDrawer({ figure, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const note = useMeasureNote();
  const records = useQuery({
    queryKey: statisticsKeys.records(figure?.query ?? { measure: '' }),
    queryFn: ({ signal }) => fetchFigureRecords(figure?.query ?? { measure: '' }, signal),
    enabled: figure !== null,
  });
  const data = records.data;

  const cellText = (cell: Cell | undefined, unit: 'fen' | undefined): ReactNode => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') return unit === 'fen' ? formatYuan(cell) : cell.toLocaleString('zh-CN');
    return typeof cell === 'string' ? cell : cell[lang];
  };

  let body: ReactNode;
  if (records.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (records.isError || !data) {
    body = <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{note(data.measure)}</Typography.Paragraph>
        <Table<FigureRecord>
          size="small"
          rowKey="id"
          dataSource={data.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="figure-records"
          locale={{ emptyText: <EmptyState compact title={t('stats.records.empty')} /> }}
          columns={data.columns.map((column, index) => ({
            key: column.key,
            title: column.label[lang],
            align: column.unit === 'fen' ? ('right' as const) : undefined,
            // The first column names the record; it leads to the record's own page.
            render: (_: unknown, row: FigureRecord) => {
              const text = cellText(row.cells[column.key], column.unit);
              return index === 0 && row.link ? (
                <Link to={row.link} onClick={onClose} data-testid="figure-record-link">
                  {text}
                </Link>
              ) : (
                <span style={{ whiteSpace: column.unit === 'fen' ? 'nowrap' : undefined }}>{text}</span>
              );
            },
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="figure-records-count">
          {data.total > data.rows.length
            ? t('stats.records.some', { shown: data.rows.length, total: data.total })
            : t('stats.records.all', { total: data.total })}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Drawer
      open={figure !== null}
      title={data ? `${data.measure.label[lang]} · ${figure?.subject ?? ''}` : t('stats.records.title')}
      size={720}
      onClose={onClose}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
