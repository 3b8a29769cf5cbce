import type { TAuditEvent, TPage, TPublication, TPublicationListItem } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { makePublication } from '../../test-support/publication-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';
import { beijingDate } from '../../platform/time.js';

let server: TestServer;
let net: Network;
let county: Client;
let city: Client;
let sibling: Client;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await signIn(server.app, net.users.dengkouAdmin.username);
  city = await signIn(server.app, net.users.bayannurAdmin.username);
  sibling = await signIn(server.app, net.users.wltzqAdmin.username);
});
afterAll(() => server.close());

const brief = (overrides: Record<string, unknown> = {}) => ({
  organizationId: net.orgs.dengkou.id,
  kind: 'brief',
  title: '磴口县社会扶贫工作简报（第5期）',
  summary: '县促进会召开“扶贫日”动员会',
  body: '## 一、动员会\n\n10 月 10 日，县促进会召开“扶贫日”活动动员会。',
  ...overrides,
});

async function auditOf(id: string): Promise<TAuditEvent[]> {
  const response = await county.get(`/api/v1/audit-events?entityId=${id}&pageSize=50`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPage<TAuditEvent>>().items.sort((a, b) => a.seq - b.seq);
}

describe('the lifecycle of a publication', () => {
  it('starts as a draft, is published, withdrawn with a reason, and published again, each step audited', async () => {
    const created = await county.post('/api/v1/publications', brief());
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<TPublication>();
    expect(draft).toMatchObject({
      status: 'draft',
      publishedOn: null,
      canEdit: true,
      allowedActions: ['publish'],
      organizationName: net.orgs.dengkou.name,
      createdBy: net.users.dengkouAdmin.username,
    });

    const published = await county.post(`/api/v1/publications/${draft.id}/transitions`, { action: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<TPublication>()).toMatchObject({
      status: 'published',
      publishedOn: beijingDate(),
      allowedActions: ['withdraw'],
    });
    const firstPublishedAt = published.json<TPublication>().firstPublishedAt;
    expect(firstPublishedAt).not.toBeNull();

    const twice = await county.post(`/api/v1/publications/${draft.id}/transitions`, { action: 'publish' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'PUBLICATION_ACTION_NOT_ALLOWED' });
    expect(twice.json().error.message).toBe('出版物当前为“已发布”，不能“发布”；此时可以：“撤回”');

    const noReason = await county.post(`/api/v1/publications/${draft.id}/transitions`, { action: 'withdraw' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([
      { path: 'reason', message: expect.stringContaining('撤回须填写原因') },
    ]);

    const withdrawn = await county.post(`/api/v1/publications/${draft.id}/transitions`, {
      action: 'withdraw',
      reason: '动员会人数有误，更正后重新发布',
    });
    expect(withdrawn.json<TPublication>()).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '动员会人数有误，更正后重新发布',
      allowedActions: ['publish'],
    });

    const again = await county.post(`/api/v1/publications/${draft.id}/transitions`, { action: 'publish' });
    expect(again.json<TPublication>()).toMatchObject({
      status: 'published',
      withdrawnReason: null,
      withdrawnAt: null,
      firstPublishedAt,
    });

    const events = await auditOf(draft.id);
    expect(events.map((e) => e.action)).toEqual([
      'publication.create',
      'publication.publish',
      'publication.withdraw',
      'publication.publish',
    ]);
    expect(events[2]?.changes).toMatchObject({
      status: { before: 'published', after: 'withdrawn' },
      reason: { before: null, after: '动员会人数有误，更正后重新发布' },
    });
    expect(events.every((e) => e.chainId === net.orgs.dengkou.id && e.actorUsername !== null)).toBe(true);
  });

  it('corrects a published publication in place and records the correction with what it was', async () => {
    const { id } = (
      await county.post('/api/v1/publications', brief({ publishedOn: '2025-10-12' }))
    ).json<TPublication>();
    await county.post(`/api/v1/publications/${id}/transitions`, { action: 'publish' });
    const draftEdit = await county.patch(`/api/v1/publications/${id}`, { summary: '动员会参会 120 人' });
    expect(draftEdit.statusCode, draftEdit.body).toBe(200);
    expect(draftEdit.json<TPublication>()).toMatchObject({ status: 'published', publishedOn: '2025-10-12' });

    const unchanged = await county.patch(`/api/v1/publications/${id}`, { summary: '动员会参会 120 人' });
    expect(unchanged.statusCode).toBe(200);
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['publication.create', 'publication.publish', 'publication.correct']);
    expect(events[2]?.changes).toEqual({
      summary: { before: '县促进会召开“扶贫日”动员会', after: '动员会参会 120 人' },
    });
  });

  it('keeps a published publication dated, and not after today', async () => {
    const { id } = (await county.post('/api/v1/publications', brief())).json<TPublication>();
    const future = await county.post(`/api/v1/publications/${id}/transitions`, { action: 'publish', on: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'on' });
    expect(future.json().error.fields[0].message).toContain('晚于今天');
    await county.post(`/api/v1/publications/${id}/transitions`, { action: 'publish', on: '2025-11-03' });
    const undated = await county.patch(`/api/v1/publications/${id}`, { publishedOn: null });
    expect(undated.json().error.fields[0].path).toBe('publishedOn');
  });

  it('refuses to publish nothing: no text and no attachment', async () => {
    const { id } = (await county.post('/api/v1/publications', brief({ body: '' }))).json<TPublication>();
    const empty = await county.post(`/api/v1/publications/${id}/transitions`, { action: 'publish' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([
      { path: 'body', message: '正文为空且没有附件；请填写正文或上传附件后再发布' },
    ]);
  });
});

describe('what each kind carries', () => {
  it('asks a magazine issue for its issue number and keeps magazine facts off other kinds', async () => {
    const magazine = await county.post('/api/v1/publications', brief({ kind: 'magazine_issue', title: '内蒙古扶贫' }));
    expect(magazine.statusCode).toBe(400);
    expect(magazine.json().error.fields).toEqual([
      { path: 'issueNumber', message: '期刊须填写期号，例如“2025年第3期”' },
    ]);
    const newsWithIssue = await county.post(
      '/api/v1/publications',
      brief({ kind: 'news', issueNumber: '2025年第3期', copiesPrinted: 1100 }),
      { 'accept-language': 'en' },
    );
    expect(newsWithIssue.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'issueNumber',
      'copiesPrinted',
    ]);
    expect(newsWithIssue.json().error.fields[0].message).toContain('Only magazine issues have an issue number');

    const issue = await county.post(
      '/api/v1/publications',
      brief({ kind: 'magazine_issue', title: '内蒙古扶贫', issueNumber: '2025年第3期', issueTotal: 87 }),
    );
    expect(issue.statusCode, issue.body).toBe(201);
    expect(issue.json<TPublication>()).toMatchObject({
      issueNumber: '2025年第3期',
      issueTotal: 87,
      copiesPrinted: null,
    });
    const toNews = await county.patch(`/api/v1/publications/${issue.json<TPublication>().id}`, { kind: 'news' });
    expect(toNews.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['issueNumber', 'issueTotal']);
  });

  it('asks an annual report for the year it reports on, not after the year it appears', async () => {
    const missing = await county.post('/api/v1/publications', brief({ kind: 'annual_work_report' }));
    expect(missing.json().error.fields).toEqual([
      { path: 'reportYear', message: '年度报告须填写所报告的年度，例如 2025' },
    ]);
    const ahead = await county.post(
      '/api/v1/publications',
      brief({ kind: 'annual_financial_report', reportYear: 2026, publishedOn: '2025-05-20' }),
    );
    expect(ahead.json().error.fields[0]).toMatchObject({ path: 'reportYear' });
    const report = await county.post(
      '/api/v1/publications',
      brief({
        kind: 'annual_financial_report',
        title: '2024 年度财务报告',
        reportYear: 2024,
        publishedOn: '2025-05-20',
      }),
    );
    expect(report.json<TPublication>()).toMatchObject({ reportYear: 2024, kind: 'annual_financial_report' });
    const onBrief = await county.post('/api/v1/publications', brief({ reportYear: 2024 }));
    expect(onBrief.json().error.fields[0]).toMatchObject({ path: 'reportYear' });
  });
});

describe('scope', () => {
  it('lets the county and the city above write; a sibling county finds nothing', async () => {
    const own = await makePublication(server.database.db, net.orgs.dengkou, { title: '磴口县调研报告' });
    expect((await sibling.get(`/api/v1/publications/${own.id}`)).statusCode).toBe(404);
    expect((await sibling.patch(`/api/v1/publications/${own.id}`, { title: '改个标题' })).statusCode).toBe(404);
    expect((await sibling.post(`/api/v1/publications/${own.id}/transitions`, { action: 'publish' })).statusCode).toBe(
      404,
    );
    const theirs = (await sibling.get('/api/v1/publications?q=磴口县调研报告')).json<TPage<TPublicationListItem>>();
    expect(theirs.items.map((p) => p.id)).not.toContain(own.id);

    const fromAbove = await city.patch(`/api/v1/publications/${own.id}`, { title: '磴口县产业扶贫调研报告' });
    expect(fromAbove.statusCode, fromAbove.body).toBe(200);
    expect((await county.get(`/api/v1/publications/${own.id}`)).json<TPublication>().title).toBe(
      '磴口县产业扶贫调研报告',
    );
  });

  it('lets a supervisor of the region read but not write, and nobody write for an organization beyond them', async () => {
    const own = await makePublication(server.database.db, net.orgs.dengkou);
    const supervisor = await signIn(server.app, net.users.civilSupervisor.username);
    const read = await supervisor.get(`/api/v1/publications/${own.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<TPublication>()).toMatchObject({ canEdit: false, allowedActions: [] });
    expect((await supervisor.patch(`/api/v1/publications/${own.id}`, { title: '改个标题' })).statusCode).toBe(403);

    const forSibling = await county.post('/api/v1/publications', brief({ organizationId: net.orgs.wltzq.id }));
    expect(forSibling.statusCode).toBe(400);
    expect(forSibling.json().error.fields[0]).toMatchObject({ path: 'organizationId' });
  });

  it('filters the list by kind, organization, year, status and text', async () => {
    const db = server.database.db;
    const report = await makePublication(db, net.orgs.dengkou, {
      kind: 'research_report',
      title: '华莱士瓜果产业调研',
      publishedOn: '2024-08-01',
    });
    await makePublication(db, net.orgs.dengkou, { kind: 'news', title: '华莱士瓜果丰收', publishedOn: '2025-08-01' });
    await makePublication(db, net.orgs.bayannur, { kind: 'research_report', title: '华莱士瓜果市场调研' });
    const list = async (query: string) =>
      (await city.get(`/api/v1/publications?q=华莱士&${query}`))
        .json<TPage<TPublicationListItem>>()
        .items.map((p) => p.title)
        .sort();
    expect(await list('kind=research_report')).toEqual(['华莱士瓜果产业调研', '华莱士瓜果市场调研']);
    expect(await list(`organizationId=${net.orgs.dengkou.id}`)).toEqual(['华莱士瓜果丰收', '华莱士瓜果产业调研']);
    expect(await list('year=2024')).toEqual(['华莱士瓜果产业调研']);
    await city.post(`/api/v1/publications/${report.id}/transitions`, { action: 'publish' });
    expect(await list('status=published')).toEqual(['华莱士瓜果产业调研']);
    expect(await list('status=draft')).toEqual(['华莱士瓜果丰收', '华莱士瓜果市场调研']);
  });
});
