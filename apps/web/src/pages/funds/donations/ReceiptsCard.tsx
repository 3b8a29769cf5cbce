import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { RECEIPT_STATUS, type TReceipt } from '@tongxin/contracts';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fetchReceipts, receiptPdfUrl } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { MONO } from '../../registry/shared/labels';
import { Money } from '../shared/Money';
import { OfficialBillModal } from './OfficialBillModal';

/** Opens the printable PDF in a new tab; a plain link carries the session cookie. */
function PrintLink({ receipt, primary }: { receipt: TReceipt; primary?: boolean }) {
  const t = useT();
  return (
    <Button
      type={primary ? 'primary' : 'link'}
      size={primary ? 'middle' : 'small'}
      icon={<PrinterOutlined />}
      href={receiptPdfUrl(receipt.id)}
      target="_blank"
      rel="noopener"
      data-testid={primary ? 'print-receipt' : 'print-receipt-row'}
    >
      {t('funds.receipt.print')}
    </Button>
  );
}

type Props = { donationId: string; canEdit: boolean };

/**
 * 捐赠收据: the receipts of one gift, newest first — the valid one to print and to write the official
 * 公益事业捐赠票据 number onto, and the void ones a refund or reversal replaced, with why.
 */
export function ReceiptsCard({ donationId, canEdit }: Props) {
  const t = useT();
  const label = useLabel();
  const [editing, setEditing] = useState<TReceipt | null>(null);
  const [opening, setOpening] = useState(0);
  const receipts = useQuery({
    queryKey: keys.receipts(donationId),
    queryFn: ({ signal }) => fetchReceipts(donationId, signal),
  });
  const items = receipts.data?.items ?? [];
  const valid = items.find((receipt) => receipt.status === 'valid');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const edit = (receipt: TReceipt) => {
    setOpening((count) => count + 1);
    setEditing(receipt);
  };

  return (
    <Card
      title={t('funds.receipt.title')}
      extra={valid ? <PrintLink receipt={valid} primary /> : null}
      style={{ marginTop: 16 }}
      data-testid="receipts"
    >
      {receipts.isError ? (
        <ErrorState compact error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : (
        <Table<TReceipt>
          rowKey="id"
          size="small"
          loading={receipts.isPending}
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: receipts.isPending ? ' ' : <EmptyState compact title={t('funds.receipt.empty')} /> }}
          columns={[
            {
              key: 'number',
              title: t('funds.receipt.number'),
              render: (_, row) => (
                <div data-testid="receipt-row" data-status={row.status}>
                  <span style={{ ...MONO, whiteSpace: 'nowrap' }} data-testid="receipt-number">
                    {row.number}
                  </span>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {t('funds.receipt.code', { code: row.verificationCode })}
                    </Typography.Text>
                  </div>
                </div>
              ),
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
                <div style={{ minWidth: 110, maxWidth: 220 }}>
                  <Tag color={row.status === 'valid' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {label(RECEIPT_STATUS.labels, row.status)}
                  </Tag>
                  {row.voidReason && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {row.voidReason}
                        {row.voidedAt ? `（${formatDateTime(row.voidedAt)}）` : ''}
                      </Typography.Text>
                    </div>
                  )}
                  {row.replacesNumber && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('funds.receipt.replaces', { number: row.replacesNumber })}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            {
              key: 'bill',
              title: t('funds.receipt.billNumber'),
              render: (_, row) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  <span data-testid="receipt-bill">
                    {row.officialBillNumber ? <span style={MONO}>{row.officialBillNumber}</span> : none}
                  </span>
                  {canEdit && row.status === 'valid' && (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => edit(row)}
                      aria-label={t('funds.receipt.billEdit')}
                      data-testid="edit-bill"
                    >
                      {row.officialBillNumber ? null : t('funds.receipt.billWrite')}
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              key: 'print',
              title: t('common.actions'),
              render: (_, row) => <PrintLink receipt={row} />,
            },
          ]}
        />
      )}
      {editing && <OfficialBillModal key={opening} receipt={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
