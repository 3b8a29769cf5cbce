import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits; only its SHA-256 is stored, so a copy of the database holds no usable session. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
