import type { TAuditEvent, TPage, TPublication, TPublicationFile } from '@tongxin/contracts';
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

const upload = (id: string, file: { name: string; bytes: Buffer }, role = 'attachment', client = county) =>
  uploadForm(server.app, client, `/api/v1/publications/${id}/files`, { role }, file);

const publish = (id: string) => county.post(`/api/v1/publications/${id}/transitions`, { action: 'publish' });

async function magazine() {
  return makePublication(server.database.db, net.orgs.dengkou, {
    kind: 'magazine_issue',
    title: '内蒙古扶贫',
    issueNumber: '2025年第3期',
    issueTotal: 87,
    copiesPrinted: 1100,
    publishedOn: '2025-09-30',
  });
}

describe('a magazine issue', () => {
  it('cannot be published without its PDF, and keeps one PDF while published', async () => {
    const issue = await magazine();
    const early = await publish(issue.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'PUBLICATION_MAGAZINE_PDF_REQUIRED',
      message: '期刊须先上传本期 PDF 全文才能发布；请在附件中上传 PDF 后再发布',
    });
    expect((await upload(issue.id, { name: '封面.jpg', bytes: jpegWithGps() })).statusCode).toBe(201);
    expect((await publish(issue.id)).statusCode).toBe(409);

    const pdf = (
      await upload(issue.id, { name: '内蒙古扶贫2025年第3期.pdf', bytes: pdfBytes() })
    ).json<TPublicationFile>();
    expect(pdf).toMatchObject({ role: 'attachment', mime: 'application/pdf', fileName: '内蒙古扶贫2025年第3期.pdf' });
    const published = await publish(issue.id);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<TPublication>()).toMatchObject({ status: 'published', publishedOn: '2025-09-30' });

    const lastPdf = await county.delete(`/api/v1/publications/${issue.id}/files/${pdf.id}`);
    expect(lastPdf.statusCode).toBe(409);
    expect(lastPdf.json().error.code).toBe('PUBLICATION_LAST_PDF');
    const replacement = (
      await upload(issue.id, { name: '更正版.pdf', bytes: pdfBytes('v2') })
    ).json<TPublicationFile>();
    expect((await county.delete(`/api/v1/publications/${issue.id}/files/${pdf.id}`)).statusCode).toBe(204);
    expect((await county.get(`/api/v1/publications/${issue.id}/files/${pdf.id}`)).statusCode).toBe(404);
    const after = (await county.get(`/api/v1/publications/${issue.id}`)).json<TPublication>();
    expect(after.attachments.map((a) => a.fileName)).toEqual(['封面.jpg', '更正版.pdf']);
    expect(after.attachments.map((a) => a.id)).toContain(replacement.id);

    // Changes to files of the published issue are corrections in the audit trail.
    const events = (await county.get(`/api/v1/audit-events?entityId=${replacement.id}`)).json<TPage<TAuditEvent>>();
    expect(events.items.map((e) => e.action)).toEqual(['publication.correct']);
  });
});

describe('files', () => {
  it('strips EXIF and the GPS position from a cover photo, and replaces the old cover', async () => {
    const { id } = await makePublication(server.database.db, net.orgs.dengkou);
    const first = await upload(id, { name: '现场.jpg', bytes: jpegWithGps() }, 'cover');
    expect(first.statusCode, first.body).toBe(201);
    const cover = first.json<TPublicationFile>();
    const download = await county.get(`/api/v1/publications/${id}/files/${cover.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(download.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(download.rawPayload.includes(Buffer.from('张三'))).toBe(false);
    expect(download.rawPayload.includes(Buffer.from('compressed-scan-data'))).toBe(true);

    const second = (await upload(id, { name: '新封面.jpg', bytes: jpegWithGps() }, 'cover')).json<TPublicationFile>();
    const publication = (await county.get(`/api/v1/publications/${id}`)).json<TPublication>();
    expect(publication.cover?.id).toBe(second.id);
    expect(publication.attachments).toEqual([]);
    expect((await county.get(`/api/v1/publications/${id}/files/${cover.id}`)).statusCode).toBe(404);
  });

  it('takes PDFs, pictures and Office files by their bytes, refusing others with what is accepted', async () => {
    const { id } = await makePublication(server.database.db, net.orgs.dengkou);
    const docx = await upload(id, {
      name: '调研提纲.docx',
      bytes: Buffer.from('PK\x03\x04word/document.xml', 'latin1'),
    });
    expect(docx.json<TPublicationFile>().mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const exe = await upload(id, { name: '简报.pdf', bytes: Buffer.from('MZ this is a program') });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: '文件“简报.pdf”的类型不受支持；可以上传：PDF、JPG、PNG、Word (docx)、Excel (xlsx)',
    });
    const pdfCover = await upload(id, { name: '封面.pdf', bytes: pdfBytes() }, 'cover');
    expect(pdfCover.statusCode).toBe(415);
    expect(pdfCover.json().error.message).toContain('可以上传：JPG、PNG');
    const badRole = await upload(id, { name: 'a.pdf', bytes: pdfBytes() }, 'poster');
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.fields[0].path).toBe('role');
  });

  it('refuses a photo over 10 MB and a document over 20 MB', async () => {
    const { id } = await makePublication(server.database.db, net.orgs.dengkou);
    const photo = await upload(id, {
      name: '大图.jpg',
      bytes: Buffer.concat([jpegWithGps(), Buffer.alloc(11 * 1024 * 1024)]),
    });
    expect(photo.statusCode).toBe(413);
    expect(photo.json().error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(photo.json().error.message).toContain('超过 10 MB 的上限');
    const document = await upload(id, {
      name: '全文.pdf',
      bytes: Buffer.concat([pdfBytes(), Buffer.alloc(21 * 1024 * 1024)]),
    });
    expect(document.statusCode).toBe(413);
    expect((await county.get(`/api/v1/publications/${id}`)).json<TPublication>().attachments).toEqual([]);
  });

  it('keeps files of one county from a sibling county', async () => {
    const { id } = await makePublication(server.database.db, net.orgs.dengkou);
    const file = (await upload(id, { name: '全文.pdf', bytes: pdfBytes() })).json<TPublicationFile>();
    const sibling = await signIn(server.app, net.users.wltzqAdmin.username);
    expect((await sibling.get(`/api/v1/publications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await sibling.delete(`/api/v1/publications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await upload(id, { name: 'x.pdf', bytes: pdfBytes() }, 'attachment', sibling)).statusCode).toBe(404);
    // A file id under another publication's id is no file of that publication.
    const other = await makePublication(server.database.db, net.orgs.dengkou);
    expect((await county.get(`/api/v1/publications/${other.id}/files/${file.id}`)).statusCode).toBe(404);
  });
});
