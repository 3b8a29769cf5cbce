import type { TDonationStatus, TPaymentStatus, TPledge, TProjectStatus } from '@tongxin/contracts';

/** Where an instalment of a pledge stands (contracts' INSTALMENT_STATUS). */
export type InstalmentStatus = TPledge['instalments'][number]['status'];
/** 认捐 or 认建 (contracts' PLEDGE_KIND). */
export type PledgeKind = TPledge['kind'];

export const DONATION_STATUS_COLORS: Readonly<Record<TDonationStatus, string>> = {
  received: 'green',
  partially_refunded: 'gold',
  refunded: 'default',
  reversed: 'red',
};

export const PAYMENT_STATUS_COLORS: Readonly<Record<TPaymentStatus, string>> = {
  pending: 'blue',
  paid: 'green',
  failed: 'red',
};

export const INSTALMENT_STATUS_COLORS: Readonly<Record<InstalmentStatus, string>> = {
  due: 'blue',
  overdue: 'red',
  fulfilled: 'green',
};

/** From approval until completion a project may receive money (the server's FUNDABLE). */
export const FUNDABLE: ReadonlySet<TProjectStatus> = new Set(['approved', 'in_progress', 'completed']);

/** Projects a gift may still be designated to: not ended. */
export const DESIGNATABLE: ReadonlySet<TProjectStatus> = new Set([
  'draft',
  'submitted',
  'approved',
  'in_progress',
  'completed',
  'accepted',
  'suspended',
]);

/**
 * Where the server's refusals of a posting belong in its form when they carry no field path: the amount is
 * too large, the project does not fit the money, the date lies in closed books.
 */
export const POSTING_REFUSAL_FIELDS = {
  FUNDS_INSUFFICIENT: 'amount',
  FUNDS_REFUND_TOO_LARGE: 'amount',
  FUNDS_DESIGNATION_BREACH: 'projectId',
  FUNDS_GOVERNMENT_OBLIGATED: 'projectId',
  FUNDS_PROJECT_NOT_FUNDABLE: 'projectId',
  FUNDS_PROJECT_OF_OTHER_ORGANIZATION: 'projectId',
  FUNDS_TRANSFER_TO_SELF: 'toOrganizationId',
  FUNDS_PERIOD_CLOSED: 'on',
} as const;

/** A phone or landline as people write it: digits, spaces, dashes, brackets, a leading plus. */
export const PHONE_PATTERN = /^[\d\s+\-()]{5,30}$/;
