import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import './deposits.params';
import {
  type DepositFacts,
  type DepositParams,
  addMonths,
  arrearsWithin,
  bankReturnDeadline,
  checkDraw,
  checkLodging,
  checkReturnApplication,
  checkReturnOrder,
  cleanYearsOn,
  depositState,
  drawState,
  effectiveLodging,
  noticeUntil,
  requiredDeposit,
  topUpDeadline,
} from './deposits.rules';

const P: DepositParams = {
  ratio: 0.015,
  ratioMin: 0.01,
  ratioMax: 0.03,
  capFen: 500_000_000,
  exemptBelowFen: 400_000_000,
  durationBelowMonths: 3,
  smallCleanYears: 1,
  concurrentRatio: 0.01,
  reducedCleanYears: 2,
  reducedRatio: 0.005,
  exemptCleanYears: 3,
  lookbackYears: 2,
  arrearsIncrease: 0.5,
  listedIncrease: 1,
};
// ¥120,000,000 contract, one year of works, assessed 2026-02-01, record complete from 2025-06-01 (0 clean years).
const F: DepositFacts = {
  contractPriceFen: 120_000_000_00,
  plannedStart: '2026-02-01',
  plannedEnd: '2027-01-31',
  assessedOn: '2026-02-01',
  arrears: [],
  listings: [],
  coveredFrom: '2025-06-01',
  earlierConcurrentProjects: 0,
  realNameInPlace: true,
  wageAccountInPlace: true,
};
const rules = (r: ReturnType<typeof requiredDeposit>) => r.steps.map((s) => s.rule);

describe('the deposit parameters', () => {
  it('are declared with RULES.md defaults; the † ones unverified', () => {
    expect(getParamDef('DEP-03.forms')?.default).toEqual(['cash', 'bank_guarantee', 'guarantee_letter', 'surety_insurance']);
    expect(getParamDef('DEP-05.reducedRatio')?.default).toBe(0.005);
    expect(getParamDef('DEP-06.cleanYears')?.default).toBe(3);
    expect(getParamDef('DEP-07.increase')?.default).toBe(0.5);
    expect(getParamDef('DEP-08.increase')?.default).toBe(1);
    expect(getParamDef('DEP-11.returnNoticeDays')?.unverified).toBe(true);
    expect(getParamDef('DEP-11.bankReturnWD')?.unverified).toBe(true);
  });
});

