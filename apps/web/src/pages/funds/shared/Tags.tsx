import {
  DONATION_STATUS,
  INSTALMENT_STATUS,
  PAYMENT_STATUS,
  type TDonationStatus,
  type TPaymentStatus,
} from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatYuan } from '../../../lib/money';
import {
  DONATION_STATUS_COLORS,
  INSTALMENT_STATUS_COLORS,
  PAYMENT_STATUS_COLORS,
  type InstalmentStatus,
} from './labels';

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

export function InstalmentStatusTag({ status }: { status: InstalmentStatus }) {
  const label = useLabel();
  return (
    <Tag
      color={INSTALMENT_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      data-testid="instalment-status"
      data-status={status}
    >
      {label(INSTALMENT_STATUS.labels, status)}
    </Tag>
  );
}

/** 逾期 ¥…: what of a pledge fell due and has not come in; nothing when nothing is overdue. */
export function OverdueTag({ amount }: { amount: number }) {
  const t = useT();
  if (amount <= 0) return null;
  return (
    <Tag color="red" style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="pledge-overdue">
      {t('funds.pledge.overdueTag', { amount: formatYuan(amount) ?? '' })}
    </Tag>
  );
}
