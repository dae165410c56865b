import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PARAMS } from './params.catalog';
import { defineParams, getParamDef, listParamDefs, validateParamValue } from './params.registry';
import { resolveParamValue } from './params.resolve';
import type { ParamDef, ParamOverride, ParamType } from './params.types';

const def = (over: Partial<ParamDef> = {}): ParamDef => ({
  id: 'TST-01.value',
  module: 'test',
  name: { zh: '测试', en: 'Test' },
  type: 'integer',
  default: 5,
  citation: { zh: '测试依据', source: 'test' },
  regionOverridable: true,
  ...over,
});

const override = (regionCode: string, value: unknown, effectiveFrom: string, createdAt = '2025-01-01T00:00:00.000Z'): ParamOverride => ({
  regionCode,
  value,
  effectiveFrom,
  createdAt,
});

// 福建省 → 福州市 → 鼓楼区 → 东街街道
const ANCESTRY = ['350000', '350100', '350102', '350102001'];

describe('resolveParamValue', () => {
  const param = def();

  it('gives the default when no override applies', () => {
    expect(resolveParamValue(param, [], ANCESTRY, '2025-06-01')).toEqual({ value: 5, source: 'default' });
  });

  it('takes the override at the nearest region up the tree', () => {
    const overrides = [override('350000', 7, '2025-01-01'), override('350100', 8, '2025-01-01'), override('350102', 9, '2025-01-01')];
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-06-01')).toEqual({ value: 9, source: { regionCode: '350102', effectiveFrom: '2025-01-01' } });
    expect(resolveParamValue(param, overrides, ANCESTRY.slice(0, 2), '2025-06-01').value).toBe(8);
    expect(resolveParamValue(param, overrides, ANCESTRY.slice(0, 1), '2025-06-01').value).toBe(7);
  });

  it('respects the effective date: an override counts from its first day, not before', () => {
    const overrides = [override('350000', 7, '2025-01-01'), override('350102', 9, '2025-07-01')];
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-06-30').value).toBe(7);
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-07-01').value).toBe(9);
    expect(resolveParamValue(param, overrides, ANCESTRY, '2024-12-31').value).toBe(5);
  });

  it('at the same region takes the latest effective date, then the latest entry', () => {
    const overrides = [
      override('350100', 10, '2025-03-01', '2025-02-01T00:00:00.000Z'),
      override('350100', 11, '2025-01-01', '2025-02-10T00:00:00.000Z'),
      override('350100', 12, '2025-03-01', '2025-02-05T00:00:00.000Z'),
    ];
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-02-15').value).toBe(11);
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-03-01').value).toBe(12);
  });

  it('a nearer region wins even over a later change further up', () => {
    const overrides = [override('350102', 9, '2025-01-01'), override('350000', 7, '2025-05-01')];
    expect(resolveParamValue(param, overrides, ANCESTRY, '2025-06-01').value).toBe(9);
  });

  it('ignores overrides at regions outside the ancestry (siblings, children, other provinces)', () => {
    const overrides = [override('350200', 1, '2025-01-01'), override('350102002', 2, '2025-01-01'), override('440000', 3, '2025-01-01')];
    expect(resolveParamValue(param, overrides, ANCESTRY.slice(0, 3), '2025-06-01')).toEqual({ value: 5, source: 'default' });
  });

  it('a parameter the law fixes nationally always has its default', () => {
    const national = def({ regionOverridable: false });
    expect(resolveParamValue(national, [override('350102', 9, '2025-01-01')], ANCESTRY, '2025-06-01')).toEqual({ value: 5, source: 'default' });
  });

  it('over random region trees and override histories, agrees with the rule stated as a sort', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-01-${String(d).padStart(2, '0')}`);
    const scenario = fc
      .array(fc.nat(), { minLength: 1, maxLength: 12 })
      // Node i > 0 hangs under some earlier node: any tree shape.
      .map((picks) => [-1, ...picks.map((p, i) => p % (i + 1))])
      .chain((parents) =>
        fc.record({
          parents: fc.constant(parents),
          node: fc.integer({ min: 0, max: parents.length - 1 }),
          onDate: day,
          overrides: fc.array(
            fc.record({
              regionCode: fc.integer({ min: 0, max: parents.length - 1 }).map(String),
              value: fc.integer(),
              effectiveFrom: day,
              createdAt: fc.integer({ min: 0, max: 5 }).map((s) => `2025-02-01T00:00:0${s}.000Z`),
            }),
            { maxLength: 15 },
          ),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ parents, node, onDate, overrides }) => {
        const ancestry: string[] = [];
        for (let n = node; n >= 0; n = parents[n]) ancestry.unshift(String(n));
        const expected = overrides
          .filter((o) => ancestry.includes(o.regionCode) && o.effectiveFrom <= onDate)
          .sort(
            (a, b) =>
              ancestry.indexOf(b.regionCode) - ancestry.indexOf(a.regionCode) ||
              b.effectiveFrom.localeCompare(a.effectiveFrom) ||
              b.createdAt.localeCompare(a.createdAt),
          )[0];
        const got = resolveParamValue(param, overrides, ancestry, onDate);
        if (!expected) {
          expect(got).toEqual({ value: 5, source: 'default' });
          return;
        }
        expect(got.source).toEqual({ regionCode: expected.regionCode, effectiveFrom: expected.effectiveFrom });
        // Exact duplicates (same region, date and entry time) may resolve to either value.
        const tied = overrides.filter(
          (o) => o.regionCode === expected.regionCode && o.effectiveFrom === expected.effectiveFrom && o.createdAt === expected.createdAt,
        );
        expect(tied.map((o) => o.value)).toContain(got.value);
      }),
    );
  });
});

describe('validateParamValue', () => {
  const ok = (d: ParamDef, v: unknown) => validateParamValue(d, v).ok;

  it('integer: whole numbers only, within min and max', () => {
    const d = def({ type: 'integer', min: 1, max: 10 });
    expect(ok(d, 1)).toBe(true);
    expect(ok(d, 10)).toBe(true);
    for (const bad of [0, 11, 1.5, '5', null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(ok(d, bad), String(bad)).toBe(false);
  });

  it('number: any finite number', () => {
    const d = def({ type: 'number', default: 1.25 });
    expect(ok(d, -3.5)).toBe(true);
    expect(ok(d, Number.NaN)).toBe(false);
    expect(ok(d, '1')).toBe(false);
  });

  it('money_fen: a safe whole number of fen, not negative', () => {
    const d = def({ type: 'money_fen', default: 0 });
    expect(ok(d, 0)).toBe(true);
    expect(ok(d, 500_000_000)).toBe(true);
    expect(ok(d, -1)).toBe(false);
    expect(ok(d, 10.5)).toBe(false);
    expect(ok(d, 2 ** 53)).toBe(false);
  });

  it('ratio: a fraction between 0 and 1, within min and max', () => {
    expect(ok(def({ type: 'ratio' }), 0)).toBe(true);
    expect(ok(def({ type: 'ratio' }), 1)).toBe(true);
    expect(ok(def({ type: 'ratio' }), 1.01)).toBe(false);
    expect(ok(def({ type: 'ratio' }), -0.01)).toBe(false);
    const band = def({ type: 'ratio', min: 0.01, max: 0.03 });
    expect(ok(band, 0.015)).toBe(true);
    expect(ok(band, 0.005)).toBe(false);
    expect(ok(band, 0.05)).toBe(false);
  });

  it.each<ParamType>(['duration_wd', 'duration_days', 'duration_months', 'duration_years'])('%s: a whole number, not negative', (type) => {
    const d = def({ type });
    expect(ok(d, 0)).toBe(true);
    expect(ok(d, 30)).toBe(true);
    expect(ok(d, -1)).toBe(false);
    expect(ok(d, 2.5)).toBe(false);
  });

  it('boolean, enum and string', () => {
    expect(ok(def({ type: 'boolean' }), false)).toBe(true);
    expect(ok(def({ type: 'boolean' }), 'false')).toBe(false);
    const e = def({ type: 'enum', options: ['CASH', 'BANK_GUARANTEE'] });
    expect(ok(e, 'CASH')).toBe(true);
    expect(ok(e, 'cash')).toBe(false);
    expect(ok(e, 1)).toBe(false);
    expect(ok(def({ type: 'string' }), '按月')).toBe(true);
    expect(ok(def({ type: 'string' }), 'x'.repeat(201))).toBe(false);
    expect(ok(def({ type: 'string' }), 3)).toBe(false);
  });

  it('explains a rejection in Chinese and English', () => {
    const check = validateParamValue(def({ type: 'integer', max: 10 }), 11);
    expect(check).toEqual({ ok: false, reason: { zh: expect.stringContaining('10'), en: expect.stringContaining('10') } });
  });
});

describe('defineParams', () => {
  it('registers definitions for lookup and listing', () => {
    defineParams([def({ id: 'TST-02.a' }), def({ id: 'TST-02.b' })]);
    expect(getParamDef('TST-02.a')?.id).toBe('TST-02.a');
    expect(listParamDefs().map((d) => d.id)).toEqual(expect.arrayContaining(['TST-02.a', 'TST-02.b']));
    expect(getParamDef('TST-02.none')).toBeUndefined();
  });

  it('rejects a duplicate id, already registered or within the batch, and then registers nothing', () => {
    defineParams([def({ id: 'TST-03.a' })]);
    expect(() => defineParams([def({ id: 'TST-03.a' })])).toThrow(/declared twice/);
    expect(() => defineParams([def({ id: 'TST-03.b' }), def({ id: 'TST-03.b' })])).toThrow(/declared twice/);
    expect(getParamDef('TST-03.b')).toBeUndefined();
  });

  it('rejects a default that fails its own type check, and ill-formed definitions', () => {
    expect(() => defineParams([def({ id: 'TST-04.a', type: 'money_fen', default: 1.5 })])).toThrow(/default/);
    expect(() => defineParams([def({ id: 'TST-04.b', type: 'ratio', default: 0.005, min: 0.01 })])).toThrow(/default/);
    expect(() => defineParams([def({ id: 'TST-04.c', type: 'enum', default: 'A' })])).toThrow(/options/);
    expect(() => defineParams([def({ id: 'TST-04.d', min: 10, max: 1 })])).toThrow(/min exceeds max/);
    expect(() => defineParams([def({ id: 'tst 04' })])).toThrow(/not of the form/);
    expect(listParamDefs().some((d) => d.id.startsWith('TST-04'))).toBe(false);
  });
});

describe('the platform catalogue', () => {
  it('is registered, and every default passes its own validation', () => {
    for (const p of PLATFORM_PARAMS) {
      expect(getParamDef(p.id), p.id).toBe(p);
      expect(validateParamValue(p, p.default), p.id).toEqual({ ok: true, value: p.default });
    }
  });

  it('every entry has bilingual names and a citation with its source', () => {
    for (const p of PLATFORM_PARAMS) {
      expect(p.name.zh.trim(), p.id).not.toBe('');
      expect(p.name.en.trim(), p.id).not.toBe('');
      expect(p.citation.zh.trim(), p.id).not.toBe('');
      expect(p.citation.en?.trim(), p.id).toBeTruthy();
      expect(p.citation.source, p.id).toMatch(/^(RULES|SECURITY)\.md /);
    }
  });

  it('carries the defaults of RULES.md, amounts in fen', () => {
    const defaults = Object.fromEntries(PLATFORM_PARAMS.map((p) => [p.id, p.default]));
    expect(defaults).toMatchObject({
      'PAY-02.graceUntil': 1,
      'PAY-04.ledgerRetentionYears': 3,
      'PAY-06.employmentLedgerRetentionYears': 3,
      'ACC-02.openWithinDays': 30,
      'ACC-04.maxDisbursementCycleMonths': 1,
      'ACC-07.closeNoticeDays': 30,
      'DEP-01.ratio': 0.015,
      'DEP-02.cap': 500_000_000,
      'DEP-04.exemptBelow': 400_000_000,
      'DEP-10.topUpWithinWD': 10,
      'CASE-01.acceptWithinWD': 5,
      'CASE-02.limitationYears': 2,
      'CASE-03.investigateWD': 60,
      'CASE-03.extensionWD': 30,
      'CASE-04.minInspectors': 2,
      'CASE-05.transferWithinWD': 1,
      'CASE-06.respondWD': 1,
      'CASE-06.verifyWD': 2,
      'CASE-06.closeWD': 7,
      'BL-02.objectionWD': 5,
      'BL-02.replyWD': 5,
      'BL-04.decideWD': 20,
      'BL-04.extendWD': 20,
      'BL-06.listYears': 3,
      'BL-07.earlyRemovalMonths': 6,
      'BL-08.decideWD': 15,
      'BL-09.removeWithinWD': 10,
      'SET-01.minProgressRatio': 0.8,
      'SET-01.maxRetention': 0.03,
      'SET-01.refundDays': 30,
      'CRM-01.oneWorkerAmount': 1_000_000,
      'CRM-01.tenWorkersAmount': 5_000_000,
      'WRN.deadlineWD.yellow': 10,
      'WRN.deadlineWD.orange': 5,
      'WRN.deadlineWD.red': 3,
    });
    expect(getParamDef('DEP-01.ratio')).toMatchObject({ min: 0.01, max: 0.03 });
  });

  it('lets regions override exactly the parameters RULES.md marks "Prov? yes"', () => {
    const overridable = PLATFORM_PARAMS.filter((p) => p.regionOverridable).map((p) => p.id);
    expect(overridable.sort()).toEqual(
      [
        'PAY-02.graceUntil',
        'ACC-02.openWithinDays',
        'DEP-01.ratio',
        'DEP-02.cap',
        'DEP-04.exemptBelow',
        'DEP-10.topUpWithinWD',
        'CASE-05.transferWithinWD',
        'CASE-06.respondWD',
        'CASE-06.verifyWD',
        'CASE-06.closeWD',
        'CRM-01.oneWorkerAmount',
        'CRM-01.tenWorkersAmount',
        'WRN.deadlineWD.yellow',
        'WRN.deadlineWD.orange',
        'WRN.deadlineWD.red',
      ].sort(),
    );
    expect(PLATFORM_PARAMS.filter((p) => p.module === 'auth').every((p) => !p.regionOverridable)).toBe(true);
  });

  it('marks the † defaults of RULES.md as unverified', () => {
    expect(PLATFORM_PARAMS.filter((p) => p.unverified).map((p) => p.id.split('.')[0])).toEqual(
      expect.arrayContaining(['DEP-01', 'DEP-10', 'CASE-05', 'CASE-06', 'WRN']),
    );
    expect(getParamDef('CASE-03.investigateWD')?.unverified).toBeUndefined();
  });
});
