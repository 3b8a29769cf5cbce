import {
  formatFen,
  interpolate,
  ZFundAccountQuery,
  ZJournalQuery,
  type Lang,
  type Localized,
  type TJournalQuery,
  type TPage,
  type TDonationTrace,
  type TFundAccount,
  type TJournalEntry,
  type TProjectFunding,
  type TTraceStep,
} from '@tongxin/contracts';
import type { z } from 'zod';
import { scopeOf } from '../../platform/access/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { maskPersonName } from '../../platform/privacy/mask.js';
import { organizationNames } from '../organizations/index.js';
import { getProject, projectNames } from '../projects/index.js';
import { accountLabels, designationNames, designationText } from './account-labels.js';
import { heldBy } from './account-sides.js';
import { parseDesignationKey } from './designation.js';
import { donorsByIds, findDonationsByIds } from './donations.repository.js';
import { getDonation } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import {
  accountsOfProject,
  entriesByIds,
  entryRecords,
  findAccountsByIds,
  linesOf,
  linksOfDonation,
  linksTouching,
  listEntries,
  listAccounts,
  lotsOfDonation,
} from './ledger.repository.js';
import { payeeNames } from './payments.repository.js';
import { anonymousDonor, publicDonorName } from './public-name.js';
import type { JournalEntryRow, JournalLineRow, LedgerAccountRow, TraceLinkRow } from './tables.js';

function held(account: LedgerAccountRow): number {
  return heldBy(account.kind, account.balance);
}

/** Fund balances of the organizations in scope. */
export async function fundAccounts(
  ctx: ServiceContext,
  input: z.input<typeof ZFundAccountQuery>,
): Promise<TFundAccount[]> {
  const query = ZFundAccountQuery.parse(input);
  const lang = ctx.lang;
  const rows = await listAccounts(ctx.db, scopeOf(ctx.actor), query);
  const designations = rows.flatMap((row) => (row.designation ? [parseDesignationKey(row.designation)] : []));
  const [labels, names, organizations, projects] = await Promise.all([
    accountLabels(ctx.db, rows),
    designationNames(ctx.db, designations),
    organizationNames(
      ctx.db,
      rows.map((row) => row.organization_id),
    ),
    projectNames(
      ctx.db,
      rows.flatMap((row) => (row.project_id ? [row.project_id] : [])),
    ),
  ]);
  return rows.map((row) => {
    const designation = row.designation ? parseDesignationKey(row.designation) : null;
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: organizations.get(row.organization_id) ?? '',
      kind: row.kind,
      form: row.form,
      designation,
      designationText: designation ? designationText(designation, names, lang) : (labels.get(row.id)?.[lang] ?? ''),
      projectId: row.project_id,
      projectName: row.project_id ? (projects.get(row.project_id) ?? null) : null,
      balance: held(row),
    };
  });
}

async function presentEntries(
  executor: Executor,
  lang: Lang,
  entries: readonly JournalEntryRow[],
): Promise<TJournalEntry[]> {
  const lines = await linesOf(
    executor,
    entries.map((entry) => entry.id),
  );
  const accounts = await findAccountsByIds(executor, [...new Set(lines.map((l) => l.account_id))]);
  const labels = await accountLabels(executor, accounts);
  const references = await entryReferences(executor, entries, lines, accounts);
  return entries.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    organizationId: entry.organization_id,
    businessDate: entry.business_date,
    enteredAt: entry.entered_at,
    actorUsername: entry.actor_username,
    memo: entry.memo,
    reversesEntryId: entry.reverses_entry_id,
    reversedByEntryId: entry.reversed_by_entry_id,
    isRelatedParty: entry.is_related_party === 1,
    lines: lines
      .filter((line) => line.entry_id === entry.id)
      .map((line) => ({
        accountId: line.account_id,
        accountText: labels.get(line.account_id)?.[lang] ?? '',
        organizationId: line.organization_id,
        amount: line.amount,
      })),
    references: references.get(entry.id) ?? [],
  }));
}

