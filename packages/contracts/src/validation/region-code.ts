/**
 * Region codes: GB/T 2260 six-digit codes for province, prefecture and county; the twelve-digit
 * statistical codes (统计用区划代码) for township and village.
 */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_CODE_PATTERN = /^(\d{6}|\d{12})$/;

/** Level implied by the shape of a code (000 / 00 tails), as GB/T 2260 lays codes out. */
export function regionLevelOfCode(code: string): RegionLevel | null {
  if (!REGION_CODE_PATTERN.test(code)) return null;
  if (code.length === 12) return code.endsWith('000') ? 'township' : 'village';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/**
 * The prefix every code inside a region starts with: 15 for 150000, 1501 for 150100,
 * 150102 for a county, nine digits for a township, the whole code for a village.
 */
export function regionPrefix(code: string): string {
  switch (regionLevelOfCode(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    case 'county':
      return code;
    case 'township':
      return code.slice(0, 9);
    case 'village':
    case null:
      return code;
  }
}

export function isRegionWithin(code: string, ancestorCode: string): boolean {
  return code.startsWith(regionPrefix(ancestorCode));
}
