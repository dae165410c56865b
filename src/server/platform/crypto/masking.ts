/**
 * Default display of personal data (SECURITY.md item 14, GB/T 35273): ID number first 6 and last
 * 4, phone first 3 and last 4, bank card last 4. Never reveals more than the rule, even for
 * short or malformed input.
 */
const stars = (n: number) => '*'.repeat(Math.max(0, n));

export function maskIdNumber(value: string): string {
  if (!value) return '';
  if (value.length < 12) return stars(value.length);
  return value.slice(0, 6) + stars(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (!value) return '';
  if (value.length < 9) return stars(value.length);
  return value.slice(0, 3) + stars(value.length - 7) + value.slice(-4);
}

export function maskBankCard(value: string): string {
  if (!value) return '';
  if (value.length < 8) return stars(value.length);
  return stars(value.length - 4) + value.slice(-4);
}

// Digit runs shaped like an ID number, a bank card or a mobile number anywhere in free text.
const ID_LIKE = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9])/g;
const CARD_LIKE = /(?<![0-9])\d{16,19}(?![0-9])/g;
const PHONE_LIKE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

/** Masks anything in free text (URLs, usernames typed at login) that looks like personal data. */
export function redactPersonalData(text: string): string {
  return text.replace(ID_LIKE, maskIdNumber).replace(CARD_LIKE, maskBankCard).replace(PHONE_LIKE, maskPhone);
}
