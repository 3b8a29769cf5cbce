import type { Localized } from '@tongxin/contracts';
import { useCallback } from 'react';
import { useLang } from './useT';

export type LabelOf = <K extends string>(labels: Readonly<Record<K, Localized>>, value: K) => string;

/** Names of coded values (types, levels, roles…) from contracts' labels.ts, in the current language. */
export function useLabel(): LabelOf {
  const { lang } = useLang();
  return useCallback(
    <K extends string>(labels: Readonly<Record<K, Localized>>, value: K) => labels[value]?.[lang] ?? value,
    [lang],
  );
}

/** Options for a Select over every value of a label table. */
export function useLabelOptions() {
  const { lang } = useLang();
  return useCallback(
    <K extends string>(labels: Readonly<Record<K, Localized>>, values: readonly K[]) =>
      values.map((value) => ({ value, label: labels[value][lang] })),
    [lang],
  );
}
