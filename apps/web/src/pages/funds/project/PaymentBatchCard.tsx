import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { BATCH_STATUS, PAYEE_KIND, type TPaymentBatch, type TPaymentItem } from '@tongxin/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { Money } from '../shared/Money';
import { PaymentStatusTag } from '../shared/Tags';
import { SettleModal, type Settlement } from './SettleModal';

type Props = { batch: TPaymentBatch; canSettle: boolean };

/**
 * 发放批次: the payees of one batch with the state of each payment; pending ones are marked paid or failed,
 * one at a time or all those ticked.
 */
export function PaymentBatchCard({ batch, canSettle }: Props) {
  const t = useT();
  const label = useLabel();
  const [selected, setSelected] = useState<string[]>([]);
  const [settlement, setSettlement] = useState<Settlement | null>(null);
  const [opening, setOpening] = useState(0);
  const pending = batch.items.filter((item) => item.status === 'pending');
  const pendingTotal = pending.reduce((sum, item) => sum + item.amount, 0);
  const chosen = pending.filter((item) => selected.includes(item.id));
  const settle = (items: TPaymentItem[], outcome: Settlement['outcome']) => {
    setOpening((count) => count + 1);
    setSettlement({ batch, items, outcome });
  };
  const figures = [
    { key: 'total', label: t('funds.batch.sumTotal'), amount: batch.total },
    { key: 'paid', label: t('funds.batch.sumPaid'), amount: batch.paidTotal },
    { key: 'failed', label: t('funds.batch.sumFailed'), amount: batch.failedTotal },
    { key: 'pending', label: t('funds.batch.sumPending'), amount: pendingTotal },
  ];

  return (
    <div className="tx-record" data-testid="payment-batch">
      <div className="tx-record-head">
        <Typography.Text strong data-testid="batch-title">
          {batch.title}
        </Typography.Text>
        <Tag color={batch.status === 'settled' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {label(BATCH_STATUS.labels, batch.status)}
        </Tag>
        <span className="tx-record-by">{t('funds.batch.approvedOnText', { date: batch.approvedOn })}</span>
      </div>
      <div className="tx-figures" style={{ marginTop: 0, marginBottom: 10 }}>
        {figures.map((figure) => (
          <div key={figure.key} className="tx-figure" data-testid={`batch-${figure.key}`}>
            <span className="tx-figure-label">{figure.label}</span>
            <Money fen={figure.amount} strong />
          </div>
        ))}
      </div>
      {canSettle && pending.length > 0 && (
        <div className="tx-toolbar" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {chosen.length > 0 ? t('funds.batch.selected', { count: chosen.length }) : t('funds.batch.selectHint')}
          </Typography.Text>
          <div className="tx-toolbar-actions">
            <Button
              icon={<CheckOutlined />}
              disabled={chosen.length === 0}
              onClick={() => settle(chosen, 'paid')}
              data-testid="bulk-paid"
            >
              {t('funds.settle.markPaid')}
            </Button>
            <Button
              danger
              icon={<CloseOutlined />}
              disabled={chosen.length === 0}
              onClick={() => settle(chosen, 'failed')}
              data-testid="bulk-failed"
            >
              {t('funds.settle.markFailed')}
            </Button>
          </div>
        </div>
      )}
      <Table<TPaymentItem>
        rowKey="id"
        size="small"
        pagination={batch.items.length > 50 ? { pageSize: 50, hideOnSinglePage: true } : false}
        dataSource={batch.items}
        scroll={{ x: 'max-content' }}
        rowSelection={
          canSettle && pending.length > 0
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({ disabled: row.status !== 'pending', 'aria-label': row.payeeName }),
              }
            : undefined
        }
        columns={[
          {
            key: 'payee',
            title: t('funds.batch.payeeName'),
            render: (_, row) => (
              <span style={{ minWidth: 120, display: 'inline-block' }} data-testid="payee-name">
                {row.payeeName}
              </span>
            ),
          },
          {
            key: 'kind',
            title: t('funds.batch.payeeKind'),
            render: (_, row) => label(PAYEE_KIND.labels, row.payeeKind),
          },
          {
            key: 'amount',
            title: t('funds.field.amount'),
            align: 'right',
            render: (_, row) => <Money fen={row.amount} />,
          },
          {
            key: 'status',
            title: t('funds.field.status'),
            render: (_, row) => (
              <Space size={6}>
                <PaymentStatusTag status={row.status} />
                {row.settledOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.settledOn}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(canSettle
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: TPaymentItem) =>
                    row.status === 'pending' ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => settle([row], 'paid')}>
                          {t('funds.settle.markPaid')}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => settle([row], 'failed')}>
                          {t('funds.settle.markFailed')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {settlement && (
        <SettleModal
          key={opening}
          settlement={settlement}
          onClose={() => setSettlement(null)}
          onDone={() => {
            setSettlement(null);
            setSelected([]);
          }}
        />
      )}
    </div>
  );
}
