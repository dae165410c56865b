import { describe, expect, it } from 'vitest';
import { drawUnique, enterpriseName, personName, placeName } from './names';
import { Rng } from './rng';

describe('synthetic names', () => {
  it('makes two- and three-character personal names and two-character place names', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 500; i++) {
      expect(personName(rng)).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(placeName(rng)).toMatch(/^\p{Script=Han}{2}$/u);
    }
  });

  it('names enterprises after place, trade name, business matching type and industry, and legal form', () => {
    const rng = new Rng(12);
    for (let i = 0; i < 200; i++) {
      expect(enterpriseName(rng, '云溪', 'general_contractor', 'transport')).toMatch(/^云溪\p{Script=Han}{2}(路桥|公路)工程有限公司$/u);
      expect(enterpriseName(rng, '云溪', 'labor_subcontractor', 'housing')).toMatch(/劳务有限公司$/);
      expect(enterpriseName(rng, '云溪', 'training', 'other')).toMatch(/(培训学校|培训中心有限公司)$/);
    }
  });

  it('draws unique values and fails loudly when none is left', () => {
    const rng = new Rng(13);
    const taken = new Set<string>();
    const values = Array.from({ length: 3 }, () => drawUnique(rng, taken, (r) => String(r.int(1, 3))));
    expect(values.sort()).toEqual(['1', '2', '3']);
    expect(() => drawUnique(rng, taken, (r) => String(r.int(1, 3)), 50)).toThrow(/no unused value/);
  });
});
