import type { Bilingual } from '../../platform/errors';

/**
 * GB/T 2260-style region codes, read purely from their structure:
 *   province PP0000 · city PPCC00 · district/county PPCCDD (6 digits)
 *   township/street PPCCDD + TTT (9 digits) · village/community + VVV (12 digits).
 * Each level's own part is non-zero and its prefix is a valid code of the level above, so a code
 * always has exactly one parent one level up. Municipalities fit this too (110000 → 110100 → 110101).
 * Cities without districts (东莞 441900 …) need a district-level node for their townships.
 */
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export const REGION_LEVELS: Record<RegionLevel, Bilingual> = {
  1: { zh: '省', en: 'Province' },
  2: { zh: '市', en: 'City' },
  3: { zh: '区县', en: 'District / county' },
  4: { zh: '乡镇街道', en: 'Township / street' },
  5: { zh: '村社区', en: 'Village / community' },
};

function sixDigitLevel(code: string): 1 | 2 | 3 | null {
  const [province, city, district] = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6)];
  if (province === '00') return null;
  if (city === '00') return district === '00' ? 1 : null;
  return district === '00' ? 2 : 3;
}

/** 1 province, 2 city, 3 district, 4 township, 5 village; null when the code is malformed. */
export function regionLevel(code: string): RegionLevel | null {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) return null;
  if (code.length === 6) return sixDigitLevel(code);
  // 9 digits: a township under a district; 12 digits: a village under a township.
  const [level, parentLevel] = code.length === 9 ? ([4, 3] as const) : ([5, 4] as const);
  return !code.endsWith('000') && regionLevel(code.slice(0, -3)) === parentLevel ? level : null;
}

export const isValidRegionCode = (code: string): boolean => regionLevel(code) !== null;

/** The code one level up; null for a province or a malformed code. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 5:
    case 4:
      return code.slice(0, -3);
    case 3:
      return `${code.slice(0, 4)}00`;
    case 2:
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/** The codes above a region, root first (110101001001 → 110000, 110100, 110101, 110101001). */
export function ancestorCodes(code: string): string[] {
  const chain: string[] = [];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) chain.unshift(parent);
  return chain;
}
