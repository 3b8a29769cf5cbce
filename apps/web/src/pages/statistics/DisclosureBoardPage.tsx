import { useQuery } from '@tanstack/react-query';
import {
  DISCLOSURE_OBLIGATIONS,
  DISCLOSURE_STATES,
  type TDisclosureBoard,
  type TDisclosureItem,
  type TDisclosureObligation,
  type TDisclosureState,
} from '@tongxin/contracts';
import { Button, Card, DatePicker, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fetchDisclosureBoard, statisticsKeys, type DisclosureBoardQuery } from '../../api/statistics';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import type { MessageKey } from '../../i18n/zh-CN';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { pickOne } from '../registry/shared/labels';
import { useListParams } from '../registry/shared/useListParams';
import { OrganizationTreeSelect } from './shared/OrganizationTreeSelect';

const OBLIGATION_LABELS: Readonly<Record<TDisclosureObligation, MessageKey>> = {
  basic_info: 'stats.disclosure.obligation.basic_info',
  project_progress: 'stats.disclosure.obligation.project_progress',
  project_final: 'stats.disclosure.obligation.project_final',
  annual_report: 'stats.disclosure.obligation.annual_report',
  related_party: 'stats.disclosure.obligation.related_party',
  remainder: 'stats.disclosure.obligation.remainder',
};

const STATE_LABELS: Readonly<Record<TDisclosureState, MessageKey>> = {
  upcoming: 'stats.disclosure.state.upcoming',
  due: 'stats.disclosure.state.due',
  overdue: 'stats.disclosure.state.overdue',
  done: 'stats.disclosure.state.done',
  done_late: 'stats.disclosure.state.done_late',
};

const STATE_COLORS: Readonly<Record<TDisclosureState, string>> = {
  upcoming: 'blue',
  due: 'orange',
  overdue: 'red',
  done: 'green',
  done_late: 'gold',
};

type OrganizationCounts = TDisclosureBoard['organizations'][number];

const NOWRAP = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * 信息公开: what the charity disclosure rules ask of each organization — basic information within 30 days of
 * a change, project reports every three months and at the end, the annual report by 31 May, related-party
 * transactions, the handling of remainders — with each item's deadline and whether it was met, on a day.
 */
