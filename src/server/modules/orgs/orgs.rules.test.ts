import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, organizationCodeCheckChar, validateCreditCode } from './orgs.rules';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100)', () => {
  it.each([
    ['914403001922038216', '华为技术有限公司'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ])('accepts the published code %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(validateCreditCode(' 91440300708461136t ')).toEqual({ ok: true });
  });

  it('names the expected check character when it is wrong', () => {
    const result = validateCreditCode('91440300708461136A');
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ zh: expect.stringContaining('“T”') }) });
  });

  it('rejects wrong length and letters outside the alphabet', () => {
    expect(validateCreditCode('9144030070846113').ok).toBe(false);
    expect(validateCreditCode('91440300708461136I').ok).toBe(false);
    expect(validateCreditCode('9144O300708461136T').ok).toBe(false);
  });

  it('rejects every single-character change of a valid code', () => {
    const valid = fc
      .tuple(fc.constantFrom('1', '5', '9', 'Y'), fc.constantFrom('1', '2', '3', '9'), fc.integer({ min: 110000, max: 659999 }), fc.stringMatching(/^[0-9A-HJ-NP-RT-UW-Y]{8}$/))
      .map(([a, b, region, org]) => {
        const first17 = `${a}${b}${region}${org}${organizationCodeCheckChar(org)}`;
        return first17 + creditCodeCheckChar(first17);
      });
    fc.assert(
      fc.property(valid, fc.nat(17), fc.nat(30), (code, position, shift) => {
        expect(validateCreditCode(code).ok).toBe(true);
        const replacement = ALPHABET[(ALPHABET.indexOf(code[position]) + 1 + shift) % ALPHABET.length];
        if (replacement === code[position]) return;
        const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
        // The division-code digits must stay digits for the structure check; any change must fail.
        expect(validateCreditCode(mutated).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('computes the GB 11714 organization-code check character', () => {
    expect(organizationCodeCheckChar('19220382')).toBe('1');
    expect(organizationCodeCheckChar('70846113')).toBe('6');
  });
});
