/**
 * Default display of personal data (SECURITY.md item 14, GB/T 35273): ID number first 6 and last 4,
 * phone first 3 and last 4, bank card last 4. The length is kept. A value shorter than the shortest
 * real one (15-digit ID, 11-digit mobile, 12-digit card) is masked entirely, because the rule's
 * visible part would be most of it.
 */
function mask(value: string, minLength: number, head: number, tail: number): string {
  if (!value) return '';
  if (value.length < minLength) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

export const maskIdNumber = (value: string): string => mask(value, 15, 6, 4);

export const maskPhone = (value: string): string => mask(value, 11, 3, 4);

export const maskBankCard = (value: string): string => mask(value, 12, 0, 4);

// Digit runs shaped like an ID number, a bank card or a mobile number anywhere in free text.
const ID_LIKE = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9])/g;
const CARD_LIKE = /(?<![0-9])\d{16,19}(?![0-9])/g;
const PHONE_LIKE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

/** Masks anything in free text (URLs, usernames typed at login) that looks like personal data. */
export function redactPersonalData(text: string): string {
  return text.replace(ID_LIKE, maskIdNumber).replace(CARD_LIKE, maskBankCard).replace(PHONE_LIKE, maskPhone);
}
