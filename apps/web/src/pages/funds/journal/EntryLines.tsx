import type { TJournalEntry } from '@tongxin/contracts';
import { useT } from '../../../i18n/useT';
import { Money } from '../shared/Money';

type Props = {
  lines: TJournalEntry['lines'];
  /** The organization whose entry it is: its own accounts are named without it, another's (a transfer) with it. */
  organizationId?: string;
  withTotals?: boolean;
  /** In a list: no header of its own (the list's column has it, EntryLinesHead) and fixed column widths. */
  compact?: boolean;
};

/** An account's name without its organization's, “磴口县… · 非限定性资金” → “非限定性资金”. */
function ownAccountText(text: string): string {
  const at = text.indexOf(' · ');
  return at < 0 ? text : text.slice(at + 3);
}

/** The header of compact lines in a list column, aligned with them. */
export function EntryLinesHead() {
  const t = useT();
  return (
    <table className="tx-entry-lines tx-entry-lines-compact">
      <thead>
        <tr>
          <th>{t('funds.journal.account')}</th>
          <th className="tx-num">{t('funds.journal.debit')}</th>
          <th className="tx-num">{t('funds.journal.credit')}</th>
        </tr>
      </thead>
    </table>
  );
}

/**
 * The lines of a journal entry as a bookkeeper reads them: the account, then the amount in the debit (借方)
 * or the credit (贷方) column; with totals, the two sums under them, which are equal.
 */
export function EntryLines({ lines, organizationId, withTotals = false, compact = false }: Props) {
  const t = useT();
  const debit = lines.reduce((sum, line) => sum + Math.max(0, line.amount), 0);
  const credit = lines.reduce((sum, line) => sum + Math.max(0, -line.amount), 0);
  return (
    <table className={compact ? 'tx-entry-lines tx-entry-lines-compact' : 'tx-entry-lines'} data-testid="entry-lines">
      {!compact && (
        <thead>
          <tr>
            <th>{t('funds.journal.account')}</th>
            <th className="tx-num">{t('funds.journal.debit')}</th>
            <th className="tx-num">{t('funds.journal.credit')}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {lines.map((line, index) => (
          <tr key={`${line.accountId}-${index}`} data-testid="entry-line">
            <td className={line.amount < 0 ? 'tx-entry-credit-account' : undefined}>
              {organizationId === line.organizationId ? ownAccountText(line.accountText) : line.accountText}
            </td>
            <td className="tx-num" data-testid="line-debit">
              {line.amount > 0 ? <Money fen={line.amount} /> : null}
            </td>
            <td className="tx-num" data-testid="line-credit">
              {line.amount < 0 ? <Money fen={-line.amount} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
      {withTotals && (
        <tfoot>
          <tr>
            <td>{t('funds.journal.totals')}</td>
            <td className="tx-num" data-testid="debit-total">
              <Money fen={debit} strong />
            </td>
            <td className="tx-num" data-testid="credit-total">
              <Money fen={credit} strong />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
