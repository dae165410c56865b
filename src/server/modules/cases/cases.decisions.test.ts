import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import {
  alreadyFined,
  checkFine,
  checkInstallments,
  checkPlanTotal,
  COMPENSATION_PARAM_IDS,
  compensationLines,
  compensationOpen,
  FINE_PARAM_IDS,
  FINE_RULES,
  fineRangesOf,
  handlingDecisionOpen,
  installmentProgress,
  outstandingLines,
  penaltyOpen,
  PENALTY_STAGES,
  settlementOpen,
} from './cases.decisions';
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

describe('what the case still pursues (outstandingLines)', () => {
  it('found owed (else claimed) less recovered, for the workers neither paid nor moved', () => {
    const lines = outstandingLines([
      { id: 'a', name: '张三', owedFen: 800_000, recoveredFen: 200_000, status: 'open' },
      { id: 'b', name: '李四', owedFen: 600_000, recoveredFen: 600_000, status: 'paid' },
      { id: 'c', name: '王五', owedFen: 300_000, recoveredFen: 0, status: 'moved' },
      { id: 'd', name: '赵六', owedFen: 100_000, recoveredFen: 150_000, status: 'open' },
      { id: 'e', name: '钱七', owedFen: 50_000, recoveredFen: 0, status: 'open' },
    ]);
    expect(lines).toEqual([
      { caseWorkerId: 'a', name: '张三', unpaidFen: 600_000 },
      { caseWorkerId: 'e', name: '钱七', unpaidFen: 50_000 },
    ]);
  });
});

