import {
  ZAllocationRequest,
  ZClosePeriodRequest,
  ZLedgerPeriod,
  ZLedgerPeriodQuery,
  ZCreateDonationRequest,
  ZCreateDonorRequest,
  ZDonation,
  ZDonationListQuery,
  ZDonationTrace,
  ZDonor,
  ZDonorListQuery,
  ZFundAccount,
  ZFundAccountQuery,
  ZId,
  ZJournalEntry,
  ZJournalQuery,
  ZCreatePledgeRequest,
  ZOfficialBillNumberRequest,
  ZPledge,
  ZPledgeListQuery,
  ZReceipt,
  ZRemainder,
  ZRemainderRequest,
  ZPage,
  ZPaymentBatch,
  ZPaymentBatchRequest,
  ZPostingResult,
  ZProjectFunding,
  ZRefundRequest,
  ZReversalRequest,
  ZSettlePaymentsRequest,
  ZTransferRequest,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contentDisposition, serviceContext, type ApiApp } from '../../platform/http/index.js';
import { closedPeriodList, closePeriod, reverseEntry } from './correction.service.js';
import {
  createDonor,
  findDonations,
  findDonors,
  getDonation,
  getDonor,
  recordDonation,
  refundDonation,
} from './donation.service.js';
import { donationTrace, findEntries, fundAccounts, getEntry, projectFunding } from './ledger-views.service.js';
import { allocateToProject, transferFunds } from './movement.service.js';
import { createPledge, findPledges, getPledge } from './pledge.service.js';
import { receiptPdf, receiptsOfDonation, updateOfficialBillNumber } from './receipt.service.js';
import { handleRemainder, projectRemainders } from './remainder.service.js';
import { createPaymentBatch, getPaymentBatch, paymentBatchesOfProject, settlePayments } from './payment.service.js';

const ZIdParams = z.object({ id: ZId });
const tags = ['funds'];
const POSTING = ' Send an Idempotency-Key header: one random value per business event, the same on every retry.';

