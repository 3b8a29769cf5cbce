import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TProjectAction, TStatisticsSummary } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../modules.js';
import {
  allocateToProject,
  createPaymentBatch,
  donationTrace,
  handleRemainder,
  refundDonation,
  reverseEntry,
  settlePayments,
  transferFunds,
} from '../modules/funds/index.js';
import { transitionProject, updateProject } from '../modules/projects/index.js';
import { createVillage, runImport, updateHousehold } from '../modules/registry/index.js';
import { statisticsSummary } from '../modules/statistics/index.js';
import { systemContext, type ServiceContext } from '../platform/context.js';
import { addFigures, verifyFigures } from '../platform/figures/index.js';
import { beijingDate } from '../platform/time.js';
import { makeNetwork, makeProject, type Network } from '../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject } from '../test-support/funds-factories.js';
import { rawExecute } from '../test-support/raw-sql.js';
import { loadTestVillages, makeHousehold, testVillageCode } from '../test-support/registry-factories.js';
import { householdRows, writeHouseholdWorkbook } from '../test-support/registry-files.js';
import { contextOf } from '../test-support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { figuresRebuild, figuresVerify } from './commands/figures.js';

let database: TestDatabase;
let ctx: ServiceContext;
let net: Network;
const sources = MODULES.flatMap((module) => (module.figures ? [module.figures] : []));
const db = () => database.db;

/** Where the progress bars go: nowhere, here. */
const progress = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

/** Runs a figures command as `tongxin figures …` would, keeping what it prints. */
async function run(command: typeof figuresVerify) {
  const lines: string[] = [];
  const code = await command(db(), { out: (line) => lines.push(...line.split('\n')) }, progress);
  return { code, lines, text: lines.join('\n') };
}

/** Lifecycle steps of a project, each on its date. */
async function steps(projectId: string, ...moves: [TProjectAction, string][]) {
  for (const [action, on] of moves) {
    await transitionProject(ctx, projectId, {
      action,
      on,
      ...(['reject', 'suspend', 'terminate', 'fail_acceptance'].includes(action) ? { reason: '测试' } : {}),
    });
  }
}

/** Projects through their whole lifecycle, edited before and after approval. */
async function projectActivity() {
  const { dengkou, bayannur, region } = net.orgs;
  const school = await makeProject(db(), dengkou, {
    category: 'education',
    budget: 300_000_00,
    beneficiaryCounts: [{ group: 'students', count: 120 }],
  });
  await steps(
    school.id,
    ['submit', '2024-03-01'],
    ['approve', '2024-03-10'],
    ['start', '2024-04-01'],
    ['complete', '2025-06-30'],
    ['fail_acceptance', '2025-07-01'],
    ['complete', '2025-07-10'],
    ['accept', '2025-07-15'],
    ['close', '2025-08-01'],
  );
  const clinic = await makeProject(db(), bayannur, { category: 'health', budget: 80_000_00 });
  await steps(
    clinic.id,
    ['submit', '2024-05-01'],
    ['reject', '2024-05-02'],
    ['submit', '2024-05-10'],
    ['approve', '2024-05-20'],
    ['start', '2024-06-01'],
  );
  // Edited once counted: the approval figures move on 2024-05-20, the status figures today.
  await updateProject(ctx, clinic.id, {
    budget: 95_000_00,
    category: 'industry',
    beneficiaryCounts: [{ group: 'patients', count: 40 }],
  });
  await steps(clinic.id, ['suspend', '2025-01-10'], ['resume', '2025-02-01']);
  await updateProject(ctx, clinic.id, { budget: 90_000_00 });
  await steps(clinic.id, ['terminate', '2025-09-01']);
  // Edited as a draft, then ended before approval: never counted.
  const road = await makeProject(db(), dengkou, { category: 'infrastructure', infrastructureKind: 'road' });
  await updateProject(ctx, road.id, { category: 'industry', budget: 1_00 });
  await steps(road.id, ['submit', '2024-07-01'], ['terminate', '2024-07-02']);
  // Suspended while submitted, resumed, approved.
  const hall = await makeProject(db(), region, { category: 'public_welfare', budget: 12_000_00 });
  await steps(
    hall.id,
    ['submit', '2023-02-01'],
    ['suspend', '2023-02-05'],
    ['resume', '2023-03-01'],
    ['approve', '2023-03-02'],
  );
}