/** What each entry books, to link from the journal: its gift, its project(s), its payment batch. */
async function entryReferences(
  executor: Executor,
  entries: readonly JournalEntryRow[],
  lines: readonly JournalLineRow[],
  accounts: readonly LedgerAccountRow[],
): Promise<Map<string, TJournalEntry['references']>> {
  const ids = entries.map((entry) => entry.id);
  const { donations, batches } = await entryRecords(executor, ids);
  const projectOf = new Map(accounts.flatMap((a) => (a.project_id ? [[a.id, a.project_id] as const] : [])));
  const projectIds = [...new Set(lines.flatMap((line) => projectOf.get(line.account_id) ?? []))];
  const names = await projectNames(executor, projectIds);
  const result = new Map<string, TJournalEntry['references']>();
  const add = (entryId: string, reference: TJournalEntry['references'][number]) => {
    const list = result.get(entryId) ?? [];
    if (!list.some((r) => r.kind === reference.kind && r.id === reference.id)) list.push(reference);
    result.set(entryId, list);
  };
  for (const gift of donations)
    add(gift.entry_id, { kind: 'donation', id: gift.id, label: `${gift.received_on} ${formatFen(gift.amount)}` });
  for (const line of lines) {
    const projectId = projectOf.get(line.account_id);
    if (projectId) add(line.entry_id, { kind: 'project', id: projectId, label: names.get(projectId) ?? '' });
  }
  for (const batch of batches) {
    for (const entryId of [batch.entry_id, batch.settle_entry_id]) {
      if (entryId && ids.includes(entryId)) add(entryId, { kind: 'payment_batch', id: batch.id, label: batch.title });
    }
  }
  return result;
}

export async function getEntry(ctx: ServiceContext, id: string): Promise<TJournalEntry> {
  const { rows } = await listEntries(ctx.db, scopeOf(ctx.actor), { offset: 0, limit: 1, ids: [id] });
  const [entry] = await presentEntries(ctx.db, ctx.lang, rows);
  if (!entry) throw errors.entryNotFound({ id });
  return entry;
}

