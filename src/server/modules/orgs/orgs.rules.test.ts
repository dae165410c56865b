import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSTRUCTION_ENTERPRISE_TYPES,
  CREDIT_CODE_ALPHABET,
  ENTERPRISE_TYPES,
  GOV_UNIT_KINDS,
  INDUSTRIES,
  creditCodeCheckChar,
  govUnitKindAllowedAt,
  normalizeCreditCode,
  organizationCodeCheckChar,
  validateCreditCode,
} from './orgs.rules';

// Published codes (营业执照 / 国家企业信用信息公示系统). The brief also offered 915200002144243093 for
// Kweichow Moutai; both its check characters are wrong, and Moutai's published code is the one below.
const PUBLISHED: [string, string][] = [
  ['914403001922038216', '华为技术有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ['91520000214434146R', '贵州茅台酒股份有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91110000100010433L', '中国石油天然气集团有限公司'],
  // A post-2015 "MA" code: letters in the organization code exercise GB 11714's letter values.
  ['91440300MA5H8REU3K', 'Shenzhen Lingban Computer Technology Co., Ltd.'],
];

const reasonOf = (code: string) => {
  const result = validateCreditCode(code);
  if (result.ok) throw new Error(`${code} unexpectedly valid`);
  return result.reason;
};

const char = (set: string) => fc.constantFrom(...set);
const validCode = fc
  .tuple(char('123456789ANY'), char('123456789'), fc.stringMatching(/^\d{6}$/), fc.array(char(CREDIT_CODE_ALPHABET), { minLength: 8, maxLength: 8 }))
  .map(([authority, category, division, org]) => {
    const body = org.join('');
    const first17 = `${authority}${category}${division}${body}${organizationCodeCheckChar(body)}`;
    return first17 + creditCodeCheckChar(first17);
  });

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it('rejects every one-character change of every published code', () => {
    for (const [code] of PUBLISHED) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch !== code[i]) expect(validateCreditCode(code.slice(0, i) + ch + code.slice(i + 1)).ok, `${code} @${i + 1} → ${ch}`).toBe(false);
        }
      }
    }
  });

  it('rejects every one-character change of a generated valid code', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.integer({ min: 1, max: 30 }), (code, i, shift) => {
        expect(validateCreditCode(code)).toEqual({ ok: true });
        const replacement = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[i]) + shift) % 31];
        expect(validateCreditCode(code.slice(0, i) + replacement + code.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalizes case and surrounding spaces', () => {
    expect(normalizeCreditCode(' 91440300ma5h8reu3k ')).toBe('91440300MA5H8REU3K');
    expect(validateCreditCode(' 91440300708461136t ')).toEqual({ ok: true });
  });

  it('says which character was expected', () => {
    expect(reasonOf('91440300708461136A')).toEqual({ zh: '校验位错误：第18位应为“T”', en: 'Wrong check character: character 18 should be "T"' });
    expect(reasonOf('914403007084611370').zh).toBe('组织机构代码（第9至17位）校验位错误：第17位应为“6”');
  });

  it('gives a specific reason for each structural fault', () => {
    expect(reasonOf('9144030070846113').zh).toContain('当前16位');
    expect(reasonOf('91440300708461136I').zh).toContain('第18位含有不允许的字符“I”');
    expect(reasonOf('9144O300708461136T').en).toContain('Character 5 ("O")');
    expect(reasonOf('B1440300708461136T').zh).toContain('登记管理部门');
    expect(reasonOf('90440300708461136T').zh).toContain('机构类别');
    expect(reasonOf('9144A300708461136T').zh).toContain('行政区划');
  });

  it('computes the check characters', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(organizationCodeCheckChar('19220382')).toBe('1');
    expect(organizationCodeCheckChar('MA5H8REU')).toBe('3'); // M = 22, A = 10, H = 17, R = 27, E = 14, U = 30
    expect(() => creditCodeCheckChar('9144030070846113')).toThrow(RangeError);
    expect(() => organizationCodeCheckChar('1922038')).toThrow(RangeError);
  });
});

describe('enumerations', () => {
  it('labels every enterprise type and industry', () => {
    expect(Object.keys(ENTERPRISE_TYPES)).toEqual(['owner', 'general_contractor', 'subcontractor', 'labor_subcontractor', 'manufacturing', 'catering', 'logistics', 'training', 'other']);
    expect(ENTERPRISE_TYPES.labor_subcontractor).toEqual({ zh: '劳务分包', en: 'Labour subcontractor' });
    expect(CONSTRUCTION_ENTERPRISE_TYPES.every((t) => t in ENTERPRISE_TYPES)).toBe(true);
    expect(Object.entries(INDUSTRIES).map(([k, v]) => `${k}:${v.zh}`)).toEqual(['housing:住建', 'transport:交通', 'water:水利', 'other:其他']);
  });

  it('attaches government units to the right region levels', () => {
    expect(govUnitKindAllowedAt('hrss', 3)).toBe(true);
    expect(govUnitKindAllowedAt('hrss', 4)).toBe(false);
    expect(govUnitKindAllowedAt('wage_office', 4)).toBe(true);
    expect(govUnitKindAllowedAt('township_gov', 4)).toBe(true);
    expect(govUnitKindAllowedAt('township_gov', 3)).toBe(false);
    expect(govUnitKindAllowedAt('village_committee', 5)).toBe(true);
    expect(govUnitKindAllowedAt('village_committee', 4)).toBe(false);
    for (const [kind, { zh, en, levels }] of Object.entries(GOV_UNIT_KINDS)) {
      expect(zh && en, kind).toBeTruthy();
      expect(levels.length, kind).toBeGreaterThan(0);
    }
  });
});
