import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import { alreadyFined, checkFine, COMPENSATION_PARAM_IDS, compensationLines, compensationOpen, FINE_PARAM_IDS, FINE_RULES, fineRangesOf, penaltyOpen, PENALTY_STAGES } from './cases.decisions';
import { FINES } from './cases.law';
import './cases.params';

const order = { docNo: '东人社监令〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-03-09' };
/** The parameters at their defaults, as getParamValues returns them for a region. */
const defaults = Object.fromEntries([...FINE_PARAM_IDS, ...COMPENSATION_PARAM_IDS].map((id) => [id, getParamDef(id)!.default]));
const ranges = fineRangesOf(defaults);

describe('the fines come from the parameters of cases.params.ts', () => {
  it('every PEN-0x range parameter exists, and resolves to the article’s range', () => {
    for (const id of FINE_PARAM_IDS) expect(getParamDef(id), id).toBeDefined();
    for (const r of FINE_RULES) expect({ unit: ranges[r].unit, individual: ranges[r].individual }, r).toEqual({ unit: FINES[r].unit, individual: FINES[r].individual });
  });

  it('a changed parameter changes the range applied', () => {
    const changed = fineRangesOf({ ...defaults, 'PEN-06.unitMaxFen': 3_000_000 });
    expect(checkFine('PEN-06', 'unit', 2_500_000, changed['PEN-06']).ok).toBe(true);
    expect(checkFine('PEN-06', 'unit', 2_500_000, ranges['PEN-06']).ok).toBe(false);
  });
});

describe('PEN-01…04, 06 ranges, by party (checkFine)', () => {
  it('PEN-01: unit ¥20,000–50,000, each individual ¥10,000–30,000, ends included', () => {
    expect(checkFine('PEN-01', 'unit', 2_000_000, ranges['PEN-01']).ok).toBe(true);
    expect(checkFine('PEN-01', 'unit', 5_000_000, ranges['PEN-01']).ok).toBe(true);
    expect(checkFine('PEN-01', 'individual', 1_000_000, ranges['PEN-01']).ok).toBe(true);
    const low = checkFine('PEN-01', 'unit', 1_999_999, ranges['PEN-01']);
    expect(low.ok || low.problem).toMatchObject({ field: 'amountFen', message: { zh: '罚款应在 20000.00 元至 50000.00 元之间（《保障农民工工资支付条例》第54条，PEN-01）' } });
    expect(checkFine('PEN-01', 'individual', 3_000_001, ranges['PEN-01']).ok).toBe(false);
  });
  it('PEN-02, PEN-03, PEN-04: the unit ¥50,000–100,000 only', () => {
    for (const r of ['PEN-02', 'PEN-03', 'PEN-04'] as const) {
      expect(checkFine(r, 'unit', 5_000_000, ranges[r]).ok, r).toBe(true);
      expect(checkFine(r, 'unit', 10_000_001, ranges[r]).ok, r).toBe(false);
      const person = checkFine(r, 'individual', 5_000_000, ranges[r]);
      expect(person.ok || person.problem.field, r).toBe('party');
    }
    expect([ranges['PEN-02'].stoppage, ranges['PEN-03'].stoppage, ranges['PEN-04'].stoppage]).toEqual([true, false, true]);
  });
  it('PEN-06: ¥2,000–20,000', () => {
    expect(checkFine('PEN-06', 'unit', 200_000, ranges['PEN-06']).ok).toBe(true);
    expect(checkFine('PEN-06', 'unit', 2_000_001, ranges['PEN-06']).ok).toBe(false);
    expect(checkFine('PEN-06', 'unit', 250_000.5, ranges['PEN-06']).ok).toBe(false);
  });
});

