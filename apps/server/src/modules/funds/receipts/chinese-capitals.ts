/**
 * Amounts in Chinese financial capitals (中文大写金额), as written on receipts and cheques.
 *
 * Two texts set the rules: 《支付结算办法》(银发〔1997〕393号) 附件一《正确填写票据和结算凭证的基本规定》 for
 * bills and settlement vouchers, and 《会计基础工作规范》(财会字〔1996〕19号, 2019 修订) 第五十二条 for accounting
 * vouchers, which a donation receipt is (a 原始凭证 the organization issues). Where they differ this follows the
 * one that satisfies both:
 *
 * - Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分 and 整 (never 正 here).
 * - 整 after 元 only, nothing after 角 or 分: ¥10,000 → 壹万元整, ¥10,005.50 → 壹万零伍元伍角,
 *   ¥10,005.55 → 壹万零伍元伍角伍分. 支付结算办法 allows leaving 整 out after 角 ("在角之后可以不写整"), and the
 *   funds issue asks for 壹万零伍元伍角; 会计基础工作规范 would write 整 there too, a one-line change.
 * - A zero between digits is written 零, a run of zeros one 零 (¥1,409.50 → 壹仟肆佰零玖元伍角; ¥6,007.14 →
 *   陆仟零柒元壹角肆分); a zero across 万 or 亿 is written too when the part below does not fill its four
 *   places: ¥100,500,000 → 壹亿零伍佰万元整, ¥100,000,005 → 壹亿零伍元整, ¥10,005.50 → 壹万零伍元伍角.
 * - Where both texts leave 零 to the writer (万位 or 元位 zero while 千位 or 角位 is not: ¥1,680.32 →
 *   壹仟陆佰捌拾元[零]叁角贰分; ¥107,000.53 → 壹拾万[零]柒仟元伍角叁分) it is left out: 壹仟陆佰捌拾元叁角贰分,
 *   壹拾万柒仟元伍角叁分. Except where a whole 万 section under 亿 is zero (¥100,005,000 → 壹亿零伍仟元整): said
 *   aloud, 壹亿伍仟 is 1.5 亿, and the 零 leaves no gap to write 万 into.
 * - 角位 zero with 分位 not: 零 after 元 (¥325.04 → 叁佰贰拾伍元零肆分; ¥1.05 → 壹元零伍分).
 * - 壹拾: a 拾 that leads keeps its 壹 (¥10 → 壹拾元整, ¥100,000 → 壹拾万元整), as in the examples of the
 *   基本规定, so that nothing can be written in front of a bare 拾.
 * - Below one yuan no 零元 is written (¥0.05 → 伍分, ¥0.50 → 伍角), as neither text gives one and banks print
 *   none; nothing at all is 零元整.
 *
 * The 人民币 that must come right before the amount is the caller's to print.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const WAN = 10_000;
const YI = 100_000_000;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** 0 < n < 10 000, without leading or trailing 零: 1010 → 壹仟零壹拾, 5 → 伍. */
function section(n: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += digit(d) + (PLACES[place] ?? '');
  }
  return text;
}

/** 0 < n: whole yuan with 万 and 亿; the part below a unit gets a leading 零 when it does not fill the unit. */
function whole(n: number): string {
  if (n >= YI) {
    const low = n % YI;
    const high = whole(Math.floor(n / YI)) + '亿';
    return low === 0 ? high : high + (low < YI / 10 ? '零' : '') + whole(low);
  }
  if (n >= WAN) {
    const low = n % WAN;
    const high = section(Math.floor(n / WAN)) + '万';
    return low === 0 ? high : high + (low < WAN / 10 ? '零' : '') + section(low);
  }
  return section(n);
}

/** 1000550 → 壹万零伍元伍角. Throws a RangeError unless `fen` is a non-negative safe integer. */
export function fenToChineseCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`An amount in capitals needs a non-negative whole number of fen, not ${String(fen)}`);
  }
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let text = yuan > 0 ? whole(yuan) + '元' : '';
  if (jiao === 0 && fenDigit === 0) return text + '整';
  if (jiao > 0) text += digit(jiao) + '角';
  else if (yuan > 0) text += '零';
  return fenDigit > 0 ? text + digit(fenDigit) + '分' : text;
}
