import {
  formatFen,
  ZCreateDonationRequest,
  ZCreateDonorRequest,
  ZDonationListQuery,
  ZDonorListQuery,
  ZRefundRequest,
  type Lang,
  type TCreateDonationRequest,
  type TCreateDonorRequest,
  type TDesignation,
  type TDonation,
  type TDonationListQuery,
  type TDonor,
  type TDonorListQuery,
  type TPage,
  type TRefundRequest,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { keyring } from '../../platform/crypto/index.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { fieldProblem, isAppError, platformErrors, type FieldProblem } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { maskAddress, maskPhone } from '../../platform/privacy/mask.js';
import { organizationNames, requireWritablePlacement } from '../organizations/index.js';
import { projectFundingFacts } from '../projects/index.js';
import { lookupRegion } from '../regions/index.js';
import { villageRegionCodes } from '../registry/index.js';
import { designationNames, designationText } from './account-labels.js';
import { designationKey, parseDesignationKey } from './designation.js';
import {
  donorsByIds,
  donorOfOrganization,
  donorTotals,
  findDonation,
  findDonor,
  insertDonation,
  insertDonor,
  listDonations,
  listDonors,
  updateDonationRefund,
} from './donations.repository.js';
import { fundErrors as errors, fundFieldMessages as messages } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import { post } from './posting.js';
import { pledgeProblems } from './pledge-rules.js';
import { anonymousDonor, publicDonorName } from './public-name.js';
import { issueReceipt } from './receipt-issuing.js';
import { receiptsOfDonations } from './receipts.repository.js';
import type { DonationRow, DonorRow, ReceiptRow } from './tables.js';

/** Roles that keep the books; auditors, supervisors and cadres read them. */
export const BOOKKEEPERS = new Set(['platform_admin', 'org_admin', 'org_staff']);

export function requireBookkeeper(ctx: ServiceContext): void {
  if (!BOOKKEEPERS.has(ctx.actor.role)) throw platformErrors.forbidden();
}

export async function writableOrganization(ctx: ServiceContext, id: string): Promise<{ id: string; name: string }> {
  requireBookkeeper(ctx);
  // Every scope holds the own organization, placed when the session was resolved: nothing to read again.
  if (id === ctx.actor.organizationId) return { id, name: ctx.actor.organizationName };
  return requireWritablePlacement(ctx, id).catch(() => {
    throw platformErrors.validationFailed({}, [fieldProblem('organizationId', messages.organizationNotWritable)]);
  });
}

function presentDonor(row: DonorRow, totals?: { count: number; total: number }): TDonor {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind,
    name: row.name,
    salutation: row.salutation,
    phoneMasked: row.phone_masked,
    addressMasked: row.address_masked,
    creditCode: row.credit_code,
    isRelatedParty: row.is_related_party === 1,
    note: row.note,
    donationCount: totals?.count ?? 0,
    donatedTotal: totals?.total ?? 0,
    createdAt: row.created_at,
  };
}

export async function createDonor(ctx: ServiceContext, input: TCreateDonorRequest): Promise<TDonor> {
  const data = ZCreateDonorRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const organization = await writableOrganization(txCtx, data.organizationId);
    const now = new Date().toISOString();
    const seal = (value: string | null | undefined, mask: (v: string) => string) =>
      value ? { cipher: keyring().encrypt(value), masked: mask(value) } : { cipher: null, masked: null };
    const phone = seal(data.phone, maskPhone);
    const address = seal(data.address, maskAddress);
    const row: DonorRow = {
      id: newId(),
      organization_id: organization.id,
      kind: data.kind,
      name: data.name,
      salutation: data.kind === 'person' ? (data.salutation ?? null) : null,
      phone_cipher: phone.cipher,
      phone_masked: phone.masked,
      address_cipher: address.cipher,
      address_masked: address.masked,
      credit_code: data.creditCode ?? null,
      is_related_party: data.isRelatedParty ? 1 : 0,
      note: data.note ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertDonor(tx, row);
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'donor.create',
      entityType: 'donor',
      entityId: row.id,
      changes: {
        name: { before: null, after: row.name },
        phone: { before: null, after: data.phone ?? null },
        address: { before: null, after: data.address ?? null },
      },
      ...auditBy(ctx),
    });
    return presentDonor(row);
  });
}

export async function getDonor(ctx: ServiceContext, id: string): Promise<TDonor> {
  const row = await findDonor(ctx.db, scopeOf(ctx.actor), id);
  if (!row) throw errors.donorNotFound({ id });
  return presentDonor(row, (await donorTotals(ctx.db, [id])).get(id));
}

