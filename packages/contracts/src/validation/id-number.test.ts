import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, normalizeIdNumber } from './id-number.js';

const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const today = '2026-11-29';

describe('ID numbers (GB 11643)', () => {
  const valid = withCheck('15082219850317001'); // born 1985-03-17, sequence 001 (odd: male)

  it('accepts a valid number, with X as the check character too', () => {
    expect(checkIdNumber(valid, { today, gender: 'male' })).toBeNull();
    expect(checkIdNumber('11010519491231002X', { today, gender: 'female' })).toBeNull();
  });

  it('refuses a wrong check digit', () => {
    const wrong = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    expect(checkIdNumber(wrong, { today })).toBe('checkDigit');
  });

  it('refuses an impossible birth date', () => {
    expect(checkIdNumber(withCheck('15082219850230001'), { today })).toBe('birthDate');
    expect(checkIdNumber(withCheck('15082218500101001'), { today })).toBe('birthDate');
  });

  it('refuses a birth date after today', () => {
    expect(checkIdNumber(withCheck('15082220270101001'), { today })).toBe('futureBirthDate');
  });

  it('refuses a gender that the sequence digit contradicts', () => {
    expect(checkIdNumber(valid, { today, gender: 'female' })).toBe('gender');
  });

  it('refuses a wrong length and letters other than a final X', () => {
    expect(checkIdNumber(valid.slice(0, 15), { today })).toBe('length');
    expect(checkIdNumber(`${valid.slice(0, 16)}A${valid.charAt(17)}`, { today })).toBe('characters');
  });

  it('reads full-width digits and a lower-case x as the plain ones', () => {
    const fullWidth = valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(normalizeIdNumber(fullWidth)).toBe(valid);
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber(fullWidth, { today })).toBe('characters');
    expect(checkIdNumber(normalizeIdNumber(fullWidth), { today, gender: 'male' })).toBeNull();
  });
});
