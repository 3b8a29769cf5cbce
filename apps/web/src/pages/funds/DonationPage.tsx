import { GiftOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  DONATION_FORM,
  DONOR_DISPLAY,
  PAYMENT_METHOD,
  type TDonation,
  type TDonationItem,
  type TDonationTrace,
} from '@tongxin/contracts';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { fetchDonation, fetchDonationTrace } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../layout/BreadcrumbContext';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { MONO } from '../registry/shared/labels';
import { ReceiptsCard } from './donations/ReceiptsCard';
import { RefundModal } from './donations/RefundModal';
import { ReversalModal } from './donations/ReversalModal';
import { TraceView } from './donations/TraceView';
import { Money } from './shared/Money';
import { DonationStatusTag } from './shared/Tags';
import { RecordPageState } from '../../components/RecordPageState';

/** What of the gift may still be refunded: the server's figure, nothing once it is reversed or refunded. */
function refundableOf(donation: TDonation, trace: TDonationTrace | undefined): number {
  if (!trace || donation.status === 'reversed' || donation.status === 'refunded') return 0;
  return trace.refundable;
}

/** The goods of a gift in kind, with the value each row adds up to. */
function ItemsTable({ items }: { items: readonly TDonationItem[] }) {
  const t = useT();
  return (
    <Table<TDonationItem>
      rowKey={(_, index) => String(index)}
      size="small"
      pagination={false}
      dataSource={[...items]}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('funds.goods.name'), render: (_, row) => row.name },
        {
          key: 'quantity',
          title: t('funds.goods.quantity'),
          align: 'right',
          render: (_, row) => `${row.quantity.toLocaleString()}${row.unit ? ` ${row.unit}` : ''}`,
        },
        {
          key: 'unitValue',
          title: t('funds.goods.unitValue'),
          align: 'right',
          render: (_, row) => <Money fen={row.unitValue} />,
        },
        {
          key: 'value',
          title: t('funds.goods.subtotal'),
          align: 'right',
          render: (_, row) => <Money fen={row.quantity * row.unitValue} />,
        },
        { key: 'basis', title: t('funds.goods.valuationBasis'), render: (_, row) => row.valuationBasis },
      ]}
    />
  );
}

type Dialog = 'refund' | 'reversal';

