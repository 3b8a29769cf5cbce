/**
 * Resident identity card number (居民身份证号码), GB 11643-1999: six-digit region, eight-digit birth date,
 * three-digit sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'futureBirthDate' | 'checkDigit' | 'gender';

/** Full-width digits and a lower-case x, as spreadsheets and Chinese input methods produce them, made plain. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

export function birthDateOfIdNumber(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export function genderOfIdNumber(idNumber: string): 'male' | 'female' {
  return Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * The first problem of a (normalized) number, or null. `today` is the Beijing date the birth date must
 * not be after; `gender`, when known, must match the sequence digit.
 */
export function checkIdNumber(
  idNumber: string,
  options: { today: string; gender?: 'male' | 'female' | null },
): IdNumberProblem | null {
  if (idNumber.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'characters';
  const birth = birthDateOfIdNumber(idNumber);
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth < '1890-01-01') {
    return 'birthDate';
  }
  if (birth > options.today) return 'futureBirthDate';
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber.charAt(17)) return 'checkDigit';
  if (options.gender && genderOfIdNumber(idNumber) !== options.gender) return 'gender';
  return null;
}
