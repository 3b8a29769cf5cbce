import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal data: AES-256-GCM for the value, HMAC-SHA256 for exact-match look-up
 * and duplicate detection without decrypting. Both keys derive from one 32-byte master key (HKDF), which
 * comes from TONGXIN_DATA_KEY or from `<data dir>/keys/data.key`, generated on first start.
 */
export type Keyring = {
  encrypt(plaintext: string): string;
  decrypt(payload: string): string;
  /** Keyed hash of a normalized value: equal inputs give equal hashes, and nothing else can be read from it. */
  lookupHash(value: string): string;
  /** The master key, for handing to a worker thread; never logged or sent. */
  readonly master: Buffer;
};

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Random IVs drawn from a pool filled 64 KiB at a time: one system call per 5,000 encryptions instead of
 * one each. Every IV is still fresh CSPRNG output and used once.
 */
function ivSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + IV_BYTES > pool.length) {
      pool = randomBytes(65_536);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

export function keyringFromMaster(master: Buffer): Keyring {
  if (master.length !== 32) throw new Error('The data key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, 'tongxin', info, 32));
  const encryptionKey = derive('field-encryption/aes-256-gcm');
  const hashKey = derive('lookup-hash/hmac-sha256');
  const nextIv = ivSource();
  return {
    master,
    encrypt(plaintext) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(payload) {
      const [version, data] = payload.split('.');
      if (version !== VERSION || !data) throw new Error('Unknown encrypted value format');
      const raw = Buffer.from(data, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', hashKey).update(value).digest('base64url');
    },
  };
}

export const KEY_FILE = path.join('keys', 'data.key');

/**
 * The data key's public id (8 bytes): it tells keys apart — in every encrypted file's header, in a backup's
 * manifest — and reveals nothing of the key. Derived as file headers have had it from the start.
 */
export function dataKeyId(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'tongxin', 'file-encryption/key-id', 8));
}

/** The key id as operators see it (16 hex digits), to compare the key a backup needs with the one at hand. */
export function keyFingerprint(master: Buffer): string {
  return dataKeyId(master).toString('hex');
}

/** A key as TONGXIN_DATA_KEY or a key file holds it (64 hex digits or base64), or null when it is not 32 bytes. */
export function parseDataKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return bytes.length === 32 ? bytes : null;
}

function parseMaster(text: string, where: string): Buffer {
  const bytes = parseDataKey(text);
  if (!bytes) throw new Error(`${where} must hold 32 bytes, as 64 hex digits or base64`);
  return bytes;
}

export type DataKeySource = 'environment' | 'file';
export type FoundDataKey = { master: Buffer; source: DataKeySource; file: string | null };

/** The key a data directory's server would use — TONGXIN_DATA_KEY, else the key file — without making one. */
export function findDataKey(options: { dataDir: string; dataKey: string | null }): FoundDataKey | null {
  if (options.dataKey)
    return { master: parseMaster(options.dataKey, 'TONGXIN_DATA_KEY'), source: 'environment', file: null };
  const file = path.join(options.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) return null;
  return { master: parseMaster(fs.readFileSync(file, 'utf8'), file), source: 'file', file };
}

export type LoadedKeyring = { keyring: Keyring; source: DataKeySource; generatedFile: string | null };

/** The configured key, or the one in the data directory, made there on first use. */
export function loadKeyring(options: { dataDir: string; dataKey: string | null }): LoadedKeyring {
  const found = findDataKey(options);
  if (found) return { keyring: keyringFromMaster(found.master), source: found.source, generatedFile: null };
  const file = path.join(options.dataDir, KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const master = randomBytes(32);
  fs.writeFileSync(file, `${master.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { keyring: keyringFromMaster(master), source: 'file', generatedFile: file };
}

let installed: Keyring | null = null;

/** Makes the keyring the process's one; set at start-up (server, CLI, worker, tests). */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function keyring(): Keyring {
  if (!installed) throw new Error('No data key is installed; start-up must call installKeyring first');
  return installed;
}
