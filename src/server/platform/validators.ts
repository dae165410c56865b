import type { Bilingual } from './errors';

/** Pure identity-data validators: 居民身份证号 (GB 11643), bank cards (Luhn), mainland mobiles. */
export type Check = { ok: true } | { ok: false; reason: Bilingual };
const fail = (zh: string, en: string): Check => ({ ok: false, reason: { zh, en } });
const OK: Check = { ok: true };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

export const normalizeIdNumber = (s: string) => s.trim().toUpperCase();

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * ID_WEIGHTS[i], 0);
  return ID_CHECK[sum % 11];
}

export function birthDateFromIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export const genderFromIdNumber = (id: string): 'male' | 'female' => (Number(id[16]) % 2 === 1 ? 'male' : 'female');

export function validateIdNumber(input: string, today = new Date()): Check {
  const id = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) return fail('身份证号应为18位，最后一位可为数字或X', 'An ID number has 18 characters: 17 digits and a digit or X');
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return fail('身份证号的地区码不正确', 'The region part of the ID number is wrong');
  const birth = birthDateFromIdNumber(id);
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || date.getUTCFullYear() < 1900 || date > today) {
    return fail('身份证号中的出生日期不正确', 'The birth date in the ID number is wrong');
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return fail('身份证号校验位不正确', 'The ID number check character is wrong');
  return OK;
}

export function luhnCheckDigit(prefix: string): string {
  let sum = 0;
  for (let i = 0; i < prefix.length; i++) {
    let d = Number(prefix[prefix.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function validateBankCard(input: string): Check {
  const card = input.replace(/\s/g, '');
  if (!/^\d{16,19}$/.test(card)) return fail('银行卡号应为16至19位数字', 'A bank card number has 16 to 19 digits');
  if (luhnCheckDigit(card.slice(0, -1)) !== card.at(-1)) return fail('银行卡号校验位不正确', 'The bank card check digit is wrong');
  return OK;
}

export function validateMobilePhone(input: string): Check {
  return /^1[3-9]\d{9}$/.test(input.trim()) ? OK : fail('手机号应为以1开头的11位数字', 'A mobile number has 11 digits starting with 1');
}
