import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TProject, TProjectFunding } from '@tongxin/contracts';
import { Button, Progress, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchProjectFunding, fetchProjectPaymentBatches } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useT } from '../../../i18n/useT';
import { formatYuan } from '../../../lib/money';
import { useProjectSide, useRunsProjects } from '../../projects/shared/useProjectSide';
import { FUNDABLE } from '../shared/labels';
import { Money } from '../shared/Money';
import { PaymentBatchCard } from './PaymentBatchCard';
import { PaymentBatchDrawer } from './PaymentBatchDrawer';
import { RemainderSection } from './RemainderSection';

type Gift = TProjectFunding['donations'][number];

/**
 * 资金 (a tab of the project page): what the project received from donated funds, paid out and still
 * holds, the gifts behind it, and its payment batches — made here and settled payee by payee.
 */
export function ProjectFundsTab({ project }: { project: TProject }) {
  const t = useT();
  const side = useProjectSide(project);
  const keepsBooks = useRunsProjects();
  const [drawer, setDrawer] = useState(false);
  const [opening, setOpening] = useState(0);
  const funding = useQuery({
    queryKey: keys.projectFunding(project.id),
    queryFn: ({ signal }) => fetchProjectFunding(project.id, signal),
  });
  const batches = useQuery({
    queryKey: keys.projectBatches(project.id),
    queryFn: ({ signal }) => fetchProjectPaymentBatches(project.id, signal),
  });
  if (funding.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (funding.isError) return <ErrorState compact error={funding.error} onRetry={() => void funding.refetch()} />;

  const f = funding.data;
  const canPay = keepsBooks && (side.isOwner || side.isAbove);
  const canBatch = canPay && FUNDABLE.has(project.status);
  // An ended or not yet approved project receives no money: no hint to allocate some.
  const canReceive = keepsBooks && FUNDABLE.has(project.status);
  const openBatch = () => {
    setOpening((count) => count + 1);
    setDrawer(true);
  };
  const figures = [
    { key: 'received', label: t('funds.project.received'), amount: f.received },
    { key: 'spent', label: t('funds.project.spent'), amount: f.spent },
    ...(f.returned > 0 ? [{ key: 'returned', label: t('funds.project.returned'), amount: f.returned }] : []),
    { key: 'held', label: t('funds.project.held'), amount: f.held },
  ];
  const newBatchButton = canBatch ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={openBatch} data-testid="new-batch">
      {t('funds.batch.new')}
    </Button>
  ) : null;
  const budgetShare = project.budget > 0 ? Math.min(100, Math.round((f.received / project.budget) * 1000) / 10) : null;

  return (
    <div style={{ paddingTop: 8 }} data-testid="project-funds">
      <div className="tx-facts" style={{ marginTop: 0 }}>
        {figures.map((figure) => (
          <div key={figure.key} className="tx-fact" data-testid={`funding-${figure.key}`}>
            <div className="tx-fact-label">{figure.label}</div>
            <div className="tx-fact-value" style={{ fontSize: 20, fontWeight: 600 }}>
              <Money fen={figure.amount} />
            </div>
            {figure.key === 'held' && f.heldForPayees > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="funding-held-split">
                {t('funds.project.heldSplit', {
                  fund: formatYuan(f.heldInProjectFund) ?? '',
                  payees: formatYuan(f.heldForPayees) ?? '',
                })}
              </Typography.Text>
            )}
          </div>
        ))}
        {budgetShare !== null && (
          <div className="tx-fact" style={{ minWidth: 200 }}>
            <div className="tx-fact-label">{t('funds.project.ofBudget')}</div>
            <Progress percent={budgetShare} size="small" style={{ margin: 0, width: 200 }} />
          </div>
        )}
      </div>

      <div className="tx-form-heading" style={{ marginTop: 20 }}>
        {t('funds.project.gifts')}
      </div>
      <Table<Gift>
        rowKey="donationId"
        size="small"
        pagination={f.donations.length > 20 ? { pageSize: 20 } : false}
        dataSource={f.donations}
        scroll={{ x: 'max-content' }}
        data-testid="project-gifts"
        locale={{
          emptyText: (
            <EmptyState
              compact
              title={t('funds.project.noGifts')}
              hint={canReceive ? t('funds.project.noGiftsHint') : undefined}
              action={
                canReceive ? (
                  <Link to="/funds/accounts">
                    <Button>{t('funds.project.toAccounts')}</Button>
                  </Link>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          {
            key: 'donor',
            title: t('funds.field.publicName'),
            render: (_, row) => <Link to={`/funds/donations/${row.donationId}`}>{row.publicName}</Link>,
          },
          { key: 'receivedOn', title: t('funds.field.receivedOn'), render: (_, row) => row.receivedOn },
          {
            key: 'amount',
            title: t('funds.project.giftAmount'),
            align: 'right',
            render: (_, row) => <Money fen={row.amount} />,
          },
        ]}
      />

      <div className="tx-toolbar" style={{ marginTop: 24 }}>
        <div className="tx-form-heading" style={{ margin: 0, flex: 1 }}>
          {t('funds.batch.heading')}
        </div>
        {newBatchButton}
      </div>
      {batches.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : batches.isError ? (
        <ErrorState compact error={batches.error} onRetry={() => void batches.refetch()} />
      ) : batches.data.items.length === 0 ? (
        <EmptyState
          compact
          title={t('funds.batch.empty')}
          hint={
            canBatch
              ? f.held > 0
                ? t('funds.batch.emptyHint')
                : t('funds.batch.emptyNoMoney')
              : FUNDABLE.has(project.status)
                ? undefined
                : t('funds.batch.notFundable')
          }
          action={newBatchButton}
        />
      ) : (
        <div className="tx-records">
          {batches.data.items.map((batch) => (
            <PaymentBatchCard key={batch.id} batch={batch} canSettle={canPay} />
          ))}
        </div>
      )}
      <RemainderSection project={project} funding={f} canHandle={canPay} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
        {t('funds.project.note')}
      </Typography.Paragraph>
      <PaymentBatchDrawer key={opening} project={project} open={drawer} onClose={() => setDrawer(false)} />
    </div>
  );
}
