import { randomInt } from 'node:crypto';
import type { Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { insertReceipt, nextReceiptSeq, receiptsOfDonations, voidReceipt } from './receipts.repository.js';
import type { DonationRow, ReceiptRow } from './tables.js';

/** Letters and digits that cannot be mistaken for each other when read off paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function verificationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

/**
 * Issues the receipt of a gift (JZ2026-000123: the organization's running number of the gift's year) in
 * the caller's transaction, or — after a refund or a reversal changed what the gift is — voids the valid
 * one and issues a new receipt for what remains, naming the one it replaces. Numbers run in sequence, so
 * the public look-up also needs the random verification code.
 */
export async function issueReceipt(
  tx: Executor,
  donation: DonationRow,
  voidReason?: string,
): Promise<ReceiptRow | null> {
  const now = new Date().toISOString();
  // A new gift has no receipt yet; a changed one may.
  const current = voidReason
    ? (await receiptsOfDonations(tx, [donation.id])).find((r) => r.status === 'valid')
    : undefined;
  if (current) await voidReceipt(tx, current.id, now, voidReason ?? '重开收据');
  const remaining = donation.amount - donation.refunded_amount;
  if (donation.status === 'reversed' || remaining <= 0) return null;
  const year = Number(donation.received_on.slice(0, 4));
  const seq = await nextReceiptSeq(tx, donation.organization_id, year);
  const receipt: ReceiptRow = {
    id: newId(),
    organization_id: donation.organization_id,
    donation_id: donation.id,
    number: `JZ${year}-${String(seq).padStart(6, '0')}`,
    verification_code: verificationCode(),
    amount: remaining,
    status: 'valid',
    official_bill_number: null,
    replaces_receipt_id: current?.id ?? null,
    issued_at: now,
    voided_at: null,
    void_reason: null,
  };
  await insertReceipt(tx, receipt);
  return receipt;
}
