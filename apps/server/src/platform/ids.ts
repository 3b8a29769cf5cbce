import { randomBytes } from 'node:crypto';

let pool = Buffer.alloc(0);
let offset = 0;

/** Ten random bytes from a pool refilled 64 KiB at a time (one system call per 6,500 ids). */
function randomTen(): Buffer {
  if (offset + 10 > pool.length) {
    pool = randomBytes(65_536);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits with the version and variant set.
 * Time-ordered, so new rows land at the end of primary-key indexes.
 */
export function newId(now: number = Date.now()): string {
  const random = randomTen();
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((random[0] ?? 0) & 0x0f);
  bytes[7] = random[1] ?? 0;
  bytes[8] = 0x80 | ((random[2] ?? 0) & 0x3f);
  random.copy(bytes, 9, 3, 10);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
