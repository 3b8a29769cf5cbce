import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { dataKeyId, keyring as installedKeyring, type Keyring } from './keyring.js';

/**
 * Files on disk that may hold personal data (import uploads and error workbooks, stored photos and
 * documents) are encrypted with the data key, in a small streaming format:
 *
 *   header  magic "\0TXENC" · version 1 · key id (8 bytes) · salt (16 bytes)
 *   chunks  AES-256-GCM of 64 KiB of plaintext each (the last one shorter, possibly empty), tag appended
 *
 * Each file has its own key (HKDF of the data key's file key with the salt), so nonces can be the chunk's
 * number plus a last-chunk flag: chunks cannot be reordered, dropped or cut off at the end unnoticed, and
 * the header is authenticated with every chunk. Every chunk is checked before its bytes are released.
 *
 * A file without the header is passed through as it is: files written before encryption (plain
 * workbooks, uploads, photos) stay readable after an upgrade. No spreadsheet, CSV, PDF or picture starts
 * with a NUL byte followed by "TXENC", so the two cannot be confused.
 */
const MAGIC = Buffer.from('\0TXENC', 'latin1');
const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 8;
const SALT_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + SALT_BYTES;
const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

export type EncryptedFileProblem = 'damaged' | 'other-key';

/** An encrypted file that cannot be read: altered, cut short, of an unknown version, or under another key. */
export class EncryptedFileError extends Error {
  constructor(
    readonly problem: EncryptedFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EncryptedFileError';
  }
}

const damaged = (why: string) => new EncryptedFileError('damaged', `The encrypted file is damaged or altered: ${why}`);

type FileKeys = { keyId: Buffer; key: Buffer };
const keysOf = new WeakMap<Keyring, FileKeys>();

function fileKeys(ring: Keyring): FileKeys {
  let keys = keysOf.get(ring);
  if (!keys) {
    keys = {
      key: Buffer.from(hkdfSync('sha256', ring.master, 'tongxin', 'file-encryption/aes-256-gcm', 32)),
      keyId: dataKeyId(ring.master),
    };
    keysOf.set(ring, keys);
  }
  return keys;
}

function perFileKey(key: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, 'tongxin file v1', 32));
}

function nonce(index: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeUIntBE(index, 5, 6);
  bytes[11] = last ? 1 : 0;
  return bytes;
}

/** Encrypts chunk after chunk of one file. */
function sealer(ring: Keyring): { header: Buffer; seal: (plain: Buffer, last: boolean) => Buffer } {
  const { key, keyId } = fileKeys(ring);
  const salt = randomBytes(SALT_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.of(FORMAT_VERSION), keyId, salt]);
  const fileKey = perFileKey(key, salt);
  let index = 0;
  return {
    header,
    seal: (plain, last) => {
      const cipher = createCipheriv('aes-256-gcm', fileKey, nonce(index, last));
      index += 1;
      cipher.setAAD(header);
      return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
  };
}

/** Decrypts chunk after chunk of one file, from its header; throws EncryptedFileError. */
function opener(header: Buffer, ring: Keyring): (sealed: Buffer, last: boolean) => Buffer {
  const version = header[MAGIC.length];
  if (version !== FORMAT_VERSION) throw damaged(`unknown format version ${String(version)}`);
  const { key, keyId } = fileKeys(ring);
  const start = MAGIC.length + 1;
  if (!header.subarray(start, start + KEY_ID_BYTES).equals(keyId))
    throw new EncryptedFileError(
      'other-key',
      'The file was encrypted with another data key; install the key it was written with (TONGXIN_DATA_KEY)',
    );
  const fileKey = perFileKey(key, header.subarray(start + KEY_ID_BYTES, HEADER_BYTES));
  let index = 0;
  return (sealed, last) => {
    if (sealed.length < TAG_BYTES) throw damaged('cut short');
    const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(index, last));
    index += 1;
    decipher.setAAD(header);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw damaged(`chunk ${index} does not authenticate`);
    }
  };
}

/** Whether the first bytes of a file are the encrypted format's header (the magic suffices). */
export function isEncryptedFileHead(head: Buffer): boolean {
  return head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC);
}