describe('required amount', () => {
  it('DEP-01 contract × ratio, the band being the ratio parameter’s min and max', () => {
    const r = requiredDeposit({ ...F, contractPriceFen: 200_000_000_00 }, P);
    expect(r).toMatchObject({ requiredFen: 300_000_000, ratioPpm: 15_000, exempt: false, capApplied: false });
    expect(getParamDef('DEP-01.ratio')).toMatchObject({ min: 0.01, max: 0.03 });
    expect(r.steps[0].text.zh).toContain('1%—3%');
  });

  it('DEP-01 rounds up to the fen, exactly, for any contract', () => {
    expect(requiredDeposit({ ...F, contractPriceFen: 1_000_001_01 }, { ...P, capFen: Number.MAX_SAFE_INTEGER }).requiredFen).toBe(1_500_002);
    fc.assert(
      fc.property(fc.integer({ min: 400_000_000, max: 1e13 }), (c) => {
        const fen = requiredDeposit({ ...F, contractPriceFen: c }, { ...P, capFen: Number.MAX_SAFE_INTEGER }).requiredFen;
        return fen * 1000 >= c * 15 && (fen - 1) * 1000 < c * 15;
      }),
    );
  });

  it('DEP-02 caps the amount per project', () => {
    expect(requiredDeposit(F, P)).toMatchObject({ requiredFen: 180_000_000, capApplied: false });
    const r = requiredDeposit({ ...F, contractPriceFen: 500_000_000_00 }, P);
    expect(r).toMatchObject({ requiredFen: 500_000_000, capApplied: true });
    expect(r.steps.at(-1)).toMatchObject({ rule: 'DEP-02' });
  });

  it('DEP-03 accepts only the region’s forms, with what each form needs', () => {
    const all = ['cash', 'bank_guarantee', 'guarantee_letter', 'surety_insurance'];
    expect(checkLodging({ form: 'cash', amountFen: 1, lodgedOn: '2026-03-01', bankId: 'b', accountNo: '12345678' }, all, '2026-03-02')).toEqual([]);
    expect(checkLodging({ form: 'cash', amountFen: 1, lodgedOn: '2026-03-01' }, all, '2026-03-02').map((p) => p.field)).toEqual(['bankId', 'accountNo']);
    const g = { form: 'bank_guarantee' as const, amountFen: 1, lodgedOn: '2026-03-01', issuer: '南江银行', instrumentNo: 'BG-1', validFrom: '2026-03-01', validUntil: '2027-03-01' };
    expect(checkLodging(g, all, '2026-03-02')).toEqual([]);
    expect(checkLodging(g, ['cash'], '2026-03-02').map((p) => p.field)).toEqual(['form']);
    expect(checkLodging({ ...g, validUntil: '2026-03-01' }, all, '2026-03-02').map((p) => p.field)).toEqual(['validUntil']);
    expect(effectiveLodging({ form: 'bank_guarantee', amountFen: 1, validUntil: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(effectiveLodging({ form: 'cash', amountFen: 1, validUntil: null }, '2099-01-01')).toBe(true);
  });

  it('DEP-04 exempts a small or short project of a contractor clean in the prior year', () => {
    const small = { ...F, contractPriceFen: 399_999_999, coveredFrom: '2025-01-01' };
    expect(requiredDeposit(small, P)).toMatchObject({ requiredFen: 0, exempt: true });
    expect(rules(requiredDeposit(small, P))).toContain('DEP-04');
    const short = { ...F, plannedEnd: addMonths(F.plannedStart, 3).replace(/\d\d$/, (d) => String(Number(d) - 1).padStart(2, '0')), coveredFrom: '2025-01-01' };
    expect(requiredDeposit(short, P).exempt).toBe(true);
    // Not clean for a whole year before signing: the record is too short to tell, so no exemption.
    expect(requiredDeposit({ ...small, coveredFrom: '2025-06-01' }, P).exempt).toBe(false);
  });

  it('DEP-04 lowers a later concurrent project in the same area to 1%, still under the cap', () => {
    const r = requiredDeposit({ ...F, contractPriceFen: 200_000_000_00, earlierConcurrentProjects: 1 }, P);
    expect(r).toMatchObject({ ratioPpm: 10_000, requiredFen: 200_000_000 });
    expect(requiredDeposit({ ...F, contractPriceFen: 1_000_000_000_00, earlierConcurrentProjects: 1 }, P)).toMatchObject({ requiredFen: P.capFen, capApplied: true });
  });

  it('DEP-05 lowers the ratio to 0.5% after 2 clean years', () => {
    const r = requiredDeposit({ ...F, contractPriceFen: 200_000_000_00, coveredFrom: '2024-02-01' }, P);
    expect(r).toMatchObject({ cleanYears: 2, ratioPpm: 5_000, requiredFen: 100_000_000 });
    expect(rules(r)).toContain('DEP-05');
    expect(requiredDeposit({ ...F, coveredFrom: '2024-02-02' }, P).cleanYears).toBe(1);
  });

  it('DEP-06 exempts after 3 clean years only with real-name management and the wage account', () => {
    const clean = { ...F, coveredFrom: '2020-01-01', arrears: [{ foundOn: '2022-05-01', resolvedOn: '2023-01-15' }] };
    expect(requiredDeposit(clean, P)).toMatchObject({ cleanYears: 3, exempt: true, requiredFen: 0 });
    const noAccount = requiredDeposit({ ...clean, wageAccountInPlace: false }, P);
    expect(noAccount).toMatchObject({ exempt: false, ratioPpm: 5_000 });
    expect(noAccount.steps.find((s) => s.rule === 'DEP-06')?.text.zh).toContain('未开设工资专用账户');
  });

  it('DEP-07 raises the ratio by 50% after arrears in the prior 2 years, the cap lifted', () => {
    const r = requiredDeposit({ ...F, arrears: [{ foundOn: '2025-08-01', resolvedOn: '2025-09-01' }] }, P);
    expect(r).toMatchObject({ ratioPpm: 22_500, requiredFen: 2_700_000_00, capLifted: true, capApplied: false, exempt: false });
    // Even a small project: no exemption with recent arrears.
    expect(requiredDeposit({ ...F, contractPriceFen: 100_000_000, arrears: [{ foundOn: '2025-08-01', resolvedOn: null }] }, P).requiredFen).toBe(2_250_000);
    // Arrears settled more than 2 years before no longer raise it; one unsettled still does.
    expect(arrearsWithin([{ foundOn: '2023-01-01', resolvedOn: '2024-01-31' }], '2026-02-01', 2)).toBe(false);
    expect(arrearsWithin([{ foundOn: '2023-01-01', resolvedOn: null }], '2026-02-01', 2)).toBe(true);
    expect(arrearsWithin([{ foundOn: '2026-03-01', resolvedOn: null }], '2026-02-01', 2)).toBe(false);
  });

  it('DEP-08 raises the ratio by 100% while on the serious-dishonesty list, over DEP-07, the cap lifted', () => {
    const listed = { ...F, listings: [{ listedOn: '2025-01-01', removedOn: null }], arrears: [{ foundOn: '2024-12-01', resolvedOn: null }] };
    const r = requiredDeposit(listed, P);
    expect(r).toMatchObject({ ratioPpm: 30_000, requiredFen: 3_600_000_00, capLifted: true });
    expect(rules(r)).toEqual(['DEP-01', 'DEP-08']);
    expect(requiredDeposit({ ...F, listings: [{ listedOn: '2024-01-01', removedOn: '2025-01-01' }] }, P).ratioPpm).toBe(15_000);
  });

  it('counts clean years from the later of the last arrears and the start of the record', () => {
    expect(cleanYearsOn([], '2020-02-29', '2023-02-28')).toBe(2);
    expect(cleanYearsOn([], '2020-02-29', '2023-03-01')).toBe(3);
    expect(cleanYearsOn([{ foundOn: '2021-01-01', resolvedOn: '2024-01-01' }], '2015-01-01', '2026-02-01')).toBe(2);
    expect(cleanYearsOn([{ foundOn: '2021-01-01', resolvedOn: null }], '2015-01-01', '2026-02-01')).toBe(0);
    expect(cleanYearsOn([], '2027-01-01', '2026-02-01')).toBe(0);
  });
});

describe('draws and top-ups', () => {
  const ok = { amountFen: 100_000, drawnOn: '2026-03-10', orderIssuedOn: '2026-03-01', orderDueOn: '2026-03-05', orderUnmet: true, decisionOn: '2026-03-09', decisionAmountFen: 100_000 };

  it('DEP-09 draws only after an unmet order to pay and an HRSS usage decision', () => {
    expect(checkDraw(ok, 500_000, '2026-03-10')).toEqual([]);
    expect(checkDraw({ ...ok, orderUnmet: false }, 500_000, '2026-03-10').map((p) => p.field)).toEqual(['orderUnmet']);
    expect(checkDraw({ ...ok, decisionOn: '2026-03-05' }, 500_000, '2026-03-10').map((p) => p.field)).toEqual(['decisionOn']);
    expect(checkDraw({ ...ok, drawnOn: '2026-03-08' }, 500_000, '2026-03-10').map((p) => p.field)).toEqual(['drawnOn']);
    expect(checkDraw({ ...ok, amountFen: 100_001 }, 500_000, '2026-03-10').map((p) => p.field)).toEqual(['amountFen']);
    expect(checkDraw(ok, 99_999, '2026-03-10')[0].message.zh).toContain('应急周转金');
  });

  it('DEP-10 sets the top-up deadline in working days, unknown beyond the holiday calendar', () => {
    // Drawn Friday 2026-09-25: the National Day week (10-01…10-08 off; 09-27 and 10-10 make-up days) is skipped.
    expect(topUpDeadline('2026-09-25', 10)).toBe('2026-10-15');
    expect(topUpDeadline('2026-03-10', 10)).toBe('2026-03-24');
    expect(topUpDeadline('2026-12-28', 10)).toBeNull();
    expect(drawState({ amountFen: 100, topUpDueOn: '2026-03-24', topUps: [] }, '2026-03-24')).toEqual({ state: 'awaiting', outstandingFen: 100 });
    expect(drawState({ amountFen: 100, topUpDueOn: '2026-03-24', topUps: [{ amountFen: 40, toppedOn: '2026-03-20' }] }, '2026-03-25')).toEqual({ state: 'overdue', outstandingFen: 60 });
    expect(drawState({ amountFen: 100, topUpDueOn: '2026-03-24', topUps: [{ amountFen: 100, toppedOn: '2026-03-26' }] }, '2026-03-27').state).toBe('topped_up_late');
    expect(drawState({ amountFen: 100, topUpDueOn: null, topUps: [] }, '2026-12-30').state).toBe('deadline_unknown');
  });

  it('gives the deposit one state, the most urgent first', () => {
    const s = { requiredFen: 100, exempt: false, heldFen: 100, draws: [], returnStatus: null };
    expect(depositState(s)).toBe('lodged');
    expect(depositState({ ...s, heldFen: 0 })).toBe('missing');
    expect(depositState({ ...s, heldFen: 50 })).toBe('short');
    expect(depositState({ ...s, requiredFen: 0, exempt: true, heldFen: 0 })).toBe('exempt');
    expect(depositState({ ...s, heldFen: 50, draws: ['awaiting'] })).toBe('awaiting_top_up');
    expect(depositState({ ...s, heldFen: 50, draws: ['awaiting', 'overdue'] })).toBe('top_up_overdue');
    expect(depositState({ ...s, returnStatus: 'noticed' })).toBe('return_applied');
    expect(depositState({ ...s, returnStatus: 'rejected' })).toBe('lodged');
    expect(depositState({ ...s, returnStatus: 'returned' })).toBe('returned');
  });
});

describe('return', () => {
  it('DEP-11 returns after completion with nothing owed: application, notice, return notice by another official, the bank’s deadline', () => {
    const f = { projectStatus: 'completed', openArrearsOnProject: 0, returnStatus: null, heldFen: 100 };
    expect(checkReturnApplication(f)).toBeNull();
    expect(checkReturnApplication({ ...f, projectStatus: 'in_progress' })?.zh).toContain('完工');
    expect(checkReturnApplication({ ...f, openArrearsOnProject: 1 })?.zh).toContain('欠薪');
    expect(checkReturnApplication({ ...f, returnStatus: 'applied' })).not.toBeNull();
    expect(checkReturnApplication({ ...f, returnStatus: 'rejected' })).toBeNull();
    expect(noticeUntil('2026-03-02', 10)).toBe('2026-03-11');
    const order = { status: 'noticed' as const, noticeUntil: '2026-03-11', orderedOn: '2026-03-12', approverId: 'u1', actorId: 'u2' };
    expect(checkReturnOrder(order)).toEqual([]);
    expect(checkReturnOrder({ ...order, orderedOn: '2026-03-11' })[0].message.zh).toContain('公示期');
    expect(checkReturnOrder({ ...order, actorId: 'u1' })[0].message.zh).toContain('另一名');
    expect(checkReturnOrder({ ...order, status: 'applied' })).toHaveLength(1);
    expect(bankReturnDeadline('2026-03-12', 5)).toBe('2026-03-19');
    expect(bankReturnDeadline('2026-12-30', 5)).toBeNull();
  });
});
