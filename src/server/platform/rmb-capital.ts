/**
 * Amounts in Chinese capital numerals (大写金额) and in figures, as official documents and vouchers
 * write them. The rules are those of 《支付结算办法》's 正确填写票据和结算凭证的基本规定 (中国人民银行):
 * - 「人民币」 first; digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿;
 * - an amount that ends at 元 (or 角) closes with 「整」; one that has 分 does not;
 * - zeros inside the figure are written as one 「零」 (1,005 → 壹仟零伍元; 100,010,000 → 壹亿零壹万元);
 * - 角 is 0 and 分 is not: 「零」 after 元 (10.05 → 壹拾元零伍分);
 * - a leading 拾 keeps its 壹 (10 → 壹拾元), so nothing can be written in front of it.
 * Money is integer fen: no floating point anywhere.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** Within a group of four digits, from the thousands down. */
const PLACES = ['仟', '佰', '拾', ''] as const;
/** Whole and non-negative (any safe integer of fen, about 9 × 10^13 yuan, is written). */
const assertWhole = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a whole, non-negative amount is required, got ${n}`);
};

/** One group of up to four digits (1–9999), its inner zeros as one 零; no leading zero. */
function groupText(n: number): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + PLACES[i];
  });
  return out;
}

/** Below 10^8: the 万 group, then the units group, 「零」 when the units group does not fill its four places. */
function below100Million(n: number): string {
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let out = high > 0 ? `${groupText(high)}万` : '';
  if (low > 0) out += (out !== '' && low < 1000 ? '零' : '') + groupText(low);
  return out;
}

/** Whole yuan in capitals without 元: 0 → '', 10 → 壹拾, 100,000,000 → 壹亿, 10^12 → 壹万亿. */
export function yuanCapital(yuan: number): string {
  assertWhole(yuan);
  if (yuan < 100_000_000) return below100Million(yuan);
  const high = Math.floor(yuan / 100_000_000);
  const low = yuan % 100_000_000;
  // 壹亿零壹万: what follows 亿 reads 「零」 when it does not start at the ten-millions.
  return `${yuanCapital(high)}亿${low === 0 ? '' : (low < 10_000_000 ? '零' : '') + below100Million(low)}`;
}

/** 人民币叁万贰仟元整 for 3,200,000 fen; 人民币壹拾元零伍分 for 1,005; 人民币零元整 for 0. */
export function rmbCapital(fen: number): string {
  assertWhole(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (fen === 0) return '人民币零元整';
  let out = yuan > 0 ? `${yuanCapital(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `人民币${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  out += fenDigit > 0 ? `${DIGITS[fenDigit]}分` : '整';
  return `人民币${out}`;
}

/** The figure as documents print it: 32,000.00 (thousands grouped, two decimals). */
export function yuanFigures(fen: number): string {
  assertWhole(fen);
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** 「人民币32,000.00元（大写：人民币叁万贰仟元整）」: the figure and the capitals together, as an order states an amount. */
export const amountInWords = (fen: number) => `人民币${yuanFigures(fen)}元（大写：${rmbCapital(fen)}）`;
