import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  idNumberCheckChar,
  luhnCheckDigit,
  normalizeIdNumber,
  validateBankCard,
  validateIdNumber,
  validateMobilePhone,
} from './validators';

const NOW = new Date('2026-03-01T04:00:00Z');
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

const validId = fc
  .tuple(
    fc.constantFrom('110101', '450102', '310115', '440305', '500235', '820000'),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([region, date, seq]) => withCheck(`${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`));

describe('居民身份证号 (GB 11643-1999)', () => {
  it('accepts generated numbers and rejects every single-character change', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(validId, fc.nat(17), fc.integer({ min: 1, max: 10 }), (id, position, shift) => {
        expect(validateIdNumber(id, NOW)).toEqual({ ok: true });
        const replacement = alphabet[(alphabet.indexOf(id[position]) + shift) % alphabet.length];
        const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(validateIdNumber(mutated, NOW).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a lower-case x and normalizes it', () => {
    expect(validateIdNumber(' 45010219850612005x ', NOW)).toEqual({ ok: true });
    expect(normalizeIdNumber(' 45010219850612005x ')).toBe('45010219850612005X');
  });

  it('computes the MOD 11-2 check character', () => {
    expect(idNumberCheckChar('11010119900307451')).toBe('4');
    expect(idNumberCheckChar('45010219850612005')).toBe('X');
    expect(() => idNumberCheckChar('1101011990030745')).toThrow(RangeError);
  });

  it('rejects wrong length and characters with a format reason', () => {
    for (const bad of ['', '11010119900307451', '1101011990030745144', '1101011990030745A4', '11010119900307X514']) {
      const result = validateIdNumber(bad, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.zh).toContain('18位');
    }
  });

  it('requires a province code (11–65, 71, 81, 82)', () => {
    for (const p of ['00', '10', '16', '66', '70', '83', '99']) expect(validateIdNumber(withCheck(`${p}010119900101123`), NOW).ok).toBe(false);
    for (const p of ['11', '65', '71', '81', '82']) expect(validateIdNumber(withCheck(`${p}010119900101123`), NOW).ok).toBe(true);
  });

  it('requires a real birth date after 1900 and not in the future (Shanghai date)', () => {
    const born = (yyyymmdd: string) => validateIdNumber(withCheck(`110101${yyyymmdd}123`), NOW).ok;
    expect(born('19900230')).toBe(false);
    expect(born('19901301')).toBe(false);
    expect(born('19000229')).toBe(false); // 1900 was not a leap year
    expect(born('20000229')).toBe(true);
    expect(born('18991231')).toBe(false);
    expect(born('19000101')).toBe(true);
    expect(born('20260301')).toBe(true); // today
    expect(born('20260302')).toBe(false);
    // 2024-06-30 17:00 UTC is already 2024-07-01 in Shanghai.
    expect(validateIdNumber(withCheck('11010120240701123'), new Date('2024-06-30T17:00:00Z')).ok).toBe(true);
  });

  it('reads birth date and gender from the 17th character', () => {
    expect(birthDateFromIdNumber('110101199003074514')).toBe('1990-03-07');
    expect(genderFromIdNumber('110101199003074514')).toBe('male');
    expect(genderFromIdNumber('45010219850612005x')).toBe('male');
    expect(genderFromIdNumber(withCheck('11010119900307452'))).toBe('female');
  });
});

describe('bank cards (Luhn)', () => {
  it('accepts a known Luhn-valid card, with spaces', () => {
    expect(validateBankCard('4111111111111111')).toEqual({ ok: true });
    expect(validateBankCard('6212 2620 0000 0000 008')).toEqual({ ok: true });
    expect(luhnCheckDigit('621226200000000000')).toBe('8');
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const bad of ['411111111111111', '41111111111111111111', '411111111111111a', '']) expect(validateBankCard(bad).ok).toBe(false);
  });

  it('accepts generated cards and rejects any single-digit change', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^62\d{13,16}$/), fc.nat(18), fc.integer({ min: 1, max: 9 }), (prefix, position, delta) => {
        const card = prefix + luhnCheckDigit(prefix);
        expect(validateBankCard(card)).toEqual({ ok: true });
        const i = position % card.length;
        const mutated = card.slice(0, i) + String((Number(card[i]) + delta) % 10) + card.slice(i + 1);
        expect(validateBankCard(mutated).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 13x–19x with 11 digits only', () => {
    for (const good of ['13812345678', '19912345678', ' 15012345678 ']) expect(validateMobilePhone(good)).toEqual({ ok: true });
    for (const bad of ['12812345678', '10012345678', '1381234567', '138123456789', '+8613812345678', '1381234567a']) {
      expect(validateMobilePhone(bad).ok).toBe(false);
    }
  });
});
