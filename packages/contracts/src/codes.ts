import { z } from 'zod';
import type { Localized } from './i18n.js';

/** A closed set of coded values with their names: `labels` for display, `values` and `schema` for checks. */
export function codes<const K extends string>(labels: Readonly<Record<K, Localized>>) {
  const keys = Object.keys(labels) as [K, ...K[]];
  return { labels, values: keys, schema: z.enum(keys) };
}