describe('when a penalty may be decided (penaltyOpen)', () => {
  it('PEN-01…04: only once the correction deadline passed uncorrected, the case recorded unmet', () => {
    for (const r of ['PEN-01', 'PEN-02', 'PEN-03', 'PEN-04'] as const) {
      expect(PENALTY_STAGES[r]).toEqual(['enforcing']);
      expect(penaltyOpen(r, { status: 'investigating', order: null, decidedOn: '2026-03-11' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('应先责令限期改正') } });
      // The last day of the limit is still in time.
      expect(penaltyOpen(r, { status: 'ordered', order, decidedOn: '2026-03-09' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('尚未届满') } });
      expect(penaltyOpen(r, { status: 'ordered', order, decidedOn: '2026-03-10' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('逾期未改正') } });
      expect(penaltyOpen(r, { status: 'enforcing', order, decidedOn: '2026-03-10' })).toEqual({ ok: true });
      expect(penaltyOpen(r, { status: 'resolved', order, decidedOn: '2026-03-10' }).ok).toBe(false);
    }
  });
  it('PEN-06: from filing, without an order', () => {
    expect(penaltyOpen('PEN-06', { status: 'investigating', order: null, decidedOn: '2026-03-02' })).toEqual({ ok: true });
    expect(penaltyOpen('PEN-06', { status: 'ordered', order, decidedOn: '2026-03-02' })).toEqual({ ok: true });
    expect(penaltyOpen('PEN-06', { status: 'accepted', order: null, decidedOn: '2026-03-02' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('已受理核查中') } });
  });
  it('the same party is not fined twice under the same rule (一事不再罚)', () => {
    const done = [{ ruleId: 'PEN-01', party: 'unit' }, { ruleId: 'PEN-01', party: 'individual', personName: '王建国' }];
    expect(alreadyFined(done, { ruleId: 'PEN-01', party: 'unit' })).toBe(true);
    expect(alreadyFined(done, { ruleId: 'PEN-01', party: 'individual', personName: ' 王建国 ' })).toBe(true);
    expect(alreadyFined(done, { ruleId: 'PEN-01', party: 'individual', personName: '李副总' })).toBe(false);
    expect(alreadyFined(done, { ruleId: 'PEN-02', party: 'unit' })).toBe(false);
  });
});

describe('PEN-05 additional compensation', () => {
  it('only after the order to pay ran out, the case recorded unmet', () => {
    expect(compensationOpen({ status: 'investigating', order: null, decidedOn: '2026-03-11' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('应先责令限期支付') } });
    expect(compensationOpen({ status: 'ordered', order, decidedOn: '2026-03-09' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('尚未届满') } });
    expect(compensationOpen({ status: 'ordered', order, decidedOn: '2026-03-10' })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('逾期未改正') } });
    expect(compensationOpen({ status: 'enforcing', order, decidedOn: '2026-03-10' })).toEqual({ ok: true });
  });

  it('the base is what was still unpaid at the end of the deadline; later payments do not lower it; moved claims are left out', () => {
    const workers = [
      { id: 'a', name: '张三', owedFen: 800_000, status: 'open' as const },
      { id: 'b', name: '李四', owedFen: 600_000, status: 'paid' as const },
      { id: 'c', name: '王五', owedFen: 300_000, status: 'moved' as const },
      { id: 'd', name: '赵六', owedFen: 100_000, status: 'paid' as const },
    ];
    const payments = [
      { caseWorkerId: 'a', amountFen: 200_000, paidOn: '2026-03-09' },
      { caseWorkerId: 'b', amountFen: 600_000, paidOn: '2026-03-10' },
      { caseWorkerId: 'd', amountFen: 100_000, paidOn: '2026-03-05' },
    ];
    expect(compensationLines(workers, payments, '2026-03-09', 0.5)).toEqual([
      { caseWorkerId: 'a', name: '张三', baseFen: 600_000, compensationFen: 300_000 },
      { caseWorkerId: 'b', name: '李四', baseFen: 600_000, compensationFen: 300_000 },
    ]);
    expect(compensationLines(workers, payments, '2026-03-09', 1).map((l) => l.compensationFen)).toEqual([600_000, 600_000]);
    // Rounded half up to the fen, per worker.
    expect(compensationLines([{ id: 'x', name: '钱七', owedFen: 333, status: 'open' }], [], '2026-03-09', 0.5)[0].compensationFen).toBe(167);
  });
});
