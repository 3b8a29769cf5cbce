import { randomInt } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/** argon2id with the OWASP minimum (19 MiB, 2 passes): about 30 ms here, so logins stay quick. */
const OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }; // algorithm: argon2id is the default

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | null = null;

/** Spends the time of a real check, so that an unknown username answers as slowly as a wrong password. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-for-timing-1');
  await verifyPassword(await decoyHash, password);
  return false;
}

/** No 0/O, 1/l/I: temporary passwords are read aloud and typed from paper. */
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function generateTemporaryPassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS.charAt(randomInt(LETTERS.length)), DIGITS.charAt(randomInt(DIGITS.length))];
  while (chars.length < length) chars.push(all.charAt(randomInt(all.length)));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