/** 捐赠详情: one gift, how the public sees its donor, where its money went; refund and reversal. */
export function DonationPage() {
  const t = useT();
  const label = useLabel();
  const keepsBooks = useRunsProjects();
  const { donationId = '' } = useParams();
  const donation = useQuery({
    queryKey: keys.donation(donationId),
    queryFn: ({ signal }) => fetchDonation(donationId, signal),
  });
  const trace = useQuery({
    queryKey: keys.donationTrace(donationId),
    queryFn: ({ signal }) => fetchDonationTrace(donationId, signal),
    enabled: donation.isSuccess,
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opening, setOpening] = useState(0);
  const d = donation.data;
  const crumbs = useMemo<Crumb[]>(
    () => (d ? [{ key: d.id, title: t('funds.donation.crumb', { name: d.donorName, date: d.receivedOn }) }] : []),
    [d, t],
  );
  usePageCrumbs(crumbs);

  if (donation.isPending || donation.isError || !d) return <RecordPageState query={donation} rows={10} />;

  const open = (next: Dialog) => {
    setOpening((count) => count + 1);
    setDialog(next);
  };
  const refundable = refundableOf(d, trace.data);
  const isReversed = d.status === 'reversed';
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const how =
    d.form === 'goods'
      ? label(DONATION_FORM.labels, d.form)
      : d.method
        ? label(PAYMENT_METHOD.labels, d.method)
        : label(DONATION_FORM.labels, d.form);

  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'amount', label: t('funds.field.amount'), value: <Money fen={d.amount} testId="donation-amount" /> },
    { key: 'receivedOn', label: t('funds.field.receivedOn'), value: d.receivedOn },
    {
      key: 'publicName',
      label: t('funds.field.publicName'),
      value: <span data-testid="public-name">{d.publicName}</span>,
    },
    { key: 'designation', label: t('funds.field.designation'), value: d.designationText },
  ];

  const details: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
    {
      key: 'donor',
      label: t('funds.field.donor'),
      children: <Link to={`/funds/donors/${d.donorId}`}>{d.donorName}</Link>,
    },
    {
      key: 'display',
      label: t('funds.field.displayAs'),
      children: `${label(DONOR_DISPLAY.labels, d.displayAs)}（${d.publicName}）`,
    },
    { key: 'how', label: t('funds.field.formMethod'), children: how },
    { key: 'organization', label: t('funds.field.organization'), children: d.organizationName },
    {
      key: 'refunded',
      label: t('funds.field.refunded'),
      children: d.refundedAmount > 0 ? <Money fen={d.refundedAmount} /> : none,
    },
    {
      key: 'receipt',
      label: t('funds.field.receipt'),
      children: d.receiptNumber ? <span style={MONO}>{d.receiptNumber}</span> : none,
    },
    {
      key: 'entry',
      label: t('funds.donation.entry'),
      children: <Link to={`/funds/journal?entry=${d.entryId}`}>{t('funds.donation.entryLink')}</Link>,
    },
    {
      key: 'pledge',
      label: t('funds.donation.pledge'),
      children: d.pledgeId ? <Link to={`/funds/pledges/${d.pledgeId}`}>{t('funds.donation.pledgeLink')}</Link> : none,
    },
    { key: 'campaign', label: t('funds.field.campaignRef'), children: d.campaignRef ?? none },
    { key: 'createdAt', label: t('funds.field.createdAt'), children: formatDateTime(d.createdAt) },
    {
      key: 'related',
      label: t('funds.field.relatedParty'),
      children: d.isRelatedParty ? <Tag color="orange">{t('funds.relatedParty')}</Tag> : t('registry.no'),
    },
    { key: 'note', label: t('funds.field.note'), children: d.note ?? none, span: 'filled' },
  ];

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Space align="center" size={10} wrap>
              <GiftOutlined style={{ fontSize: 20, color: '#c8102e' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="donation-title">
                {t('funds.donation.title', { name: d.donorName, amount: formatYuan(d.amount) ?? '' })}
              </Typography.Title>
              <DonationStatusTag status={d.status} />
            </Space>
            <div className="tx-detail-meta" style={{ gap: 6 }}>
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {how}
              </Tag>
              <Typography.Text style={{ fontSize: 13, color: '#5c6370' }}>{d.organizationName}</Typography.Text>
              {d.receiptNumber && (
                <Typography.Text type="secondary" style={MONO}>
                  {t('funds.donation.receiptNo', { number: d.receiptNumber })}
                </Typography.Text>
              )}
            </div>
            <div className="tx-facts">
              {facts.map((fact) => (
                <div key={fact.key} className="tx-fact">
                  <div className="tx-fact-label">{fact.label}</div>
                  <div className="tx-fact-value">{fact.value}</div>
                </div>
              ))}
            </div>
          </div>
          {keepsBooks && !isReversed && (
            <Space wrap style={{ justifyContent: 'flex-end' }} data-testid="donation-actions">
              <Tooltip title={refundable === 0 && trace.isSuccess ? t('funds.refund.nothing') : undefined}>
                <Button
                  icon={<RollbackOutlined />}
                  disabled={refundable === 0}
                  onClick={() => open('refund')}
                  data-testid="refund-button"
                >
                  {t('funds.refund.button')}
                </Button>
              </Tooltip>
              <Button danger icon={<UndoOutlined />} onClick={() => open('reversal')} data-testid="reversal-button">
                {t('funds.reversal.button')}
              </Button>
            </Space>
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card title={t('funds.trace.title')}>
            {trace.isPending ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : trace.isError ? (
              <ErrorState compact error={trace.error} onRetry={() => void trace.refetch()} />
            ) : trace.data.steps.length <= 1 && !isReversed ? (
              <>
                <TraceView trace={trace.data} />
                <EmptyState compact title={t('funds.trace.notMoved')} hint={t('funds.trace.notMovedHint')} />
              </>
            ) : (
              <TraceView trace={trace.data} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('funds.donation.details')}>
            <Descriptions
              size="small"
              column={1}
              items={details}
              styles={{ label: { width: 110 } }}
              data-testid="donation-details"
            />
            {d.form === 'goods' && d.items.length > 0 && (
              <>
                <div className="tx-form-heading" style={{ marginTop: 16 }}>
                  {t('funds.goods.heading')}
                </div>
                <ItemsTable items={d.items} />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <ReceiptsCard donationId={d.id} canEdit={keepsBooks} />
      <RefundModal
        key={`refund-${opening}`}
        donation={d}
        refundable={refundable}
        open={dialog === 'refund'}
        onClose={() => setDialog(null)}
      />
      <ReversalModal
        key={`reversal-${opening}`}
        entryId={d.entryId}
        what={t('funds.reversal.confirmText', {
          name: d.donorName,
          amount: formatYuan(d.amount) ?? '',
          date: d.receivedOn,
        })}
        open={dialog === 'reversal'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
