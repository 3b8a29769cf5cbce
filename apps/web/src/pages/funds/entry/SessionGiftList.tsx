import { GiftOutlined } from '@ant-design/icons';
import { PAYMENT_METHOD, DONATION_FORM } from '@tongxin/contracts';
import { App, Button, Card, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { Money } from '../shared/Money';
import type { SessionGift } from './useSessionGifts';

type Props = { gifts: readonly SessionGift[]; onClear: () => void };

/** 本次登记: the gifts entered at this desk, newest first, with their count and total to check the cash box. */
export function SessionGiftList({ gifts, onClear }: Props) {
  const t = useT();
  const label = useLabel();
  const { modal } = App.useApp();
  const total = gifts.reduce((sum, gift) => sum + gift.amount, 0);
  const clear = () => {
    modal.confirm({
      title: t('funds.session.clearConfirm'),
      content: t('funds.session.clearHint'),
      okText: t('funds.session.clear'),
      cancelText: t('common.cancel'),
      onOk: onClear,
    });
  };
  return (
    <Card
      title={t('funds.session.title')}
      extra={
        gifts.length > 0 && (
          <Button type="link" size="small" onClick={clear}>
            {t('funds.session.clear')}
          </Button>
        )
      }
      styles={{ body: { padding: 0 } }}
      data-testid="session-gifts"
    >
      <div className="tx-session-total">
        <div>
          <div className="tx-fact-label">{t('funds.session.count')}</div>
          <div className="tx-session-figure" data-testid="session-count">
            {gifts.length}
          </div>
        </div>
        <div style={{ textAlign: 'end' }}>
          <div className="tx-fact-label">{t('funds.session.total')}</div>
          <Money fen={total} strong style={{ fontSize: 22 }} testId="session-total" />
        </div>
      </div>
      {gifts.length === 0 ? (
        <EmptyState compact title={t('funds.session.empty')} hint={t('funds.session.emptyHint')} />
      ) : (
        <ol className="tx-session-list">
          {gifts.map((gift, index) => (
            <li key={gift.id} className="tx-session-gift" data-testid="session-gift">
              <span className="tx-session-index">{gifts.length - index}</span>
              <div style={{ minWidth: 0, flex: 1 }}>
                <div className="tx-session-line">
                  <Link to={`/funds/donations/${gift.id}`} data-testid="session-donor">
                    {gift.donorName}
                  </Link>
                  {gift.publicName !== gift.donorName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('funds.session.shownAs', { name: gift.publicName })}
                    </Typography.Text>
                  )}
                </div>
                <div className="tx-session-meta">
                  {gift.form === 'goods' ? (
                    <>
                      <GiftOutlined /> {label(DONATION_FORM.labels, gift.form)}
                    </>
                  ) : (
                    gift.method && label(PAYMENT_METHOD.labels, gift.method)
                  )}
                  {' · '}
                  {gift.designationText}
                  {' · '}
                  {formatDateTime(gift.createdAt).slice(11)}
                </div>
              </div>
              <Money fen={gift.amount} testId="session-amount" />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
