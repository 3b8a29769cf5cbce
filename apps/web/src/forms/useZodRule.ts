import { issueMessage } from '@tongxin/contracts';
import type { FormRule } from 'antd';
import { useCallback } from 'react';
import type { z } from 'zod';
import { useLang } from '../i18n/useT';

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * An antd Form rule that checks a field with the same zod schema the server uses, and says what is wrong in
 * the reader's language (contracts' issueMessage). Blank values pass unless `required`.
 */
export function useZodRule(): (schema: z.ZodType, options?: { required?: boolean }) => FormRule {
  const { lang } = useLang();
  return useCallback(
    (schema, options = {}) => ({
      validator: (_rule, value: unknown) => {
        if (isBlank(value) && !options.required) return Promise.resolve();
        const result = schema.safeParse(isBlank(value) ? undefined : value);
        if (result.success) return Promise.resolve();
        const issue = result.error.issues[0];
        return Promise.reject(new Error(issue ? issueMessage(issue, lang) : ''));
      },
    }),
    [lang],
  );
}
