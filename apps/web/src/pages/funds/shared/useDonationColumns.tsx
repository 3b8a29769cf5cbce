import { DONATION_FORM, PAYMENT_METHOD, type TDonation } from '@tongxin/contracts';
import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { formatDateTime } from '../../../lib/dates';
import { MONO } from '../../registry/shared/labels';
import { Money } from './Money';
import { DonationStatusTag } from './Tags';

export const DONATION_COLUMN_KEYS = [
  'donor',
  'receivedOn',
  'amount',
  'form',
  'designation',
  'status',
  'organization',
  'receipt',
  'createdAt',
] as const;
export type DonationColumnKey = (typeof DONATION_COLUMN_KEYS)[number];

export const DONATION_COLUMN_TITLES: Readonly<Record<DonationColumnKey, MessageKey>> = {
  donor: 'funds.field.donor',
  receivedOn: 'funds.field.receivedOn',
  amount: 'funds.field.amount',
  form: 'funds.field.formMethod',
  designation: 'funds.field.designation',
  status: 'funds.field.status',
  organization: 'funds.field.organization',
  receipt: 'funds.field.receipt',
  createdAt: 'funds.field.createdAt',
};

/**
 * The columns of a list of gifts (捐赠记录, a donor's gifts), amounts right-aligned. `linkOn`: the column
 * that opens the gift — the donor's name in the list of all gifts, the date among one donor's own.
 */
export function useDonationColumns(
  linkOn: 'donor' | 'receivedOn',
): Record<DonationColumnKey, TableColumnsType<TDonation>[number]> {
  const t = useT();
  const label = useLabel();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const nowrap = { whiteSpace: 'nowrap' } as const;
  const link = (row: TDonation, text: string) => (
    <Link to={`/funds/donations/${row.id}`} data-testid="donation-link">
      {text}
    </Link>
  );
  return {
    donor: {
      key: 'donor',
      title: t(DONATION_COLUMN_TITLES.donor),
      fixed: 'left',
      render: (_, row) => (
        <div style={{ minWidth: 120, maxWidth: 220 }}>
          {linkOn === 'donor' ? link(row, row.donorName) : row.donorName}
          {row.publicName !== row.donorName && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('funds.session.shownAs', { name: row.publicName })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    receivedOn: {
      key: 'receivedOn',
      title: t(DONATION_COLUMN_TITLES.receivedOn),
      fixed: linkOn === 'receivedOn' ? 'left' : undefined,
      render: (_, row) => (
        <span style={{ ...nowrap, fontVariantNumeric: 'tabular-nums' }}>
          {linkOn === 'receivedOn' ? link(row, row.receivedOn) : row.receivedOn}
        </span>
      ),
    },
    amount: {
      key: 'amount',
      title: <span style={nowrap}>{t(DONATION_COLUMN_TITLES.amount)}</span>,
      align: 'right',
      render: (_, row) => (
        <>
          <Money fen={row.amount} testId="donation-amount" />
          {row.refundedAmount > 0 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12, ...nowrap }}>
                {t('funds.donation.refundedShort')}
                <Money fen={row.refundedAmount} />
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    form: {
      key: 'form',
      title: t(DONATION_COLUMN_TITLES.form),
      render: (_, row) => (
        <span style={nowrap}>
          {row.form === 'money' && row.method
            ? label(PAYMENT_METHOD.labels, row.method)
            : label(DONATION_FORM.labels, row.form)}
        </span>
      ),
    },
    designation: {
      key: 'designation',
      title: t(DONATION_COLUMN_TITLES.designation),
      render: (_, row) => <div style={{ minWidth: 120, maxWidth: 280 }}>{row.designationText}</div>,
    },
    status: {
      key: 'status',
      title: t(DONATION_COLUMN_TITLES.status),
      render: (_, row) => <DonationStatusTag status={row.status} />,
    },
    organization: {
      key: 'organization',
      title: t(DONATION_COLUMN_TITLES.organization),
      render: (_, row) => <div style={{ minWidth: 120, maxWidth: 200 }}>{row.organizationName}</div>,
    },
    receipt: {
      key: 'receipt',
      title: t(DONATION_COLUMN_TITLES.receipt),
      render: (_, row) =>
        row.receiptNumber ? (
          <span style={{ ...MONO, ...nowrap }} data-testid="donation-receipt">
            {row.receiptNumber}
          </span>
        ) : (
          none
        ),
    },
    createdAt: {
      key: 'createdAt',
      title: t(DONATION_COLUMN_TITLES.createdAt),
      render: (_, row) => <span style={nowrap}>{formatDateTime(row.createdAt)}</span>,
    },
  };
}
