import type { TAuditEvent, TPage } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import {
  loadTestVillages,
  makeHousehold,
  makeVillage,
  testVillageCode,
} from '../../test-support/registry-factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { createVillage } from './index.js';

let server: TestServer;
let net: Network;
/** Region codes of the villages each organization is responsible for. */
let codes: Record<'dengkou' | 'wltzq' | 'siziwang' | 'fujian', string[]>;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  net = await makeNetwork(db);
  await loadTestVillages(db);
  const detailed = await createVillage(systemContext(db.executor), {
    regionCode: testVillageCode('150822', 1),
    organizationId: net.orgs.dengkou.id,
    isPoorVillage: true,
    isOldBaseVillage: true,
    povertyStatus: 'exited',
    exitYear: 2019,
    householdCount: 312,
    population: 905,
    hasHardenedRoad: true,
    hasTapWater: true,
    hasElectricity: true,
    hasBroadband: false,
    collectiveIncome: 12_345_600,
    workTeam: '自治区驻村工作队',
  });
  await makeHousehold(db, detailed.id);
  await makeHousehold(db, detailed.id);
  await createVillage(systemContext(db.executor), {
    regionCode: testVillageCode('150822', 2),
    organizationId: net.orgs.dengkou.id,
    isPoorVillage: false,
    povertyStatus: 'not_poor',
  });
  await makeVillage(db, net.orgs.dengkou, testVillageCode('150822', 3));
  for (const n of [1, 2]) await makeVillage(db, net.orgs.wltzq, testVillageCode('150824', n));
  await makeVillage(db, net.orgs.siziwang, testVillageCode('150929', 1));
  await makeVillage(db, net.orgs.fujian, testVillageCode('350481', 1));
  codes = {
    dengkou: [1, 2, 3].map((n) => testVillageCode('150822', n)),
    wltzq: [1, 2].map((n) => testVillageCode('150824', n)),
    siziwang: [testVillageCode('150929', 1)],
    fujian: [testVillageCode('350481', 1)],
  };
});
afterAll(() => server.close());

/** The export as a signed-in user gets it: its header row and each row's cells as text. */
async function exported(username: string, query = '') {
  const client = await signIn(server.app, username);
  const response = await client.get(`/api/v1/villages/export${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toContain("filename*=UTF-8''%E6%9D%91%E5%90%8D%E5%8D%95-");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(response.rawPayload) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('村');
  if (!sheet) throw new Error('the workbook has no sheet 村');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) records.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).text])));
  });
  return { client, records, codes: records.map((record) => record['区划代码']) };
}

describe('the village export', () => {
  it('holds exactly the villages of the user’s subtree, with their indicators and registered households', async () => {
    const { records, codes: shown } = await exported(net.users.bayannurAdmin.username);
    expect(shown).toEqual([...codes.dengkou, ...codes.wltzq]);
    expect(records[0]).toEqual({
      区划代码: testVillageCode('150822', 1),
      行政区划全称: '内蒙古自治区 巴彦淖尔市 磴口县 测试镇 测试1村',
      村名: '测试1村',
      贫困村: '是',
      老区村: '是',
      易地搬迁安置点: '否',
      贫困状态: '已出列',
      出列年度: '2019',
      已建档农户: '2',
      总户数: '312',
      总人口: '905',
      通硬化路: '是',
      通自来水: '是',
      通生产生活用电: '是',
      通宽带: '否',
      '村集体经济收入（元）': '123,456.00',
      驻村工作队: '自治区驻村工作队',
      负责单位: net.orgs.dengkou.name,
      '更新时间（UTC）': expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
    });
    expect(records[1]).toMatchObject({ 贫困村: '否', 贫困状态: '非贫困村', 出列年度: '', 已建档农户: '0' });
  });

  it('leaves out the villages of a neighbour, another league and another province', async () => {
    const county = await exported(net.users.dengkouAdmin.username);
    expect(county.codes).toEqual(codes.dengkou);
    const neighbour = await exported(net.users.wltzqAdmin.username);
    expect(neighbour.codes).toEqual(codes.wltzq);
    const fujian = await exported(net.users.fujianAdmin.username);
    expect(fujian.codes).toEqual(codes.fujian);
    const region = await exported(net.users.regionAdmin.username);
    expect(region.codes).toEqual([...codes.dengkou, ...codes.wltzq, ...codes.siziwang]);
  });

  it('applies the list’s filters and records the export in the audit trail', async () => {
    const { client, codes: shown } = await exported(
      net.users.bayannurAdmin.username,
      '?isPoorVillage=true&regionCode=150822',
    );
    expect(shown).toEqual([codes.dengkou[0], codes.dengkou[2]]);
    expect((await exported(net.users.bayannurAdmin.username, '?q=测试2村')).codes).toEqual([
      codes.dengkou[1],
      codes.wltzq[1],
    ]);
    expect((await exported(net.users.bayannurAdmin.username, '?povertyStatus=exited')).codes).toEqual([
      codes.dengkou[0],
    ]);
    // The audit event is written once the last row is, which may be just after the answer has ended.
    const audited = async () =>
      (await client.get('/api/v1/audit-events?action=registry.export_villages&pageSize=200'))
        .json<TPage<TAuditEvent>>()
        .items.find((event) => JSON.stringify(event.changes.filters).includes('"regionCode":"150822"'));
    await expect.poll(audited).toMatchObject({
      actorUsername: net.users.bayannurAdmin.username,
      entityType: 'export',
      changes: { filters: { after: { isPoorVillage: 'true', regionCode: '150822' } }, rows: { after: 2 } },
    });
  });
});
