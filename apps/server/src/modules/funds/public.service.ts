import {
  DEFAULT_LANG,
  ZPortalReceiptLookup,
  type Lang,
  type TPortalFunding,
  type TPortalReceiptLookup,
  type TPortalReceiptTrace,
} from '@tongxin/contracts';
import { systemContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { donationTrace, projectFunding } from './ledger-views.service.js';
import { findReceiptByCode } from './receipts.repository.js';

// The portal's view of the books, for anyone. The ledger views are read with the system context because
// the public has no scope; what leaves here is cut down to what the public may see: donors as they chose
// to be shown, payees masked, no contact data, notes or who entered what. Texts (accounts, designations,
// anonymous donors) come in the language asked for.

/** The money of a project the caller has found public: received, paid out, held, and the gifts in it. */
export async function publicProjectFunding(
  executor: Executor,
  projectId: string,
  lang: Lang = DEFAULT_LANG,
): Promise<TPortalFunding> {
  const funding = await projectFunding({ ...systemContext(executor), lang }, projectId);
  return {
    received: funding.received,
    returned: funding.returned,
    spent: funding.spent,
    held: funding.held,
    donations: funding.donations.map(({ publicName, receivedOn, amount }) => ({ publicName, receivedOn, amount })),
  };
}

/**
 * The trace of the gift behind a receipt, for whoever holds the receipt: its number alone is a running
 * sequence, so the random verification code printed beside it is required. Null when the pair does not match.
 */
export async function publicReceiptTrace(
  executor: Executor,
  input: TPortalReceiptLookup,
  lang: Lang = DEFAULT_LANG,
): Promise<TPortalReceiptTrace | null> {
  const lookup = ZPortalReceiptLookup.parse(input);
  const receipt = await findReceiptByCode(executor, lookup.number, lookup.code);
  if (!receipt) return null;
  const trace = await donationTrace({ ...systemContext(executor), lang }, receipt.donation_id);
  const gift = trace.donation;
  return {
    receipt: {
      number: receipt.number,
      status: receipt.status,
      amount: receipt.amount,
      issuedAt: receipt.issued_at,
      voidedAt: receipt.voided_at,
      organizationName: gift.organizationName,
    },
    gift: {
      publicName: gift.publicName,
      form: gift.form,
      amount: gift.amount,
      refundedAmount: gift.refundedAmount,
      designationText: gift.designationText,
      receivedOn: gift.receivedOn,
      items: gift.items.map((item) => ({ name: item.name, quantity: item.quantity, unit: item.unit ?? null })),
    },
    steps: trace.steps.map(({ kind, businessDate, from, to, direction, amount }) => ({
      kind,
      businessDate,
      from,
      to,
      direction,
      amount,
    })),
    heldIn: trace.heldIn,
    spent: trace.spent,
    refunded: trace.refunded,
  };
}
