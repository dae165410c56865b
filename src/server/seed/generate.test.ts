import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSTRUCTION_ENTERPRISE_TYPES, govUnitKindAllowedAt, validateCreditCode } from '../modules/orgs/orgs.rules';
import { parentRegionCode, regionLevel } from '../modules/regions/regions.rules';
import { birthDateFromIdNumber, validateIdNumber, validateMobilePhone } from '../platform/validators';
import { DEMO_ENTERPRISE_COUNT, DEMO_SEED, generateDemoDataset } from './dataset';
import { type Scale, type SeedRegion, generateBanks, generateDemoPeople, generateEnterprises, generateGovUnits, generateRegionTree } from './generate';
import { Rng } from './rng';

const SCALES: Scale[] = ['township', 'district', 'city', 'province'];
const datasets = Object.fromEntries(SCALES.map((s) => [s, generateDemoDataset(s)])) as Record<Scale, ReturnType<typeof generateDemoDataset>>;

const atLevel = (regions: SeedRegion[], level: number) => regions.filter((r) => r.level === level);
const childrenOf = (regions: SeedRegion[], code: string) => regions.filter((r) => r.parentCode === code);

/** The invariants every region tree keeps, whatever its scale or seed. */
function expectWellFormedTree(regions: SeedRegion[]) {
  const seen = new Set<string>();
  for (const r of regions) {
    expect(regionLevel(r.code), r.code).toBe(r.level);
    expect(r.parentCode, r.code).toBe(parentRegionCode(r.code));
    if (r.parentCode) expect(seen.has(r.parentCode), `${r.code} after its parent`).toBe(true);
    expect(seen.has(r.code), `${r.code} unique`).toBe(false);
    seen.add(r.code);
  }
  for (const parent of [null, ...seen]) {
    const names = regions.filter((r) => r.parentCode === parent).map((r) => r.name);
    expect(new Set(names).size, `sibling names under ${parent}`).toBe(names.length);
  }
}

describe('region tree', () => {
  it.each(SCALES)('is well formed at %s scale', (scale) => {
    expectWellFormedTree(datasets[scale].regions);
  });

  it('has the sizes of each scale', () => {
    const count = (scale: Scale) => [1, 2, 3, 4].map((level) => atLevel(datasets[scale].regions, level).length);
    expect(count('township')).toEqual([1, 1, 1, 2]);
    expect(count('district')).toEqual([1, 1, 1, 8]);
    expect(count('city')).toEqual([1, 1, 4, 32]);
    expect(count('province')).toEqual([1, 3, 12, 96]);
    const township = datasets.township.regions;
    expect(atLevel(township, 4).map((t) => childrenOf(township, t.code).length)).toEqual([12, 4]);
    for (const scale of ['district', 'city', 'province'] as const) {
      for (const t of atLevel(datasets[scale].regions, 4)) {
        const villages = childrenOf(datasets[scale].regions, t.code).length;
        expect(villages >= 6 && villages <= 12, `${t.code} has ${villages}`).toBe(true);
      }
    }
  });

  it('centres the demo on 云溪区 (450102) and its town 青石镇', () => {
    for (const scale of SCALES) {
      const { regions } = datasets[scale];
      expect(regions.find((r) => r.code === '450102')?.name).toBe('云溪区');
      expect(atLevel(childrenOf(regions, '450102'), 4)[0]).toMatchObject({ name: '青石镇', code: '450102100' });
    }
  });

  it('codes townships and villages by kind (GB/T 10114 serials)', () => {
    for (const r of datasets.district.regions.filter((r) => r.level >= 4)) {
      const serial = Number(r.code.slice(-3));
      if (r.name.endsWith('街道') || r.name.endsWith('社区')) expect(serial, r.name).toBeLessThan(100);
      if (r.name.endsWith('镇')) expect(serial >= 100 && serial < 200, r.name).toBe(true);
      if (r.name.endsWith('乡') || r.name.endsWith('村')) expect(serial >= 200 && serial < 400, r.name).toBe(true);
    }
  });

  it('stays well formed for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expectWellFormedTree(generateRegionTree('district', new Rng(seed)));
      }),
      { numRuns: 30 },
    );
  });
});

