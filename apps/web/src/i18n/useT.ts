import { useContext } from 'react';
import { LangContext, type LangContextValue } from './LangProvider';
import type { Translate } from './catalogs';

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}

/** `t('org.create.success', { name })`: a string of the current language. */
export function useT(): Translate {
  return useLang().t;
}
