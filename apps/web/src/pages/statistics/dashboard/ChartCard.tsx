import { BarChartOutlined, DownloadOutlined, InfoCircleOutlined, TableOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TStatisticsSummary } from '@tongxin/contracts';
import { App, Button, Card, Popover, Segmented, Skeleton, Space } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { exportSummary, fetchSummary, statisticsKeys, type SummaryQuery } from '../../../api/statistics';
import { EChart } from '../../../components/EChart';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLang, useT } from '../../../i18n/useT';
import { figureOf } from '../shared/figureQuery';
import { FigureTable } from '../shared/FigureTable';
import { MeasureNotes } from '../shared/MeasureTitle';
import { RecordsDrawer, type OpenFigure } from '../shared/RecordsDrawer';
import type { ChartSpec } from './charts';

type View = 'chart' | 'table';

type Props = {
  /** Names the chart for tests (`data-chart`, `data-testid="chart-card-…"`). */
  name: string;
  title: string;
  query: SummaryQuery;
  build: (summary: TStatisticsSummary) => ChartSpec;
  /** Choices of the card itself (by category or by level…). */
  controls?: ReactNode;
  height?: number;
};

/**
 * A dashboard card: one summary shown as a chart or as a table of its numbers, the definitions of its
 * figures, the numbers as a workbook, and the records behind any bar, slice or cell.
 */
export function ChartCard({ name, title, query, build, controls, height = 320 }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [view, setView] = useState<View>('chart');
  const [figure, setFigure] = useState<OpenFigure | null>(null);
  const summary = useQuery({
    queryKey: statisticsKeys.summary(query),
    queryFn: ({ signal }) => fetchSummary(query, signal),
  });
  const data = summary.data;
  const spec = useMemo(() => (data ? build(data) : null), [data, build]);
  const exporting = useMutation({
    mutationFn: () => exportSummary(query),
    onSuccess: (file) => void message.success(t('stats.export.done', { name: file })),
    onError: (error) => void message.error(error.message),
  });
  const scope = { organizationId: query.organizationId, year: query.year, from: query.from, to: query.to };
  const open = (measure: string, row: Parameters<typeof figureOf>[2]) =>
    setFigure(figureOf(scope, measure, row, lang, t('stats.table.total')));
  const isEmpty = data ? data.rows.length === 0 || Object.values(data.totals).every((value) => value === 0) : false;

  let body: ReactNode;
  if (summary.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (summary.isError || !data || !spec) {
    body = <ErrorState compact error={summary.error} onRetry={() => void summary.refetch()} />;
  } else if (isEmpty) {
    body = <EmptyState compact title={t('stats.chart.empty')} hint={t('stats.chart.emptyHint')} />;
  } else if (view === 'table') {
    body = (
      <FigureTable
        measures={data.measures}
        groupings={data.groupBy.map((key) => ({ key, label: data.groupingLabels[key] ?? { 'zh-CN': key, en: key } }))}
        rows={data.rows}
        totals={data.totals}
        previousTotals={data.previousTotals}
        onOpen={open}
        testId={`chart-table-${name}`}
      />
    );
  } else {
    body = (
      <EChart
        name={name}
        option={spec.option}
        height={height}
        label={title}
        onClick={(click) => {
          const hit = spec.figureAt(click);
          if (hit) open(hit.measure, hit.row);
        }}
      />
    );
  }

  return (
    <Card
      data-testid={`chart-card-${name}`}
      title={
        <Space size={6}>
          {title}
          {data && (
            <Popover content={<MeasureNotes measures={data.measures} />} trigger={['hover', 'click']}>
              <Button
                type="text"
                size="small"
                icon={<InfoCircleOutlined />}
                aria-label={t('stats.chart.explain')}
                data-testid="chart-explain"
              />
            </Popover>
          )}
        </Space>
      }
      styles={{ body: { minHeight: height + 24 } }}
    >
      {/* Below the title rather than beside it: a title that says what the figures are keeps its room on a tablet. */}
      <div className="tx-stats-card-controls tx-stats-noprint">
        {controls}
        <div className="tx-toolbar-actions">
          <Segmented<View>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: t('stats.view.chart') },
              { value: 'table', icon: <TableOutlined />, label: t('stats.view.table') },
            ]}
            data-testid="chart-view"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting.isPending}
            disabled={!data || isEmpty}
            onClick={() => exporting.mutate()}
            data-testid="chart-export"
          >
            {t('stats.export.button')}
          </Button>
        </div>
      </div>
      {body}
      <RecordsDrawer figure={figure} onClose={() => setFigure(null)} />
    </Card>
  );
}
