import { describe, expect, it } from 'vitest';
import { ancestorCodes, isValidRegionCode, parentRegionCode, regionLevel } from './regions.rules';

describe('region codes (GB/T 2260 structure)', () => {
  it('reads the level from the code', () => {
    expect(regionLevel('450000')).toBe(1);
    expect(regionLevel('450100')).toBe(2);
    expect(regionLevel('450102')).toBe(3);
    expect(regionLevel('450102001')).toBe(4);
    expect(regionLevel('450102001001')).toBe(5);
    for (const bad of ['45010', '4501020010', '450102000', '450102001000', '000000', 'abcdef']) expect(isValidRegionCode(bad)).toBe(false);
  });

  it('walks up to the province', () => {
    expect(parentRegionCode('450102001001')).toBe('450102001');
    expect(parentRegionCode('450102')).toBe('450100');
    expect(parentRegionCode('450000')).toBeNull();
    expect(ancestorCodes('110101001001')).toEqual(['110000', '110100', '110101', '110101001']);
  });
});
