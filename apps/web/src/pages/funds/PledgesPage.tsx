import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PLEDGE_KIND, type TPledge } from '@tongxin/contracts';
import { Button, Card, Progress, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchDonor, fetchPledges, type PledgeListQuery } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ListTable, NoMatch } from '../../components/ListTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { useListParams } from '../registry/shared/useListParams';
import { PledgeDrawer } from './pledges/PledgeDrawer';
import { DonorPicker } from './shared/DonorPicker';
import { Money } from './shared/Money';
import { OverdueTag } from './shared/Tags';

const FILTERS = ['org', 'donor', 'overdue'] as const;

/** How much of a pledge came in, as a share of what was promised. */
export function fulfilledShare(pledge: TPledge): number {
  return pledge.total > 0 ? Math.min(100, Math.round((pledge.fulfilled / pledge.total) * 1000) / 10) : 0;
}

/**
 * 认捐管理: the pledges (认捐 to give, 认建 to build) of the organizations in scope, with what came in and what
 * is overdue; 只看逾期 keeps those whose instalments fell due and did not come in, to call the donors.
 */
export function PledgesPage() {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const keepsBooks = useRunsProjects();
  const [params, update] = useListParams();
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState(0);
  const donorId = params.get('donor') ?? undefined;
  const query: PledgeListQuery = {
    organizationId: params.get('org') ?? undefined,
    donorId,
    overdueOnly: params.get('overdue') === '1' || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = FILTERS.some((name) => params.has(name));
  const list = useQuery({
    queryKey: keys.pledgeList(query),
    queryFn: ({ signal }) => fetchPledges(query, signal),
    placeholderData: keepPreviousData,
  });
  const donor = useQuery({
    queryKey: keys.donor(donorId ?? ''),
    queryFn: ({ signal }) => fetchDonor(donorId ?? '', signal),
    enabled: Boolean(donorId),
    staleTime: 60_000,
  });
  const openCreate = () => {
    setOpening((count) => count + 1);
    setCreating(true);
  };
  const createButton = keepsBooks ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="new-pledge">
      {t('funds.pledge.new')}
    </Button>
  ) : null;
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.pledges.title')}</h1>
        {createButton}
      </div>
      <Card>
        <div className="tx-toolbar">
          <OrganizationSelect
            allowClear
            style={{ width: 240 }}
            placeholder={t('funds.filter.organization')}
            value={query.organizationId ?? null}
            onChange={(id) => update({ org: id })}
          />
          <DonorPicker
            allowNew={false}
            style={{ width: 200 }}
            placeholder={t('funds.filter.donor')}
            value={donorId && donor.data ? { kind: 'existing', donor: donor.data } : null}
            onChange={(choice) => update({ donor: choice?.kind === 'existing' ? choice.donor.id : null })}
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={query.overdueOnly === true}
              onChange={(checked) => update({ overdue: checked ? 1 : null })}
              aria-label={t('funds.pledges.overdueOnly')}
              data-testid="overdue-only"
            />
            <Typography.Text>{t('funds.pledges.overdueOnly')}</Typography.Text>
          </Space>
        </div>
        <ListTable<TPledge>
          list={list}
          page={query}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/funds/pledges/${row.id}`) })}
          data-testid="pledges"
          columns={[
            {
              key: 'title',
              title: t('funds.pledge.title'),
              fixed: 'left',
              render: (_, row) => (
                <div style={{ minWidth: 160, maxWidth: 260 }}>
                  <Link to={`/funds/pledges/${row.id}`} data-testid="pledge-link">
                    {row.title}
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.donorName}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'kind',
              title: t('funds.pledge.kind'),
              render: (_, row) => (
                <Tag color={row.kind === 'build' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {label(PLEDGE_KIND.labels, row.kind)}
                </Tag>
              ),
            },
            {
              key: 'designation',
              title: t('funds.field.designation'),
              render: (_, row) => <div style={{ minWidth: 120, maxWidth: 240 }}>{row.designationText}</div>,
            },
            {
              key: 'pledgedOn',
              title: t('funds.pledge.pledgedOn'),
              render: (_, row) => <span style={nowrap}>{row.pledgedOn}</span>,
            },
            {
              key: 'total',
              title: t('funds.pledge.total'),
              align: 'right',
              render: (_, row) => <Money fen={row.total} />,
            },
            {
              key: 'fulfilled',
              title: t('funds.pledge.fulfilled'),
              align: 'right',
              render: (_, row) => (
                <div style={{ minWidth: 130 }}>
                  <Money fen={row.fulfilled} testId="pledge-fulfilled" />
                  <Progress percent={fulfilledShare(row)} size="small" showInfo={false} style={{ margin: 0 }} />
                </div>
              ),
            },
            {
              key: 'overdue',
              title: t('funds.pledge.overdue'),
              render: (_, row) =>
                row.overdue > 0 ? (
                  <OverdueTag amount={row.overdue} />
                ) : (
                  <Typography.Text type="secondary" style={nowrap} data-testid="pledge-on-time">
                    {row.fulfilled >= row.total ? t('funds.pledge.complete') : t('funds.pledge.onTime')}
                  </Typography.Text>
                ),
            },
            {
              key: 'organization',
              title: t('funds.field.organization'),
              render: (_, row) => <div style={{ minWidth: 120, maxWidth: 200 }}>{row.organizationName}</div>,
            },
          ]}
          filtered={filtered}
          noMatch={
            <NoMatch
              title={query.overdueOnly ? t('funds.pledges.noOverdue') : t('funds.pledges.noMatch')}
              onClear={() => update(Object.fromEntries(FILTERS.map((name) => [name, null])))}
            />
          }
          empty={
            <EmptyState
              compact
              title={t('funds.pledges.empty')}
              hint={keepsBooks ? t('funds.pledges.emptyHint') : t('funds.donations.emptyReadOnly')}
              action={createButton}
            />
          }
          totalText={(total) => t('funds.pledges.total', { total })}
          pageSizes={[20, 50, 100]}
          onPage={(changes) => update(changes, false)}
        />
      </Card>
      <PledgeDrawer
        key={opening}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(pledge) => {
          setCreating(false);
          void navigate(`/funds/pledges/${pledge.id}`);
        }}
      />
    </>
  );
}
