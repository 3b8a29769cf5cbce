/**
 * Money is integer fen (分) everywhere; yuan appear only at the edges, as text. Parsing never goes
 * through floating point: "1,234.5" is read digit by digit into 123450.
 */
const YUAN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

export function parseYuanToFen(text: string): number | null {
  const match = YUAN.exec(
    text
      .trim()
      .replace(/[,，\s]/g, '')
      .replace(/^[¥￥]/, ''),
  );
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return minus ? -fen : fen;
}

/** 123450 → "1,234.50" */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