/** Gifts, refunds, allocations, a transfer, payments, a remainder returned, reversals, a category changed. */
async function moneyActivity() {
  const { dengkou, bayannur } = net.orgs;
  const county = await contextOf(db(), net.users.dengkouAdmin.username);
  const city = await contextOf(db(), net.users.bayannurAdmin.username);
  const scholarships = await makeActiveProject(db(), dengkou, { category: 'education' });
  await donate(db(), bayannur, 600_00, {
    designation: { kind: 'category', category: 'education' },
    receivedOn: '2026-04-01',
  });
  await transferFunds(city, randomUUID(), {
    fundAccountId: await fundAccountId(db(), bayannur, '定向领域'),
    toOrganizationId: dengkou.id,
    projectId: scholarships.id,
    amount: 600_00,
    transferredOn: '2026-05-01',
  });
  const gift = await donate(db(), dengkou, 900_00, { receivedOn: '2026-04-02' });
  const countyFund = await fundAccountId(db(), dengkou);
  await allocateToProject(county, randomUUID(), {
    fundAccountId: countyFund,
    projectId: scholarships.id,
    amount: 200_00,
    allocatedOn: '2026-05-02',
  });
  const batch = await createPaymentBatch(county, randomUUID(), {
    projectId: scholarships.id,
    title: '助学金',
    approvedOn: '2026-05-03',
    items: [
      { payeeKind: 'person', payeeName: '王小明', amount: 300_00 },
      { payeeKind: 'person', payeeName: '李小红', amount: 100_00 },
    ],
  });
  const [paid, failed] = batch.items;
  await settlePayments(county, randomUUID(), batch.id, {
    itemIds: [paid?.id ?? ''],
    outcome: 'paid',
    settledOn: '2026-05-04',
  });
  await settlePayments(county, randomUUID(), batch.id, {
    itemIds: [failed?.id ?? ''],
    outcome: 'failed',
    settledOn: '2026-05-04',
  });
  await steps(scholarships.id, ['terminate', '2026-05-05']);
  const handled = await handleRemainder(county, randomUUID(), scholarships.id, {
    mode: 'return',
    handledOn: '2026-05-06',
  });
  await reverseEntry(county, randomUUID(), handled.entryId, { reversedOn: '2026-05-08', reason: '结余处理有误' });

  // Money to a project whose category changes in between: each movement keeps the category it had then.
  const workshop = await makeActiveProject(db(), dengkou, { category: 'industry' });
  const first = await allocateToProject(county, randomUUID(), {
    fundAccountId: countyFund,
    projectId: workshop.id,
    amount: 150_00,
    allocatedOn: '2026-06-01',
  });
  await updateProject(ctx, workshop.id, { category: 'health' });
  await allocateToProject(county, randomUUID(), {
    fundAccountId: countyFund,
    projectId: workshop.id,
    amount: 70_00,
    allocatedOn: '2026-06-02',
  });
  await reverseEntry(county, randomUUID(), first.entryId, { reversedOn: '2026-06-03', reason: '拨错项目' });

  await refundDonation(county, randomUUID(), gift.id, {
    amount: 50_00,
    refundedOn: '2026-06-10',
    reason: '捐赠人要求退回',
  });
  const refund = (await donationTrace(county, gift.id)).steps.find((step) => step.kind === 'refund');
  await reverseEntry(county, randomUUID(), refund?.entryId ?? '', { reversedOn: '2026-06-11', reason: '退款未成功' });
  await refundDonation(county, randomUUID(), gift.id, { amount: 30_00, refundedOn: '2026-06-12', reason: '多汇' });
  const mistaken = await donate(db(), bayannur, 40_00, { receivedOn: '2025-12-30' });
  await reverseEntry(city, randomUUID(), mistaken.entryId, { reversedOn: '2026-01-02', reason: '录错' });
}

