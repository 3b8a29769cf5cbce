import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type ServiceContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject } from '../../test-support/funds-factories.js';
import { contextOf, signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { transitionProject } from '../projects/index.js';
import {
  allocateToProject,
  createPaymentBatch,
  fundAccounts,
  handleRemainder,
  projectFunding,
  projectRemainders,
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
});
afterAll(() => server.close());

const db = () => server.database.db;
const balance = async (ctx: ServiceContext, id: string) =>
  (await fundAccounts(ctx, { includeEmpty: true })).find((a) => a.id === id)?.balance;
const terminate = (projectId: string) =>
  transitionProject(systemContext(db().executor), projectId, { action: 'terminate', reason: '项目提前终止' });

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('money left in an ended project', () => {
  it('goes back share by share to the fund it came from, across organizations, and the handling is kept', async () => {
    const project = await makeActiveProject(db(), net.orgs.dengkou, { category: 'education' });
    await donate(db(), net.orgs.bayannur, 600_00, { designation: { kind: 'category', category: 'education' } });
    const cityFund = await fundAccountId(db(), net.orgs.bayannur, '定向领域');
    await transferFunds(city, randomUUID(), {
      fundAccountId: cityFund,
      toOrganizationId: net.orgs.dengkou.id,
      projectId: project.id,
      amount: 600_00,
      transferredOn: '2026-05-01',
    });
    await donate(db(), net.orgs.dengkou, 200_00);
    const countyFund = await fundAccountId(db(), net.orgs.dengkou);
    const countyBefore = (await balance(county, countyFund)) ?? 0;
    await allocateToProject(county, randomUUID(), {
      fundAccountId: countyFund,
      projectId: project.id,
      amount: 200_00,
      allocatedOn: '2026-05-02',
    });
    const batch = await createPaymentBatch(county, randomUUID(), {
      projectId: project.id,
      title: '助学金',
      approvedOn: '2026-05-03',
      items: [{ payeeKind: 'person', payeeName: '王小明', amount: 300_00 }],
    });
    await settlePayments(county, randomUUID(), batch.id, {
      itemIds: batch.items.map((i) => i.id),
      outcome: 'paid',
      settledOn: '2026-05-04',
    });

    const early = await refusal(
      handleRemainder(county, randomUUID(), project.id, { mode: 'return', handledOn: '2026-05-05' }),
    );
    expect(early.code).toBe('FUNDS_PROJECT_NOT_ENDED');
    await terminate(project.id);
    const handled = await handleRemainder(county, randomUUID(), project.id, {
      mode: 'return',
      handledOn: '2026-05-06',
    });
    expect(handled).toMatchObject({ mode: 'return', amount: 500_00 });
    // The payment took the oldest share (the city's) first; what is left of each goes home.
    expect(await balance(city, cityFund)).toBe(300_00);
    expect(await balance(county, countyFund)).toBe(countyBefore);
    // What came in still reads as received; what was left is shown as handed back, not as never funded.
    expect(await projectFunding(county, project.id)).toMatchObject({
      received: 800_00,
      returned: 500_00,
      spent: 300_00,
      held: 0,
    });
    expect((await projectRemainders(county, project.id)).map((r) => r.amount)).toEqual([500_00]);
    const twice = await refusal(
      handleRemainder(county, randomUUID(), project.id, { mode: 'return', handledOn: '2026-05-07' }),
    );
    expect(twice.code).toBe('FUNDS_NOTHING_LEFT');

    // Undone by a reversal, the handling is listed as reversed and the money is the project's again.
    await reverseEntry(county, randomUUID(), handled.entryId, { reversedOn: '2026-05-08', reason: '结余处理有误' });
    const [undone] = await projectRemainders(county, project.id);
    expect(undone?.reversedByEntryId).toEqual(expect.any(String));
    expect(await projectFunding(county, project.id)).toMatchObject({ returned: 0, held: 500_00 });
    expect((await verifyLedger(db().executor)).problems).toEqual([]);
  });

  it('is re-designated only with the donors’ consent recorded', async () => {
    const project = await makeActiveProject(db(), net.orgs.dengkou);
    await donate(db(), net.orgs.dengkou, 50_00, { designation: { kind: 'project', projectId: project.id } });
    await allocateToProject(county, randomUUID(), {
      fundAccountId: await fundAccountId(db(), net.orgs.dengkou, '定向项目'),
      projectId: project.id,
      amount: 50_00,
      allocatedOn: '2026-06-01',
    });
    await terminate(project.id);
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const missing = await client.post(
      `/api/v1/projects/${project.id}/remainders`,
      { mode: 'redesignate', designation: { kind: 'category', category: 'health' }, handledOn: '2026-06-02' },
      { 'idempotency-key': randomUUID() },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual([
      'consent',
    ]);
    const handled = await handleRemainder(county, randomUUID(), project.id, {
      mode: 'redesignate',
      designation: { kind: 'category', category: 'health' },
      consent: '2026-06-01 电话征得捐赠人同意，转用于健康帮扶',
      handledOn: '2026-06-02',
    });
    expect(handled.designationText).toBe('定向领域：健康医疗');
    expect(await balance(county, await fundAccountId(db(), net.orgs.dengkou, '定向领域'))).toBe(50_00);
  });
});
