import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jpegWithGps } from '../../test-support/images.js';
import { decryptFileBytes, installKeyring, keyringFromMaster } from '../crypto/index.js';
import { openStoredFile, storedFilePath, storeFile } from './index.js';

installKeyring(keyringFromMaster(randomBytes(32)));

/** The stored file's bytes as a download gets them. */
const plainOf = (dataDir: string, storagePath: string) =>
  decryptFileBytes(fs.readFileSync(storedFilePath(dataDir, storagePath)));

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function pngWithText(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13)),
    chunk('tEXt', Buffer.from('Location\0GPS 40.3256N')),
    chunk('eXIf', Buffer.from('MM\0*GPS')),
    chunk('IDAT', Buffer.from('pixels')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('stored photos', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));

  it('lose their EXIF and GPS position, keeping the picture', () => {
    const stored = storeFile(dataDir, 'photo', '现场.jpg', jpegWithGps());
    const bytes = plainOf(dataDir, stored.storagePath);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(bytes.includes(Buffer.from('张三'))).toBe(false);
    expect(bytes.includes(Buffer.from('compressed-scan-data'))).toBe(true);
    expect(bytes.includes(Buffer.from('JFIF'))).toBe(true);
    expect(stored).toMatchObject({ mime: 'image/jpeg', size: bytes.length });
  });

  it('lose PNG text and EXIF chunks too', () => {
    const stored = storeFile(dataDir, 'photo', 'map.png', pngWithText());
    const bytes = plainOf(dataDir, stored.storagePath);
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
    expect(bytes.includes(Buffer.from('pixels'))).toBe(true);
  });

  it('are refused when too large or not a picture at all, whatever the name says', () => {
    expect(() =>
      storeFile(dataDir, 'photo', '大图.jpg', Buffer.concat([jpegWithGps(), Buffer.alloc(11 * 1024 * 1024)])),
    ).toThrow(/超过 10 MB|over the 10 MB/);
    try {
      storeFile(dataDir, 'photo', 'virus.jpg', Buffer.from('MZ this is an executable'));
      throw new Error('accepted');
    } catch (error) {
      expect((error as { code?: string }).code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
  });

  it('documents keep their bytes; PDFs and Office files only', () => {
    const pdf = Buffer.from('%PDF-1.7\n% 验收报告\n');
    const stored = storeFile(dataDir, 'document', '验收报告.pdf', pdf);
    expect(plainOf(dataDir, stored.storagePath).equals(pdf)).toBe(true);
    expect(() => storeFile(dataDir, 'document', 'a.txt', Buffer.from('plain text'))).toThrow();
  });
});

describe('stored files at rest', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-at-rest-'));
  const pdf = Buffer.from('%PDF-1.7\n验收名单：张三 150822199001011234 13900000000\n');

  it('are encrypted on disk and sent decrypted', async () => {
    const stored = storeFile(dataDir, 'document', '验收名单.pdf', pdf);
    const onDisk = fs.readFileSync(storedFilePath(dataDir, stored.storagePath));
    expect(onDisk.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    for (const planted of ['150822199001011234', '13900000000', '张三'])
      expect(onDisk.includes(Buffer.from(planted)), planted).toBe(false);
    expect(stored).toMatchObject({ size: pdf.length });
    expect((await bytesOf(await openStoredFile(storedFilePath(dataDir, stored.storagePath)))).equals(pdf)).toBe(true);
  });

  it('written before encryption (plain) are still sent as they are', async () => {
    const old = path.join(dataDir, 'old.pdf');
    fs.writeFileSync(old, pdf);
    expect((await bytesOf(await openStoredFile(old))).equals(pdf)).toBe(true);
  });

  it('are refused, not sent, when altered on disk', async () => {
    const stored = storeFile(dataDir, 'document', '验收名单.pdf', pdf);
    const file = storedFilePath(dataDir, stored.storagePath);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x20;
    fs.writeFileSync(file, bytes);
    await expect(openStoredFile(file)).rejects.toMatchObject({ code: 'FILE_DAMAGED', status: 500 });
    await expect(openStoredFile(path.join(dataDir, 'missing.pdf'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
