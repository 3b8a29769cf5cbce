import { useQuery } from '@tanstack/react-query';
import type { TStatisticsGrouping, TStatisticsSummary } from '@tongxin/contracts';
import { Card, Col, Collapse, Descriptions, Row, Segmented } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { fetchMeasures, statisticsKeys, type SummaryQuery } from '../../api/statistics';
import { ErrorState } from '../../components/ErrorState';
import type { MessageKey } from '../../i18n/zh-CN';
import { useLang, useT } from '../../i18n/useT';
import { ChartCard } from './dashboard/ChartCard';
import { byGroup, byMeasure, everyYear, pie } from './dashboard/charts';
import { useMeasureNote } from './shared/MeasureTitle';
import { ScopeBar } from './shared/ScopeBar';
import { useStatisticsScope } from './shared/useStatisticsScope';
import './statistics.css';

const PROJECTS = ['projects.approved', 'projects.approved_budget'];
/** 立项金额 beside the money the ledger saw come in, go to projects and leave: four different things. */
const MONEY = ['projects.approved_budget', 'funds.received', 'funds.allocated', 'funds.spent'];
const TREND_YEARS = 5;

type ShareBy = Extract<TStatisticsGrouping, 'category' | 'level'>;
type RegionBy = Extract<TStatisticsGrouping, 'city' | 'county'>;

/**
 * 数据看板: projects and money of an organization's subtree (or everything in scope) for a year or a date
 * range — by category, their shares, the last five years, by region, and money raised, allocated and spent —
 * each chart with its numbers as a table and a workbook, and the records behind every figure.
 */
export function DashboardPage() {
  const t = useT();
  const { lang } = useLang();
  const note = useMeasureNote();
  const [state, update] = useStatisticsScope();
  const [shareBy, setShareBy] = useState<ShareBy>('category');
  const [regionBy, setRegionBy] = useState<RegionBy>('city');
  const { scope, compare } = state;
  const previousLabel = t('stats.table.previous');

  const queries = useMemo(() => {
    const base = { ...scope, compare };
    const lastYear = Number(state.end.slice(0, 4));
    return {
      projects: { ...base, measures: PROJECTS, groupBy: ['category'] },
      shares: { ...base, measures: ['projects.approved_budget'], groupBy: [shareBy] },
      trend: {
        organizationId: scope.organizationId,
        from: `${lastYear - TREND_YEARS + 1}-01-01`,
        to: state.end,
        measures: MONEY,
        groupBy: ['year'],
      },
      regions: { ...base, measures: PROJECTS, groupBy: [regionBy] },
      money: { ...base, measures: MONEY },
    } satisfies Record<string, SummaryQuery>;
  }, [scope, compare, state.end, shareBy, regionBy]);

  const bars = useCallback(
    (summary: TStatisticsSummary) => byGroup(summary, { type: 'bar', previousLabel, lang }),
    [previousLabel, lang],
  );
  const lines = useCallback(
    (summary: TStatisticsSummary) => byGroup(everyYear(summary), { type: 'line', previousLabel, lang }),
    [previousLabel, lang],
  );
  const regionBars = useCallback(
    (summary: TStatisticsSummary) => byGroup(summary, { type: 'bar', horizontal: true, previousLabel, lang }),
    [previousLabel, lang],
  );
  const slices = useCallback((summary: TStatisticsSummary) => pie(summary, lang, previousLabel), [lang, previousLabel]);
  const totals = useCallback(
    (summary: TStatisticsSummary) =>
      byMeasure(summary, { lang, amountLabel: t('stats.chart.amount'), previousLabel, note }),
    [lang, t, previousLabel, note],
  );

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('nav.stats.dashboard')}</h1>
      </div>
      <ScopeBar state={state} update={update} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            name="projects-by-category"
            title={t('stats.chart.byCategory')}
            query={queries.projects}
            build={bars}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="budget-shares"
            title={t('stats.chart.shares')}
            query={queries.shares}
            build={slices}
            controls={
              <GroupingSwitch<ShareBy>
                value={shareBy}
                onChange={setShareBy}
                choices={{ category: 'stats.chart.byCategoryShort', level: 'stats.chart.byLevel' }}
              />
            }
          />
        </Col>
        <Col xs={24}>
          <ChartCard
            name="money-by-year"
            title={t('stats.chart.trend', { years: TREND_YEARS })}
            query={queries.trend}
            build={lines}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="projects-by-region"
            title={t('stats.chart.byRegion')}
            query={queries.regions}
            build={regionBars}
            height={360}
            controls={
              <GroupingSwitch<RegionBy>
                value={regionBy}
                onChange={setRegionBy}
                choices={{ city: 'stats.chart.byCity', county: 'stats.chart.byCounty' }}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard name="money" title={t('stats.chart.money')} query={queries.money} build={totals} height={360} />
        </Col>
        <Col xs={24}>
          <MeasureGlossary />
        </Col>
      </Row>
    </>
  );
}

/** How a card groups its figures (by category or by level…). */
function GroupingSwitch<T extends string>(props: {
  value: T;
  onChange: (value: T) => void;
  choices: Readonly<Record<T, MessageKey>>;
}) {
  const t = useT();
  const options = (Object.entries(props.choices) as [T, MessageKey][]).map(([value, key]) => ({
    value,
    label: t(key),
  }));
  return <Segmented<T> size="small" value={props.value} onChange={props.onChange} options={options} />;
}

/** 口径说明: every figure the system keeps, what it counts, its unit, and whether it is a flow or a stock. */
function MeasureGlossary() {
  const t = useT();
  const { lang } = useLang();
  const measures = useQuery({ queryKey: statisticsKeys.measures, queryFn: ({ signal }) => fetchMeasures(signal) });
  return (
    <Card size="small">
      <Collapse
        ghost
        items={[
          {
            key: 'glossary',
            label: t('stats.glossary.title'),
            children: measures.isError ? (
              <ErrorState compact error={measures.error} onRetry={() => void measures.refetch()} />
            ) : (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={(measures.data ?? []).map((measure) => ({
                  key: measure.key,
                  label: measure.label[lang],
                  children: t('stats.glossary.line', {
                    note: measure.note[lang],
                    unit: t(measure.unit === 'fen' ? 'stats.unit.fen' : 'stats.unit.count'),
                    kind: t(measure.kind === 'flow' ? 'stats.kind.flow' : 'stats.kind.stock'),
                  }),
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