/** Encrypts a whole file's bytes at once (for files that are in memory anyway). */
export function encryptFileBytes(plain: Buffer, ring: Keyring = installedKeyring()): Buffer {
  const { header, seal } = sealer(ring);
  const parts = [header];
  let offset = 0;
  // Like the stream, a chunk is only sealed as not-last when more plaintext follows it.
  for (; plain.length - offset > CHUNK_BYTES; offset += CHUNK_BYTES)
    parts.push(seal(plain.subarray(offset, offset + CHUNK_BYTES), false));
  parts.push(seal(plain.subarray(offset), true));
  return Buffer.concat(parts);
}

/** Decrypts a whole file's bytes; plain (older) files come back as they are. */
export function decryptFileBytes(stored: Buffer, ring?: Keyring): Buffer {
  if (!isEncryptedFileHead(stored)) return stored;
  if (stored.length < HEADER_BYTES) throw damaged('the header is cut short');
  const open = opener(stored.subarray(0, HEADER_BYTES), ring ?? installedKeyring());
  const parts: Buffer[] = [];
  let offset = HEADER_BYTES;
  for (; stored.length - offset > SEALED_CHUNK_BYTES; offset += SEALED_CHUNK_BYTES)
    parts.push(open(stored.subarray(offset, offset + SEALED_CHUNK_BYTES), false));
  parts.push(open(stored.subarray(offset), true));
  return Buffer.concat(parts);
}

/** A stream that encrypts what is written to it into the format above. */
export function encryptingStream(ring: Keyring = installedKeyring()): Transform {
  const { header, seal } = sealer(ring);
  let pending: Buffer = Buffer.alloc(0);
  let headerSent = false;
  const withHeader = (parts: Buffer[]) => {
    if (headerSent) return parts;
    headerSent = true;
    return [header, ...parts];
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const out: Buffer[] = [];
      let offset = 0;
      for (; pending.length - offset > CHUNK_BYTES; offset += CHUNK_BYTES)
        out.push(seal(pending.subarray(offset, offset + CHUNK_BYTES), false));
      pending = pending.subarray(offset);
      done(null, out.length > 0 ? Buffer.concat(withHeader(out)) : undefined);
    },
    flush(done) {
      done(null, Buffer.concat(withHeader([seal(pending, true)])));
    },
  });
}

/**
 * A stream that decrypts a file in the format above, or passes a plain (older) file through unchanged.
 * It fails with EncryptedFileError at the first chunk that does not authenticate, before releasing it.
 * The keyring is looked up only when the file turns out to be encrypted.
 */
export function decryptingStream(ring?: Keyring): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let mode: 'head' | 'plain' | 'encrypted' = 'head';
  let open: ((sealed: Buffer, last: boolean) => Buffer) | null = null;

  const take = (final: boolean): Buffer[] => {
    if (mode === 'head') {
      const decided = pending.length >= MAGIC.length || final;
      if (!decided) return [];
      if (!isEncryptedFileHead(pending)) {
        mode = 'plain';
        const plain = pending;
        pending = Buffer.alloc(0);
        return [plain];
      }
      if (pending.length < HEADER_BYTES) {
        if (final) throw damaged('the header is cut short');
        return [];
      }
      open = opener(pending.subarray(0, HEADER_BYTES), ring ?? installedKeyring());
      pending = pending.subarray(HEADER_BYTES);
      mode = 'encrypted';
    }
    if (mode === 'plain' || !open) {
      const plain = pending;
      pending = Buffer.alloc(0);
      return [plain];
    }
    const out: Buffer[] = [];
    let offset = 0;
    // A full chunk is known not to be the last only when more bytes follow it.
    for (; pending.length - offset > SEALED_CHUNK_BYTES; offset += SEALED_CHUNK_BYTES)
      out.push(open(pending.subarray(offset, offset + SEALED_CHUNK_BYTES), false));
    pending = pending.subarray(offset);
    if (final) {
      out.push(open(pending, true));
      pending = Buffer.alloc(0);
    }
    return out;
  };

  const emit = (stream: Transform, parts: Buffer[]) => {
    for (const part of parts) if (part.length > 0) stream.push(part);
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      try {
        emit(this, take(false));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        emit(this, take(true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
