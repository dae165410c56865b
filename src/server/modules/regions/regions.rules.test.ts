import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_LEVELS, ancestorCodes, isValidRegionCode, parentRegionCode, regionLevel } from './regions.rules';

const digits = (n: number, min = 0) => fc.integer({ min, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));

/** Any well-formed code of any level, built top-down. */
const anyCode = fc
  .tuple(digits(2, 1), digits(2, 1), digits(2, 1), digits(3, 1), digits(3, 1), fc.integer({ min: 1, max: 5 }))
  .map(([p, c, d, t, v, level]) => [`${p}0000`, `${p}${c}00`, `${p}${c}${d}`, `${p}${c}${d}${t}`, `${p}${c}${d}${t}${v}`][level - 1]);

describe('region codes (GB/T 2260 structure)', () => {
  it('reads the level from the code', () => {
    expect(regionLevel('450000')).toBe(1);
    expect(regionLevel('450100')).toBe(2);
    expect(regionLevel('450102')).toBe(3);
    expect(regionLevel('450102001')).toBe(4);
    expect(regionLevel('450102001001')).toBe(5);
    expect(regionLevel('110101001001')).toBe(5);
    expect(regionLevel('429004')).toBe(3); // a county-level city directly under the province (仙桃, CC = 90)
  });

  it('rejects malformed codes', () => {
    const bad = [
      '', '45010', '4501020', '4501020010', '45010200100', '4501020010011', 'abcdef', '45010a', ' 450102',
      '000000', '001100', // no province
      '450001', // a district under no city
      '450102000', '450102001000', // zero own part
      '450100001', '450000001', // a township must sit under a district
      '450100001001', '450102000001', // a village must sit under a township
    ];
    for (const code of bad) expect(isValidRegionCode(code), code).toBe(false);
  });

  it('walks up to the province', () => {
    expect(parentRegionCode('450102001001')).toBe('450102001');
    expect(parentRegionCode('450102001')).toBe('450102');
    expect(parentRegionCode('450102')).toBe('450100');
    expect(parentRegionCode('450100')).toBe('450000');
    expect(parentRegionCode('450000')).toBeNull();
    expect(parentRegionCode('bogus')).toBeNull();
    expect(ancestorCodes('110101001001')).toEqual(['110000', '110100', '110101', '110101001']);
    expect(ancestorCodes('110000')).toEqual([]);
  });

  it('every valid code has a valid parent exactly one level up, and the chain ends at a province', () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        const level = regionLevel(code)!;
        expect(level).not.toBeNull();
        const chain = ancestorCodes(code);
        expect(chain.map((c) => regionLevel(c))).toEqual([1, 2, 3, 4].slice(0, level - 1));
        const parent = parentRegionCode(code);
        if (parent) expect(code.startsWith(parent.replace(/0+$/, ''))).toBe(true);
      }),
    );
  });

  it('labels every level', () => {
    expect(Object.values(REGION_LEVELS).map((l) => l.zh)).toEqual(['省', '市', '区县', '乡镇街道', '村社区']);
  });
});
