import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToChineseCapitals } from './chinese-capitals.js';

const DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const PLACE: Readonly<Record<string, number>> = { 拾: 10, 佰: 100, 仟: 1000 };

/**
 * Capitals back to fen, written independently of the formatter: digits wait for their unit, 万 scales what was
 * read since the last 亿, 亿 scales everything read so far. Anything it does not expect throws.
 */
function parseCapitals(text: string): number {
  let total = 0; // whole 亿 read so far, already scaled
  let section = 0; // below the last 亿
  let digit: number | null = null;
  let yuan = 0;
  let jiao = 0;
  let fen = 0;
  let stage: 'yuan' | 'jiao' | 'fen' | 'done' = 'yuan';
  for (const ch of text) {
    if (stage === 'done') throw new Error(`text after 整 in ${text}`);
    const d = DIGIT[ch];
    const place = PLACE[ch];
    if (d !== undefined) {
      if (d !== 0) {
        if (digit !== null) throw new Error(`two digits in a row in ${text}`);
        digit = d;
      }
    } else if (place !== undefined) {
      if (digit === null) throw new Error(`${ch} without a digit in ${text}`);
      section += digit * place;
      digit = null;
    } else if (ch === '万') {
      section = (section + (digit ?? 0)) * 10_000;
      digit = null;
    } else if (ch === '亿') {
      total = (total + section + (digit ?? 0)) * 100_000_000;
      section = 0;
      digit = null;
    } else if (ch === '元') {
      yuan = total + section + (digit ?? 0);
      digit = null;
      stage = 'jiao';
    } else if (ch === '角') {
      if (digit === null) throw new Error(`角 without a digit in ${text}`);
      jiao = digit;
      digit = null;
      stage = 'fen';
    } else if (ch === '分') {
      if (digit === null) throw new Error(`分 without a digit in ${text}`);
      fen = digit;
      digit = null;
      stage = 'done';
    } else if (ch === '整') {
      stage = 'done';
    } else {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
  }
  if (digit !== null) throw new Error(`a digit without a unit at the end of ${text}`);
  return yuan * 100 + jiao * 10 + fen;
}

describe('fenToChineseCapitals', () => {
  it.each([
    // the examples of the issue: 整 after 元 only (《支付结算办法》: 角之后可以不写整)
    [1_000_550, '壹万零伍元伍角'],
    [1_000_000, '壹万元整'],
    [5, '伍分'],
    // below one yuan: no 零元
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [50, '伍角'],
    [55, '伍角伍分'],
    // 角 and 分
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [110, '壹元壹角'],
    [111, '壹元壹角壹分'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    // 元位 zero before 角: 零 left out, where the rules allow it
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [160_050, '壹仟陆佰元伍角'],
    // 拾 keeps its 壹
    [1_000, '壹拾元整'],
    [1_005, '壹拾元零伍分'],
    [1_500, '壹拾伍元整'],
    [11_000, '壹佰壹拾元整'],
    [10_000_000, '壹拾万元整'],
    [11_000_000, '壹拾壹万元整'],
    // zeros inside a section
    [10_100, '壹佰零壹元整'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [600_714, '陆仟零柒元壹角肆分'],
    [101_000, '壹仟零壹拾元整'],
    [100_100, '壹仟零壹元整'],
    // zeros across 万
    [1_050_000, '壹万零伍佰元整'],
    [1_500_000, '壹万伍仟元整'],
    [10_050_000, '壹拾万零伍佰元整'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [100_005_000, '壹佰万零伍拾元整'],
    [100_100_000, '壹佰万壹仟元整'],
    [1_000_500_000, '壹仟万伍仟元整'],
    [1_001_000_000, '壹仟零壹万元整'],
    [1_000_000_001, '壹仟万元零壹分'],
    // 亿 and zeros across it
    [10_000_000_000, '壹亿元整'],
    [10_500_000_000, '壹亿零伍佰万元整'],
    [10_050_000_000, '壹亿零伍拾万元整'],
    [10_000_000_500, '壹亿零伍元整'],
    [10_000_500_000, '壹亿零伍仟元整'],
    [10_100_000_000, '壹亿零壹佰万元整'],
    [11_000_000_000, '壹亿壹仟万元整'],
    [12_345_678_910, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角'],
    [100_000_000_000, '壹拾亿元整'],
    [1_000_000_000_000, '壹佰亿元整'],
    [10_001_000_000_000, '壹仟亿壹仟万元整'],
    // 万亿
    [100_000_000_000_000, '壹万亿元整'],
    [100_000_000_000_500, '壹万亿零伍元整'],
    [100_000_005_000_000, '壹万亿零伍万元整'],
    [100_050_000_000_000, '壹万零伍亿元整'],
    [123_456_789_012_345, '壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分'],
    [1_000_000_000_000_000, '壹拾万亿元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%d fen → %s', (fen, capitals) => {
    expect(fenToChineseCapitals(fen)).toBe(capitals);
    expect(parseCapitals(capitals)).toBe(fen);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses %d with a RangeError',
    (fen) => {
      expect(() => fenToChineseCapitals(fen)).toThrow(RangeError);
    },
  );

  const amounts = fc.oneof(
    fc.nat({ max: 1_000_000 }),
    fc.nat({ max: 100_000_000_000 }),
    fc.maxSafeNat(),
    // zero-heavy amounts: a few non-zero digits at random places
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 })), { maxLength: 4 })
      .map((digits) =>
        Math.min(
          Number.MAX_SAFE_INTEGER,
          digits.reduce((sum, [place, d]) => sum + d * 10 ** place, 0),
        ),
      ),
  );

  it('reads back as the amount it was made from', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        expect(parseCapitals(fenToChineseCapitals(fen))).toBe(fen);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps to the written forms: one 零 at a time, none before a unit, 壹拾, 整 only after 元', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const text = fenToChineseCapitals(fen);
        expect(text).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        if (fen > 0) expect(text).not.toMatch(/零零|零[拾佰仟万亿元角分整]|^零|(?<![壹贰叁肆伍陆柒捌玖])拾/);
        expect(text.endsWith('整')).toBe(fen % 100 === 0);
        expect(text.endsWith('分')).toBe(fen % 10 !== 0);
      }),
      { numRuns: 2_000 },
    );
  });
});
