import type { TAccountKind } from '@tongxin/contracts';

/** Accounts that say whose money it is (funds, project funds, payables); they hold donated shares. */
const CREDIT_NORMAL = new Set<TAccountKind>(['fund', 'project_fund', 'payable']);

export function isCreditNormal(kind: TAccountKind): boolean {
  return CREDIT_NORMAL.has(kind);
}

/**
 * What an account holds in its normal direction, from its debit-positive balance. `0 - x` rather than `-x`:
 * an emptied fund holds 0, not -0.
 */
export function heldBy(kind: TAccountKind, balance: number): number {
  return isCreditNormal(kind) ? 0 - balance : balance;
}
