import { randomUUID } from 'node:crypto';
import {
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  type TOrganization,
  type TOrganizationLevel,
  type TProjectCategory,
  type TStatisticsSummary,
} from '@tongxin/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type ServiceContext } from '../../platform/context.js';
import { beijingDate } from '../../platform/time.js';
import { makeOrganization, makeProject, unique } from '../../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject } from '../../test-support/funds-factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-app.js';
import { testDialect } from '../../test-support/test-database.js';
import { allocateToProject, fundAccounts, refundDonation, reverseEntry, transferFunds } from '../funds/index.js';
import { moveOrganization } from '../organizations/index.js';
import { transitionProject, updateProject } from '../projects/index.js';
import { addFigures, rebuildFigures, type FigureSource } from '../../platform/figures/index.js';
import { figureRecords, statisticsSummary } from './index.js';

let server: TestServer;
let ctx: ServiceContext;

beforeAll(async () => {
  server = await startTestServer();
  ctx = systemContext(server.database.db.executor);
});
afterAll(() => server.close());

const summary = (query: Parameters<typeof statisticsSummary>[2]): Promise<TStatisticsSummary> =>
  statisticsSummary(ctx, server.app.tongxin.figureSources, query);

const value = (result: TStatisticsSummary, measure: string, key: Record<string, string>) =>
  result.rows
    .filter((row) => Object.entries(key).every(([k, v]) => row.key[k] === v))
    .reduce((sum, row) => sum + (row.values[measure] ?? 0), 0);

async function approvedProject(owner: TOrganization, category: TProjectCategory, budget: number, approvedOn: string) {
  const plannedEnd = `${Number(approvedOn.slice(0, 4)) + 1}-12-31`;
  const project = await makeProject(server.database.db, owner, {
    category,
    ...(category === 'infrastructure' ? { infrastructureKind: 'road' as const } : {}),
    budget,
    plannedStart: approvedOn,
    plannedEnd,
  });
  await transitionProject(ctx, project.id, { action: 'submit', on: approvedOn });
  await transitionProject(ctx, project.id, { action: 'approve', on: approvedOn });
  return project;
}

/** A region with two cities and a county, fresh for each case so figures never mix. */
async function network() {
  const db = server.database.db;
  const root = await makeOrganization(db, { level: 'provincial', regionCode: '150000' });
  const cityA = await makeOrganization(db, { level: 'prefecture', regionCode: '150800', parent: root });
  // Both cities in 巴彦淖尔, so that the county may move between them (a parent's region must contain the child's).
  const cityB = await makeOrganization(db, { level: 'prefecture', regionCode: '150800', parent: root });
  const county = await makeOrganization(db, { level: 'county', regionCode: '150822', parent: cityA });
  return { root, members: [root, cityA, cityB, county] };
}

