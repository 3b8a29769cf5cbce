import type { TInspectionRating } from '@tongxin/contracts';

export const RATING_COLORS: Readonly<Record<TInspectionRating, string>> = {
  excellent: 'green',
  good: 'blue',
  fair: 'gold',
  poor: 'red',
};
