import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBankCard, maskIdNumber, maskPhone, redactPersonalData } from './masking';

const visible = (masked: string) => masked.replace(/\*/g, '').length;

describe('masking (T6)', () => {
  it('shows ID first 6 + last 4, phone first 3 + last 4, card last 4, keeping the length', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123'); // 15-digit first-generation ID
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskBankCard('6222021234567890123')).toBe('***************0123');
    expect(maskBankCard('6222021234567890')).toBe('************7890');
  });

  it('is graceful on empty and short input, masking all of it', () => {
    for (const mask of [maskIdNumber, maskPhone, maskBankCard]) {
      expect(mask('')).toBe('');
      expect(mask('1')).toBe('*');
    }
    expect(maskIdNumber('11010119900')).toBe('***********');
    expect(maskIdNumber('11010119900307')).toBe('**************');
    expect(maskPhone('1381234567')).toBe('**********');
    expect(maskBankCard('12345678901')).toBe('***********');
  });

  it('never reveals more than its rule, for any input (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789Xx -'), maxLength: 30, size: 'max' });
    fc.assert(
      fc.property(text, (value) => {
        const cases = [
          [maskIdNumber(value), 10, 5],
          [maskPhone(value), 7, 4],
          [maskBankCard(value), 4, 8],
        ] as const;
        for (const [masked, maxVisible, minHidden] of cases) {
          expect(masked).toHaveLength(value.length);
          const shown = visible(masked);
          expect(shown).toBeLessThanOrEqual(maxVisible);
          if (shown > 0) expect(value.length - shown).toBeGreaterThanOrEqual(minHidden);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('redacts ID numbers, cards and phones inside free text', () => {
    expect(redactPersonalData('/api/workers?idNumber=110101199003071234&phone=13812345678')).toBe(
      '/api/workers?idNumber=110101********1234&phone=138****5678',
    );
    expect(redactPersonalData('card 6222021234567890123.')).toBe('card ***************0123.');
    expect(redactPersonalData('order 2026 page 3')).toBe('order 2026 page 3');
  });
});
