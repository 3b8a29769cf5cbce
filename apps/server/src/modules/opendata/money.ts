/**
 * Integer fen as yuan text with two decimals, "-1234.56", by integer division: open data states money the
 * way the ledger holds it, to the fen, with no floating point in between.
 */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an amount in fen: ${String(fen)}`);
  const abs = Math.abs(fen);
  const fraction = abs % 100;
  return `${fen < 0 ? '-' : ''}${(abs - fraction) / 100}.${String(fraction).padStart(2, '0')}`;
}
