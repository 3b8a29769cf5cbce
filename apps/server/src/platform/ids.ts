import { randomBytes } from 'node:crypto';

let pool = Buffer.alloc(0);
let offset = 0;

/** Random bytes from a pool refilled 64 KiB at a time (one system call per several thousand ids). */
function random(count: number): Buffer {
  if (offset + count > pool.length) {
    pool = randomBytes(65_536);
    offset = 0;
  }
  offset += count;
  return pool.subarray(offset - count, offset);
}

let lastMs = 0;
let counter = 0;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that makes ids of the same
 * millisecond increase (method 1 of the RFC), then random bits. Ids made by one process sort in the order
 * they were made, so "newest first" can sort by id; new rows land at the end of primary-key indexes.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // Start low in the counter's range so that thousands of ids fit in one millisecond.
    counter = (random(1)[0] ?? 0) & 0x3f;
  } else {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  }
  const tail = random(8);
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((tail[0] ?? 0) & 0x3f);
  tail.copy(bytes, 9, 1, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
