import type { TPage, TPublicPublication, TPublicPublicationListItem, TPublicationFile } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { jpegWithGps } from '../../test-support/images.js';
import { makePublication, pdfBytes, uploadForm } from '../../test-support/publication-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;
let county: Client;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await signIn(server.app, net.users.dengkouAdmin.username);
});
afterAll(() => server.close());

/** Nobody signed in: no cookie, no CSRF token. */
const anonymous = (url: string) => server.app.inject({ method: 'GET', url });

const act = (id: string, action: 'publish' | 'withdraw') =>
  county.post(`/api/v1/publications/${id}/transitions`, {
    action,
    ...(action === 'withdraw' ? { reason: '数据待核实' } : {}),
  });

/** A publication of Dengkou with a PDF and a cover, in the state asked for. */
async function publication(state: 'draft' | 'published' | 'withdrawn', overrides: Record<string, unknown> = {}) {
  const created = await makePublication(server.database.db, net.orgs.dengkou, {
    title: `磴口县简报（${state}）`,
    publishedOn: '2025-06-30',
    ...overrides,
  });
  const add = (role: string, file: { name: string; bytes: Buffer }) =>
    uploadForm(server.app, county, `/api/v1/publications/${created.id}/files`, { role }, file);
  const pdf = (await add('attachment', { name: `${state}.pdf`, bytes: pdfBytes(state) })).json<TPublicationFile>();
  const cover = (await add('cover', { name: `${state}.jpg`, bytes: jpegWithGps() })).json<TPublicationFile>();
  if (state !== 'draft') expect((await act(created.id, 'publish')).statusCode).toBe(200);
  if (state === 'withdrawn') expect((await act(created.id, 'withdraw')).statusCode).toBe(200);
  return { id: created.id, pdf, cover };
}

const listed = async (query: string) =>
  (await anonymous(`/api/v1/public/publications?organizationId=${net.orgs.dengkou.id}&${query}`)).json<
    TPage<TPublicPublicationListItem>
  >();

describe('the public portal', () => {
  it('serves only published publications: a draft or withdrawn one, and its files, are not there', async () => {
    const draft = await publication('draft');
    const published = await publication('published');
    const withdrawn = await publication('withdrawn');

    const page = await listed('pageSize=200');
    expect(page.items.map((p) => p.id)).toContain(published.id);
    expect(page.items.map((p) => p.id)).not.toContain(draft.id);
    expect(page.items.map((p) => p.id)).not.toContain(withdrawn.id);

    const one = await anonymous(`/api/v1/public/publications/${published.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['cache-control']).toBe('no-cache');
    const shown = one.json<TPublicPublication>();
    expect(shown).toMatchObject({
      title: '磴口县简报（published）',
      organizationName: net.orgs.dengkou.name,
      publishedOn: '2025-06-30',
      attachments: [{ id: published.pdf.id, fileName: 'published.pdf', mime: 'application/pdf' }],
      cover: { id: published.cover.id, mime: 'image/jpeg' },
    });
    // Who wrote it, its state and its history are not the public's business.
    for (const key of ['status', 'createdBy', 'withdrawnReason', 'canEdit', 'allowedActions']) {
      expect(shown).not.toHaveProperty(key);
    }
    const file = await anonymous(`/api/v1/public/publications/${published.id}/files/${published.pdf.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdfBytes('published'))).toBe(true);
    const cover = await anonymous(`/api/v1/public/publications/${published.id}/files/${published.cover.id}`);
    expect(cover.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);

    for (const hidden of [draft, withdrawn]) {
      const refused = await anonymous(`/api/v1/public/publications/${hidden.id}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('PUBLIC_PUBLICATION_NOT_FOUND');
      expect(refused.body).not.toContain('磴口县简报');
      for (const f of [hidden.pdf, hidden.cover]) {
        const download = await anonymous(`/api/v1/public/publications/${hidden.id}/files/${f.id}`);
        expect(download.statusCode).toBe(404);
      }
      // Nor through a published publication's address.
      expect((await anonymous(`/api/v1/public/publications/${published.id}/files/${hidden.pdf.id}`)).statusCode).toBe(
        404,
      );
    }
    // Signed in makes no difference on the portal.
    expect((await county.get(`/api/v1/public/publications/${draft.id}`)).statusCode).toBe(404);
  });

  it('takes a withdrawn publication off at once and shows it again when republished', async () => {
    const item = await publication('published', { title: '磴口县扶贫日简报' });
    expect((await anonymous(`/api/v1/public/publications/${item.id}`)).statusCode).toBe(200);
    await act(item.id, 'withdraw');
    expect((await anonymous(`/api/v1/public/publications/${item.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/v1/public/publications/${item.id}/files/${item.pdf.id}`)).statusCode).toBe(404);
    expect((await listed('pageSize=200')).items.map((p) => p.id)).not.toContain(item.id);
    await act(item.id, 'publish');
    expect((await anonymous(`/api/v1/public/publications/${item.id}/files/${item.pdf.id}`)).statusCode).toBe(200);
  });

  it('filters by kind, organization and year, newest first, a page at a time', async () => {
    const older = await publication('published', { kind: 'research_report', publishedOn: '2023-04-01' });
    const newer = await publication('published', { kind: 'research_report', publishedOn: '2023-11-20' });
    await publication('published', { kind: 'news', publishedOn: '2023-07-01' });
    const reports = await listed('kind=research_report&year=2023');
    expect(reports.items.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(reports.items[0]).toMatchObject({ kind: 'research_report', publishedOn: '2023-11-20' });
    const first = await listed('year=2023&pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await listed('year=2023&pageSize=2&page=2');
    expect(second.items).toHaveLength(1);
    const elsewhere = await anonymous(`/api/v1/public/publications?organizationId=${net.orgs.wltzq.id}`);
    expect(elsewhere.json<TPage<TPublicPublicationListItem>>().total).toBe(0);
  });
});
