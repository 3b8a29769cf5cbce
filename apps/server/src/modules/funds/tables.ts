import type {
  TAccountKind,
  TBatchStatus,
  TPayeeKind,
  TPaymentStatus,
  TDonationForm,
  TDonationStatus,
  TDonorDisplay,
  TDonorKind,
  TEntryKind,
  TPaymentMethod,
} from '@tongxin/contracts';

/**
 * One account of one organization's books. Funds, project funds and payables are credit-normal (they say
 * whose money it is); bank and inventory are debit-normal (they say where it is). `balance` is the running
 * total of the account's lines, debit positive; `ledger verify` recomputes it from the lines.
 */
export type LedgerAccountRow = {
  id: string;
  /** organization|kind|form|designation-or-project: one account per combination. */
  key: string;
  organization_id: string;
  kind: TAccountKind;
  form: TDonationForm;
  /** For funds: the designation key (see designation.ts); project funds: project:<id>; else null. */
  designation: string | null;
  project_id: string | null;
  balance: number;
  created_at: string;
};

export type JournalEntryRow = {
  id: string;
  kind: TEntryKind;
  /** The organization whose books the entry was posted from (a transfer also touches the receiver's). */
  organization_id: string;
  business_date: string;
  entered_at: string;
  actor_id: string;
  actor_username: string;
  memo: string;
  reverses_entry_id: string | null;
  reversed_by_entry_id: string | null;
  is_related_party: number;
};

/** Debit positive, credit negative; an entry's lines sum to zero, and so do each organization's. */
export type JournalLineRow = {
  entry_id: string;
  line_no: number;
  account_id: string;
  organization_id: string;
  amount: number;
};

/**
 * A share of one donation held in a credit-normal account. Money leaves an account oldest share first
 * (FIFO by id); refunds and reversals take the named donation's own shares.
 */
export type FundLotRow = { id: string; account_id: string; donation_id: string; remaining: number };

/** Where a share of a donation moved in an entry; null `from` = came in, null `to` = left the books. */
export type TraceLinkRow = {
  id: string;
  entry_id: string;
  donation_id: string;
  from_account_id: string | null;
  to_account_id: string | null;
  amount: number;
  /** What the money left for, when it left the books: a payment item's id. */
  ref: string | null;
};

export type LedgerPeriodRow = {
  organization_id: string;
  year: number;
  closed_at: string;
  closed_by: string;
  note: string | null;
};

/** A posting request already answered: the same key and body get the same answer. */
export type IdempotencyKeyRow = {
  owner_id: string;
  key: string;
  operation: string;
  request_hash: string;
  response: string;
  created_at: string;
};

export type DonorRow = {
  id: string;
  organization_id: string;
  kind: TDonorKind;
  name: string;
  salutation: 'mr' | 'ms' | null;
  phone_cipher: string | null;
  phone_masked: string | null;
  address_cipher: string | null;
  address_masked: string | null;
  credit_code: string | null;
  is_related_party: number;
  note: string | null;
  created_at: string;
  updated_at: string;
};

export type DonationRow = {
  id: string;
  organization_id: string;
  donor_id: string;
  form: TDonationForm;
  method: TPaymentMethod | null;
  amount: number;
  refunded_amount: number;
  /** JSON [{name, quantity, unit, unitValue, valuationBasis}] for goods. */
  items: string;
  designation: string;
  display_as: TDonorDisplay;
  received_on: string;
  pledge_id: string | null;
  campaign_ref: string | null;
  note: string | null;
  status: TDonationStatus;
  is_related_party: number;
  entry_id: string;
  created_at: string;
  created_by: string;
};

export type PaymentBatchRow = {
  id: string;
  organization_id: string;
  project_id: string;
  form: TDonationForm;
  title: string;
  approved_on: string;
  status: TBatchStatus;
  entry_id: string;
  created_at: string;
  created_by: string;
};

export type PaymentItemRow = {
  id: string;
  batch_id: string;
  payee_kind: TPayeeKind;
  payee_name: string;
  household_id: string | null;
  amount: number;
  status: TPaymentStatus;
  settled_on: string | null;
  settle_entry_id: string | null;
  is_related_party: number;
  note: string | null;
};

/** 捐赠收据: numbered per organization and year; looked up publicly by number and verification code. */
export type ReceiptRow = {
  id: string;
  organization_id: string;
  donation_id: string;
  number: string;
  verification_code: string;
  amount: number;
  status: 'valid' | 'void';
  official_bill_number: string | null;
  replaces_receipt_id: string | null;
  issued_at: string;
  voided_at: string | null;
  void_reason: string | null;
};

export type ReceiptCounterRow = { organization_id: string; year: number; last_seq: number };

export type PledgeRow = {
  id: string;
  organization_id: string;
  donor_id: string;
  kind: 'give' | 'build';
  title: string;
  designation: string;
  display_as: TDonorDisplay;
  pledged_on: string;
  total: number;
  note: string | null;
  created_at: string;
  created_by: string;
};

export type PledgeInstalmentRow = { id: string; pledge_id: string; due_on: string; amount: number };

/** How a closed or terminated project's leftover money was handled, kept for disclosure. */
export type ProjectRemainderRow = {
  id: string;
  project_id: string;
  organization_id: string;
  mode: 'return' | 'redesignate';
  amount: number;
  designation: string | null;
  consent: string | null;
  handled_on: string;
  entry_id: string;
  created_at: string;
  created_by: string;
};

export type FundsTables = {
  project_remainders: ProjectRemainderRow;
  pledges: PledgeRow;
  pledge_instalments: PledgeInstalmentRow;
  receipts: ReceiptRow;
  receipt_counters: ReceiptCounterRow;
  payment_batches: PaymentBatchRow;
  payment_items: PaymentItemRow;
  ledger_accounts: LedgerAccountRow;
  journal_entries: JournalEntryRow;
  journal_lines: JournalLineRow;
  fund_lots: FundLotRow;
  trace_links: TraceLinkRow;
  ledger_periods: LedgerPeriodRow;
  idempotency_keys: IdempotencyKeyRow;
  donors: DonorRow;
  donations: DonationRow;
};
