import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject, makeDonor } from '../../test-support/funds-factories.js';
import { loadTestVillages, makeVillage, testVillageCode } from '../../test-support/registry-factories.js';
import { contextOf, signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import {
  allocateToProject,
  closePeriod,
  createPaymentBatch,
  donationTrace,
  findEntries,
  getEntry,
  fundAccounts,
  getDonation,
  projectFunding,
  recordDonation,
  refundDonation,
  reverseEntry,
  settlePayments,
  transferFunds,
  verifyLedger,
} from './index.js';

let server: TestServer;
let net: Network;
let county: ServiceContext;
let city: ServiceContext;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await contextOf(server.database.db, net.users.dengkouAdmin.username);
  city = await contextOf(server.database.db, net.users.bayannurAdmin.username);
  await loadTestVillages(server.database.db);
});
afterAll(() => server.close());

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const db = () => server.database.db;
const balanceOf = async (ctx: ServiceContext, accountId: string) =>
  (await fundAccounts(ctx, { includeEmpty: true })).find((a) => a.id === accountId)?.balance;

describe('donations and idempotency', () => {
  it('posts a gift once per key: a retry returns the first answer, a changed body is refused', async () => {
    const donor = await makeDonor(db(), net.orgs.dengkou);
    const key = randomUUID();
    const body = {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      method: 'bank_transfer' as const,
      amount: 1_000_050,
      receivedOn: '2026-04-01',
      displayAs: 'surname' as const,
    };
    const first = await recordDonation(county, key, body);
    const again = await recordDonation(county, key, body);
    expect(again.id).toBe(first.id);
    expect(first.publicName).toMatch(/^张先生$/);
    const changed = await refusal(recordDonation(county, key, { ...body, amount: 2_000 }));
    expect(changed.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const missing = await refusal(recordDonation(county, undefined, body));
    expect(missing.code).toBe('IDEMPOTENCY_KEY_MISSING');
    const donations = await fundAccounts(county, { organizationId: net.orgs.dengkou.id, kind: 'bank' });
    expect(donations[0]?.balance).toBeGreaterThanOrEqual(1_000_050);
    expect((await verifyLedger(db().executor)).problems).toEqual([]);
  });

  it('values a gift in kind by its items and keeps it apart from money', async () => {
    const donor = await makeDonor(db(), net.orgs.dengkou, {
      kind: 'enterprise',
      name: '斯达克听力公司',
      salutation: null,
    });
    const gift = await recordDonation(county, randomUUID(), {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      form: 'goods',
      items: [{ name: '助听器', quantity: 30, unit: '台', unitValue: 700_000, valuationBasis: '捐赠方发票' }],
      receivedOn: '2026-04-02',
      displayAs: 'full_name',
    });
    expect(gift.amount).toBe(21_000_000);
    expect(gift.publicName).toBe('斯达克听力公司');
    const inventory = await fundAccounts(county, { organizationId: net.orgs.dengkou.id, kind: 'inventory' });
    expect(inventory[0]?.balance).toBeGreaterThanOrEqual(21_000_000);
  });
});

describe('allocation within the designation', () => {
  it('pays a project that targets the designated village, and refuses one that does not, naming the rule', async () => {
    const village = await makeVillage(db(), net.orgs.dengkou, testVillageCode('150822', 7));
    const fits = await makeActiveProject(db(), net.orgs.dengkou, { targetVillageIds: [village.id] });
    const other = await makeActiveProject(db(), net.orgs.dengkou);
    await donate(db(), net.orgs.dengkou, 500_000, { designation: { kind: 'village', villageId: village.id } });
    const fund = await fundAccountId(db(), net.orgs.dengkou, '定向村');
    const crossed = await refusal(
      allocateToProject(county, randomUUID(), {
        fundAccountId: fund,
        projectId: other.id,
        amount: 100_000,
        allocatedOn: '2026-04-03',
      }),
    );
    expect(crossed.code).toBe('FUNDS_DESIGNATION_BREACH');
    expect(crossed.messageIn('zh-CN')).toContain('只能拨给把该村列为帮扶村的项目');
    await allocateToProject(county, randomUUID(), {
      fundAccountId: fund,
      projectId: fits.id,
      amount: 300_000,
      allocatedOn: '2026-04-03',
    });
    expect(await balanceOf(county, fund)).toBe(200_000);
    const over = await refusal(
      allocateToProject(county, randomUUID(), {
        fundAccountId: fund,
        projectId: fits.id,
        amount: 200_001,
        allocatedOn: '2026-04-03',
      }),
    );
    expect(over.code).toBe('FUNDS_INSUFFICIENT');
    expect(over.messageIn('zh-CN')).toContain('¥2,000.00');
    expect((await projectFunding(county, fits.id)).received).toBe(300_000);
  });

  it('never pays investment the government must fund with donated money', async () => {
    const project = await makeActiveProject(db(), net.orgs.dengkou, { governmentObligated: true });
    await donate(db(), net.orgs.dengkou, 50_000);
    const refused = await refusal(
      allocateToProject(county, randomUUID(), {
        fundAccountId: await fundAccountId(db(), net.orgs.dengkou),
        projectId: project.id,
        amount: 10_000,
        allocatedOn: '2026-04-03',
      }),
    );
    expect(refused.code).toBe('FUNDS_GOVERNMENT_OBLIGATED');
  });
});

describe('transfer, payment, trace', () => {
  it('follows a city gift through a transfer to a county project and a payment to a household', async () => {
    const project = await makeActiveProject(db(), net.orgs.dengkou, { category: 'education' });
    const gift = await donate(db(), net.orgs.bayannur, 1_000_000, {
      designation: { kind: 'category', category: 'education' },
      receivedOn: '2026-05-01',
    });
    const cityFund = await fundAccountId(db(), net.orgs.bayannur, '定向领域');
    await transferFunds(city, randomUUID(), {
      fundAccountId: cityFund,
      toOrganizationId: net.orgs.dengkou.id,
      projectId: project.id,
      amount: 600_000,
      transferredOn: '2026-05-02',
    });
    const batch = await createPaymentBatch(county, randomUUID(), {
      projectId: project.id,
      title: '助学金第一批',
      approvedOn: '2026-05-03',
      items: [
        { payeeKind: 'household', payeeName: '王小明', amount: 300_000 },
        { payeeKind: 'household', payeeName: '李红', amount: 300_000 },
      ],
    });
    const [first, second] = batch.items;
    await settlePayments(county, randomUUID(), batch.id, {
      itemIds: [first?.id ?? ''],
      outcome: 'paid',
      settledOn: '2026-05-04',
    });
    const settled = await settlePayments(county, randomUUID(), batch.id, {
      itemIds: [second?.id ?? ''],
      outcome: 'failed',
      settledOn: '2026-05-04',
    });
    expect(settled.status).toBe('settled');
    expect(settled.paidTotal).toBe(300_000);

    const trace = await donationTrace(city, gift.id);
    expect(trace.steps.map((s) => s.kind)).toEqual(['donation', 'transfer', 'disbursement', 'payment', 'payment']);
    expect(trace.steps.map((s) => s.direction)).toEqual(['in', 'moved', 'moved', 'out', 'moved']);
    expect(trace.refundable).toBe(400_000);
    expect(trace.steps.find((s) => s.kind === 'payment' && s.to?.startsWith('支付给'))?.to).toBe('支付给 王*明');
    expect(trace.spent).toBe(300_000);
    // The transfer shows in the journal of both organizations, balanced in each.
    for (const ctx of [city, county]) {
      const journal = await findEntries(ctx, { kind: 'transfer', pageSize: 200 });
      const entry = journal.items.find((e) => e.id === trace.steps[1]?.entryId);
      expect(entry?.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(0);
      expect(new Set(entry?.lines.map((line) => line.organizationId))).toEqual(
        new Set([net.orgs.bayannur.id, net.orgs.dengkou.id]),
      );
    }
    // Each entry names what it books: the gift, the project, the payment batch.
    const kinds = async (entryId: string | undefined, ctx = county) =>
      (await getEntry(ctx, entryId ?? '')).references.map((r) => [r.kind, r.id]);
    expect(await kinds(trace.steps[0]?.entryId, city)).toEqual([['donation', gift.id]]);
    expect(await kinds(trace.steps[1]?.entryId)).toEqual([['project', project.id]]);
    expect(await kinds(trace.steps[2]?.entryId)).toEqual([
      ['project', project.id],
      ['payment_batch', batch.id],
    ]);
    const wltzq = await contextOf(db(), net.users.wltzqAdmin.username);
    expect((await findEntries(wltzq, { kind: 'transfer' })).items.map((e) => e.id)).not.toContain(
      trace.steps[1]?.entryId,
    );
    expect(trace.heldIn.reduce((sum, h) => sum + h.amount, 0)).toBe(700_000);
    const funding = await projectFunding(county, project.id);
    expect(funding).toMatchObject({
      received: 600_000,
      spent: 300_000,
      held: 300_000,
      heldInProjectFund: 300_000,
      heldForPayees: 0,
    });
    expect(funding.donations.map((d) => d.donationId)).toEqual([gift.id]);
    expect((await verifyLedger(db().executor)).problems).toEqual([]);
  });
});

describe('refunds, reversals and closed periods', () => {
  it('refunds only what is still in the fund, and a reversal of the refund gives it back', async () => {
    const gift = await donate(db(), net.orgs.wltzq, 100_000);
    const key = randomUUID();
    const ctx = await contextOf(db(), net.users.wltzqAdmin.username);
    const refunded = await refundDonation(ctx, key, gift.id, {
      amount: 40_000,
      refundedOn: '2026-06-01',
      reason: '捐赠人要求',
    });
    expect(refunded).toMatchObject({ refundedAmount: 40_000, status: 'partially_refunded' });
    const tooMuch = await refusal(
      refundDonation(ctx, randomUUID(), gift.id, { amount: 60_001, refundedOn: '2026-06-01', reason: '再退' }),
    );
    expect(tooMuch.code).toBe('FUNDS_REFUND_TOO_LARGE');
    const trace = await donationTrace(ctx, gift.id);
    expect(trace.refundable).toBe(60_000);
    const refundEntry = trace.steps.find((s) => s.kind === 'refund')?.entryId ?? '';
    await reverseEntry(ctx, randomUUID(), refundEntry, { reversedOn: '2026-06-02', reason: '退款未成功' });
    expect(await getDonation(ctx, gift.id)).toMatchObject({ refundedAmount: 0, status: 'received' });
    const twice = await refusal(
      reverseEntry(ctx, randomUUID(), refundEntry, { reversedOn: '2026-06-02', reason: '再次' }),
    );
    expect(twice.code).toBe('FUNDS_ALREADY_REVERSED');
  });

  it('accepts nothing dated in a closed year; the correction goes into the open one and says what it corrects', async () => {
    const org = net.orgs.ulanqab;
    const ctx = await contextOf(db(), net.users.regionAdmin.username);
    const gift = await donate(db(), org, 70_000, { receivedOn: '2025-12-31' });
    await closePeriod(ctx, { organizationId: org.id, year: 2025 });
    const late = await refusal(donate(db(), org, 1_000, { receivedOn: '2025-12-30' }));
    expect(late.code).toBe('FUNDS_PERIOD_CLOSED');
    expect(late.messageIn('zh-CN')).toContain('2025 年度账期已关闭');
    const inClosed = await refusal(
      reverseEntry(ctx, randomUUID(), gift.entryId, { reversedOn: '2025-12-31', reason: '录错' }),
    );
    expect(inClosed.code).toBe('FUNDS_PERIOD_CLOSED');
    const { entryId } = await reverseEntry(ctx, randomUUID(), gift.entryId, {
      reversedOn: '2026-01-10',
      reason: '金额录错',
    });
    expect(entryId).toBeTruthy();
    expect((await getDonation(ctx, gift.id)).status).toBe('reversed');
    expect((await verifyLedger(db().executor)).problems).toEqual([]);
  });
});

describe('over HTTP', () => {
  it('takes the Idempotency-Key header and answers a retry with the same donation', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const donor = await client.post('/api/v1/donors', {
      organizationId: net.orgs.dengkou.id,
      kind: 'person',
      name: '赵六',
      phone: '13912345678',
    });
    expect(donor.statusCode).toBe(201);
    expect(donor.json()).toMatchObject({ phoneMasked: '139****5678' });
    const body = {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.json<{ id: string }>().id,
      method: 'cash',
      amount: 88_800,
      receivedOn: '2026-07-01',
    };
    const headers = { 'idempotency-key': randomUUID() };
    const first = await client.post('/api/v1/donations', body, headers);
    const second = await client.post('/api/v1/donations', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const without = await client.post('/api/v1/donations', body);
    expect(without.statusCode).toBe(400);
    expect(without.json<{ error: { message: string } }>().error.message).toContain('Idempotency-Key');
  });
});
