import type { TOrganization, TProjectCategory, TStatisticsSummary } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '../../test-support/factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';

/**
 * The figures of seed 001 (社会组织参与“助力脱贫攻坚行动”), entered project by project through the API and read
 * back from the statistics: 403 projects, ¥446M; by category and by the level of the organization.
 */
let server: TestServer;
let root: TOrganization;
let rootAdmin: Client;

const YEAR = 2019;
const YUAN = 100;
const MILLION = 1_000_000 * YUAN;

/** Who runs how many projects of which category for how much (the seed gives only the sums). */
const PLAN: {
  level: 'national' | 'provincial' | 'prefecture';
  category: TProjectCategory;
  count: number;
  budget: number;
}[] = [
  { level: 'national', category: 'education', count: 10, budget: 30 * MILLION },
  { level: 'national', category: 'public_welfare', count: 8, budget: 20 * MILLION },
  { level: 'provincial', category: 'direct_aid', count: 118, budget: 37 * MILLION },
  { level: 'provincial', category: 'industry', count: 60, budget: 80 * MILLION },
  { level: 'provincial', category: 'education', count: 50, budget: 50 * MILLION },
  { level: 'provincial', category: 'health', count: 40, budget: 40 * MILLION },
  { level: 'provincial', category: 'employment', count: 27, budget: 24 * MILLION },
  { level: 'provincial', category: 'public_welfare', count: 85, budget: 105 * MILLION },
  { level: 'prefecture', category: 'industry', count: 5, budget: 60 * MILLION },
];

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  root = await makeOrganization(db, { name: '助力脱贫攻坚行动', level: 'national', regionCode: null });
  const members = {
    national: await makeOrganization(db, { name: '全国性社会组织', level: 'national', regionCode: null, parent: root }),
    provincial: await makeOrganization(db, {
      name: '省级社会组织',
      level: 'provincial',
      regionCode: '110000',
      parent: root,
    }),
    prefecture: await makeOrganization(db, {
      name: '市级社会组织',
      level: 'prefecture',
      regionCode: '130100',
      parent: root,
    }),
  };
  rootAdmin = await signIn(server.app, (await makeUser(db, root, 'org_admin')).username);
  const owners = {
    national: await signIn(server.app, (await makeUser(db, members.national, 'org_admin')).username),
    provincial: await signIn(server.app, (await makeUser(db, members.provincial, 'org_admin')).username),
    prefecture: await signIn(server.app, (await makeUser(db, members.prefecture, 'org_admin')).username),
  };
  for (const line of PLAN) {
    const each = Math.floor(line.budget / line.count);
    for (let index = 0; index < line.count; index += 1) {
      const budget = index === 0 ? line.budget - each * (line.count - 1) : each;
      const owner = owners[line.level];
      const created = await owner.post('/api/v1/projects', {
        ownerOrganizationId: members[line.level].id,
        name: `${line.category}项目${index + 1}`,
        category: line.category,
        governmentObligated: false,
        assistanceMode: line.category === 'direct_aid' ? 'relief' : 'capacity',
        budget,
        plannedStart: `${YEAR}-03-01`,
        plannedEnd: `${YEAR}-12-31`,
        targetRegionCodes: [],
        targetVillageIds: [],
        householdIds: [],
        partners: [],
        beneficiaryCounts: [],
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect(
        (await owner.post(`/api/v1/projects/${id}/transitions`, { action: 'submit', on: `${YEAR}-02-01` })).statusCode,
      ).toBe(200);
      const approved = await rootAdmin.post(`/api/v1/projects/${id}/transitions`, {
        action: 'approve',
        on: `${YEAR}-02-20`,
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
  }
}, 600_000);
afterAll(() => server.close());

async function summary(groupBy: string): Promise<TStatisticsSummary> {
  const response = await rootAdmin.get(
    `/api/v1/statistics/summary?measures=projects.approved,projects.approved_budget&groupBy=${groupBy}&organizationId=${root.id}&year=${YEAR}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TStatisticsSummary>();
}

describe('the seed table, from records entered through the API', () => {
  it('403 projects involving ¥446M, by category as the seed groups them', async () => {
    const result = await summary('category');
    expect(result.totals).toEqual({ 'projects.approved': 403, 'projects.approved_budget': 446 * MILLION });
    const sum = (categories: string[]) => {
      const rows = result.rows.filter((row) => categories.includes(row.key.category ?? ''));
      return [
        rows.reduce((n, row) => n + (row.values['projects.approved'] ?? 0), 0),
        rows.reduce((n, row) => n + (row.values['projects.approved_budget'] ?? 0), 0),
      ];
    };
    expect(sum(['direct_aid'])).toEqual([118, 37 * MILLION]);
    expect(sum(['industry', 'education', 'health', 'employment'])).toEqual([192, 284 * MILLION]);
    expect(sum(['public_welfare'])).toEqual([93, 125 * MILLION]);
    const direct = result.rows.find((row) => row.key.category === 'direct_aid');
    expect(direct?.labels.category).toEqual({ 'zh-CN': '直接款物', en: 'Direct cash and goods' });
    expect(result.measures.find((m) => m.key === 'projects.approved_budget')?.label['zh-CN']).toBe('立项金额');
  });

  it('national 18 (¥50M), provincial 380 (¥336M), city 5 (¥60M), with shares adding up to 100%', async () => {
    const result = await summary('level');
    const byLevel = Object.fromEntries(
      result.rows.map((row) => [
        row.key.level,
        [row.values['projects.approved'], row.values['projects.approved_budget']],
      ]),
    );
    expect(byLevel).toEqual({
      national: [18, 50 * MILLION],
      provincial: [380, 336 * MILLION],
      prefecture: [5, 60 * MILLION],
    });
    expect(result.rows.map((row) => row.labels.level?.['zh-CN'])).toEqual(['全国性', '省级', '市级']);
    // 18/403 = 4.47%, 380/403 = 94.29%, 5/403 = 1.24% → 4.5 + 94.3 + 1.2 = 100.0
    expect(result.rows.map((row) => row.shares['projects.approved'])).toEqual([45, 943, 12]);
    expect(result.rows.reduce((n, row) => n + (row.shares['projects.approved_budget'] ?? 0), 0)).toBe(1000);
  });

  it('the year before had none of them, and the year after neither', async () => {
    const response = await rootAdmin.get(
      `/api/v1/statistics/summary?measures=projects.approved&organizationId=${root.id}&year=${YEAR + 1}&compare=true`,
    );
    const result = response.json<TStatisticsSummary>();
    expect(result.totals['projects.approved']).toBe(0);
    expect(result.previousTotals?.['projects.approved']).toBe(403);
  });

  it('lists the projects behind a figure', async () => {
    const response = await rootAdmin.get(
      `/api/v1/statistics/records?measure=projects.approved&organizationId=${root.id}&year=${YEAR}&category=direct_aid&level=provincial`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const records = response.json<{ total: number; rows: { link: string; cells: Record<string, unknown> }[] }>();
    expect(records.total).toBe(118);
    expect(records.rows[0]?.cells.category).toEqual({ 'zh-CN': '直接款物', en: 'Direct cash and goods' });
    expect(records.rows[0]?.link).toMatch(/^\/projects\//);
  });

  it('exports the numbers behind the table as a workbook', async () => {
    const response = await rootAdmin.get(
      `/api/v1/statistics/summary.xlsx?measures=projects.approved,projects.approved_budget&groupBy=level&organizationId=${root.id}&year=${YEAR}`,
    );
    expect(response.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet
      ?.getSheetValues()
      .filter(Boolean)
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows?.[0]).toEqual(['单位层级', '立项项目数', '立项项目数占比', '立项金额（元）', '立项金额占比']);
    expect(rows?.[2]).toEqual(['省级', 380, '94.3%', '336,000,000.00', '75.3%']);
    expect(rows?.[4]?.[0]).toBe('合计');
  });
});
