import type { Bilingual } from './errors';

/** Pure identity-data validators: 居民身份证号 (GB 11643-1999), bank cards (Luhn), mainland mobiles. */
export type Check = { ok: true } | { ok: false; reason: Bilingual };
const OK: Check = { ok: true };
const fail = (zh: string, en: string): Check => ({ ok: false, reason: { zh, en } });

// ---------------------------------------------------------------------------------------------
// 居民身份证号: 6-digit region code, birth date YYYYMMDD, 3-digit sequence (odd = male), check char.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
/** Province-level codes of GB/T 2260 (incl. 71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81,
  82,
]);
const EARLIEST_BIRTH_YEAR = 1900;

/** Trims and upper-cases, so a trailing lower-case x is accepted and stored as X. */
export const normalizeIdNumber = (s: string): string => s.trim().toUpperCase();

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar needs exactly 17 digits');
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * ID_WEIGHTS[i], 0);
  return ID_CHECK_CHARS[sum % 11];
}

/** The birth date as YYYY-MM-DD (not checked; validate the number first). */
export const birthDateFromIdNumber = (id: string): string => {
  const n = normalizeIdNumber(id);
  return `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
};

/** The 17th character, the last digit of the sequence code: odd for men, even for women. */
export const genderFromIdNumber = (id: string): 'male' | 'female' => (Number(normalizeIdNumber(id)[16]) % 2 === 1 ? 'male' : 'female');

/** Business dates are Chinese dates: "today" is today in Asia/Shanghai, whatever the server's zone. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }); // formats as YYYY-MM-DD
const shanghaiDate = (at: Date): string => SHANGHAI_DATE.format(at);

function isRealDate(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

/** `now` is injectable so tests (and replays) do not depend on the wall clock. */
export function validateIdNumber(input: string, now: Date = new Date()): Check {
  const id = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('身份证号应为18位：前17位为数字，最后一位为数字或X', 'An ID number has 18 characters: 17 digits, then a digit or X');
  }
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return fail('身份证号前两位不是有效的省级行政区划代码', 'The first two digits are not a province code');
  const birth = birthDateFromIdNumber(id);
  if (!isRealDate(birth) || Number(birth.slice(0, 4)) < EARLIEST_BIRTH_YEAR || birth > shanghaiDate(now)) {
    return fail('身份证号中的出生日期不正确', 'The birth date in the ID number is not a valid past date');
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return fail('身份证号校验位错误，请核对号码', 'The ID number check character is wrong; check the number');
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Bank cards (银行卡号): 16–19 digits, Luhn check digit last.

/** The Luhn check digit to append to `prefix` (digits only). */
export function luhnCheckDigit(prefix: string): string {
  if (!/^\d+$/.test(prefix)) throw new RangeError('luhnCheckDigit needs digits');
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled, then every second one.
  for (let i = 0; i < prefix.length; i++) {
    const d = Number(prefix[prefix.length - 1 - i]);
    sum += i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Spaces (as printed on cards) are ignored. */
export function validateBankCard(input: string): Check {
  const card = input.replace(/\s/g, '');
  if (!/^\d{16,19}$/.test(card)) return fail('银行卡号应为16至19位数字', 'A bank card number has 16 to 19 digits');
  if (luhnCheckDigit(card.slice(0, -1)) !== card.at(-1)) return fail('银行卡号校验位错误，请核对卡号', 'The bank card check digit is wrong; check the number');
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Mainland mobile numbers: 11 digits, 13x–19x.

export function validateMobilePhone(input: string): Check {
  return /^1[3-9]\d{9}$/.test(input.trim())
    ? OK
    : fail('手机号应为11位数字，以13至19开头', 'A mobile number has 11 digits and starts with 13 to 19');
}
