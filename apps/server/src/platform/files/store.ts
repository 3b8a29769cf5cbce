import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encryptFileBytes } from '../crypto/index.js';
import { defineErrors } from '../errors/index.js';
import { newId } from '../ids.js';
import { stripJpegMetadata, stripPngMetadata } from './strip-metadata.js';

export const fileErrors = defineErrors({
  tooLarge: {
    code: 'FILE_TOO_LARGE',
    status: 413,
    message: {
      'zh-CN': '文件“{name}”有 {size} MB，超过 {limit} MB 的上限；请压缩后再上传',
      en: 'The file “{name}” is {size} MB, over the {limit} MB limit; make it smaller and upload it again',
    },
  },
  wrongType: {
    code: 'FILE_TYPE_NOT_ALLOWED',
    status: 415,
    message: {
      'zh-CN': '文件“{name}”的类型不受支持；可以上传：{allowed}',
      en: 'The file “{name}” is of a type that is not accepted; accepted: {allowed}',
    },
  },
  notFound: {
    code: 'FILE_NOT_FOUND',
    status: 404,
    message: { 'zh-CN': '找不到该文件', en: 'The file does not exist' },
  },
  damaged: {
    code: 'FILE_DAMAGED',
    status: 500,
    message: {
      'zh-CN': '该文件已损坏或在服务器上被改动过，不予提供；请管理员从备份恢复',
      en: 'The file is damaged or was altered on the server, so it is not served; ask the administrator to restore it from a backup',
    },
  },
  otherKey: {
    code: 'FILE_KEY_MISMATCH',
    status: 500,
    message: {
      'zh-CN': '该文件是用另一把数据密钥加密的，无法读取；请管理员配置写入时的数据密钥（TONGXIN_DATA_KEY）',
      en: 'The file was encrypted with another data key and cannot be read; ask the administrator to configure the key it was written with (TONGXIN_DATA_KEY)',
    },
  },
});

export type FileKind = 'photo' | 'document';

type Format = { mime: string; extension: string; test: (head: Buffer) => boolean; clean?: (bytes: Buffer) => Buffer };

/** Types are recognised by their first bytes, not by the name a browser sends. */
const FORMATS: Readonly<Record<FileKind, readonly Format[]>> = {
  photo: [
    {
      mime: 'image/jpeg',
      extension: 'jpg',
      test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
      clean: stripJpegMetadata,
    },
    {
      mime: 'image/png',
      extension: 'png',
      test: (h) => h.subarray(0, 4).toString('latin1') === '\x89PNG',
      clean: stripPngMetadata,
    },
  ],
  document: [
    { mime: 'application/pdf', extension: 'pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
    // docx and xlsx are zip files.
    {
      mime: 'application/zip',
      extension: 'zip',
      test: (h) => h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04,
    },
  ],
};

export const FILE_LIMITS_MB: Readonly<Record<FileKind, number>> = { photo: 10, document: 20 };
const ALLOWED_NAMES: Readonly<Record<FileKind, string>> = {
  photo: 'JPG、PNG',
  document: 'PDF、Word (docx)、Excel (xlsx)',
};

export type StoredFile = {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
};

/**
 * Checks an upload's size and type, removes photo metadata (GPS position included), and stores it under
 * `<data dir>/files/<year>/`, encrypted with the data key (photos of people and documents such as
 * acceptance records may hold personal data); read it back with `openStoredFile`. Returns what the caller
 * records, size and SHA-256 of the plaintext; the bytes never pass through the database.
 */
export function storeFile(dataDir: string, kind: FileKind, fileName: string, bytes: Buffer): StoredFile {
  const limit = FILE_LIMITS_MB[kind];
  if (bytes.length > limit * 1024 * 1024) {
    throw fileErrors.tooLarge({ name: fileName, size: (bytes.length / 1024 / 1024).toFixed(1), limit });
  }
  const format = FORMATS[kind].find((candidate) => candidate.test(bytes.subarray(0, 16)));
  if (!format) throw fileErrors.wrongType({ name: fileName, allowed: ALLOWED_NAMES[kind] });
  let clean: Buffer;
  try {
    clean = format.clean ? format.clean(bytes) : bytes;
  } catch {
    throw fileErrors.wrongType({ name: fileName, allowed: ALLOWED_NAMES[kind] });
  }
  const id = newId();
  const relative = path.join('files', new Date().toISOString().slice(0, 4), `${id}.${format.extension}`);
  fs.mkdirSync(path.join(dataDir, path.dirname(relative)), { recursive: true });
  fs.writeFileSync(path.join(dataDir, relative), encryptFileBytes(clean));
  return {
    id,
    fileName: fileName.slice(0, 200),
    mime: format.mime === 'application/zip' ? mimeOfOffice(fileName) : format.mime,
    size: clean.length,
    sha256: createHash('sha256').update(clean).digest('hex'),
    storagePath: relative,
  };
}

function mimeOfOffice(fileName: string): string {
  if (fileName.toLowerCase().endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (fileName.toLowerCase().endsWith('.docx'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return 'application/zip';
}

export function storedFilePath(dataDir: string, storagePath: string): string {
  return path.join(dataDir, storagePath);
}
