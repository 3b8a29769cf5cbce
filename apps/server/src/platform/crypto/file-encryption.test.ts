import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  decryptFileBytes,
  decryptingStream,
  EncryptedFileError,
  encryptFileBytes,
  encryptingStream,
  keyringFromMaster,
} from './index.js';

const ring = keyringFromMaster(randomBytes(32));
const CHUNK = 64 * 1024;
const HEADER = 31;
const SEALED = CHUNK + 16;

/** Feeds `bytes` through a stream in pieces of uneven sizes, as a disk or a socket would. */
async function through(stream: NodeJS.ReadWriteStream, bytes: Buffer): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7 + 13) % 70_001)
    pieces.push(bytes.subarray(at, at + size));
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(pieces).pipe(stream)) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

async function refusal(work: () => unknown): Promise<EncryptedFileError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof EncryptedFileError) return error;
    throw error;
  }
  throw new Error('the damaged file was read');
}

describe('file encryption', () => {
  it('round-trips files of every size around the chunk boundaries, streamed or at once', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
      const plain = randomBytes(size);
      const streamed = await through(encryptingStream(ring), plain);
      const atOnce = encryptFileBytes(plain, ring);
      expect(streamed.length).toBe(atOnce.length);
      expect(decryptFileBytes(streamed, ring).equals(plain)).toBe(true);
      expect((await through(decryptingStream(ring), atOnce)).equals(plain)).toBe(true);
    }
  });

  it('hides the content and never writes the same file twice alike', () => {
    const plain = Buffer.from('PK\u0003\u0004 身份证号 150822199001011234 电话 13900000000');
    const one = encryptFileBytes(plain, ring);
    const two = encryptFileBytes(plain, ring);
    expect(one.subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(one.includes(Buffer.from('150822199001011234'))).toBe(false);
    expect(one.includes(Buffer.from('13900000000'))).toBe(false);
    expect(one.equals(two)).toBe(false);
  });

  it('passes plain files written before encryption through unchanged', async () => {
    for (const plain of [
      Buffer.alloc(0),
      Buffer.from('P'),
      Buffer.from('户号,姓名\n1,张三\n'),
      randomBytes(CHUNK * 2),
    ]) {
      expect(decryptFileBytes(plain).equals(plain)).toBe(true);
      expect((await through(decryptingStream(), plain)).equals(plain)).toBe(true);
    }
  });

  it('refuses a file altered, cut short, reordered or extended', async () => {
    const plain = randomBytes(2 * CHUNK + 100);
    const sealed = encryptFileBytes(plain, ring);
    const flipped = (at: number) => {
      const copy = Buffer.from(sealed);
      copy[at] = (copy[at] ?? 0) ^ 1;
      return copy;
    };
    const chunk = (n: number) => sealed.subarray(HEADER + n * SEALED, HEADER + (n + 1) * SEALED);
    const damaged = [
      flipped(10), // key id
      flipped(HEADER - 1), // salt
      flipped(HEADER + 5), // first chunk
      flipped(sealed.length - 1), // last tag
      sealed.subarray(0, sealed.length - 1),
      sealed.subarray(0, HEADER + 2 * SEALED), // the last chunk dropped
      sealed.subarray(0, HEADER + 3),
      sealed.subarray(0, 20), // inside the header
      Buffer.concat([sealed.subarray(0, HEADER), chunk(1), chunk(0), sealed.subarray(HEADER + 2 * SEALED)]),
      Buffer.concat([sealed, Buffer.from('more')]),
    ];
    for (const [i, bytes] of damaged.entries()) {
      const expected = i === 0 ? 'other-key' : 'damaged';
      expect((await refusal(() => decryptFileBytes(bytes, ring))).problem, `case ${i}`).toBe(expected);
      expect((await refusal(() => through(decryptingStream(ring), bytes))).problem, `stream, case ${i}`).toBe(expected);
    }
  });

  it('says so when the file was written under another data key', async () => {
    const sealed = encryptFileBytes(Buffer.from('户主 张三'), ring);
    const error = await refusal(() => decryptFileBytes(sealed, keyringFromMaster(randomBytes(32))));
    expect(error.problem).toBe('other-key');
    expect(error.message).toContain('another data key');
  });

  it('refuses a chunk before releasing any of its bytes', async () => {
    const plain = randomBytes(3 * CHUNK);
    const sealed = encryptFileBytes(plain, ring);
    sealed[HEADER + SEALED + 5] = (sealed[HEADER + SEALED + 5] ?? 0) ^ 1;
    const released: Buffer[] = [];
    const pieces = Array.from({ length: Math.ceil(sealed.length / 4096) }, (_unused, i) =>
      sealed.subarray(i * 4096, (i + 1) * 4096),
    );
    const stream = Readable.from(pieces).pipe(decryptingStream(ring));
    await expect(
      (async () => {
        for await (const chunk of stream) released.push(chunk as Buffer);
      })(),
    ).rejects.toThrow(EncryptedFileError);
    // At most the good first chunk came out, never a byte of the altered one.
    const out = Buffer.concat(released);
    expect(out.length).toBeLessThanOrEqual(CHUNK);
    expect(out.equals(plain.subarray(0, out.length))).toBe(true);
  });
});
