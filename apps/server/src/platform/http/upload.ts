import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { platformErrors } from '../errors/index.js';

export type Upload = { fileName: string; bytes: Buffer; field(name: string): string | undefined };

/**
 * Reads a multipart form with one file into memory (photos and documents, tens of megabytes at most; large
 * imports stream to disk instead). Fields must come before the file, as browsers send them when appended first.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const part = await request.file({ limits: { fileSize: maxBytes + 1 } });
  if (!part) {
    throw platformErrors.validationFailed({}, [
      { path: 'file', message: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' } },
    ]);
  }
  const bytes = await part.toBuffer();
  if (part.file.truncated || bytes.length > maxBytes) throw platformErrors.payloadTooLarge();
  return {
    fileName: part.filename,
    bytes,
    field(name) {
      const field = part.fields[name];
      return field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
    },
  };
}
