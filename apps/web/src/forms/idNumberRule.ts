import { checkIdNumber, normalizeIdNumber, VALIDATION_MESSAGES, type TGender } from '@tongxin/contracts';
import type { FormRule } from 'antd';
import { useCallback } from 'react';
import { useLang } from '../i18n/useT';
import { beijingToday } from '../lib/dates';
import { isBlank } from './useZodRule';

/**
 * An antd Form rule for a resident ID number: the same check and the same words as the server
 * (contracts' checkIdNumber and the idNumber.* messages), including the gender digit when the form has
 * a gender field. Blank passes unless `requiredMessage` is given.
 */
/** A form field's name: `gender`, or a path such as `['head', 'gender']`. */
type FieldName = string | readonly string[];

export function useIdNumberRule(): (genderField: FieldName | null, requiredMessage?: string) => FormRule {
  const { lang } = useLang();
  return useCallback(
    (genderField, requiredMessage) =>
      ({ getFieldValue }) => ({
        validator: (_rule, value: unknown) => {
          if (isBlank(value)) {
            return requiredMessage ? Promise.reject(new Error(requiredMessage)) : Promise.resolve();
          }
          const gender = genderField
            ? (getFieldValue(typeof genderField === 'string' ? genderField : [...genderField]) as TGender | undefined)
            : undefined;
          const problem = checkIdNumber(normalizeIdNumber(String(value)), { today: beijingToday(), gender });
          return problem
            ? Promise.reject(new Error(VALIDATION_MESSAGES[`idNumber.${problem}`][lang]))
            : Promise.resolve();
        },
      }),
    [lang],
  );
}
