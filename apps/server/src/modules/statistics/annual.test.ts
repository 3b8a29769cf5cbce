import type { TAnnualPack } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { makeNetwork, makeProject, type Network } from '../../test-support/factories.js';
import { donate } from '../../test-support/funds-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';
import { transitionProject } from '../projects/index.js';

let server: TestServer;
let net: Network;
let admin: Client;

async function approve(
  owner: Network['orgs']['dengkou'],
  category: 'education' | 'industry',
  budget: number,
  on: string,
) {
  const project = await makeProject(server.database.db, owner, {
    category,
    budget,
    plannedStart: on,
    plannedEnd: '2026-12-31',
  });
  const ctx = systemContext(server.database.db.executor);
  await transitionProject(ctx, project.id, { action: 'submit', on });
  await transitionProject(ctx, project.id, { action: 'approve', on });
}

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  admin = await signIn(server.app, net.users.bayannurAdmin.username);
  await approve(net.orgs.dengkou, 'education', 300_000_00, '2025-03-01');
  await approve(net.orgs.wltzq, 'industry', 500_000_00, '2025-04-01');
  await donate(server.database.db, net.orgs.bayannur, 80_000_00, { receivedOn: '2025-06-01' });
});
afterAll(() => server.close());

const packUrl = () => `/api/v1/statistics/annual?organizationId=${net.orgs.bayannur.id}&year=2025`;

describe('the annual figures pack', () => {
  it('has the figures a work summary quotes, for the subtree and the year', async () => {
    const response = await admin.get(packUrl());
    expect(response.statusCode, response.body).toBe(200);
    const pack = response.json<TAnnualPack>();
    expect(pack.issuedAt).toBeNull();
    const byCategory = pack.sections.find((s) => s.title['zh-CN'] === '帮扶项目 · 按项目类别');
    expect(byCategory?.totals).toEqual({ 'projects.approved': 2, 'projects.approved_budget': 800_000_00 });
    expect(byCategory?.rows.map((r) => [r.labels.category?.['zh-CN'], r.values['projects.approved_budget']])).toEqual([
      ['教育助学', 300_000_00],
      ['产业发展', 500_000_00],
    ]);
    const byLevel = pack.sections.find((s) => s.title['zh-CN'] === '帮扶项目 · 按单位层级');
    expect(byLevel?.rows.map((r) => r.key.level)).toEqual(['county']);
    const money = pack.sections.find((s) => s.title['zh-CN'] === '捐赠资金 · 按形式');
    expect(money?.totals['funds.received']).toBe(80_000_00);
  });

  it('prints as a workbook with every section and its total', async () => {
    const response = await admin.get(`/api/v1/statistics/annual.xlsx?organizationId=${net.orgs.bayannur.id}&year=2025`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const text = (workbook.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
    expect(text.some((cell) => cell.endsWith('2025 年度数据'))).toBe(true);
    expect(text).toContain('帮扶项目 · 按项目类别');
    expect(text).toContain('800,000.00');
  });

  it('is issued once by an administrator, closes the year’s books and keeps its figures', async () => {
    const staff = await signIn(server.app, net.users.dengkouStaff.username);
    const refused = await staff.post('/api/v1/statistics/annual/issue', {
      organizationId: net.orgs.dengkou.id,
      year: 2025,
    });
    expect(refused.statusCode).toBe(403);

    const issued = await admin.post('/api/v1/statistics/annual/issue', {
      organizationId: net.orgs.bayannur.id,
      year: 2025,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json<TAnnualPack>().issuedBy).toBe(net.users.bayannurAdmin.username);

    const late = await donate(server.database.db, net.orgs.bayannur, 1_00, { receivedOn: '2025-12-30' }).catch(
      (error: unknown) => error,
    );
    expect(late).toMatchObject({ code: 'FUNDS_PERIOD_CLOSED' });
    const periods = await admin.get(`/api/v1/ledger/periods?organizationId=${net.orgs.bayannur.id}`);
    expect(periods.json<{ year: number; closedBy: string; note: string }[]>()).toEqual([
      expect.objectContaining({ year: 2025, closedBy: net.users.bayannurAdmin.username, note: '签发年度数据' }),
    ]);
    const fujian = await signIn(server.app, net.users.fujianAdmin.username);
    expect((await fujian.get(`/api/v1/ledger/periods?organizationId=${net.orgs.bayannur.id}`)).json()).toEqual([]);

    await approve(net.orgs.dengkou, 'industry', 100_00, '2025-11-01');
    const kept = (await admin.get(packUrl())).json<TAnnualPack>();
    expect(kept.sections.find((s) => s.title['zh-CN'] === '帮扶项目 · 按项目类别')?.totals['projects.approved']).toBe(
      2,
    );

    const again = await admin.post('/api/v1/statistics/annual/issue', {
      organizationId: net.orgs.bayannur.id,
      year: 2025,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'STATISTICS_ANNUAL_ALREADY_ISSUED',
      message: expect.stringContaining('已于') as unknown,
    });
  });
});
