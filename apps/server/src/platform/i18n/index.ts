export { foldPinyin, pinyinKeys } from './pinyin.js';
