import {
  ENTRY_KIND,
  ZClosePeriodRequest,
  ZLedgerPeriodQuery,
  ZReversalRequest,
  type TClosePeriodRequest,
  type TLedgerPeriod,
  type TLedgerPeriodQuery,
  type TReversalRequest,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { organizationIdListInScope, organizationNames, requireWritablePlacement } from '../organizations/index.js';
import { findDonation, updateDonationRefund } from './donations.repository.js';
import { requireBookkeeper } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import { issueReceipt } from './receipt-issuing.js';
import {
  findAccountsByIds,
  findEntry,
  insertPeriod,
  linksOfEntry,
  markReversed,
  periodsOf,
} from './ledger.repository.js';
import type { PostingResult } from './movement.service.js';
import { post, type Flow } from './posting.js';

/**
 * 冲销: undoes an entry with its mirror image, booked on a date in an open period; the original stays as
 * it was. Every share the entry moved goes back where it came from — which is refused if it has moved on
 * since (reverse the later entry first). A reversed donation or refund changes the gift's status.
 */
export async function reverseEntry(
  ctx: ServiceContext,
  key: IdempotencyKey,
  entryId: string,
  input: TReversalRequest,
): Promise<PostingResult> {
  const data = ZReversalRequest.parse(input);
  return onceForKey(ctx, key, 'entry.reverse', { entryId, ...data }, async (txCtx) => {
    requireBookkeeper(txCtx);
    const tx = txCtx.db;
    const entry = await findEntry(tx, entryId);
    if (!entry) throw errors.entryNotFound({ id: entryId });
    await requireWritablePlacement(txCtx, entry.organization_id).catch(() => {
      throw errors.entryNotFound({ id: entryId });
    });
    if (entry.kind === 'reversal') throw errors.notReversible();
    if (entry.kind === 'disbursement' || entry.kind === 'payment') throw errors.settleInstead();
    if (entry.reversed_by_entry_id) throw errors.alreadyReversed();
    const links = await linksOfEntry(tx, entry.id);
    const accounts = new Map(
      (
        await findAccountsByIds(tx, [
          ...new Set(links.flatMap((link) => [link.from_account_id, link.to_account_id]).filter((id) => id !== null)),
        ])
      ).map((account) => [account.id, account]),
    );
    const account = (id: string | null) => (id ? (accounts.get(id) ?? null) : null);
    const flows: Flow[] = links.map((link) => ({
      from: account(link.to_account_id),
      to: account(link.from_account_id),
      amount: link.amount,
      donationId: link.donation_id,
      ...(link.ref ? { ref: link.ref } : {}),
    }));
    const posted = await post(txCtx, {
      kind: 'reversal',
      organizationId: entry.organization_id,
      businessDate: data.reversedOn,
      memo: `冲销 ${entry.business_date}“${ENTRY_KIND.labels[entry.kind]['zh-CN']}”（${entry.memo}）：${data.reason}`,
      reversesEntryId: entry.id,
      isRelatedParty: entry.is_related_party === 1,
      flows,
    });
    if (!(await markReversed(tx, entry.id, posted.entryId))) throw errors.alreadyReversed();
    await reflectOnDonations(txCtx, entry.kind, links);
    await recordAudit(tx, {
      chainId: entry.organization_id,
      action: 'entry.reverse',
      entityType: 'journal_entry',
      entityId: entry.id,
      changes: { reversedBy: { before: null, after: posted.entryId }, reason: { before: null, after: data.reason } },
      ...auditBy(ctx),
    });
    return { entryId: posted.entryId };
  });
}

/** A reversed gift is marked reversed; a reversed refund gives the gift its money back. */
async function reflectOnDonations(
  ctx: ServiceContext,
  kind: string,
  links: readonly { donation_id: string; amount: number }[],
): Promise<void> {
  if (kind !== 'donation' && kind !== 'refund') return;
  const scope = writeScopeOf(ctx.actor);
  for (const donationId of new Set(links.map((link) => link.donation_id))) {
    const donation = await findDonation(ctx.db, scope, donationId);
    if (!donation) continue;
    if (kind === 'donation') {
      await updateDonationRefund(ctx.db, donation.id, donation.refunded_amount, 'reversed');
      await issueReceipt(ctx.db, { ...donation, status: 'reversed' }, '捐赠记账已冲销');
      continue;
    }
    const back = links.filter((link) => link.donation_id === donationId).reduce((sum, link) => sum + link.amount, 0);
    const refunded = donation.refunded_amount - back;
    const status = refunded > 0 ? 'partially_refunded' : 'received';
    await updateDonationRefund(ctx.db, donation.id, refunded, status);
    await issueReceipt(ctx.db, { ...donation, refunded_amount: refunded, status }, '退款已冲销，按实收金额重开');
  }
}

/**
 * Closes an organization's books for a year: no entry dated in it is accepted afterwards. Issuing the
 * annual report does this; so may the organization's bookkeeper.
 */
export async function closePeriod(
  ctx: ServiceContext,
  input: TClosePeriodRequest,
): Promise<{ organizationId: string; year: number }> {
  const data = ZClosePeriodRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    requireBookkeeper(txCtx);
    const organization = await requireWritablePlacement(txCtx, data.organizationId);
    const inserted = await insertPeriod(tx, {
      organization_id: organization.id,
      year: data.year,
      closed_at: new Date().toISOString(),
      closed_by: ctx.actor.username,
      note: data.note ?? null,
    });
    if (!inserted) throw errors.periodAlreadyClosed({ year: data.year });
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'ledger.close_period',
      entityType: 'ledger_period',
      entityId: `${organization.id}:${data.year}`,
      changes: { year: { before: null, after: data.year } },
      ...auditBy(ctx),
    });
    return { organizationId: organization.id, year: data.year };
  });
}

/** The closed years of the organizations the caller may see (of one, when asked), oldest first. */
export async function closedPeriodList(ctx: ServiceContext, input: TLedgerPeriodQuery): Promise<TLedgerPeriod[]> {
  const query = ZLedgerPeriodQuery.parse(input);
  const visible = await organizationIdListInScope(ctx.db, scopeOf(ctx.actor));
  const ids = query.organizationId ? visible.filter((id) => id === query.organizationId) : visible;
  const rows = await periodsOf(ctx.db, ids);
  const names = await organizationNames(ctx.db, [...new Set(rows.map((row) => row.organization_id))]);
  return rows.map((row) => ({
    organizationId: row.organization_id,
    organizationName: names.get(row.organization_id) ?? '',
    year: row.year,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    note: row.note,
  }));
}
