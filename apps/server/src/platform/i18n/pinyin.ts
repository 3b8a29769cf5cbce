import { pinyin } from 'pinyin-pro';

/** Search keys are lower-case ASCII; `ü` is stored as `v`, the way pinyin keyboards type it. */
export function foldPinyin(text: string): string {
  return text
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

/** Full pinyin and initials without tones or spaces (呼和浩特市 → huhehaoteshi, hhhts), for search. */
export function pinyinKeys(text: string): { pinyin: string; initials: string } {
  return {
    pinyin: foldPinyin(pinyin(text, { toneType: 'none', type: 'array' }).join('')),
    initials: foldPinyin(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('')),
  };
}