export function DisclosureBoardPage() {
  const t = useT();
  const [params, update] = useListParams();
  const query: DisclosureBoardQuery = {
    organizationId: params.get('organizationId') ?? undefined,
    on: params.get('on') ?? undefined,
    state: pickOne(params.get('state'), DISCLOSURE_STATES),
    obligation: pickOne(params.get('obligation'), DISCLOSURE_OBLIGATIONS),
  };
  const filtered = Boolean(query.state || query.obligation);
  const board = useQuery({
    queryKey: statisticsKeys.disclosures(query),
    queryFn: ({ signal }) => fetchDisclosureBoard(query, signal),
  });
  const data = board.data;
  const on = query.on ?? beijingToday();

  const countButton = (row: OrganizationCounts, state: TDisclosureState) => {
    const count = row.counts[state] ?? 0;
    if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    return (
      <Button
        type="link"
        size="small"
        danger={state === 'overdue'}
        style={{ ...NOWRAP, padding: 0, height: 'auto', fontWeight: state === 'overdue' ? 600 : undefined }}
        onClick={() => update({ organizationId: row.organizationId, state })}
        data-testid={`disclosure-count-${state}`}
      >
        {count}
      </Button>
    );
  };

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('nav.stats.disclosures')}</h1>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <div className="tx-toolbar">
          <OrganizationTreeSelect
            value={query.organizationId}
            on={on}
            onChange={(id) => update({ organizationId: id })}
          />
          <DatePicker
            style={{ width: 160 }}
            aria-label={t('stats.disclosure.on')}
            placeholder={t('stats.disclosure.onToday')}
            value={fromBusinessDate(query.on)}
            disabledDate={isAfterToday}
            onChange={(day) => update({ on: toBusinessDate(day) ?? null })}
          />
          <Select<TDisclosureObligation>
            allowClear
            style={{ width: 200 }}
            placeholder={t('stats.disclosure.obligation')}
            aria-label={t('stats.disclosure.obligation')}
            value={query.obligation}
            options={DISCLOSURE_OBLIGATIONS.map((value) => ({ value, label: t(OBLIGATION_LABELS[value]) }))}
            onChange={(value) => update({ obligation: value })}
          />
          <Select<TDisclosureState>
            allowClear
            style={{ width: 140 }}
            placeholder={t('stats.disclosure.state')}
            aria-label={t('stats.disclosure.state')}
            value={query.state}
            options={DISCLOSURE_STATES.map((value) => ({ value, label: t(STATE_LABELS[value]) }))}
            onChange={(value) => update({ state: value })}
          />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('stats.disclosure.rules')}
        </Typography.Text>
      </Card>
      {board.isError ? (
        <Card>
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        </Card>
      ) : (
        <>
          <Card title={t('stats.disclosure.byOrganization', { on: data?.on ?? on })} style={{ marginBottom: 16 }}>
            <Table<OrganizationCounts>
              size="small"
              rowKey="organizationId"
              loading={board.isFetching}
              dataSource={data?.organizations ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="disclosure-organizations"
              locale={{
                emptyText: board.isPending ? ' ' : <EmptyState compact title={t('stats.disclosure.noOrganizations')} />,
              }}
              columns={[
                {
                  key: 'name',
                  title: t('stats.disclosure.organization'),
                  render: (_, row) => (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                      onClick={() => update({ organizationId: row.organizationId, state: null })}
                    >
                      {row.organizationName}
                    </Button>
                  ),
                },
                ...DISCLOSURE_STATES.map((state) => ({
                  key: state,
                  title: t(STATE_LABELS[state]),
                  align: 'right' as const,
                  render: (_: unknown, row: OrganizationCounts) => countButton(row, state),
                })),
              ]}
            />
          </Card>
          <Card title={t('stats.disclosure.items')}>
            <Table<TDisclosureItem>
              size="middle"
              rowKey="id"
              loading={board.isFetching}
              dataSource={data?.items ?? []}
              pagination={{ pageSize: 20, showTotal: (total) => t('stats.disclosure.total', { total }) }}
              scroll={{ x: 'max-content' }}
              data-testid="disclosure-items"
              locale={{
                emptyText: board.isPending ? (
                  ' '
                ) : filtered ? (
                  <EmptyState
                    compact
                    title={t('stats.disclosure.noMatch')}
                    action={
                      <Button onClick={() => update({ state: null, obligation: null })}>
                        {t('stats.disclosure.clearFilters')}
                      </Button>
                    }
                  />
                ) : (
                  <EmptyState compact title={t('stats.disclosure.none')} hint={t('stats.disclosure.noneHint')} />
                ),
              }}
              columns={[
                {
                  key: 'state',
                  title: t('stats.disclosure.state'),
                  render: (_, item) => (
                    <Tag color={STATE_COLORS[item.state]} style={{ marginInlineEnd: 0 }} data-testid="disclosure-state">
                      {t(STATE_LABELS[item.state])}
                    </Tag>
                  ),
                },
                {
                  key: 'obligation',
                  title: t('stats.disclosure.obligation'),
                  render: (_, item) => (
                    <span style={{ whiteSpace: 'nowrap' }}>{t(OBLIGATION_LABELS[item.obligation])}</span>
                  ),
                },
                {
                  key: 'subject',
                  title: t('stats.disclosure.subject'),
                  render: (_, item) => (
                    <div style={{ minWidth: 180, maxWidth: 320 }}>
                      {item.link ? <Link to={item.link}>{item.subject}</Link> : item.subject}
                    </div>
                  ),
                },
                {
                  key: 'organization',
                  title: t('stats.disclosure.organization'),
                  render: (_, item) => <div style={{ minWidth: 140, maxWidth: 220 }}>{item.organizationName}</div>,
                },
                {
                  key: 'dueOn',
                  title: t('stats.disclosure.dueOn'),
                  render: (_, item) => (
                    <Typography.Text type={item.state === 'overdue' ? 'danger' : undefined} style={NOWRAP}>
                      {item.dueOn}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'doneOn',
                  title: t('stats.disclosure.doneOn'),
                  render: (_, item) => <span style={NOWRAP}>{item.doneOn ?? ''}</span>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
