import { DEFAULT_LANG, pickLang, type Lang } from '@tongxin/contracts';

export const LANG_COOKIE = 'tongxin_lang';

/** The reader's language: the cookie the web app sets, then Accept-Language by quality, then zh-CN. */
export function negotiateLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const fromCookie = pickLang(cookie);
  if (fromCookie) return fromCookie;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      const lang = pickLang(tag);
      if (lang) return lang;
    }
  }
  return DEFAULT_LANG;
}
