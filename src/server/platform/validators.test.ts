import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateFromIdNumber, genderFromIdNumber, idNumberCheckChar, luhnCheckDigit, validateBankCard, validateIdNumber, validateMobilePhone } from './validators';

const validId = fc
  .tuple(fc.constantFrom('110101', '450102', '310115', '440305'), fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
  .map(([region, date, seq]) => {
    const first17 = `${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  });

describe('居民身份证号 (GB 11643) — T16', () => {
  it('accepts generated valid numbers and rejects every single-character mutation', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.integer({ min: 1, max: 10 }), (id, position, delta) => {
        expect(validateIdNumber(id)).toEqual({ ok: true });
        const chars = '0123456789X';
        const current = chars.indexOf(id[position]);
        const next = chars[(current + delta) % (position === 17 ? 11 : 10)];
        const mutated = id.slice(0, position) + next + id.slice(position + 1);
        if (mutated !== id) expect(validateIdNumber(mutated).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('checks the birth date is real and not in the future', () => {
    const make = (body: string) => body + idNumberCheckChar(body);
    expect(validateIdNumber(make('11010119900230123')).ok).toBe(false);
    expect(validateIdNumber(make('11010130000101123')).ok).toBe(false);
    expect(validateIdNumber(make('99010119900101123')).ok).toBe(false);
  });

  it('reads birth date and gender', () => {
    expect(birthDateFromIdNumber('110101199003074514')).toBe('1990-03-07');
    expect(genderFromIdNumber('110101199003074514')).toBe('male');
    expect(validateIdNumber('11010119900307451x'.replace('x', 'X')).ok).toBe(false);
  });
});

describe('bank cards and phones — T16', () => {
  it('accepts Luhn-valid cards and rejects any single-digit change', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^62\d{14,16}$/), fc.nat(18), fc.integer({ min: 1, max: 9 }), (prefix, position, delta) => {
        const card = prefix + luhnCheckDigit(prefix);
        expect(validateBankCard(card)).toEqual({ ok: true });
        const i = position % card.length;
        const mutated = card.slice(0, i) + String((Number(card[i]) + delta) % 10) + card.slice(i + 1);
        expect(validateBankCard(mutated).ok).toBe(false);
      }),
    );
  });

  it('accepts mainland mobiles only', () => {
    expect(validateMobilePhone('13812345678')).toEqual({ ok: true });
    expect(validateMobilePhone('12812345678').ok).toBe(false);
    expect(validateMobilePhone('1381234567').ok).toBe(false);
  });
});