describe('和解协议: the payment plan', () => {
  const plan = [
    { dueOn: '2026-03-10', amountFen: 500_000 },
    { dueOn: '2026-04-10', amountFen: 500_000 },
    { dueOn: '2026-05-10', amountFen: 400_000 },
  ];
  const fields = (ps: { field: string }[]) => ps.map((p) => p.field);

  it('signed only while mediating, once per case', () => {
    expect(settlementOpen({ status: 'mediating', agreement: null })).toEqual({ ok: true });
    for (const status of ['accepted', 'investigating', 'resolved'] as const) {
      expect(settlementOpen({ status, agreement: null })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('调解中签订') } });
    }
    expect(settlementOpen({ status: 'mediating', agreement: { docNo: '东人社调〔2026〕1号' } })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('东人社调〔2026〕1号') } });
  });

  it('1 to 12 installments', () => {
    expect(checkInstallments(plan, '2026-03-02')).toEqual([]);
    expect(fields(checkInstallments([], '2026-03-02'))).toEqual(['installments']);
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ dueOn: `2026-${String(i < 9 ? 3 : 4).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`, amountFen: 100 }));
    expect(fields(checkInstallments(thirteen, '2026-03-02'))).toEqual(['installments']);
    expect(checkInstallments(thirteen.slice(0, 12), '2026-03-02')).toEqual([]);
  });

  it('dates ascending, none before the signing; the day of signing itself is allowed', () => {
    expect(checkInstallments([{ dueOn: '2026-03-02', amountFen: 1 }], '2026-03-02')).toEqual([]);
    const early = checkInstallments([{ dueOn: '2026-03-01', amountFen: 1 }], '2026-03-02');
    expect(early).toEqual([{ field: 'installments/0/dueOn', message: { zh: '支付期限不得早于协议签订日期（2026-03-02）', en: expect.any(String) } }]);
    const unordered = checkInstallments([plan[1], plan[0], plan[2]], '2026-03-02');
    expect(fields(unordered)).toEqual(['installments/1/dueOn']);
    // Two installments on the same day are one installment.
    expect(fields(checkInstallments([plan[0], { ...plan[0] }], '2026-03-02'))).toEqual(['installments/1/dueOn']);
  });

  it('whole positive fen', () => {
    expect(fields(checkInstallments([{ dueOn: '2026-03-10', amountFen: 0 }, { dueOn: '2026-03-11', amountFen: 10.5 }], '2026-03-02'))).toEqual(['installments/0/amountFen', 'installments/1/amountFen']);
  });

  it('the sum equals what is still owed, or the refusal says the figure it should be', () => {
    expect(checkPlanTotal(plan, 1_400_000)).toEqual({ ok: true });
    expect(checkPlanTotal(plan, 1_400_001)).toEqual({
      ok: false,
      problem: { field: 'installments', message: { zh: '分期金额合计 14000.00 元，应等于尚欠工资 14000.01 元', en: 'The installments add up to 14000.00 yuan; they must equal the 14000.01 yuan still owed' } },
    });
  });

  it('each installment met or missed: cumulative paid toward the agreement by its day against the cumulative plan', () => {
    const covered = { caseWorkerIds: ['a', 'b'], countedPaymentIds: ['p0'] };
    const payments = [
      // Already counted when the agreement was signed, and a payment to a worker it does not cover: neither goes toward it.
      { id: 'p0', caseWorkerId: 'a', amountFen: 200_000, paidOn: '2026-03-01' },
      { id: 'px', caseWorkerId: 'z', amountFen: 900_000, paidOn: '2026-03-05' },
      { id: 'p1', caseWorkerId: 'a', amountFen: 300_000, paidOn: '2026-03-08' },
      { id: 'p2', caseWorkerId: 'b', amountFen: 200_000, paidOn: '2026-03-10' },
      { id: 'p3', caseWorkerId: 'b', amountFen: 300_000, paidOn: '2026-04-12' },
    ];
    const states = (on: string) => installmentProgress(plan, payments, covered, on).installments.map((i) => i.state);
    // ¥5,000 by 3-10 (the day itself in time); ¥5,000 of ¥10,000 by 4-10, made up to ¥8,000 on 4-12 — still short.
    expect(states('2026-03-10')).toEqual(['paid', 'pending', 'pending']);
    expect(states('2026-04-10')).toEqual(['paid', 'pending', 'pending']);
    expect(states('2026-04-11')).toEqual(['paid', 'missed', 'pending']);
    const p = installmentProgress(plan, payments, covered, '2026-05-11');
    expect(p.paidFen).toBe(800_000);
    expect(p.installments[1]).toEqual({ dueOn: '2026-04-10', amountFen: 500_000, cumulativeFen: 1_000_000, paidByDueFen: 500_000, state: 'missed' });
    // Made up after the day: late, not missed.
    const later = [...payments, { id: 'p4', caseWorkerId: 'a', amountFen: 600_000, paidOn: '2026-05-11' }];
    expect(installmentProgress(plan, later, covered, '2026-05-12').installments.map((i) => i.state)).toEqual(['paid', 'late', 'late']);
    // A payment recorded later but dated in time counts in time.
    const backdated = [...payments, { id: 'p5', caseWorkerId: 'a', amountFen: 500_000, paidOn: '2026-04-09' }];
    expect(installmentProgress(plan, backdated, covered, '2026-04-20').installments[1].state).toBe('paid');
  });
});

describe('行政处理决定: when it may be issued', () => {
  it('from filing, and after an order ran out unmet; once per case', () => {
    expect(handlingDecisionOpen({ status: 'investigating', decision: null })).toEqual({ ok: true });
    expect(handlingDecisionOpen({ status: 'enforcing', decision: null })).toEqual({ ok: true });
    expect(handlingDecisionOpen({ status: 'ordered', decision: null })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('逾期未改正') } });
    expect(handlingDecisionOpen({ status: 'mediating', decision: null })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('调解中') } });
    expect(handlingDecisionOpen({ status: 'investigating', decision: { docNo: '东人社处〔2026〕1号' } })).toMatchObject({ ok: false, reason: { zh: expect.stringContaining('东人社处〔2026〕1号') } });
  });
});
