/**
 * Masked forms of personal data (个人信息保护法): what views, public pages and the audit trail show.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明; Latin names keep their first letter. */
export function maskPersonName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return value.trim();
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Keeps the first six characters (province, city, district) and hides the rest. */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.length <= 6 ? '*'.repeat(chars.length) : `${chars.slice(0, 6).join('')}****`;
}

type Masker = (value: string) => string;

const SECRET: Masker = () => '[redacted]';

/** Field names whose values never appear in clear in the audit trail or a log. */
const SENSITIVE_FIELDS: Readonly<Record<string, Masker>> = {
  password: SECRET,
  passwordHash: SECRET,
  temporaryPassword: SECRET,
  idNumber: maskIdNumber,
  phone: maskPhone,
  mobile: maskPhone,
  contactPhone: maskPhone,
  address: maskAddress,
  homeAddress: maskAddress,
};

export function maskField(field: string, value: unknown): unknown {
  const masker = SENSITIVE_FIELDS[field];
  if (!masker || value === null || value === undefined) return value;
  return masker(typeof value === 'string' ? value : JSON.stringify(value));
}
