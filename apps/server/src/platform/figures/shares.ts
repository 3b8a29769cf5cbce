/**
 * Percentages to one decimal that add up to exactly 100.0 — the largest-remainder (Hamilton) method on
 * tenths of a percent: every share is first rounded down, then the tenths still missing go one each to
 * the shares that lost the most by rounding down; ties go to the larger value, then to the earlier one.
 * Returns tenths of a percent as integers; BigInt inside because sums of fen times 1000 pass 2^53.
 * All zeros (or nothing) give all zeros.
 */
export function sharesInTenths(values: readonly number[]): number[] {
  const big = values.map((value) => BigInt(Math.max(0, value)));
  const total = big.reduce((sum, value) => sum + value, 0n);
  if (total === 0n) return values.map(() => 0);
  const floors = big.map((value) => (value * 1000n) / total);
  const remainders = big.map((value, index) => value * 1000n - (floors[index] ?? 0n) * total);
  let missing = 1000n - floors.reduce((sum, value) => sum + value, 0n);
  const compare = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);
  const order = big
    .map((_, index) => index)
    .sort((a, b) => compare(remainders[a] ?? 0n, remainders[b] ?? 0n) || compare(big[a] ?? 0n, big[b] ?? 0n) || a - b);
  const result = floors.map(Number);
  for (const index of order) {
    if (missing <= 0n) break;
    result[index] = (result[index] ?? 0) + 1;
    missing -= 1n;
  }
  return result;
}

/** "12.5%" from tenths of a percent. */
export function formatShare(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