describe('figures over random data equal sums computed here', () => {
  const categories = PROJECT_CATEGORY.values;
  const years = ['2023', '2024', '2025'] as const;
  const operation = fc.oneof(
    fc.record({
      kind: fc.constant('project' as const),
      owner: fc.nat(3),
      category: fc.constantFrom(...categories),
      budget: fc.integer({ min: 1, max: 50_000_000 }),
      year: fc.constantFrom(...years),
      day: fc.integer({ min: 1, max: 28 }),
    }),
    fc.record({
      kind: fc.constant('gift' as const),
      owner: fc.nat(3),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      year: fc.constantFrom(...years),
      refund: fc.nat(100),
    }),
    fc.record({
      kind: fc.constant('allocation' as const),
      project: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  );

  it('by category and level per year, money by level and category', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 3, maxLength: 14 }), async (operations) => {
        const { root, members } = await network();
        const expected = new Map<string, number>();
        const add = (key: string, amount: number) => expected.set(key, (expected.get(key) ?? 0) + amount);
        const projects: { id: string; owner: TOrganization; category: TProjectCategory }[] = [];
        for (const op of operations) {
          if (op.kind === 'project') {
            const owner = members[op.owner] as TOrganization;
            const on = `${op.year}-05-${String(op.day).padStart(2, '0')}`;
            const project = await approvedProject(owner, op.category, op.budget, on);
            await transitionProject(ctx, project.id, { action: 'start', on });
            projects.push({ id: project.id, owner, category: op.category });
            add(`approved|${op.year}|${op.category}|${owner.level}`, 1);
            add(`budget|${op.year}|${op.category}|${owner.level}`, op.budget);
          } else if (op.kind === 'gift') {
            const owner = members[op.owner] as TOrganization;
            const gift = await donate(server.database.db, owner, op.amount, { receivedOn: `${op.year}-03-01` });
            add(`received|${op.year}|${owner.level}`, op.amount);
            const refund = Math.floor((op.amount * op.refund) / 100 / 4);
            if (refund > 0) {
              await refundDonation(ctx, randomUUID(), gift.id, {
                amount: refund,
                refundedOn: `${op.year}-03-02`,
                reason: '捐赠人要求退回',
              });
              add(`refunded|${op.year}|${owner.level}`, refund);
            }
          } else {
            const project = projects[op.project % Math.max(1, projects.length)];
            if (!project) continue;
            const fund = await fundAccountId(server.database.db, project.owner).catch(() => null);
            if (!fund) continue;
            const balance = await fundBalance(fund);
            const amount = Math.floor((balance * op.percent) / 100);
            if (amount <= 0) continue;
            await allocateToProject(ctx, randomUUID(), {
              fundAccountId: fund,
              projectId: project.id,
              amount,
              allocatedOn: '2025-12-01',
            });
            add(`allocated|2025|${project.category}`, amount);
          }
        }
        for (const year of years) {
          const projectsByCell = await summary({
            measures: ['projects.approved', 'projects.approved_budget'],
            groupBy: ['category', 'level'],
            organizationId: root.id,
            year: Number(year),
          });
          for (const category of categories) {
            for (const level of ['provincial', 'prefecture', 'county'] satisfies TOrganizationLevel[]) {
              const key = { category, level };
              expect(value(projectsByCell, 'projects.approved', key)).toBe(
                expected.get(`approved|${year}|${category}|${level}`) ?? 0,
              );
              expect(value(projectsByCell, 'projects.approved_budget', key)).toBe(
                expected.get(`budget|${year}|${category}|${level}`) ?? 0,
              );
            }
          }
          const money = await summary({
            measures: ['funds.received', 'funds.refunded'],
            groupBy: ['level'],
            organizationId: root.id,
            year: Number(year),
          });
          for (const level of ['provincial', 'prefecture', 'county']) {
            expect(value(money, 'funds.received', { level })).toBe(expected.get(`received|${year}|${level}`) ?? 0);
            expect(value(money, 'funds.refunded', { level })).toBe(expected.get(`refunded|${year}|${level}`) ?? 0);
          }
        }
        const allocated = await summary({
          measures: ['funds.allocated'],
          groupBy: ['category'],
          organizationId: root.id,
          year: 2025,
        });
        for (const category of categories) {
          expect(value(allocated, 'funds.allocated', { category })).toBe(
            expected.get(`allocated|2025|${category}`) ?? 0,
          );
        }
        if (allocated.rows.length > 0) {
          expect(allocated.rows.reduce((sum, row) => sum + (row.shares['funds.allocated'] ?? 0), 0)).toBe(1000);
        }
      }),
      { numRuns: testDialect() === 'postgres' ? 8 : 25 },
    );
  });
});

async function fundBalance(accountId: string): Promise<number> {
  const accounts = await fundAccounts(ctx, { kind: 'fund', includeEmpty: true });
  return accounts.find((account) => account.id === accountId)?.balance ?? 0;
}

describe('periods are Beijing calendar dates', () => {
  it('a gift made at 00:30 on 1 January 2025 Beijing time counts in 2025', async () => {
    const { root } = await network();
    const madeAt = new Date('2024-12-31T16:30:00Z'); // 2025-01-01 00:30 in Beijing
    await donate(server.database.db, root, 12_345, { receivedOn: beijingDate(madeAt) });
    const in2025 = await summary({ measures: ['funds.received'], organizationId: root.id, year: 2025 });
    const in2024 = await summary({ measures: ['funds.received'], organizationId: root.id, year: 2024 });
    expect(in2025.totals['funds.received']).toBe(12_345);
    expect(in2024.totals['funds.received']).toBe(0);
  });
});

