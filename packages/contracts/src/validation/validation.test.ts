import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCalendarDate } from '../common.js';
import { ZCreditCode, ZRegionCode } from '../organizations.js';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code.js';
import { issueMessage } from './messages.js';
import { isRegionWithin, regionLevelOfCode, regionPrefix } from './region-code.js';

describe('unified social credit code (GB 32100)', () => {
  it('accepts the standard’s example and real codes', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91110000802100433B')).toBeNull();
  });

  it('says what is wrong: length, characters, or the check character', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('length');
    expect(checkCreditCode('91350100M000100I43')).toBe('characters');
    expect(checkCreditCode('9135A100M000100Y43')).toBe('characters');
    expect(checkCreditCode('91350100M000100Y44')).toBe('checkCharacter');
  });

  it('catches every single-character typing mistake', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'0123456789'), { minLength: 15, maxLength: 15 }),
        fc.nat({ max: 16 }),
        fc.constantFrom(...alphabet),
        (digits, position, replacement) => {
          const first17 = `91${digits.join('')}`;
          const code = `${first17}${creditCodeCheckCharacter(first17)}`;
          expect(checkCreditCode(code)).toBeNull();
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          fc.pre(typo !== code);
          expect(checkCreditCode(typo)).not.toBeNull();
        },
      ),
    );
  });

  it('normalises case and spaces before checking', () => {
    expect(ZCreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});

describe('region codes', () => {
  it('knows the level from the shape of the code', () => {
    expect(regionLevelOfCode('150000')).toBe('province');
    expect(regionLevelOfCode('150800')).toBe('prefecture');
    expect(regionLevelOfCode('150822')).toBe('county');
    expect(regionLevelOfCode('150822100000')).toBe('township');
    expect(regionLevelOfCode('150822100201')).toBe('village');
    expect(regionLevelOfCode('15082')).toBeNull();
  });

  it('tells what lies within what', () => {
    expect(regionPrefix('150000')).toBe('15');
    expect(isRegionWithin('150822100201', '150800')).toBe(true);
    expect(isRegionWithin('150822', '150900')).toBe(false);
    expect(isRegionWithin('150822100201', '150822100000')).toBe(true);
    expect(isRegionWithin('150822101201', '150822100000')).toBe(false);
  });

  it('validates the format with a message key', () => {
    const result = ZRegionCode.safeParse('1508');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('regionCode.format');
  });
});

describe('business dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});

describe('validation messages', () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    return result.success ? [] : result.error.issues;
  };

  it('speaks plainly in both languages', () => {
    const schema = z.object({ name: z.string().min(2).max(5), kind: z.enum(['a', 'b']), count: z.number().max(3) });
    const issues = issuesOf(schema, { name: 'x', kind: 'c', count: 9 });
    expect(issues.map((i) => issueMessage(i, 'zh-CN'))).toEqual([
      '至少 2 个字符',
      '请从以下选项中选择：a、b',
      '不能大于 3',
    ]);
    expect(issues.map((i) => issueMessage(i, 'en'))).toEqual([
      'At least 2 characters',
      'Choose one of: a, b',
      'Must be at most 3',
    ]);
    const missing = issuesOf(schema, {});
    expect(new Set(missing.map((i) => issueMessage(i, 'zh-CN')))).toEqual(new Set(['此项必填']));
  });

  it('translates the keys of our own rules', () => {
    const [issue] = issuesOf(ZCreditCode, '91350100M000100Y44');
    expect(issue && issueMessage(issue, 'zh-CN')).toBe('统一社会信用代码校验位不正确，请核对是否抄错');
    expect(issue && issueMessage(issue, 'en')).toContain('check');
  });
});