/** The Idempotency-Key header; the service refuses a posting without one. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

export function fundRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/donors',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Donors of the organizations in scope',
        querystring: ZDonorListQuery,
        response: { 200: ZPage(ZDonor) },
      },
    },
    async (request) => findDonors(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/donors',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Register a donor (phone and address encrypted)',
        body: ZCreateDonorRequest,
        response: { 201: ZDonor },
      },
    },
    async (request, reply) => reply.status(201).send(await createDonor(serviceContext(request), request.body)),
  );
  app.get(
    '/api/v1/donors/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One donor with the number and total of gifts',
        params: ZIdParams,
        response: { 200: ZDonor },
      },
    },
    async (request) => getDonor(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/v1/donations',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Donations in scope',
        querystring: ZDonationListQuery,
        response: { 200: ZPage(ZDonation) },
      },
    },
    async (request) => findDonations(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/donations',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Record a gift of money or goods and post it to the ledger.${POSTING}`,
        body: ZCreateDonationRequest,
        response: { 201: ZDonation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordDonation(serviceContext(request), idempotencyKey(request), request.body)),
  );
  app.get(
    '/api/v1/donations/:id',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'One donation', params: ZIdParams, response: { 200: ZDonation } },
    },
    async (request) => getDonation(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/v1/donations/:id/trace',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Where the gift went: allocations, transfers and payments it funded (first in, first out)',
        params: ZIdParams,
        response: { 200: ZDonationTrace },
      },
    },
    async (request) => donationTrace(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/v1/donations/:id/refunds',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Give part or all of a gift back (only what is still in its fund).${POSTING}`,
        params: ZIdParams,
        body: ZRefundRequest,
        response: { 200: ZDonation },
      },
    },
    async (request) =>
      refundDonation(serviceContext(request), idempotencyKey(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/donations/:id/receipts',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The receipts of a gift, void ones included',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZReceipt) }) },
      },
    },
    async (request) => ({ items: await receiptsOfDonation(serviceContext(request), request.params.id) }),
  );
  app.get(
    '/api/v1/receipts/:id/pdf',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'The printable receipt (PDF)', params: ZIdParams },
    },
    async (request, reply) => {
      const { number, pdf } = await receiptPdf(serviceContext(request), request.params.id);
      return reply
        .header('content-disposition', contentDisposition('inline', `捐赠收据-${number}.pdf`, `receipt-${number}.pdf`))
        .type('application/pdf')
        .send(pdf);
    },
  );
  app.put(
    '/api/v1/receipts/:id/official-bill-number',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Write in the number of the official 公益事业捐赠票据',
        params: ZIdParams,
        body: ZOfficialBillNumberRequest,
        response: { 200: ZReceipt },
      },
    },
    async (request) => updateOfficialBillNumber(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/pledges',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Pledges (认捐/认建) with what came in and what is overdue',
        querystring: ZPledgeListQuery,
        response: { 200: ZPage(ZPledge) },
      },
    },
    async (request) => findPledges(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/pledges',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record a pledge with its instalments',
        body: ZCreatePledgeRequest,
        response: { 201: ZPledge },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPledge(serviceContext(request), idempotencyKey(request), request.body)),
  );
  app.get(
    '/api/v1/pledges/:id',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'One pledge with its instalments', params: ZIdParams, response: { 200: ZPledge } },
    },
    async (request) => getPledge(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/v1/funds/accounts',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Fund balances',
        querystring: ZFundAccountQuery,
        response: { 200: z.object({ items: z.array(ZFundAccount) }) },
      },
    },
    async (request) => ({ items: await fundAccounts(serviceContext(request), request.query) }),
  );
  app.post(
    '/api/v1/funds/allocations',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Allocate money of a fund to a project of the same organization, within its designation.${POSTING}`,
        body: ZAllocationRequest,
        response: { 201: ZPostingResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocateToProject(serviceContext(request), idempotencyKey(request), request.body)),
  );
  app.post(
    '/api/v1/funds/transfers',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Transfer money to another organization, keeping its designation.${POSTING}`,
        body: ZTransferRequest,
        response: { 201: ZPostingResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await transferFunds(serviceContext(request), idempotencyKey(request), request.body)),
  );
  app.post(
    '/api/v1/funds/payment-batches',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Set a project's money aside for a list of payees.${POSTING}`,
        body: ZPaymentBatchRequest,
        response: { 201: ZPaymentBatch },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPaymentBatch(serviceContext(request), idempotencyKey(request), request.body)),
  );
  app.get(
    '/api/v1/funds/payment-batches/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One payment batch with its payees',
        params: ZIdParams,
        response: { 200: ZPaymentBatch },
      },
    },
    async (request) => getPaymentBatch(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/v1/funds/payment-batches/:id/settlements',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Record payees as paid, or as failed (their money returns to the project).${POSTING}`,
        params: ZIdParams,
        body: ZSettlePaymentsRequest,
        response: { 200: ZPaymentBatch },
      },
    },
    async (request) =>
      settlePayments(serviceContext(request), idempotencyKey(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/projects/:id/funding',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Money of a project: received, spent, held, and the gifts behind it',
        params: ZIdParams,
        response: { 200: ZProjectFunding },
      },
    },
    async (request) => projectFunding(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/v1/projects/:id/payment-batches',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Payment batches of a project',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZPaymentBatch) }) },
      },
    },
    async (request) => ({ items: await paymentBatchesOfProject(serviceContext(request), request.params.id) }),
  );
  app.get(
    '/api/v1/projects/:id/remainders',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'How the project’s leftover money was handled',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZRemainder) }) },
      },
    },
    async (request) => ({ items: await projectRemainders(serviceContext(request), request.params.id) }),
  );
  app.post(
    '/api/v1/projects/:id/remainders',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Return a closed or terminated project’s leftover money to its funds, or re-designate it with the donors’ consent.${POSTING}`,
        params: ZIdParams,
        body: ZRemainderRequest,
        response: { 201: ZRemainder },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handleRemainder(serviceContext(request), idempotencyKey(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/ledger/entries',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Journal: entries touching the books of organizations in scope, newest first',
        querystring: ZJournalQuery,
        response: { 200: ZPage(ZJournalEntry) },
      },
    },
    async (request) => findEntries(serviceContext(request), request.query),
  );
  app.get(
    '/api/v1/ledger/entries/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One journal entry with its lines',
        params: ZIdParams,
        response: { 200: ZJournalEntry },
      },
    },
    async (request) => getEntry(serviceContext(request), request.params.id),
  );
  app.post(
    '/api/v1/ledger/entries/:id/reversal',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: `Reverse an entry with its mirror image, booked in an open period.${POSTING}`,
        params: ZIdParams,
        body: ZReversalRequest,
        response: { 201: ZPostingResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reverseEntry(serviceContext(request), idempotencyKey(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/ledger/periods',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The closed years of the organizations in scope',
        querystring: ZLedgerPeriodQuery,
        response: { 200: z.array(ZLedgerPeriod) },
      },
    },
    async (request) => closedPeriodList(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/ledger/periods',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Close a year of an organization’s books',
        body: ZClosePeriodRequest,
        response: { 201: z.object({ organizationId: ZId, year: z.number().int() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await closePeriod(serviceContext(request), request.body)),
  );
}