/** Households registered, imported and changed on dated days, including two changes on one day. */
async function registryActivity(dir: string) {
  const { dengkou } = net.orgs;
  await loadTestVillages(db());
  const village = await createVillage(ctx, {
    regionCode: testVillageCode('150822', 1),
    organizationId: dengkou.id,
    isPoorVillage: true,
  });
  const [exiting, monitored, risky] = [
    await makeHousehold(db(), village.id),
    await makeHousehold(db(), village.id),
    await makeHousehold(db(), village.id),
  ];
  await updateHousehold(ctx, exiting.id, { type: 'exited', exitYear: 2019, effectiveOn: '2019-12-01' });
  await updateHousehold(ctx, monitored.id, {
    type: 'monitored',
    monitoringCategory: 'marginal',
    effectiveOn: '2022-03-01',
  });
  await updateHousehold(ctx, monitored.id, { monitoringCategory: 'sudden_hardship', effectiveOn: '2022-03-01' });
  await updateHousehold(ctx, monitored.id, { type: 'ordinary', monitoringCategory: null, effectiveOn: '2023-05-01' });
  await updateHousehold(ctx, risky.id, { risks: ['illness'], effectiveOn: '2023-01-01' });
  const file = path.join(dir, 'households.xlsx');
  await writeHouseholdWorkbook(
    file,
    householdRows({ rows: 12, villages: [2, 3].map((n) => testVillageCode('150822', n)), codePrefix: 'F' }),
  );
  const report = await runImport(await contextOf(db(), net.users.dengkouAdmin.username), {
    kind: 'households',
    mode: 'all',
    file,
    format: 'xlsx',
    fileName: 'households.xlsx',
  });
  expect(report.committedRows).toBe(12);
}

const MEASURES = sources.flatMap((source) =>
  Object.entries(source.measures).map(([key, definition]) => ({ key, definition })),
);

/**
 * Every measure by organization and its own dimensions, for each year and as of several dates, rows in the
 * order the summary gives them (one total order, whatever order a rebuild writes the buckets in).
 */
