import type { TOrganization } from '@tongxin/contracts';
import { createPublication, uploadPublicationFile } from '../modules/publications/index.js';
import { systemContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';
import type { ApiApp } from '../platform/http/index.js';
import { unique } from './factories.js';
import type { Client } from './test-app.js';

/** Bytes that pass as a PDF (the type is told by the first bytes); not a document a reader could open. */
export function pdfBytes(text = 'publication'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
}

type PublicationInput = Parameters<typeof createPublication>[1];

/** A draft brief (简报) of the organization, written by the system. */
export async function makePublication(db: Database, owner: TOrganization, overrides: Partial<PublicationInput> = {}) {
  return createPublication(systemContext(db.executor), {
    organizationId: owner.id,
    kind: 'brief',
    title: `工作简报${unique()}`,
    summary: '本期简报摘要',
    body: '一、工作进展\n\n全县完成帮扶项目 12 个。',
    ...overrides,
  });
}

/** A PDF attached to a publication, as the system uploads it. */
export async function attachPdf(db: Database, dataDir: string, publicationId: string, name = '全文.pdf') {
  return uploadPublicationFile(systemContext(db.executor), publicationId, {
    role: 'attachment',
    fileName: name,
    bytes: pdfBytes(name),
    dataDir,
  });
}

/** A multipart upload as a browser sends it: the fields first, then the one file. */
export function uploadForm(
  app: ApiApp,
  client: Client,
  url: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer },
) {
  const boundary = '----tongxin-publication';
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
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}
