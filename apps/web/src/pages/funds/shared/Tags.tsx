import { DONATION_STATUS, PAYMENT_STATUS, type TDonationStatus, type TPaymentStatus } from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { DONATION_STATUS_COLORS, PAYMENT_STATUS_COLORS } from './labels';

export function DonationStatusTag({ status }: { status: TDonationStatus }) {
  const label = useLabel();
  return (
    <Tag
      color={DONATION_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      data-testid="donation-status"
      data-status={status}
    >
      {label(DONATION_STATUS.labels, status)}
    </Tag>
  );
}

export function PaymentStatusTag({ status }: { status: TPaymentStatus }) {
  const label = useLabel();
  return (
    <Tag
      color={PAYMENT_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      data-testid="payment-status"
      data-status={status}
    >
      {label(PAYMENT_STATUS.labels, status)}
    </Tag>
  );
}