async function summaries(): Promise<TStatisticsSummary[]> {
  const results: TStatisticsSummary[] = [];
  const years = [2014, 2019, 2022, 2023, 2024, 2025, 2026, Number(beijingDate().slice(0, 4))];
  for (const { key, definition } of MEASURES) {
    const groupBy = ['organization', definition.d1?.name, definition.d2?.name].filter(
      (name): name is string => name !== undefined,
    );
    const ask = (range: { year?: number; from?: string; to?: string }) =>
      statisticsSummary(ctx, sources, { measures: [key], groupBy, organizationId: net.orgs.region.id, ...range });
    for (const year of new Set(years)) results.push(await ask({ year }));
    for (const to of ['2019-11-30', '2022-03-01', '2024-05-19', '2025-01-31', '2026-05-07', beijingDate()])
      results.push(await ask({ from: '2000-01-01', to }));
  }
  return results;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = systemContext(db().executor);
  net = await makeNetwork(db());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'figures-'));
  await projectActivity();
  await moneyActivity();
  await registryActivity(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
afterAll(() => database.close());

describe('tongxin figures verify and rebuild', { timeout: 120_000 }, () => {
  /** The statistics as the services left them, before any bucket is touched here. */
  let live: TStatisticsSummary[];

  it('agree with the records after activity through the services, every measure having figures', async () => {
    const verified = await run(figuresVerify);
    expect(verified.text).toMatch(/^OK: the figures agree with the records \(11 measures, \d+ buckets\)\.$/m);
    expect(verified.code).toBe(0);
    const report = await verifyFigures(db().executor, sources);
    expect(report.measures.map((check) => [check.measure, check.buckets > 0])).toEqual(
      MEASURES.map(({ key }) => [key, true]),
    );
    live = await summaries();
    expect(live.some((summary) => Object.values(summary.totals).some((value) => value !== 0))).toBe(true);
  });

  it('names a bucket altered behind the application’s back, and only that one', async () => {
    // Money to the workshop after its category became health, and the reversal of what went before, as health.
    expect(
      await rawExecute(
        db(),
        "select period, value from figure_buckets where measure = 'funds.allocated' and grain = 'D' and organization_id = ? and d1 = 'health' order by period",
        [net.orgs.dengkou.id],
      ),
    ).toEqual([
      { period: '2026-06-02', value: 70_00 },
      { period: '2026-06-03', value: -150_00 },
    ]);
    const alter = (by: number) =>
      rawExecute(
        db(),
        "update figure_buckets set value = value + ? where measure = 'funds.allocated' and grain = 'D' and period = '2026-06-02' and organization_id = ? and d1 = 'health'",
        [by, net.orgs.dengkou.id],
      );
    await alter(1);
    const altered = await run(figuresVerify);
    expect(altered.code).toBe(1);
    expect(altered.lines.filter((line) => line.startsWith('DIFFERENT') || line.startsWith('  '))).toEqual([
      'DIFFERENT funds.allocated: 1 bucket',
      `  2026-06-02  ${net.orgs.dengkou.name} (${net.orgs.dengkou.id})  category=health  form=money  buckets 7001 vs records 7000 (+1)`,
    ]);
    await alter(-1);
    expect((await run(figuresVerify)).code).toBe(0);
  });

  it('names a deleted bucket, and not one that held nothing', async () => {
    // In 2022 one household became monitored (marginal) and, the same day, sudden hardship: the marginal
    // bucket nets to nothing, so deleting it changes nothing.
    await rawExecute(
      db(),
      "delete from figure_buckets where measure = 'registry.households' and grain = 'Y' and period = '2022' and d1 = 'monitored'",
    );
    const deleted = await run(figuresVerify);
    expect(deleted.code).toBe(1);
    expect(deleted.lines.filter((line) => line.startsWith('DIFFERENT') || line.startsWith('  '))).toEqual([
      'DIFFERENT registry.households: 1 bucket',
      `  2022  ${net.orgs.dengkou.name} (${net.orgs.dengkou.id})  household_type=monitored  monitoring=sudden_hardship  buckets 0 vs records 1 (-1)`,
    ]);
  });

  it('rebuilds every bucket from the records: the same statistics as the services left', async () => {
    await rawExecute(db(), 'delete from figure_buckets');
    expect(await summaries()).not.toEqual(live);
    const broken = await run(figuresVerify);
    expect(broken.code).toBe(1);
    expect(broken.lines.filter((line) => line.startsWith('DIFFERENT'))).toHaveLength(11);

    const rebuilt = await run(figuresRebuild);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.text).toMatch(/^Rebuilt the figures from the records: 0 buckets replaced by \d+\.$/m);
    expect(await summaries()).toEqual(live);
    expect((await run(figuresVerify)).code).toBe(0);
    expect(
      await rawExecute(db(), "select actor_username, chain_id from audit_events where action = 'figures.rebuild'"),
    ).toEqual([{ actor_username: 'system', chain_id: 'platform' }]);
  });

  it('leaves figures no source replays as they are, and says they were not checked', async () => {
    await addFigures(db().executor, [
      { measure: 'loans.disbursed', organizationId: net.orgs.dengkou.id, on: '2026-04-01', value: 3_000_00 },
    ]);
    const verified = await run(figuresVerify);
    expect(verified.code).toBe(0);
    expect(verified.lines).toContain('Not checked (no source replays them): loans.disbursed');
    expect((await run(figuresRebuild)).code).toBe(0);
    expect((await run(figuresVerify)).code).toBe(0);
    expect(
      await rawExecute(
        db(),
        "select grain, value from figure_buckets where measure = 'loans.disbursed' order by grain",
      ),
    ).toEqual([
      { grain: 'D', value: 3_000_00 },
      { grain: 'Y', value: 3_000_00 },
    ]);
  });
});
