import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { RISK_TYPE, type TRiskType } from '@tongxin/contracts';
import { Button, Card, Statistic, Typography } from 'antd';
import { keys } from '../../../api/keys';
import { fetchHouseholds, type HouseholdListQuery } from '../../../api/registry';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { HouseholdList } from './HouseholdList';
import { useHouseholdQuery, type HouseholdQueryState } from './useHouseholdQuery';

/** Counts for the summary: one small request per figure, reading only the total. */
function useCounts(base: HouseholdListQuery, variants: readonly Partial<HouseholdListQuery>[]) {
  return useQueries({
    queries: variants.map((extra) => {
      const query: HouseholdListQuery = { ...base, ...extra, page: 1, pageSize: 1 };
      return {
        queryKey: keys.householdCount(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchHouseholds(query, signal),
        select: (page: { total: number }) => page.total,
        placeholderData: keepPreviousData,
        staleTime: 30_000,
      };
    }),
  });
}

/**
 * How many monitored households there are, how many still at risk, and how many per risk type; a risk
 * type is also the list's filter (one at a time, as the API takes it).
 */
function RiskSummary({ state }: { state: HouseholdQueryState }) {
  const t = useT();
  const label = useLabel();
  // The other filters apply to the figures; the risk type and elimination are what they count.
  const {
    risk,
    riskEliminated: _eliminated,
    page: _page,
    pageSize: _size,
    sort: _sort,
    order: _order,
    ...base
  } = state.query;
  const totals = useCounts(base, [{}, { riskEliminated: 'false' }, { riskEliminated: 'true' }]);
  const perRisk = useCounts(
    base,
    RISK_TYPE.values.map((value) => ({ risk: value })),
  );
  const [all, open, eliminated] = totals.map((result) => result.data);
  const chooseRisk = (value: TRiskType) => state.update({ risk: risk === value ? null : value });
  const risks = RISK_TYPE.values
    .map((value, index) => ({ value, count: perRisk[index]?.data }))
    .filter((entry) => entry.count !== 0 || entry.value === risk);

  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBlock: 16 } }}>
      <div className="tx-risk-summary">
        <div className="tx-risk-figures">
          <Statistic title={t('registry.monitored.total')} value={all ?? 0} loading={all === undefined} />
          <Statistic
            title={t('registry.monitored.open')}
            value={open ?? 0}
            loading={open === undefined}
            styles={{ content: { color: '#cf1322' } }}
          />
          <Statistic
            title={t('registry.monitored.eliminated')}
            value={eliminated ?? 0}
            loading={eliminated === undefined}
            styles={{ content: { color: '#389e0d' } }}
          />
        </div>
        <div className="tx-risk-chips">
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('registry.monitored.byRisk')}
          </Typography.Text>
          <div
            style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}
            role="group"
            aria-label={t('registry.monitored.byRisk')}
          >
            {risks.length === 0 && perRisk.every((result) => result.isSuccess) && (
              <Typography.Text type="secondary">{t('registry.monitored.noRisks')}</Typography.Text>
            )}
            {risks.map(({ value, count }) => (
              <Button
                key={value}
                size="small"
                shape="round"
                type={risk === value ? 'primary' : 'default'}
                aria-pressed={risk === value}
                onClick={() => chooseRisk(value)}
                data-testid={`risk-chip-${value}`}
              >
                {label(RISK_TYPE.labels, value)}
                <span className="tx-risk-chip-count">{count ?? '…'}</span>
              </Button>
            ))}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
            {risk
              ? t('registry.monitored.riskChosen', { risk: label(RISK_TYPE.labels, risk) })
              : t('registry.monitored.riskHint')}
          </Typography.Text>
        </div>
      </div>
    </Card>
  );
}

/** 监测对象: households monitored against falling back into poverty, by risk. */
export function MonitoredPage() {
  const t = useT();
  const state = useHouseholdQuery('monitored');
  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('registry.monitored.pageTitle')}</h1>
      </div>
      <RiskSummary state={state} />
      <HouseholdList state={state} />
    </>
  );
}
