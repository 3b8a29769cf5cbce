import { interpolate, type Lang } from '@tongxin/contracts';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, unknown>>) => string;

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) => interpolate(catalog[key], params);
}
