import {
  birthDateOfIdNumber,
  checkIdNumber,
  genderOfIdNumber,
  normalizeIdNumber,
  VALIDATION_MESSAGES,
  type IdNumberProblem,
  type TGender,
} from '@tongxin/contracts';
import { keyring } from '../../platform/crypto/index.js';
import { fieldProblem, type FieldProblem } from '../../platform/errors/index.js';
import { maskIdNumber } from '../../platform/privacy/mask.js';
import { beijingDate } from '../../platform/time.js';

export type SealedIdNumber = {
  cipher: string;
  hash: string;
  masked: string;
  birthDate: string;
  gender: TGender;
};

export type IdNumberCheck = { ok: true; normalized: string } | { ok: false; problem: IdNumberProblem };

/** Normalizes (full-width digits, lower-case x, spaces) and checks a number against GB 11643 and the gender. */
export function checkPersonIdNumber(raw: string, gender: TGender | null, today = beijingDate()): IdNumberCheck {
  const normalized = normalizeIdNumber(raw);
  const problem = checkIdNumber(normalized, { today, gender });
  return problem ? { ok: false, problem } : { ok: true, normalized };
}

export function idNumberProblem(path: string, problem: IdNumberProblem): FieldProblem {
  return fieldProblem(path, VALIDATION_MESSAGES[`idNumber.${problem}`]);
}

/** The keyed hash an exact-match search uses, or null for a number that cannot be valid. */
export function idNumberLookupHash(raw: string): string | null {
  const normalized = normalizeIdNumber(raw);
  return normalized.length === 18 ? keyring().lookupHash(normalized) : null;
}

/**
 * What is stored of an ID number: the ciphertext, the keyed hash, the masked form, and what it implies.
 * An import that computed the hash while checking passes it in rather than computing it twice.
 */
export function sealIdNumber(normalized: string, hash?: string): SealedIdNumber {
  const ring = keyring();
  return {
    cipher: ring.encrypt(normalized),
    hash: hash ?? ring.lookupHash(normalized),
    masked: maskIdNumber(normalized),
    birthDate: birthDateOfIdNumber(normalized),
    gender: genderOfIdNumber(normalized),
  };
}
