import type {
  TAccountKind,
  TAllocationRequest,
  TClosePeriodRequest,
  TCreateDonationRequest,
  TCreatePledgeRequest,
  TCreateDonorRequest,
  TDonation,
  TDonationForm,
  TDonationTrace,
  TDonor,
  TDonorKind,
  TFundAccount,
  TEntryKind,
  TJournalEntry,
  TPage,
  TPaymentBatch,
  TPaymentBatchRequest,
  TPledge,
  TProjectFunding,
  TReceipt,
  TRefundRequest,
  TRemainder,
  TRemainderRequest,
  TReversalRequest,
  TSettlePaymentsRequest,
  TTransferRequest,
} from '@tongxin/contracts';
import { api, apiUrl, type QueryParams } from './client';

export type DonorListQuery = {
  q?: string;
  organizationId?: string;
  kind?: TDonorKind;
  page?: number;
  pageSize?: number;
} & QueryParams;

export type DonationListQuery = {
  organizationId?: string;
  donorId?: string;
  form?: TDonationForm;
  year?: number;
  page?: number;
  pageSize?: number;
} & QueryParams;

export type PledgeListQuery = {
  organizationId?: string;
  donorId?: string;
  overdueOnly?: boolean;
  page?: number;
  pageSize?: number;
} & QueryParams;

export type JournalQuery = {
  organizationId?: string;
  kind?: TEntryKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
} & QueryParams;

export type FundAccountQuery = { organizationId?: string; kind?: TAccountKind; includeEmpty?: boolean } & QueryParams;

export type PostingResult = { entryId: string };

/**
 * The header every posting carries: one key per business event (useIdempotencyKey), the same on every retry
 * of it, so that the server posts it once however often it is sent.
 */
const posting = (key: string) => ({ 'Idempotency-Key': key });

export const fetchDonors = (query: DonorListQuery, signal?: AbortSignal) =>
  api<TPage<TDonor>>('GET', '/donors', { query, signal });

export const fetchDonor = (id: string, signal?: AbortSignal) => api<TDonor>('GET', `/donors/${id}`, { signal });

export const createDonor = (body: TCreateDonorRequest) => api<TDonor>('POST', '/donors', { body });

export const fetchDonations = (query: DonationListQuery, signal?: AbortSignal) =>
  api<TPage<TDonation>>('GET', '/donations', { query, signal });

export const fetchDonation = (id: string, signal?: AbortSignal) =>
  api<TDonation>('GET', `/donations/${id}`, { signal });

export const fetchDonationTrace = (id: string, signal?: AbortSignal) =>
  api<TDonationTrace>('GET', `/donations/${id}/trace`, { signal });

export const recordDonation = (key: string, body: TCreateDonationRequest) =>
  api<TDonation>('POST', '/donations', { body, headers: posting(key) });

export const refundDonation = (key: string, id: string, body: TRefundRequest) =>
  api<TDonation>('POST', `/donations/${id}/refunds`, { body, headers: posting(key) });

export const fetchFundAccounts = (query: FundAccountQuery, signal?: AbortSignal) =>
  api<{ items: TFundAccount[] }>('GET', '/funds/accounts', { query, signal });

export const allocateToProject = (key: string, body: TAllocationRequest) =>
  api<PostingResult>('POST', '/funds/allocations', { body, headers: posting(key) });

export const transferFunds = (key: string, body: TTransferRequest) =>
  api<PostingResult>('POST', '/funds/transfers', { body, headers: posting(key) });

export const createPaymentBatch = (key: string, body: TPaymentBatchRequest) =>
  api<TPaymentBatch>('POST', '/funds/payment-batches', { body, headers: posting(key) });

export const settlePayments = (key: string, batchId: string, body: TSettlePaymentsRequest) =>
  api<TPaymentBatch>('POST', `/funds/payment-batches/${batchId}/settlements`, { body, headers: posting(key) });

export const fetchProjectFunding = (projectId: string, signal?: AbortSignal) =>
  api<TProjectFunding>('GET', `/projects/${projectId}/funding`, { signal });

export const fetchProjectPaymentBatches = (projectId: string, signal?: AbortSignal) =>
  api<{ items: TPaymentBatch[] }>('GET', `/projects/${projectId}/payment-batches`, { signal });

export const fetchEntry = (id: string, signal?: AbortSignal) =>
  api<TJournalEntry>('GET', `/ledger/entries/${id}`, { signal });

export const reverseEntry = (key: string, id: string, body: TReversalRequest) =>
  api<PostingResult>('POST', `/ledger/entries/${id}/reversal`, { body, headers: posting(key) });

export const fetchEntries = (query: JournalQuery, signal?: AbortSignal) =>
  api<TPage<TJournalEntry>>('GET', '/ledger/entries', { query, signal });

export const closePeriod = (body: TClosePeriodRequest) =>
  api<{ organizationId: string; year: number }>('POST', '/ledger/periods', { body });

export const fetchReceipts = (donationId: string, signal?: AbortSignal) =>
  api<{ items: TReceipt[] }>('GET', `/donations/${donationId}/receipts`, { signal });

/** The printable receipt: a plain link, so that the browser opens the PDF with the session cookie. */
export const receiptPdfUrl = (receiptId: string) => apiUrl(`/receipts/${receiptId}/pdf`);

export const setOfficialBillNumber = (receiptId: string, officialBillNumber: string | null) =>
  api<TReceipt>('PUT', `/receipts/${receiptId}/official-bill-number`, { body: { officialBillNumber } });

export const fetchPledges = (query: PledgeListQuery, signal?: AbortSignal) =>
  api<TPage<TPledge>>('GET', '/pledges', { query, signal });

export const fetchPledge = (id: string, signal?: AbortSignal) => api<TPledge>('GET', `/pledges/${id}`, { signal });

export const createPledge = (key: string, body: TCreatePledgeRequest) =>
  api<TPledge>('POST', '/pledges', { body, headers: posting(key) });

export const fetchRemainders = (projectId: string, signal?: AbortSignal) =>
  api<{ items: TRemainder[] }>('GET', `/projects/${projectId}/remainders`, { signal });

export const handleRemainder = (key: string, projectId: string, body: TRemainderRequest) =>
  api<TRemainder>('POST', `/projects/${projectId}/remainders`, { body, headers: posting(key) });
