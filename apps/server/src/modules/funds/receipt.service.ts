import { ZOfficialBillNumberRequest, type TReceipt } from '@tongxin/contracts';
import type { z } from 'zod';
import { writeScopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { findDonation } from './donations.repository.js';
import { getDonation, requireBookkeeper } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import { renderReceiptPdf } from './receipts/receipt-pdf.js';
import { findReceipt, receiptsOfDonations, setOfficialBillNumber } from './receipts.repository.js';
import type { ReceiptRow } from './tables.js';

function present(row: ReceiptRow, all: readonly ReceiptRow[]): TReceipt {
  return {
    id: row.id,
    donationId: row.donation_id,
    number: row.number,
    verificationCode: row.verification_code,
    amount: row.amount,
    status: row.status,
    officialBillNumber: row.official_bill_number,
    replacesNumber: all.find((r) => r.id === row.replaces_receipt_id)?.number ?? null,
    issuedAt: row.issued_at,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
  };
}

/** Every receipt of a gift, the void ones too, oldest first. */
export async function receiptsOfDonation(ctx: ServiceContext, donationId: string): Promise<TReceipt[]> {
  await getDonation(ctx, donationId);
  const rows = await receiptsOfDonations(ctx.db, [donationId]);
  return rows.map((row) => present(row, rows));
}

/** The printable receipt: the gift as the donor chose to be named, the amount in figures and capitals. */
export async function receiptPdf(ctx: ServiceContext, receiptId: string): Promise<{ number: string; pdf: Buffer }> {
  const row = await findReceipt(ctx.db, receiptId);
  if (!row) throw errors.receiptNotFound({ id: receiptId });
  // The receipt is a Chinese document whoever prints it: its designation and donor name are in zh-CN.
  const donation = await getDonation({ ...ctx, lang: 'zh-CN' }, row.donation_id).catch(() => {
    throw errors.receiptNotFound({ id: receiptId });
  });
  const all = await receiptsOfDonations(ctx.db, [row.donation_id]);
  const pdf = await renderReceiptPdf({
    organizationName: donation.organizationName,
    receiptNumber: row.number,
    verificationCode: row.verification_code,
    donorDisplay: donation.publicName,
    amountFen: row.amount,
    form: donation.form,
    items: donation.items.map((item) => ({
      name: item.name,
      quantity: item.quantity,
      unit: item.unit ?? null,
      unitValueFen: item.unitValue,
      valuationBasis: item.valuationBasis,
    })),
    designationText: donation.designationText,
    businessDate: donation.receivedOn,
    officialBillNumber: row.official_bill_number,
    issuedAt: row.issued_at,
    ...(row.status === 'void'
      ? { voided: { on: (row.voided_at ?? row.issued_at).slice(0, 10), reason: row.void_reason ?? '' } }
      : {}),
    ...(row.replaces_receipt_id
      ? { replacesNumber: all.find((r) => r.id === row.replaces_receipt_id)?.number ?? '' }
      : {}),
  });
  return { number: row.number, pdf };
}

/** Writes in the number of the official 公益事业捐赠票据 issued for the gift. */
export async function updateOfficialBillNumber(
  ctx: ServiceContext,
  receiptId: string,
  input: z.input<typeof ZOfficialBillNumberRequest>,
): Promise<TReceipt> {
  const data = ZOfficialBillNumberRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    requireBookkeeper(ctx);
    const row = await findReceipt(tx, receiptId);
    const donation = row ? await findDonation(tx, writeScopeOf(ctx.actor), row.donation_id) : undefined;
    if (!row || !donation) throw errors.receiptNotFound({ id: receiptId });
    await setOfficialBillNumber(tx, row.id, data.officialBillNumber || null);
    await recordAudit(tx, {
      chainId: row.organization_id,
      action: 'receipt.official_bill_number',
      entityType: 'receipt',
      entityId: row.id,
      changes: { officialBillNumber: { before: row.official_bill_number, after: data.officialBillNumber || null } },
      ...auditBy(ctx),
    });
    const all = await receiptsOfDonations(tx, [row.donation_id]);
    const updated = all.find((r) => r.id === row.id) ?? row;
    return present(updated, all);
  });
}
