import type { Executor } from '../../platform/db/index.js';
import { heldBy, isCreditNormal } from './account-sides.js';
import {
  allAccounts,
  derivedBalances,
  entriesWithoutLines,
  lotTotals,
  unbalancedEntries,
} from './ledger.repository.js';

export type LedgerReport = { accounts: number; problems: string[] };

/**
 * `tongxin ledger verify`: every entry balances (overall and within each organization), every running
 * total equals the sum of its lines, no account holds less than nothing, the donated shares in each
 * fund add up to its balance, and each organization's bank and inventory hold exactly what its funds,
 * project funds and payables say they owe.
 */
export async function verifyLedger(executor: Executor): Promise<LedgerReport> {
  const problems: string[] = [];
  for (const row of await unbalancedEntries(executor))
    problems.push(`entry ${row.entry_id}: lines of organization ${row.organization_id} sum to ${row.total}, not 0`);
  for (const id of await entriesWithoutLines(executor)) problems.push(`entry ${id} has no lines`);
  const [accounts, derived, lots] = await Promise.all([
    allAccounts(executor),
    derivedBalances(executor),
    lotTotals(executor),
  ]);
  const holdings = new Map<string, number>();
  for (const account of accounts) {
    const running = account.balance;
    const sum = derived.get(account.id) ?? 0;
    if (running !== sum) problems.push(`account ${account.key}: running total ${running} but lines sum to ${sum}`);
    const creditNormal = isCreditNormal(account.kind);
    const held = heldBy(account.kind, sum);
    if (held < 0) problems.push(`account ${account.key} is overdrawn: ${held}`);
    if (creditNormal && (lots.get(account.id) ?? 0) !== held)
      problems.push(`account ${account.key}: donated shares sum to ${lots.get(account.id) ?? 0}, balance is ${held}`);
    const holdingKey = `${account.organization_id}|${account.form}`;
    holdings.set(holdingKey, (holdings.get(holdingKey) ?? 0) + sum);
  }
  for (const [key, total] of holdings)
    if (total !== 0) problems.push(`organization|form ${key}: holdings and what is owed differ by ${total}`);
  return { accounts: accounts.length, problems };
}