describe('government units', () => {
  const { regions, govUnits } = datasets.district;

  it('attaches each unit to a region level its kind allows', () => {
    const levels = new Map(regions.map((r) => [r.code, r.level]));
    for (const u of govUnits) expect(govUnitKindAllowedAt(u.kind, levels.get(u.regionCode)!), `${u.kind} @ ${u.regionCode}`).toBe(true);
  });

  it('gives the district its standing bureaus, each township a government and each village a committee', () => {
    const kindsAt = (code: string) => govUnits.filter((u) => u.regionCode === code).map((u) => u.kind);
    expect(kindsAt('450102').sort()).toEqual(
      ['hrss', 'wage_office', 'labor_inspection', 'housing', 'transport', 'water', 'finance', 'ndrc', 'police', 'court', 'justice', 'petition', 'discipline'].sort(),
    );
    for (const t of atLevel(regions, 4)) expect(kindsAt(t.code)).toEqual(['township_gov']);
    for (const v of atLevel(regions, 5)) expect(kindsAt(v.code)).toEqual(['village_committee']);
    expect(govUnits.find((u) => u.regionCode === '450102' && u.kind === 'hrss')?.name).toBe('云溪区人力资源和社会保障局');
    expect(govUnits.find((u) => u.regionCode === '450102100')?.name).toBe('青石镇人民政府');
  });

  it('names units uniquely per region, with a landline and an address', () => {
    const keys = govUnits.map((u) => `${u.regionCode}/${u.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const names = new Map(regions.map((r) => [r.code, r.name]));
    for (const u of govUnits) {
      expect(u.name.startsWith(names.get(u.regionCode)!)).toBe(true);
      expect(u.officePhone).toMatch(/^0\d{3}-[2-8]\d{7}$/);
      expect(u.address).toContain(names.get(u.regionCode)!);
    }
  });

  it('names bureaus as each level does', () => {
    const { govUnits: units } = datasets.province;
    const name = (code: string, kind: string) => units.find((u) => u.regionCode === code && u.kind === kind)?.name;
    expect(name('450000', 'hrss')).toBe('南江省人力资源和社会保障厅');
    expect(name('450100', 'court')).toBe('青州市中级人民法院');
    expect(name('450102', 'police')).toBe('云溪区公安分局');
    expect(name('450102', 'sasac')).toBeUndefined();
  });
});

describe('enterprises', () => {
  it.each(SCALES)('are valid, unique and placed in the tree at %s scale', (scale) => {
    const { regions, enterprises } = datasets[scale];
    expect(enterprises).toHaveLength(DEMO_ENTERPRISE_COUNT[scale]);
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
    const levels = new Map(regions.map((r) => [r.code, r.level]));
    for (const e of enterprises) {
      expect(validateCreditCode(e.creditCode), e.creditCode).toEqual({ ok: true });
      expect(e.creditCode.slice(2, 8)).toBe(e.regionCode.slice(0, 6));
      expect([3, 4]).toContain(levels.get(e.regionCode));
      expect(validateIdNumber(e.legalRepIdNumber), e.legalRepIdNumber).toEqual({ ok: true });
      expect(e.legalRepIdNumber.slice(0, 6)).toBe(e.regionCode.slice(0, 6));
      expect(birthDateFromIdNumber(e.legalRepIdNumber) <= '1990-12-31').toBe(true);
      expect(validateMobilePhone(e.legalRepPhone)).toEqual({ ok: true });
      expect(e.legalRepName).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
  });

  it('mixes types: about 40 % construction, all four construction types, industries to match', () => {
    const { enterprises } = datasets.district;
    const construction = enterprises.filter((e) => (CONSTRUCTION_ENTERPRISE_TYPES as readonly string[]).includes(e.type));
    expect(construction.length / enterprises.length).toBeGreaterThan(0.38);
    expect(construction.length / enterprises.length).toBeLessThan(0.46);
    expect(new Set(construction.map((e) => e.type)).size).toBe(4);
    for (const e of construction) expect(['housing', 'transport', 'water']).toContain(e.industry);
    for (const e of enterprises.filter((e) => !construction.includes(e))) expect(e.industry).toBe('other');
    expect(enterprises.some((e) => e.name.includes('路桥') && e.industry === 'transport')).toBe(true);
    expect(enterprises.some((e) => e.name.includes('路桥') && e.industry !== 'transport')).toBe(false);
  });

  it('gives the demo accounts of both demo townships and the demo contractor something to see', () => {
    for (const scale of SCALES) {
      const { regions, enterprises } = datasets[scale];
      for (const township of atLevel(childrenOf(regions, '450102'), 4).slice(0, 2)) {
        expect(enterprises.some((e) => e.regionCode === township.code), `${scale}: ${township.name}`).toBe(true);
      }
      expect(enterprises.some((e) => e.type === 'general_contractor' && e.regionCode.startsWith('450102'))).toBe(true);
    }
  });

  it('uses both legacy and "MA" organization codes', () => {
    const codes = datasets.city.enterprises.map((e) => e.creditCode.slice(8, 10));
    expect(codes.some((c) => c === 'MA')).toBe(true);
    expect(codes.some((c) => /^\d\d$/.test(c))).toBe(true);
  });

  it('stays valid for any seed and count', () => {
    const regions = datasets.township.regions;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 80 }), (seed, count) => {
        const enterprises = generateEnterprises(regions, count, new Rng(seed));
        expect(enterprises).toHaveLength(count);
        for (const e of enterprises) expect(validateCreditCode(e.creditCode).ok && validateIdNumber(e.legalRepIdNumber).ok).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('people', () => {
  it('have valid, distinct ID numbers and phones', () => {
    const people = generateDemoPeople(new Rng(9), 2_000);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(2_000);
    expect(new Set(people.map((p) => p.phone)).size).toBe(2_000);
    for (const p of people) {
      expect(validateIdNumber(p.idNumber), p.idNumber).toEqual({ ok: true });
      expect(validateMobilePhone(p.phone)).toEqual({ ok: true });
      const year = Number(birthDateFromIdNumber(p.idNumber).slice(0, 4));
      expect(year >= 1966 && year <= 2005).toBe(true);
    }
  });

  it('follow the home regions and birth years asked for', () => {
    const people = generateDemoPeople(new Rng(10), 200, { homeRegions: ['450102', '450102100'], birthYears: [1980, 1981] });
    for (const p of people) {
      expect(p.idNumber.slice(0, 6)).toBe('450102');
      expect(['1980', '1981']).toContain(p.idNumber.slice(6, 10));
    }
  });
});

describe('banks', () => {
  it('lists the big five, 邮储, a 农商行 and a 城商行 with 12-digit codes', () => {
    const banks = generateBanks();
    expect(banks).toHaveLength(8);
    for (const prefix of ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行', '中国邮政储蓄银行']) {
      expect(banks.some((b) => b.name.startsWith(prefix))).toBe(true);
    }
    expect(banks.some((b) => b.name.includes('农村商业银行'))).toBe(true);
    expect(new Set(banks.map((b) => b.name)).size).toBe(8);
    expect(new Set(banks.map((b) => b.bankCode)).size).toBe(8);
    for (const b of banks) expect(b.bankCode).toMatch(/^\d{12}$/);
  });
});

describe('determinism', () => {
  it('gives identical data for the same seed and different data for another', () => {
    expect(generateDemoDataset('district')).toEqual(datasets.district);
    expect(generateDemoDataset('district', 1)).not.toEqual(datasets.district);
    const rngA = new Rng(77);
    const rngB = new Rng(77);
    expect(generateGovUnits(generateRegionTree('township', rngA), rngA)).toEqual(generateGovUnits(generateRegionTree('township', rngB), rngB));
  });

  it('draws each part from its own named stream, so parts do not shift one another', () => {
    const { regions, govUnits, enterprises } = datasets.district;
    expect(govUnits).toEqual(generateGovUnits(regions, new Rng(DEMO_SEED).derive('govUnits')));
    expect(enterprises).toEqual(generateEnterprises(regions, DEMO_ENTERPRISE_COUNT.district, new Rng(DEMO_SEED).derive('enterprises')));
  });
});
