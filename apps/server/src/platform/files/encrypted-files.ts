import fs from 'node:fs';
import { pipeline as pipe, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptingStream, EncryptedFileError, encryptingStream, isEncryptedFileHead } from '../crypto/index.js';
import { fileErrors } from './store.js';

/**
 * Reading and writing files of the data directory that may hold personal data, encrypted with the data
 * key (platform/crypto/file-encryption.ts). Plain files written before encryption are read as they are,
 * so that an upgrade does not break an import in progress or a stored photo.
 */

/** A stream to write a file through, encrypted; `finished` settles once the bytes are on disk. */
export function createEncryptedWriteStream(file: string): { stream: Writable; finished: Promise<void> } {
  const stream = encryptingStream();
  const finished = pipeline(stream, fs.createWriteStream(file));
  // Handled here too, so that a writer that fails before awaiting it leaves no unhandled rejection.
  finished.catch(() => undefined);
  return { stream, finished };
}

/**
 * The file's plaintext as a stream (an encrypted file decrypted, a plain one as it is). A damaged file
 * fails the stream at the first chunk that does not authenticate; `onRead` reports bytes read from disk.
 */
export function createDecryptedReadStream(
  file: string,
  options: { highWaterMark?: number; onRead?: (bytesRead: number) => void } = {},
): Readable {
  const source = fs.createReadStream(file, { highWaterMark: options.highWaterMark ?? 64 * 1024 });
  const { onRead } = options;
  if (onRead) source.on('data', () => onRead(source.bytesRead));
  return pipe(source, decryptingStream(), () => undefined);
}

function startsEncrypted(file: string): boolean {
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    return isEncryptedFileHead(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens a stored file for sending. An encrypted file is checked to its end first, so that a damaged or
 * altered one is refused with an error of its own instead of a download that breaks off half-way.
 */
export async function openStoredFile(file: string): Promise<Readable> {
  if (!fs.existsSync(file)) throw fileErrors.notFound();
  if (startsEncrypted(file)) {
    try {
      await pipeline(createDecryptedReadStream(file), new Writable({ write: (_chunk, _encoding, done) => done() }));
    } catch (error) {
      if (error instanceof EncryptedFileError)
        throw error.problem === 'other-key' ? fileErrors.otherKey() : fileErrors.damaged();
      throw error;
    }
  }
  return createDecryptedReadStream(file);
}