/** 日记账: entries touching the books of organizations in scope (a transfer shows in both). */
export async function findEntries(ctx: ServiceContext, input: TJournalQuery): Promise<TPage<TJournalEntry>> {
  const query = ZJournalQuery.parse(input);
  const { rows, total } = await listEntries(ctx.db, scopeOf(ctx.actor), {
    organizationId: query.organizationId,
    kind: query.kind,
    from: query.from,
    to: query.to,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await presentEntries(ctx.db, ctx.lang, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Where money went when a trace step leaves the books. */
const LEFT_THE_BOOKS = {
  refunded: { 'zh-CN': '退还捐赠人', en: 'Refunded to the donor' },
  paidTo: { 'zh-CN': '支付给 {payee}', en: 'Paid to {payee}' },
  spent: { 'zh-CN': '支出', en: 'Spent' },
} as const satisfies Record<string, Localized>;

/** Steps of a trace, with the accounts and payees named (payees masked: a trace may be shown to donors). */
async function traceSteps(ctx: ServiceContext, links: readonly TraceLinkRow[]): Promise<TTraceStep[]> {
  const accountIds = [
    ...new Set(links.flatMap((l) => [l.from_account_id, l.to_account_id]).filter((id) => id !== null)),
  ];
  const [labels, entries, payees] = await Promise.all([
    findAccountsByIds(ctx.db, accountIds).then((rows) => accountLabels(ctx.db, rows)),
    entriesByIds(
      ctx.db,
      links.map((l) => l.entry_id),
    ),
    payeeNames(
      ctx.db,
      links.flatMap((l) => (l.ref ? [l.ref] : [])),
    ),
  ]);
  const lang = ctx.lang;
  const entryById = new Map(entries.map((e) => [e.id, e]));
  return links.map((link) => {
    const entry = entryById.get(link.entry_id);
    const payee = link.ref ? payees.get(link.ref) : undefined;
    const out =
      entry?.kind === 'refund'
        ? LEFT_THE_BOOKS.refunded[lang]
        : payee
          ? interpolate(LEFT_THE_BOOKS.paidTo[lang], { payee: maskPersonName(payee.payee_name) })
          : LEFT_THE_BOOKS.spent[lang];
    return {
      direction: link.from_account_id === null ? 'in' : link.to_account_id === null ? 'out' : 'moved',
      entryId: link.entry_id,
      kind: entry?.kind ?? 'donation',
      businessDate: entry?.business_date ?? '',
      donationId: link.donation_id,
      from: link.from_account_id ? (labels.get(link.from_account_id)?.[lang] ?? null) : null,
      to: link.to_account_id ? (labels.get(link.to_account_id)?.[lang] ?? null) : out,
      amount: link.amount,
    };
  });
}

/** Where a gift went: each movement of its shares, where they are now, what was spent and refunded. */
export async function donationTrace(ctx: ServiceContext, donationId: string): Promise<TDonationTrace> {
  const donation = await getDonation(ctx, donationId);
  const [links, lots] = await Promise.all([linksOfDonation(ctx.db, donationId), lotsOfDonation(ctx.db, donationId)]);
  const steps = await traceSteps(ctx, links);
  const labels = await accountLabels(
    ctx.db,
    await findAccountsByIds(ctx.db, [...new Set(lots.map((lot) => lot.account_id))]),
  );
  const heldIn = new Map<string, number>();
  for (const lot of lots) {
    const label = labels.get(lot.account_id)?.[ctx.lang] ?? '';
    heldIn.set(label, (heldIn.get(label) ?? 0) + lot.remaining);
  }
  const spent = steps
    .filter((step, i) => links[i]?.to_account_id === null && step.kind === 'payment')
    .reduce((sum, step) => sum + step.amount, 0);
  const origin = lots.filter((lot) => links[0]?.to_account_id === lot.account_id);
  return {
    donation,
    steps,
    refundable: origin.reduce((sum, lot) => sum + lot.remaining, 0),
    heldIn: [...heldIn].map(([account, amount]) => ({ account, amount })),
    spent,
    refunded: donation.refundedAmount,
  };
}

/** The money of a project: what came in (and from which gifts), what was paid out, what is left. */
export async function projectFunding(ctx: ServiceContext, projectId: string): Promise<TProjectFunding> {
  await getProject(ctx, projectId);
  const accounts = await accountsOfProject(ctx.db, projectId);
  const ids = new Set(accounts.map((a) => a.id));
  const links = await linksTouching(ctx.db, [...ids]);
  const entries = await entriesByIds(ctx.db, [...new Set(links.map((link) => link.entry_id))]);
  const remainderEntries = new Set(entries.filter((entry) => entry.kind === 'remainder').map((entry) => entry.id));
  // A remainder handling that was reversed, and its reversal, cancel out: neither counts.
  const undone = new Set(
    entries
      .filter((entry) => entry.kind === 'remainder' && entry.reversed_by_entry_id !== null)
      .flatMap((entry) => [entry.id, entry.reversed_by_entry_id ?? '']),
  );
  const inward = new Map<string, number>();
  let received = 0;
  let returned = 0;
  let spent = 0;
  for (const link of links) {
    if (undone.has(link.entry_id)) continue;
    const fromProject = link.from_account_id !== null && ids.has(link.from_account_id);
    const toProject = link.to_account_id !== null && ids.has(link.to_account_id);
    const amount = link.amount;
    if (toProject && !fromProject) {
      received += amount;
      inward.set(link.donation_id, (inward.get(link.donation_id) ?? 0) + amount);
    } else if (fromProject && !toProject) {
      if (link.to_account_id === null) spent += amount;
      else if (remainderEntries.has(link.entry_id)) returned += amount;
      else {
        received -= amount;
        inward.set(link.donation_id, (inward.get(link.donation_id) ?? 0) - amount);
      }
    }
  }
  const donationIds = [...inward].filter(([, amount]) => amount > 0).map(([id]) => id);
  const donations = await findDonationsByIds(ctx.db, donationIds);
  const donors = await donorsByIds(
    ctx.db,
    donations.map((d) => d.donor_id),
  );
  return {
    projectId,
    received,
    returned,
    spent,
    held: accounts.reduce((sum, account) => sum + held(account), 0),
    heldInProjectFund: accounts.filter((a) => a.kind === 'project_fund').reduce((sum, a) => sum + held(a), 0),
    heldForPayees: accounts.filter((a) => a.kind === 'payable').reduce((sum, a) => sum + held(a), 0),
    donations: donations.map((d) => {
      const donor = donors.get(d.donor_id);
      return {
        donationId: d.id,
        publicName: donor ? publicDonorName(donor, d.display_as, ctx.lang) : anonymousDonor(ctx.lang),
        receivedOn: d.received_on,
        amount: inward.get(d.id) ?? 0,
      };
    }),
  };
}
