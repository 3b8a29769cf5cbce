import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { DONATION_FORM, RECEIPT_STATUS, type TPortalReceiptLookup, type TPortalReceiptTrace } from '@tongxin/contracts';
import { Button, Card, Descriptions, Form, Input, Tag, Typography, type DescriptionsProps } from 'antd';
import { verifyReceipt } from '../../api/portal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { TraceView } from '../funds/donations/TraceView';
import { Money } from '../funds/shared/Money';
import { PortalSection } from './PortalSection';

function ReceiptResult({ trace }: { trace: TPortalReceiptTrace }) {
  const t = useT();
  const label = useLabel();
  const { receipt, gift } = trace;
  const facts: DescriptionsProps['items'] = [
    { key: 'number', label: t('portal.receipt.number'), children: receipt.number },
    {
      key: 'status',
      label: t('portal.receipt.status'),
      children: (
        <Tag color={receipt.status === 'valid' ? 'green' : 'default'} data-testid="portal-receipt-status">
          {label(RECEIPT_STATUS.labels, receipt.status)}
        </Tag>
      ),
    },
    { key: 'organization', label: t('portal.receipt.organization'), children: receipt.organizationName },
    { key: 'amount', label: t('portal.receipt.amount'), children: <Money fen={receipt.amount} strong /> },
    { key: 'issuedAt', label: t('portal.receipt.issuedAt'), children: formatDateTime(receipt.issuedAt) },
    { key: 'donor', label: t('portal.donation.donor'), children: gift.publicName },
    { key: 'receivedOn', label: t('portal.donation.date'), children: gift.receivedOn },
    { key: 'form', label: t('portal.receipt.form'), children: label(DONATION_FORM.labels, gift.form) },
    { key: 'designation', label: t('portal.receipt.designation'), children: gift.designationText },
    ...(gift.items.length > 0
      ? [
          {
            key: 'items',
            label: t('portal.receipt.items'),
            children: gift.items.map((item) => `${item.name} ${item.quantity}${item.unit ?? ''}`).join('、'),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="portal-receipt-result">
      {receipt.status === 'void' && (
        <Typography.Paragraph type="warning">
          {t('portal.receipt.voided', { time: formatDateTime(receipt.voidedAt) })}
        </Typography.Paragraph>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={facts} style={{ marginBottom: 20 }} />
      <PortalSection title={t('funds.trace.title')}>
        <TraceView
          trace={{
            donation: { amount: gift.amount, organizationName: receipt.organizationName },
            steps: trace.steps,
            heldIn: trace.heldIn,
            spent: trace.spent,
            refunded: trace.refunded,
          }}
        />
      </PortalSection>
    </div>
  );
}

/** 收据查验: the number and verification code printed on a receipt show the gift and where its money went. */
export function PortalReceiptPage() {
  const t = useT();
  const lookup = useMutation({ mutationFn: verifyReceipt });
  return (
    <PortalSection title={t('portal.receipt.title')}>
      <Typography.Paragraph type="secondary">{t('portal.receipt.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 560, marginBottom: 20 }}>
        <ErrorAlert error={lookup.error} />
        <Form<TPortalReceiptLookup>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => lookup.mutate(values)}
          data-testid="portal-receipt-form"
        >
          <Form.Item
            name="number"
            label={t('portal.receipt.number')}
            rules={[{ required: true, whitespace: true, message: t('portal.receipt.numberRequired') }]}
          >
            <Input placeholder={t('portal.receipt.numberPlaceholder')} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('portal.receipt.code')}
            rules={[{ required: true, whitespace: true, message: t('portal.receipt.codeRequired') }]}
          >
            <Input placeholder={t('portal.receipt.codePlaceholder')} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={lookup.isPending}>
            {t('portal.receipt.submit')}
          </Button>
        </Form>
      </Card>
      {lookup.data && <ReceiptResult trace={lookup.data} />}
    </PortalSection>
  );
}
