import { formatFen, parseYuanToFen, VALIDATION_MESSAGES } from '@tongxin/contracts';
import type { FormRule } from 'antd';
import { useCallback } from 'react';
import { useLang } from '../i18n/useT';

/** The most fen an amount field accepts (contracts' ZFen). */
const MAX_FEN = 1e13;

/** 1052800 → ¥10,528.00; null for no amount. */
export function formatYuan(fen: number | null | undefined): string | null {
  return fen === null || fen === undefined ? null : `¥${formatFen(fen)}`;
}

/** 1052800 → "10528.00", for an input box that takes yuan. */
export function fenToYuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;
}

/** What a yuan box holds, as fen: null when blank. Call after the rule passed. */
export function yuanTextToFen(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return parseYuanToFen(text);
}

/**
 * A form rule for an amount in yuan with at most two decimals, never negative (contracts' money.format);
 * `positive`: more than zero too (amount.positive), for what is given, moved or paid.
 */
export function useYuanRule(): (options?: { positive?: boolean }) => FormRule {
  const { lang } = useLang();
  return useCallback(
    (options = {}) => ({
      validator: (_rule, value: unknown) => {
        if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
          return Promise.resolve();
        }
        const fen = typeof value === 'string' ? parseYuanToFen(value) : null;
        if (fen === null || fen < 0 || fen > MAX_FEN) {
          return Promise.reject(new Error(VALIDATION_MESSAGES['money.format'][lang]));
        }
        return options.positive && fen === 0
          ? Promise.reject(new Error(VALIDATION_MESSAGES['amount.positive'][lang]))
          : Promise.resolve();
      },
    }),
    [lang],
  );
}
