import type { TMeasureInfo } from '@tongxin/contracts';
import { formatYuan } from '../../../lib/money';

/** A figure as read: money in fen as ¥1,234.50, counts with thousands separators. */
export function formatFigure(value: number, unit: TMeasureInfo['unit']): string {
  return unit === 'fen' ? (formatYuan(value) ?? '') : value.toLocaleString('zh-CN');
}

/** A share in tenths of a percent (the server's largest-remainder rounding) as 12.5%. */
export function formatShare(tenths: number): string {
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The change from the year before, to one decimal; null when there was nothing to compare with. */
export function formatChange(current: number, previous: number): string | null {
  if (previous === 0) return null;
  const percent = ((current - previous) / Math.abs(previous)) * 100;
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
