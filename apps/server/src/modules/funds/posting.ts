import { formatFen, type TAccountKind, type TDonationForm, type TEntryKind } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { afterCommit, type Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { organizationNames } from '../organizations/index.js';
import { accountLabels } from './account-labels.js';
import { heldBy, isCreditNormal } from './account-sides.js';
import { fundErrors as errors } from './errors.js';
import { recordPostingFigures } from './figures.js';
import {
  addToBalance,
  closedPeriods,
  ensureAccount,
  insertEntry,
  insertLots,
  lockAccounts,
  lotsOf,
  setLotRemaining,
} from './ledger.repository.js';
import type { FundLotRow, JournalLineRow, LedgerAccountRow, TraceLinkRow } from './tables.js';

export type AccountSpec = {
  organizationId: string;
  kind: TAccountKind;
  form: TDonationForm;
  /** Funds: the designation key; project funds and payables: null (the project names them). */
  designation?: string | null;
  projectId?: string | null;
};

/**
 * A movement of donated money, the one thing the ledger records. `from: null` is money coming in (a gift);
 * `to: null` is money leaving the books (paid out, refunded). Money leaves an account oldest share first,
 * or the named donation's shares when `donationId` is given. The bank or inventory side is implied: money
 * comes into and leaves through the organization's holding account, and a movement between organizations
 * moves the holding too.
 */
export type Flow = {
  from: AccountSpec | LedgerAccountRow | null;
  to: AccountSpec | LedgerAccountRow | null;
  amount: number;
  donationId?: string;
  /** What the money left for (a payment item), kept on the trace. */
  ref?: string;
};

export type Posting = {
  kind: TEntryKind;
  organizationId: string;
  businessDate: string;
  memo: string;
  flows: readonly Flow[];
  reversesEntryId?: string;
  isRelatedParty?: boolean;
};

export type Posted = { entryId: string; accounts: Map<string, LedgerAccountRow> };

function keyOf(spec: AccountSpec): string {
  // Project funds and payables are per project; funds per designation.
  const ref = spec.projectId ?? spec.designation ?? '';
  return `${spec.organizationId}|${spec.kind}|${spec.form}|${ref}`;
}

function holdingOf(organizationId: string, form: TDonationForm): AccountSpec {
  return { organizationId, kind: form === 'money' ? 'bank' : 'inventory', form };
}

/**
 * Accounts known to exist, by key: an account never changes what it is, so once its creation has committed
 * a posting need not look it up again. Bounded: past the limit it starts afresh.
 */
const knownAccounts = new Map<string, LedgerAccountRow>();
const KNOWN_ACCOUNTS_MAX = 50_000;

async function resolve(
  executor: Executor,
  account: AccountSpec | LedgerAccountRow,
  cache: Map<string, LedgerAccountRow>,
): Promise<LedgerAccountRow> {
  if ('id' in account) {
    cache.set(account.key, account);
    return account;
  }
  const key = keyOf(account);
  const known = cache.get(key) ?? knownAccounts.get(key);
  if (known) {
    cache.set(key, known);
    return known;
  }
  const row = await ensureAccount(executor, {
    id: newId(),
    key,
    organization_id: account.organizationId,
    kind: account.kind,
    form: account.form,
    designation: account.kind === 'fund' ? (account.designation ?? 'unrestricted') : null,
    project_id: account.projectId ?? null,
    balance: 0,
    created_at: new Date().toISOString(),
  });
  cache.set(key, row);
  afterCommit(executor, () => {
    if (knownAccounts.size >= KNOWN_ACCOUNTS_MAX) knownAccounts.clear();
    knownAccounts.set(key, row);
  });
  return row;
}

/**
 * Posts one journal entry for a business event, in the caller's transaction: resolves and locks the
 * accounts, refuses dates in a closed period, moves the donated shares (refusing an overdraft), writes
 * the balanced lines, the trace links and the running totals.
 */
export async function post(ctx: ServiceContext, posting: Posting): Promise<Posted> {
  const tx = ctx.db;
  const accounts = new Map<string, LedgerAccountRow>();
  type Resolved = { from: LedgerAccountRow | null; to: LedgerAccountRow | null; flow: Flow };
  const resolved: Resolved[] = [];
  for (const flow of posting.flows) {
    const from = flow.from ? await resolve(tx, flow.from, accounts) : null;
    const to = flow.to ? await resolve(tx, flow.to, accounts) : null;
    if (from && to && from.form !== to.form) throw errors.crossForm();
    resolved.push({ from, to, flow });
  }
  // Holding accounts, in the same pass, so that every account is known before the locks are taken.
  const lines = new Map<string, number>();
  const add = (account: LedgerAccountRow, amount: number) =>
    lines.set(account.id, (lines.get(account.id) ?? 0) + amount);
  for (const { from, to, flow } of resolved) {
    const amount = flow.amount;
    if (from) add(from, amount);
    if (to) add(to, -amount);
    const fromHolding = from ? await resolve(tx, holdingOf(from.organization_id, from.form), accounts) : null;
    const toHolding = to ? await resolve(tx, holdingOf(to.organization_id, to.form), accounts) : null;
    if (!from && toHolding) add(toHolding, amount);
    if (!to && fromHolding) add(fromHolding, -amount);
    if (fromHolding && toHolding && fromHolding.id !== toHolding.id) {
      add(fromHolding, -amount);
      add(toHolding, amount);
    }
  }
  const byId = new Map([...accounts.values()].map((row) => [row.id, row]));
  await lockAccounts(tx, [...byId.keys()]);
  await refuseClosedPeriod(
    tx,
    [...new Set([...byId.values()].map((row) => row.organization_id))],
    posting.businessDate,
  );

  const entryId = newId();
  const links: TraceLinkRow[] = [];
  const newLots: FundLotRow[] = [];
  for (const { from, to, flow } of resolved) {
    const pieces = from
      ? await takeShares(tx, from, flow.amount, flow.donationId)
      : [{ donationId: flow.donationId ?? '', amount: flow.amount }];
    for (const piece of pieces) {
      links.push({
        id: newId(),
        entry_id: entryId,
        donation_id: piece.donationId,
        from_account_id: from?.id ?? null,
        to_account_id: to?.id ?? null,
        amount: piece.amount,
        ref: flow.ref ?? null,
      });
      if (to && isCreditNormal(to.kind))
        newLots.push({ id: newId(), account_id: to.id, donation_id: piece.donationId, remaining: piece.amount });
    }
  }
  const lineRows: JournalLineRow[] = [];
  let lineNo = 0;
  for (const [accountId, amount] of lines) {
    if (amount === 0) continue;
    const account = byId.get(accountId);
    if (!account) continue;
    lineNo += 1;
    lineRows.push({
      entry_id: entryId,
      line_no: lineNo,
      account_id: accountId,
      organization_id: account.organization_id,
      amount,
    });
  }
  await insertEntry(
    tx,
    {
      id: entryId,
      kind: posting.kind,
      organization_id: posting.organizationId,
      business_date: posting.businessDate,
      entered_at: new Date().toISOString(),
      actor_id: ctx.actor.userId,
      actor_username: ctx.actor.username,
      memo: posting.memo,
      reverses_entry_id: posting.reversesEntryId ?? null,
      reversed_by_entry_id: null,
      is_related_party: posting.isRelatedParty ? 1 : 0,
    },
    lineRows,
    links,
  );
  await insertLots(tx, newLots);
  for (const line of lineRows) {
    const balance = await addToBalance(tx, line.account_id, line.amount);
    const account = byId.get(line.account_id);
    // Lots already refuse an overdraft of a fund; this guards the holding side and any rule gone wrong.
    const held = account ? heldBy(account.kind, balance) : balance;
    if (held < 0 && account) {
      const labels = await accountLabels(tx, [account]);
      throw errors.insufficient({
        account: labels.get(account.id) ?? '',
        available: formatFen(held + Math.abs(line.amount)),
        amount: formatFen(Math.abs(line.amount)),
      });
    }
  }
  await recordPostingFigures(
    tx,
    posting.kind,
    posting.businessDate,
    resolved.map(({ from, to, flow }) => ({ from, to, amount: flow.amount })),
  );
  return { entryId, accounts: byId };
}

/** Takes `amount` of donated shares out of an account: oldest first, or the named donation's own. */
async function takeShares(
  tx: Executor,
  account: LedgerAccountRow,
  amount: number,
  donationId: string | undefined,
): Promise<{ donationId: string; amount: number }[]> {
  if (!isCreditNormal(account.kind)) return [{ donationId: donationId ?? '', amount }];
  const lots = await lotsOf(tx, account.id, donationId);
  const pieces: { donationId: string; amount: number }[] = [];
  let wanted = amount;
  for (const lot of lots) {
    if (wanted === 0) break;
    const take = Math.min(wanted, lot.remaining);
    pieces.push({ donationId: lot.donation_id, amount: take });
    await setLotRemaining(tx, lot.id, lot.remaining - take);
    wanted -= take;
  }
  if (wanted > 0) {
    const available = amount - wanted;
    const labels = await accountLabels(tx, [account]);
    throw errors.insufficient({
      account: labels.get(account.id) ?? '',
      available: formatFen(available),
      amount: formatFen(amount),
    });
  }
  return pieces;
}

async function refuseClosedPeriod(tx: Executor, organizationIds: string[], businessDate: string): Promise<void> {
  const year = Number(businessDate.slice(0, 4));
  const [closed] = await closedPeriods(tx, organizationIds, year);
  if (!closed) return;
  const names = await organizationNames(tx, [closed.organization_id]);
  throw errors.periodClosed({ organization: names.get(closed.organization_id) ?? '', year });
}
