import type { TAcceptance, TProject, TProjectFile, TSupervisionRow } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeProject, type Network } from '../../test-support/factories.js';
import { jpegWithGps } from '../../test-support/images.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;
let county: Client;
let city: Client;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await signIn(server.app, net.users.dengkouAdmin.username);
  city = await signIn(server.app, net.users.bayannurAdmin.username);
});
afterAll(() => server.close());

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----tongxin-records';
  const body = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const upload = (client: Client, projectId: string, file: { name: string; bytes: Buffer }, kind = 'photo') => {
  const { body, type } = multipart({ kind, isPublic: 'true' }, file);
  return server.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/files`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': type },
    payload: body,
  });
};

async function running(): Promise<TProject> {
  const project = await makeProject(server.database.db, net.orgs.dengkou, {
    plannedStart: '2024-01-15',
    plannedEnd: '2025-01-14',
  });
  await county.post(`/api/v1/projects/${project.id}/transitions`, { action: 'submit' });
  await city.post(`/api/v1/projects/${project.id}/transitions`, { action: 'approve' });
  return (
    await county.post(`/api/v1/projects/${project.id}/transitions`, { action: 'start', on: '2024-01-15' })
  ).json<TProject>();
}

describe('progress reports and photos', () => {
  it('stores a photo without its GPS position and attaches it to a public report', async () => {
    const project = await running();
    const uploaded = await upload(county, project.id, { name: '基站施工.jpg', bytes: jpegWithGps() });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<TProjectFile>();
    const download = await county.get(`/api/v1/projects/${project.id}/files/${photo.id}`);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(download.rawPayload.includes(Buffer.from('compressed-scan-data'))).toBe(true);

    const report = await county.post(`/api/v1/projects/${project.id}/reports`, {
      reportedOn: '2024-04-10',
      text: '已建成基站 141 个，占计划 236 个的 59.7%。',
      figures: [{ label: '已建基站', value: 141, unit: '个' }],
      isPublic: true,
      photoIds: [photo.id],
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().photos.map((p: TProjectFile) => [p.id, p.isPublic])).toEqual([[photo.id, true]]);
    const again = await county.post(`/api/v1/projects/${project.id}/reports`, {
      reportedOn: '2024-05-01',
      text: '再次使用同一照片',
      photoIds: [photo.id],
    });
    expect(again.json().error.fields[0].path).toBe('photoIds');
  });

  it('refuses a photo that is too large or is no picture, saying what is accepted', async () => {
    const project = await running();
    const big = await upload(county, project.id, {
      name: '太大.jpg',
      bytes: Buffer.concat([jpegWithGps(), Buffer.alloc(11 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('10 MB');
    const fake = await upload(county, project.id, { name: '伪装.jpg', bytes: Buffer.from('MZ not an image') });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('JPG、PNG');
  });
});

describe('lists', () => {
  it('export the filtered projects as a workbook, only those in scope', async () => {
    const project = await makeProject(server.database.db, net.orgs.dengkou, {
      name: '磴口县肉羊养殖产业项目',
      category: 'industry',
    });
    const response = await city.get('/api/v1/projects/export?category=industry&q=肉羊');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(response.rawPayload) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('项目');
    expect(sheet?.getRow(2).getCell(1).text).toBe(project.code);
    expect(sheet?.getRow(2).getCell(3).text).toBe(net.orgs.dengkou.name);
    expect(sheet?.getRow(2).getCell(7).text).toBe('200,000.00');
    const sibling = await signIn(server.app, net.users.wltzqAdmin.username);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(
      Buffer.from((await sibling.get('/api/v1/projects/export?q=肉羊')).rawPayload) as unknown as ArrayBuffer,
    );
    expect(theirs.getWorksheet('项目')?.rowCount).toBe(1);
  });
});

describe('supervision', () => {
  it('records an inspection by the city with follow-ups, and a failed then passed acceptance', async () => {
    let project = await running();
    const inspection = await city.post(`/api/v1/projects/${project.id}/inspections`, {
      visitedOn: '2024-06-20',
      inspectors: '巴彦淖尔市促进会 王某、李某',
      findings: '施工进度符合计划；台账不全。',
      rating: 'good',
      followUps: [{ action: '补齐施工台账', owner: '磴口县促进会', dueOn: '2024-07-31' }],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    expect(
      (
        await county.post(`/api/v1/projects/${project.id}/inspections`, {
          visitedOn: '2024-06-20',
          inspectors: 'x',
          findings: 'x',
          rating: 'good',
        })
      ).statusCode,
    ).toBe(403);

    project = (
      await county.post(`/api/v1/projects/${project.id}/transitions`, { action: 'complete', on: '2024-12-20' })
    ).json<TProject>();
    const failed = await city.post(`/api/v1/projects/${project.id}/acceptances`, {
      checkedOn: '2024-12-28',
      checklist: [
        { item: '基站全部建成', passed: true },
        { item: '资金使用凭证齐全', passed: false, note: '缺 3 张发票' },
      ],
    });
    expect(failed.json<TAcceptance>().verdict).toBe('fail');
    expect((await county.get(`/api/v1/projects/${project.id}`)).json<TProject>().status).toBe('in_progress');
    await county.post(`/api/v1/projects/${project.id}/transitions`, { action: 'complete', on: '2025-01-05' });
    const passed = await city.post(`/api/v1/projects/${project.id}/acceptances`, {
      checkedOn: '2025-01-10',
      checklist: [
        { item: '基站全部建成', passed: true },
        { item: '资金使用凭证齐全', passed: true },
      ],
    });
    expect(passed.json<TAcceptance>().verdict).toBe('pass');
    expect((await county.get(`/api/v1/projects/${project.id}`)).json<TProject>().status).toBe('accepted');
    const timeline = (await county.get(`/api/v1/projects/${project.id}/timeline`)).json<{
      items: { action: string; reason: string | null }[];
    }>();
    expect(timeline.items.map((t) => t.action)).toEqual([
      'submit',
      'approve',
      'start',
      'complete',
      'fail_acceptance',
      'complete',
      'accept',
    ]);
    expect(timeline.items[4]?.reason).toBe('资金使用凭证齐全');
  });

  it('puts a project with overdue reports and follow-ups on the board of the city above', async () => {
    const project = await running();
    await city.post(`/api/v1/projects/${project.id}/inspections`, {
      visitedOn: '2024-03-01',
      inspectors: '市促进会',
      findings: '开工手续待补',
      rating: 'fair',
      followUps: [{ action: '补办开工手续', owner: '县促进会', dueOn: '2024-04-01' }],
    });
    const board = (await city.get('/api/v1/projects/supervision')).json<{ items: TSupervisionRow[] }>();
    const row = board.items.find((r) => r.project.id === project.id);
    expect(row?.overdue.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['follow_up', 'progress_report', 'final_report']),
    );
    const sibling = await signIn(server.app, net.users.wltzqAdmin.username);
    const theirs = (await sibling.get('/api/v1/projects/supervision')).json<{ items: TSupervisionRow[] }>();
    expect(theirs.items.map((r) => r.project.id)).not.toContain(project.id);
    const records = (await county.get(`/api/v1/projects/${project.id}/records`)).json<{
      reporting: { overdue: { kind: string }[] };
    }>();
    expect(records.reporting.overdue.length).toBe(row?.overdue.length);

    // The board as a workbook: one row per overdue item, filtered by kind when asked.
    const workbook = new ExcelJS.Workbook();
    const exported = await city.get('/api/v1/projects/supervision/export?kind=follow_up');
    expect(exported.statusCode).toBe(200);
    await workbook.xlsx.load(Buffer.from(exported.rawPayload) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('逾期事项');
    const lines = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    const mine = lines.filter((line) => line[1] === project.code);
    expect(mine.map((line) => [line[5], line[6], line[7]])).toEqual([['整改事项', '补办开工手续', '2024-04-01']]);
    expect(Number(mine[0]?.[8])).toBeGreaterThan(600);
  });
});