export async function findDonors(ctx: ServiceContext, input: TDonorListQuery): Promise<TPage<TDonor>> {
  const query = ZDonorListQuery.parse(input);
  const { rows, total } = await listDonors(ctx.db, scopeOf(ctx.actor), {
    text: query.q,
    kind: query.kind,
    organizationId: query.organizationId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const totals = await donorTotals(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => presentDonor(row, totals.get(row.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Why a donor cannot give to the organization: unknown, or registered with another one. */
export async function donorProblem(ctx: ServiceContext, donorId: string): Promise<FieldProblem> {
  const elsewhere = await findDonor(ctx.db, scopeOf(ctx.actor), donorId);
  return fieldProblem('donorId', elsewhere ? messages.donorOfOtherOrganization : messages.donorUnknown);
}

/** Problems with what the money is designated to: the project, village or region must exist. */
export async function designationProblems(executor: Executor, designation: TDesignation): Promise<FieldProblem[]> {
  const unknown = [fieldProblem('designation', messages.designationUnknown)];
  switch (designation.kind) {
    case 'project':
      return (await projectFundingFacts(executor, designation.projectId)) ? [] : unknown;
    case 'village':
      return (await villageRegionCodes(executor, [designation.villageId])).size > 0 ? [] : unknown;
    case 'region':
      return (await lookupRegion(executor, designation.regionCode)) ? [] : unknown;
    case 'unrestricted':
    case 'category':
      return [];
  }
}

/** What the caller already holds, so that presenting a gift just recorded reads nothing again. */
type Known = { donor: DonorRow; organizationName: string; receipts: ReceiptRow[] };

export async function presentDonations(
  executor: Executor,
  lang: Lang,
  rows: readonly DonationRow[],
  known?: Known,
): Promise<TDonation[]> {
  const designations = rows.map((row) => parseDesignationKey(row.designation));
  const [donors, names, organizations, receipts] = await Promise.all([
    known
      ? new Map([[known.donor.id, known.donor]])
      : donorsByIds(
          executor,
          rows.map((row) => row.donor_id),
        ),
    designationNames(executor, designations),
    known
      ? new Map(rows.map((row) => [row.organization_id, known.organizationName]))
      : organizationNames(
          executor,
          rows.map((row) => row.organization_id),
        ),
    known
      ? known.receipts
      : receiptsOfDonations(
          executor,
          rows.map((row) => row.id),
        ),
  ]);
  const validReceipts = new Map(receipts.filter((r) => r.status === 'valid').map((r) => [r.donation_id, r.number]));
  return rows.map((row, index) => {
    const donor = donors.get(row.donor_id);
    const designation = designations[index] ?? { kind: 'unrestricted' as const };
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: organizations.get(row.organization_id) ?? '',
      donorId: row.donor_id,
      donorName: donor?.name ?? '',
      publicName: donor ? publicDonorName(donor, row.display_as, lang) : anonymousDonor(lang),
      form: row.form,
      method: row.method,
      amount: row.amount,
      refundedAmount: row.refunded_amount,
      items: JSON.parse(row.items) as TDonation['items'],
      designation,
      designationText: designationText(designation, names, lang),
      displayAs: row.display_as,
      receivedOn: row.received_on,
      pledgeId: row.pledge_id,
      campaignRef: row.campaign_ref,
      note: row.note,
      status: row.status,
      isRelatedParty: row.is_related_party === 1,
      entryId: row.entry_id,
      receiptNumber: validReceipts.get(row.id) ?? null,
      createdAt: row.created_at,
    };
  });
}

async function presentOne(executor: Executor, lang: Lang, row: DonationRow, known?: Known): Promise<TDonation> {
  const [donation] = await presentDonations(executor, lang, [row], known);
  if (!donation) throw errors.donationNotFound({ id: row.id });
  return donation;
}

/**
 * Records a gift and posts it: the holding account (bank or inventory) gains what the fund of the gift's
 * designation now owes to the donor's will. Once per idempotency key.
 */
export async function recordDonation(
  ctx: ServiceContext,
  key: IdempotencyKey,
  input: TCreateDonationRequest,
): Promise<TDonation> {
  const data = ZCreateDonationRequest.parse(input);
  return onceForKey(ctx, key, 'donation.record', data, async (txCtx) => {
    const tx = txCtx.db;
    const organization = await writableOrganization(txCtx, data.organizationId);
    const donor = await donorOfOrganization(tx, organization.id, data.donorId);
    const problems: FieldProblem[] = [];
    if (!donor) problems.push(await donorProblem(txCtx, data.donorId));
    problems.push(...(await designationProblems(tx, data.designation)));
    if (data.pledgeId)
      problems.push(
        ...(await pledgeProblems(tx, data.pledgeId, {
          organizationId: organization.id,
          donorId: data.donorId,
          designation: designationKey(data.designation),
        })),
      );
    const amount =
      data.form === 'money'
        ? (data.amount ?? 0)
        : data.items.reduce((sum, item) => sum + item.quantity * item.unitValue, 0);
    if (data.form === 'goods' && amount <= 0) problems.push(fieldProblem('items', messages.itemsSum));
    if (problems.length > 0 || !donor) throw platformErrors.validationFailed({}, problems);

    const id = newId();
    const designation = designationKey(data.designation);
    const posted = await post(txCtx, {
      kind: 'donation',
      organizationId: organization.id,
      businessDate: data.receivedOn,
      memo: `${donor.name} 捐赠`,
      isRelatedParty: donor.is_related_party === 1,
      flows: [
        {
          from: null,
          to: { organizationId: organization.id, kind: 'fund', form: data.form, designation },
          amount,
          donationId: id,
        },
      ],
    });
    const row: DonationRow = {
      id,
      organization_id: organization.id,
      donor_id: donor.id,
      form: data.form,
      method: data.form === 'money' ? (data.method ?? null) : null,
      amount,
      refunded_amount: 0,
      items: JSON.stringify(data.form === 'goods' ? data.items : []),
      designation,
      display_as: data.displayAs,
      received_on: data.receivedOn,
      pledge_id: data.pledgeId ?? null,
      campaign_ref: data.campaignRef ?? null,
      note: data.note ?? null,
      status: 'received',
      is_related_party: donor.is_related_party,
      entry_id: posted.entryId,
      created_at: new Date().toISOString(),
      created_by: ctx.actor.userId,
    };
    await insertDonation(tx, row);
    const receipt = await issueReceipt(tx, row);
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'donation.record',
      entityType: 'donation',
      entityId: id,
      changes: {
        amount: { before: null, after: amount },
        designation: { before: null, after: designation },
        receivedOn: { before: null, after: data.receivedOn },
      },
      ...auditBy(ctx),
    });
    return presentOne(tx, ctx.lang, row, {
      donor,
      organizationName: organization.name,
      receipts: receipt ? [receipt] : [],
    });
  });
}

export async function getDonation(ctx: ServiceContext, id: string): Promise<TDonation> {
  const row = await findDonation(ctx.db, scopeOf(ctx.actor), id);
  if (!row) throw errors.donationNotFound({ id });
  return presentOne(ctx.db, ctx.lang, row);
}

export async function findDonations(ctx: ServiceContext, input: TDonationListQuery): Promise<TPage<TDonation>> {
  const query = ZDonationListQuery.parse(input);
  const { rows, total } = await listDonations(ctx.db, scopeOf(ctx.actor), {
    organizationId: query.organizationId,
    donorId: query.donorId,
    pledgeId: query.pledgeId,
    form: query.form,
    from: query.year ? `${query.year}-01-01` : undefined,
    to: query.year ? `${query.year}-12-31` : undefined,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: await presentDonations(ctx.db, ctx.lang, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Gives part or all of a gift back: only what of it is still in the fund it came into (money already
 * allocated must come back first). The donation's own shares leave, not the fund's oldest.
 */
export async function refundDonation(
  ctx: ServiceContext,
  key: IdempotencyKey,
  id: string,
  input: TRefundRequest,
): Promise<TDonation> {
  const data = ZRefundRequest.parse(input);
  return onceForKey(ctx, key, 'donation.refund', { id, ...data }, async (txCtx) => {
    const tx = txCtx.db;
    requireBookkeeper(txCtx);
    const row = await findDonation(tx, writeScopeOf(ctx.actor), id);
    if (!row) throw errors.donationNotFound({ id });
    const fund = {
      organizationId: row.organization_id,
      kind: 'fund' as const,
      form: row.form,
      designation: row.designation,
    };
    const posted = await post(txCtx, {
      kind: 'refund',
      organizationId: row.organization_id,
      businessDate: data.refundedOn,
      memo: `退款：${data.reason}`,
      flows: [{ from: fund, to: null, amount: data.amount, donationId: row.id }],
    }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'FUNDS_INSUFFICIENT')
        throw errors.refundTooLarge({ available: error.params.available });
      throw error;
    });
    const refunded = row.refunded_amount + data.amount;
    const status = refunded >= row.amount ? 'refunded' : 'partially_refunded';
    await updateDonationRefund(tx, row.id, refunded, status);
    const changed = { ...row, refunded_amount: refunded, status } as const;
    await issueReceipt(tx, changed, status === 'refunded' ? '全额退款' : `部分退款 ¥${formatFen(data.amount)}`);
    await recordAudit(tx, {
      chainId: row.organization_id,
      action: 'donation.refund',
      entityType: 'donation',
      entityId: row.id,
      changes: {
        refundedAmount: { before: row.refunded_amount, after: refunded },
        entryId: { before: null, after: posted.entryId },
      },
      ...auditBy(ctx),
    });
    return presentOne(tx, ctx.lang, changed);
  });
}
