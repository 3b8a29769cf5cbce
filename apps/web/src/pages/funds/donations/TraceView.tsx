import { ArrowRightOutlined } from '@ant-design/icons';
import type { TDonation, TDonationTrace, TEntryKind, TTraceStep } from '@tongxin/contracts';
import { Timeline, Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { formatYuan } from '../../../lib/money';
import { Money } from '../shared/Money';

/**
 * An account as the server names it, “磴口县社会扶贫工作促进会 · 项目资金：…”: what the account is, after the
 * organization when that is not the gift's own (money transferred on). Where money left the books the server
 * names the payee instead (“支付给 李*”).
 */
function AccountName({ text, home }: { text: string; home: string }) {
  const at = text.indexOf(' · ');
  if (at < 0) return <span>{text}</span>;
  const organization = text.slice(0, at);
  return (
    <span>
      {organization !== home && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }}>
          {organization}
        </Typography.Text>
      )}
      {text.slice(at + 3)}
    </span>
  );
}

/** A trace as the bookkeepers' page and the public portal's receipt look-up both have it. */
export type TraceFigures = Pick<TDonationTrace, 'heldIn' | 'spent' | 'refunded'> & {
  donation: Pick<TDonation, 'amount' | 'organizationName'>;
  steps: readonly Omit<TTraceStep, 'entryId' | 'donationId'>[];
};
type Step = TraceFigures['steps'][number];

/** A payment step whose money stayed on the books (moved back to the project): the payee's payment failed. */
const isReturn = (step: Step) => step.kind === 'payment' && step.direction === 'moved';

const COLORS: Readonly<Record<TEntryKind, string>> = {
  donation: 'blue',
  allocation: '#13a8a8',
  transfer: '#722ed1',
  disbursement: '#fa8c16',
  payment: 'green',
  refund: 'gray',
  remainder: '#13a8a8',
  reversal: 'red',
};

/** What a step did to the gift, in the words of a donor rather than a bookkeeper. */
const STEP_WORDS: Readonly<Record<TEntryKind, MessageKey>> = {
  donation: 'funds.trace.step.donation',
  allocation: 'funds.trace.step.allocation',
  transfer: 'funds.trace.step.transfer',
  disbursement: 'funds.trace.step.disbursement',
  payment: 'funds.trace.step.payment',
  refund: 'funds.trace.step.refund',
  remainder: 'funds.trace.step.remainder',
  reversal: 'funds.trace.step.reversal',
};

/** Shades of the places the gift is held in, in the bar and its legend. */
const HELD_SHADES = ['#1a5fb4', '#4a8fe0', '#7fb2ee', '#a9cbf4', '#cfe1f9'];

/**
 * 资金去向: where the money of one gift went, first in first out: a bar of the whole gift split into what
 * was paid out, what is still held and where, and what was refunded; then every step with its date, the
 * accounts it left and reached, and its amount.
 */
export function TraceView({ trace }: { trace: TraceFigures }) {
  const t = useT();
  const whole = trace.donation.amount;
  const home = trace.donation.organizationName;
  const heldTotal = trace.heldIn.reduce((sum, place) => sum + place.amount, 0);
  const parts = [
    { key: 'spent', label: t('funds.trace.spent'), amount: trace.spent, color: '#389e0d' },
    ...trace.heldIn
      .filter((place) => place.amount > 0)
      .map((place, index) => ({
        key: `held-${place.account}`,
        label: place.account,
        amount: place.amount,
        color: HELD_SHADES[index % HELD_SHADES.length] ?? '#1a5fb4',
      })),
    { key: 'refunded', label: t('funds.trace.refunded'), amount: trace.refunded, color: '#bfbfbf' },
  ].filter((part) => part.amount > 0);

  const figures = [
    { key: 'amount', label: t('funds.trace.amount'), amount: whole },
    { key: 'spent', label: t('funds.trace.spent'), amount: trace.spent },
    { key: 'held', label: t('funds.trace.held'), amount: heldTotal },
    { key: 'refunded', label: t('funds.trace.refunded'), amount: trace.refunded },
  ];

  return (
    <div data-testid="trace">
      <div className="tx-facts" style={{ marginTop: 0, marginBottom: 14 }}>
        {figures.map((figure) => (
          <div key={figure.key} className="tx-fact" data-testid={`trace-${figure.key}`}>
            <div className="tx-fact-label">{figure.label}</div>
            <div className="tx-fact-value" style={{ fontSize: 18, fontWeight: 600 }}>
              <Money fen={figure.amount} />
            </div>
          </div>
        ))}
      </div>
      {whole > 0 && parts.length > 0 && (
        <>
          <div className="tx-trace-bar" role="img" aria-label={t('funds.trace.barLabel')}>
            {parts.map((part) => (
              <Tooltip key={part.key} title={`${part.label}：${formatYuan(part.amount) ?? ''}`}>
                <span style={{ flexGrow: part.amount, background: part.color }} />
              </Tooltip>
            ))}
          </div>
          <ul className="tx-trace-legend" data-testid="trace-legend">
            {parts.map((part) => (
              <li key={part.key}>
                <span className="tx-trace-swatch" style={{ background: part.color }} />
                <AccountName text={part.label} home={home} />
                <Money fen={part.amount} style={{ marginInlineStart: 'auto', paddingInlineStart: 12 }} />
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="tx-form-heading" style={{ marginTop: 20 }}>
        {t('funds.trace.steps')}
      </div>
      <Timeline
        items={trace.steps.map((step, index) => {
          const back = isReturn(step);
          return {
            key: `${step.kind}-${step.businessDate}-${index}`,
            color: back ? 'red' : COLORS[step.kind],
            content: (
              <div data-testid="trace-step" data-kind={step.kind}>
                <div className="tx-step-head">
                  <Typography.Text strong data-testid="trace-step-what">
                    {t(back ? 'funds.trace.step.paymentFailed' : STEP_WORDS[step.kind])}
                  </Typography.Text>
                  <Money fen={step.amount} strong testId="trace-step-amount" />
                  <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 13 }}>
                    {step.businessDate}
                  </Typography.Text>
                </div>
                <div className="tx-trace-flow">
                  {step.from && <AccountName text={step.from} home={home} />}
                  {step.from && step.to && <ArrowRightOutlined style={{ color: '#8a919f', fontSize: 11 }} />}
                  {step.to && <AccountName text={step.to} home={home} />}
                </div>
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
