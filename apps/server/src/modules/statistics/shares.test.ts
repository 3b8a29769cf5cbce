import { describe, expect, it } from 'vitest';
import { formatShare, periodRanges, sharesInTenths } from '../../platform/figures/index.js';

describe('percentages by the largest remainder', () => {
  it.each([
    { values: [1, 1, 1], shares: [334, 333, 333], why: 'a third each: the one tenth left goes to the first of equals' },
    { values: [18, 380, 5], shares: [45, 943, 12], why: 'seed 001: 4.47 / 94.29 / 1.24 → 4.5 + 94.3 + 1.2' },
    { values: [2, 1, 1], shares: [500, 250, 250], why: 'exact shares stay as they are' },
    { values: [0, 0], shares: [0, 0], why: 'nothing to share gives zeros, not NaN' },
    { values: [0, 7], shares: [0, 1000], why: 'a zero gets nothing' },
    {
      values: [1, 2, 2, 2],
      shares: [143, 286, 286, 285],
      why: 'ties in remainder go to the larger value, then the earlier',
    },
    { values: [9_000_000_000_000, 1], shares: [1000, 0], why: 'fen sums beyond 2^53 / 1000 stay exact' },
  ])('$why', ({ values, shares }) => {
    const result = sharesInTenths(values);
    expect(result).toEqual(shares);
    if (values.some((v) => v > 0)) expect(result.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('writes tenths as a percentage with one decimal', () => {
    expect([formatShare(943), formatShare(5), formatShare(1000)]).toEqual(['94.3%', '0.5%', '100.0%']);
  });
});

describe('a date range read from year and day buckets', () => {
  it('whole years from year rows, the ends from day rows', () => {
    expect(periodRanges('2024-01-01', '2024-12-31')).toEqual([{ grain: 'Y', from: '2024', to: '2024' }]);
    expect(periodRanges('2023-07-01', '2025-03-31')).toEqual([
      { grain: 'D', from: '2023-07-01', to: '2023-12-31' },
      { grain: 'Y', from: '2024', to: '2024' },
      { grain: 'D', from: '2025-01-01', to: '2025-03-31' },
    ]);
    expect(periodRanges(undefined, '2025-06-30')).toEqual([
      { grain: 'Y', from: '0000', to: '2024' },
      { grain: 'D', from: '2025-01-01', to: '2025-06-30' },
    ]);
    expect(periodRanges('2025-02-01', '2025-02-28')).toEqual([{ grain: 'D', from: '2025-02-01', to: '2025-02-28' }]);
    expect(periodRanges('2025-03-01', '2025-02-28')).toEqual([]);
  });
});
