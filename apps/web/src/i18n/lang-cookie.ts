import { DEFAULT_LANG, pickLang, type Lang } from '@tongxin/contracts';

/** The server reads this cookie to answer in the reader's language. */
export const LANG_COOKIE = 'tongxin_lang';

export function readLangCookie(): Lang {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${LANG_COOKIE}=`));
  return pickLang(match ? decodeURIComponent(match.slice(LANG_COOKIE.length + 1)) : null) ?? DEFAULT_LANG;
}

export function writeLangCookie(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${encodeURIComponent(lang)}; path=/; max-age=31536000; samesite=lax`;
}
