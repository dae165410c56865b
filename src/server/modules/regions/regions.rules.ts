import type { Bilingual } from '../../platform/errors';

/**
 * GB/T 2260-style codes, structurally: province PP0000, city PPCC00, district PPCCDD (6 digits),
 * township/street 9 digits, village/community 12 digits.
 */
export const REGION_LEVELS: Record<1 | 2 | 3 | 4 | 5, Bilingual> = {
  1: { zh: '省', en: 'Province' },
  2: { zh: '市', en: 'City' },
  3: { zh: '区县', en: 'District / county' },
  4: { zh: '乡镇街道', en: 'Township / street' },
  5: { zh: '村社区', en: 'Village / community' },
};

export function regionLevel(code: string): 1 | 2 | 3 | 4 | 5 | null {
  if (/^\d{12}$/.test(code)) return code.slice(9) === '000' ? null : 5;
  if (/^\d{9}$/.test(code)) return code.slice(6) === '000' || code.slice(4, 6) === '00' ? null : 4;
  if (!/^\d{6}$/.test(code) || code.startsWith('00')) return null;
  if (code.slice(2) === '0000') return 1;
  if (code.slice(4) === '00') return 2;
  return 3;
}

export const isValidRegionCode = (code: string) => regionLevel(code) !== null;

export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 5:
      return code.slice(0, 9);
    case 4:
      return code.slice(0, 6);
    case 3:
      return `${code.slice(0, 4)}00`;
    case 2:
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/** The codes above a region, root first (e.g. 110101001001 → 110000, 110100, 110101, 110101001). */
export function ancestorCodes(code: string): string[] {
  const chain: string[] = [];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) chain.unshift(parent);
  return chain;
}
