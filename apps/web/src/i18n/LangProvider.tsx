import type { Lang } from '@tongxin/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import { setRequestLang } from '../api/client';
import { translator, type Translate } from './catalogs';
import { readLangCookie, writeLangCookie } from './lang-cookie';

export type LangContextValue = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };

export const LangContext = createContext<LangContextValue | null>(null);

function apply(lang: Lang): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  setRequestLang(lang);
}

/** The reader's language: the tongxin_lang cookie (shared with the server), Chinese by default. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = readLangCookie();
    apply(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    writeLangCookie(next);
    apply(next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}