describe('as of a date, over the tree as it stood', () => {
  it('a county moved from one city to another counts under the old city for the years before the move', async () => {
    const { root, members } = await network();
    const [, cityA, cityB, county] = members as [TOrganization, TOrganization, TOrganization, TOrganization];
    await approvedProject(county, 'education', 1_000_00, '2024-04-01');
    await approvedProject(county, 'health', 2_000_00, '2025-09-01');
    await moveOrganization(ctx, county.id, { parentId: cityB.id, effectiveOn: '2025-07-01', changeNote: '区划调整' });
    const under = async (city: TOrganization, year: number) =>
      (await summary({ measures: ['projects.approved_budget'], organizationId: city.id, year })).totals[
        'projects.approved_budget'
      ];
    expect(await under(cityA, 2024)).toBe(1_000_00);
    expect(await under(cityB, 2024)).toBe(0);
    expect(await under(cityA, 2025)).toBe(0);
    expect(await under(cityB, 2025)).toBe(2_000_00);
    const byCity = await summary({
      measures: ['projects.approved'],
      groupBy: ['organization'],
      organizationId: root.id,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(byCity.rows.map((row) => row.labels.organization?.['zh-CN'])).toEqual([county.name]);
  });

  it('counts projects by the status they were in on the date', async () => {
    const { root } = await network();
    const project = await approvedProject(root, 'industry', 5_000_00, '2024-02-01');
    await transitionProject(ctx, project.id, { action: 'start', on: '2024-06-01' });
    await transitionProject(ctx, project.id, { action: 'complete', on: '2025-03-01' });
    const on = async (to: string) =>
      (await summary({ measures: ['projects.count'], groupBy: ['status'], organizationId: root.id, to })).rows.map(
        (row) => [row.key.status, row.values['projects.count']],
      );
    expect(await on('2024-01-31')).toEqual([]);
    expect(await on('2024-03-31')).toEqual([['approved', 1]]);
    expect(await on('2024-12-31')).toEqual([['in_progress', 1]]);
    expect(await on('2025-06-30')).toEqual([['completed', 1]]);
  });

  it('a budget edited after approval changes the approval year’s 立项金额', async () => {
    const { root } = await network();
    const project = await approvedProject(root, 'industry', 5_000_00, '2024-02-01');
    await updateProject(ctx, project.id, { budget: 7_000_00, category: 'health' });
    const result = await summary({
      measures: ['projects.approved_budget'],
      groupBy: ['category'],
      organizationId: root.id,
      year: 2024,
    });
    expect(result.rows.map((row) => [row.key.category, row.values['projects.approved_budget']])).toEqual([
      ['health', 7_000_00],
    ]);
  });
});

describe('summary rows in one order, whatever order the buckets are read in', () => {
  it('largest first, ties as the tree reads or by region code, an organization’s rows together; the same after a rebuild', async () => {
    const db = server.database.db;
    const s = unique();
    // Made in another order than they read in (阿拉善 < 包头 < 赤峰 by pinyin, not by code units or ids), and
    // their projects approved in yet another, so that neither ids nor the order buckets were written give it.
    const root = await makeOrganization(db, { name: `内蒙古${s}`, level: 'provincial', regionCode: '150000' });
    const baotou = await makeOrganization(db, {
      name: `包头${s}`,
      level: 'prefecture',
      regionCode: '150200',
      parent: root,
    });
    const kundulun = await makeOrganization(db, { name: `昆都仑${s}`, regionCode: '150203', parent: baotou });
    const alxa = await makeOrganization(db, {
      name: `阿拉善${s}`,
      level: 'prefecture',
      regionCode: '152900',
      parent: root,
    });
    const chifeng = await makeOrganization(db, {
      name: `赤峰${s}`,
      level: 'prefecture',
      regionCode: '150400',
      parent: root,
    });
    await approvedProject(chifeng, 'health', 50_00, '2025-03-05');
    await approvedProject(kundulun, 'education', 100_00, '2025-03-04');
    await approvedProject(baotou, 'education', 100_00, '2025-03-03');
    await approvedProject(alxa, 'education', 100_00, '2025-03-02');
    await approvedProject(root, 'education', 100_00, '2025-03-01');
    await approvedProject(chifeng, 'education', 300_00, '2025-03-06');
    const ask = (groupBy: string[]) =>
      summary({ measures: ['projects.approved_budget'], groupBy, organizationId: root.id, year: 2025 });
    const shown = (result: TStatisticsSummary) =>
      result.rows.map((row) => [
        ...result.groupBy.map((g) => row.labels[g]?.['zh-CN'] ?? ''),
        row.values['projects.approved_budget'],
      ]);
    const questions = [['organization'], ['city'], ['organization', 'category'], ['category', 'organization']];
    const before = await Promise.all(questions.map(ask));
    expect(shown(before[0] as TStatisticsSummary)).toEqual([
      [chifeng.name, 350_00],
      [root.name, 100_00],
      [alxa.name, 100_00],
      [baotou.name, 100_00],
      [kundulun.name, 100_00],
    ]);
    expect(
      (before[1] as TStatisticsSummary).rows.map((row) => [row.key.city, row.values['projects.approved_budget']]),
    ).toEqual([
      ['150400', 350_00],
      ['150200', 200_00],
      ['150000', 100_00],
      ['152900', 100_00],
    ]);
    expect(shown(before[2] as TStatisticsSummary)).toEqual([
      [chifeng.name, '教育助学', 300_00],
      [chifeng.name, '健康医疗', 50_00],
      [root.name, '教育助学', 100_00],
      [alxa.name, '教育助学', 100_00],
      [baotou.name, '教育助学', 100_00],
      [kundulun.name, '教育助学', 100_00],
    ]);
    expect(shown(before[3] as TStatisticsSummary)).toEqual([
      ['教育助学', chifeng.name, 300_00],
      ['教育助学', root.name, 100_00],
      ['教育助学', alxa.name, 100_00],
      ['教育助学', baotou.name, 100_00],
      ['教育助学', kundulun.name, 100_00],
      ['健康医疗', chifeng.name, 50_00],
    ]);
    await rebuildFigures(ctx, server.app.tongxin.figureSources);
    expect(await Promise.all(questions.map(ask))).toEqual(before);
  });
});

describe('the records behind a figure add up to it', () => {
  const records = (query: Parameters<typeof figureRecords>[2]) =>
    figureRecords(ctx, server.app.tongxin.figureSources, query);
  const sumOf = (found: Awaited<ReturnType<typeof records>>, cell: string) =>
    found.rows.reduce((sum, row) => sum + Number(row.cells[cell] ?? 0), 0);

  it('money to a project whose category changed counts under the category it had when the money moved', async () => {
    const { root, members } = await network();
    const [, cityA, , county] = members as [TOrganization, TOrganization, TOrganization, TOrganization];
    const project = await makeActiveProject(server.database.db, county, { category: 'industry' });
    await donate(server.database.db, county, 1_000_00, { receivedOn: '2026-03-01' });
    await donate(server.database.db, cityA, 500_00, { receivedOn: '2026-03-01' });
    const countyFund = await fundAccountId(server.database.db, county);
    const first = await allocateToProject(ctx, randomUUID(), {
      fundAccountId: countyFund,
      projectId: project.id,
      amount: 300_00,
      allocatedOn: '2026-04-01',
    });
    await updateProject(ctx, project.id, { category: 'health' });
    await allocateToProject(ctx, randomUUID(), {
      fundAccountId: countyFund,
      projectId: project.id,
      amount: 200_00,
      allocatedOn: '2026-04-02',
    });
    // The city's money straight into the county's project counts for the county, not the city.
    await transferFunds(ctx, randomUUID(), {
      fundAccountId: await fundAccountId(server.database.db, cityA),
      toOrganizationId: county.id,
      projectId: project.id,
      amount: 100_00,
      transferredOn: '2026-04-03',
    });
    const check = async (expected: Record<string, number>) => {
      const figures = await summary({
        measures: ['funds.allocated'],
        groupBy: ['organization', 'category'],
        organizationId: root.id,
        year: 2026,
      });
      expect(Object.fromEntries(figures.rows.map((row) => [row.key.category, row.values['funds.allocated']]))).toEqual(
        expected,
      );
      for (const organization of members) {
        for (const category of ['industry', 'health']) {
          const found = await records({
            measure: 'funds.allocated',
            organizationId: root.id,
            year: '2026',
            organization: organization.id,
            category,
          });
          expect(sumOf(found, 'amount')).toBe(
            value(figures, 'funds.allocated', { organization: organization.id, category }),
          );
          expect(found.total).toBe(found.rows.length);
        }
      }
      const all = await records({ measure: 'funds.allocated', organizationId: root.id, year: '2026' });
      expect(sumOf(all, 'amount')).toBe(figures.totals['funds.allocated']);
    };
    await check({ industry: 300_00, health: 300_00 });
    // A reversal is a movement of its own: it counts under the category the project has when it is made.
    await reverseEntry(ctx, randomUUID(), first.entryId, { reversedOn: '2026-04-04', reason: '拨错项目' });
    await check({ industry: 300_00 });
  });

  it('projects by status as of a past date are those the figure counted then, with the category and budget they had', async () => {
    const { root } = await network();
    const edited = await approvedProject(root, 'industry', 500_00, '2024-02-01');
    await transitionProject(ctx, edited.id, { action: 'start', on: '2024-03-01' });
    await updateProject(ctx, edited.id, { category: 'health', budget: 700_00 });
    const untouched = await approvedProject(root, 'education', 100_00, '2024-05-01');
    const pairs = PROJECT_CATEGORY.values.flatMap((category) =>
      ['approved', 'in_progress'].map((status) => ({ category, status })),
    );
    for (const to of ['2024-01-31', '2024-04-30', '2024-12-31', beijingDate()]) {
      const figures = await summary({
        measures: ['projects.count', 'projects.budget'],
        groupBy: ['category', 'status'],
        organizationId: root.id,
        to,
      });
      for (const key of pairs) {
        for (const measure of ['projects.count', 'projects.budget']) {
          const found = await records({ measure, organizationId: root.id, to, ...key });
          expect([to, key, found.total]).toEqual([to, key, value(figures, 'projects.count', key)]);
          expect([to, key, sumOf(found, 'budget')]).toEqual([to, key, value(figures, 'projects.budget', key)]);
        }
      }
    }
    const then = await records({ measure: 'projects.budget', organizationId: root.id, to: '2024-12-31' });
    const shownThen = new Map(
      then.rows.map((row) => [row.id, [row.cells.category, row.cells.status, row.cells.budget]]),
    );
    expect(shownThen).toEqual(
      new Map([
        [edited.id, [PROJECT_CATEGORY.labels.industry, PROJECT_STATUS.labels.in_progress, 500_00]],
        [untouched.id, [PROJECT_CATEGORY.labels.education, PROJECT_STATUS.labels.approved, 100_00]],
      ]),
    );
    const approvals = await summary({
      measures: ['projects.approved_budget'],
      groupBy: ['category'],
      organizationId: root.id,
      year: 2024,
    });
    for (const category of PROJECT_CATEGORY.values) {
      const found = await records({
        measure: 'projects.approved_budget',
        organizationId: root.id,
        year: '2024',
        category,
      });
      expect([category, sumOf(found, 'budget')]).toEqual([
        category,
        value(approvals, 'projects.approved_budget', { category }),
      ]);
    }
  });
});

describe('a later module adds its figures through the one interface', () => {
  it('a source with a dimension of its own is summed, grouped, labelled and drilled into, with no change here', async () => {
    const { root } = await network();
    const loans: FigureSource = {
      name: 'loans',
      label: { 'zh-CN': '小额信贷', en: 'Micro-loans' },
      order: 40,
      measures: {
        'loans.disbursed': {
          label: { 'zh-CN': '放款金额', en: 'Loans disbursed' },
          unit: 'fen',
          kind: 'flow',
          d1: {
            name: 'bank',
            label: { 'zh-CN': '合作银行', en: 'Partner bank' },
            values: { psbc: { 'zh-CN': '邮储银行', en: 'Postal Savings Bank' } },
          },
          note: { 'zh-CN': '按放款日计', en: 'By the day of disbursement' },
        },
      },
      records: (_ctx, query) =>
        Promise.resolve({
          columns: [{ key: 'bank', label: { 'zh-CN': '银行', en: 'Bank' } }],
          rows: [{ id: 'loan-1', link: null, cells: { bank: query.d1 ?? '' } }],
          total: 1,
        }),
    };
    await addFigures(server.database.db.executor, [
      { measure: 'loans.disbursed', organizationId: root.id, on: '2025-04-01', d1: 'psbc', value: 3_000_00 },
    ]);
    const sources = [...server.app.tongxin.figureSources, loans];
    const result = await statisticsSummary(ctx, sources, {
      measures: ['loans.disbursed'],
      groupBy: ['bank'],
      organizationId: root.id,
      year: 2025,
    });
    expect(result.groupingLabels.bank).toEqual({ 'zh-CN': '合作银行', en: 'Partner bank' });
    expect(result.rows.map((row) => [row.labels.bank?.['zh-CN'], row.values['loans.disbursed']])).toEqual([
      ['邮储银行', 3_000_00],
    ]);
    const records = await figureRecords(ctx, sources, {
      measure: 'loans.disbursed',
      organizationId: root.id,
      year: '2025',
      bank: 'psbc',
    });
    expect(records.rows[0]?.cells.bank).toBe('psbc');
  });
});
