import type { z } from 'zod';
import { interpolate, type Lang, type Localized } from '../i18n.js';

/**
 * Messages for the rules our schemas add with `refine`. A refinement's `message` is one of these keys;
 * the server and the web translate it into the reader's language.
 */
export const VALIDATION_MESSAGES = {
  'creditCode.length': {
    'zh-CN': '统一社会信用代码应为 18 位，请核对营业执照或登记证书',
    en: 'A unified social credit code has 18 characters; check the registration certificate',
  },
  'creditCode.characters': {
    'zh-CN': '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z，第 3–8 位为行政区划代码）',
    en: 'The credit code has characters that are not allowed (no I, O, S, V, Z; characters 3–8 are a region code)',
  },
  'creditCode.checkCharacter': {
    'zh-CN': '统一社会信用代码校验位不正确，请核对是否抄错',
    en: 'The last character of the credit code does not match its check; look for a typing mistake',
  },
  'regionCode.format': {
    'zh-CN': '行政区划代码应为 6 位（省、市、县）或 12 位（乡镇、村）数字',
    en: 'A region code has 6 digits (province, prefecture, county) or 12 digits (township, village)',
  },
  'date.format': {
    'zh-CN': '日期格式应为 YYYY-MM-DD，且须为真实日期',
    en: 'Use a real date in the form YYYY-MM-DD',
  },
  'password.weak': {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字',
    en: 'A password needs at least 8 characters with both letters and digits',
  },
  'username.format': {
    'zh-CN': '用户名为 3–32 位小写字母、数字、点、横线或下划线，以字母开头',
    en: 'A username has 3–32 lower-case letters, digits, dots, dashes or underscores and starts with a letter',
  },
  'idNumber.length': {
    'zh-CN': '身份证号应为 18 位',
    en: 'An ID number has 18 characters',
  },
  'idNumber.characters': {
    'zh-CN': '身份证号前 17 位应为数字，最后一位为数字或 X',
    en: 'An ID number is 17 digits followed by a digit or X',
  },
  'idNumber.birthDate': {
    'zh-CN': '身份证号中的出生日期（第 7–14 位）不是真实日期',
    en: 'The birth date in the ID number (digits 7–14) is not a real date',
  },
  'idNumber.futureBirthDate': {
    'zh-CN': '身份证号中的出生日期晚于今天，请核对',
    en: 'The birth date in the ID number is after today; check it',
  },
  'idNumber.checkDigit': {
    'zh-CN': '身份证号校验位不正确，请核对是否抄错',
    en: 'The check digit of the ID number does not match; look for a typing mistake',
  },
  'idNumber.gender': {
    'zh-CN': '身份证号第 17 位与性别不符（奇数为男，偶数为女）',
    en: 'Digit 17 of the ID number does not match the gender (odd for men, even for women)',
  },
  'money.format': {
    'zh-CN': '金额应为不超过两位小数的数字，单位为元',
    en: 'Give an amount in yuan with at most two decimals',
  },
  'amount.positive': {
    'zh-CN': '金额须大于零',
    en: 'The amount must be more than zero',
  },
  'field.required': {
    'zh-CN': '此项必填',
    en: 'This field is required',
  },
  'dateRange.order': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
} as const satisfies Record<string, Localized>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, value);
}

const KIND_NAMES: Record<string, Localized> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是/否', en: 'yes or no' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

const GENERIC: Record<string, Localized> = {
  required: { 'zh-CN': '此项必填', en: 'This field is required' },
  type: { 'zh-CN': '应为{kind}', en: 'Expected {kind}' },
  minChars: { 'zh-CN': '至少 {n} 个字符', en: 'At least {n} characters' },
  maxChars: { 'zh-CN': '最多 {n} 个字符', en: 'At most {n} characters' },
  minNumber: { 'zh-CN': '不能小于 {n}', en: 'Must be at least {n}' },
  maxNumber: { 'zh-CN': '不能大于 {n}', en: 'Must be at most {n}' },
  minItems: { 'zh-CN': '至少选择 {n} 项', en: 'Choose at least {n}' },
  maxItems: { 'zh-CN': '最多选择 {n} 项', en: 'Choose at most {n}' },
  format: { 'zh-CN': '格式不正确', en: 'The format is not valid' },
  choice: { 'zh-CN': '请从以下选项中选择：{values}', en: 'Choose one of: {values}' },
  unknownKeys: { 'zh-CN': '包含无法识别的字段：{keys}', en: 'Unrecognized fields: {keys}' },
  invalid: { 'zh-CN': '输入无效', en: 'The value is not valid' },
};

type Issue = z.core.$ZodIssue & { input?: unknown };

function say(key: keyof typeof GENERIC, lang: Lang, params?: Record<string, unknown>): string {
  const entry = GENERIC[key] ?? GENERIC.invalid;
  return interpolate(entry ? entry[lang] : '', params);
}

/** A message a person can act on, for one zod issue, in the reader's language. */
export function issueMessage(issue: Issue, lang: Lang): string {
  switch (issue.code) {
    case 'custom':
      return isValidationMessageKey(issue.message) ? VALIDATION_MESSAGES[issue.message][lang] : say('invalid', lang);
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return say('required', lang);
      const kind = KIND_NAMES[issue.expected];
      return kind ? say('type', lang, { kind: kind[lang] }) : say('invalid', lang);
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? say('required', lang) : say('minChars', lang, { n });
      if (issue.origin === 'array' || issue.origin === 'set') return say('minItems', lang, { n });
      return say('minNumber', lang, { n });
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return say('maxChars', lang, { n });
      if (issue.origin === 'array' || issue.origin === 'set') return say('maxItems', lang, { n });
      return say('maxNumber', lang, { n });
    }
    case 'invalid_value':
      if (issue.input === undefined) return say('required', lang);
      return say('choice', lang, { values: issue.values.map(String).join(lang === 'en' ? ', ' : '、') });
    case 'unrecognized_keys':
      return say('unknownKeys', lang, { keys: issue.keys.join(', ') });
    case 'invalid_format':
      return isValidationMessageKey(issue.message) ? VALIDATION_MESSAGES[issue.message][lang] : say('format', lang);
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
      return say('invalid', lang);
  }
}
