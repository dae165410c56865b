import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import './payroll.params';
import {
  type LineFacts,
  firstPayer,
  lineChecks,
  lineCleared,
  minimumForDays,
  prefillItems,
  reconciliationGaps,
  termsAmountFen,
  wageDueOn,
} from './payroll.rules';

const PARAMS = { minimumMonthlyFen: 199_000, monthlyPaidDays: 21.75, suddenDropRatio: 0.3 };
const facts = (over: Partial<LineFacts> = {}): LineFacts => ({
  wageType: 'daily',
  wageAmountFen: 350_00,
  days: 20,
  attendanceDays: 20,
  grossFen: 20 * 350_00,
  history: [],
  hasCard: true,
  cardShared: false,
  ...over,
});

describe('PAY-01 wages in money to the worker’s own account', () => {
  it('PAY-01 a line that pays something needs the worker’s own card on record; a line paying nothing does not', () => {
    expect(lineChecks(facts({ hasCard: false }), PARAMS)).toEqual(['NO_CARD']);
    expect(lineChecks(facts({ hasCard: false, days: 0, attendanceDays: 0, grossFen: 0 }), PARAMS)).toEqual([]);
    expect(lineCleared(['NO_CARD'], '老乡说下月补卡')).toBe(false);
  });
});

describe('PAY-02 and PAY-03 the pay date', () => {
  it('PAY-02 wages for a month are due by the agreed payday of the month after; a payday past the month’s end is its last day', () => {
    expect(wageDueOn('2026-02-01', 15, 1)).toBe('2026-03-13'); // 15 March 2026 is a Sunday
    // 28 February 2026 is a Saturday, but a make-up working day (调休) of the Spring Festival.
    expect(wageDueOn('2026-01-01', 31, 1)).toBe('2026-02-28');
    expect(wageDueOn('2026-03-01', null, 1)).toBe('2026-04-30');
    expect(wageDueOn('2026-03-01', 10, 0)).toBe('2026-03-10');
  });

  it('PAY-03 a payday on a holiday or rest day moves earlier, never later', () => {
    // 1–5 October 2026 is the National Day holiday: a payday of the 3rd is paid on 30 September.
    expect(wageDueOn('2026-09-01', 3, 1)).toBe('2026-09-30');
    expect(wageDueOn('2026-09-01', 3, 1)! < '2026-10-03').toBe(true);
  });

  it('PAY-02 a due day beyond the official holiday calendar is not guessed', () => {
    expect(wageDueOn('2026-12-01', 15, 1)).toBeNull();
  });
});

describe('PAY-04 PAY-05 PAY-06 ledgers and slips', () => {
  it('PAY-04 the wage ledger is kept at least 3 years, a parameter no region may lower', () => {
    const def = getParamDef('PAY-04.ledgerRetentionYears')!;
    expect(def).toMatchObject({ default: 3, min: 3, regionOverridable: false });
  });
});

describe('PAY-07 the general contractor’s line checks', () => {
  it('PAY-07 pay at or above the minimum wage for the days worked passes; one fen below fails', () => {
    // 1,990.00 yuan a month over 21.75 days: 10 days need at least 914.95 (rounded up to the fen).
    expect(minimumForDays(199_000, 10, 21.75)).toBe(91_495);
    expect(minimumForDays(199_000, 25, 21.75)).toBe(199_000);
    const monthly = { wageType: 'monthly' as const, wageAmountFen: 91_495 };
    expect(lineChecks(facts({ ...monthly, days: 21, attendanceDays: 21, grossFen: 91_495, wageAmountFen: 80_000 }), PARAMS)).toContain('MIN_WAGE');
    expect(lineChecks(facts({ wageAmountFen: 9_000, days: 10, attendanceDays: 10, grossFen: 91_495 }), PARAMS)).toEqual([]);
    expect(lineChecks(facts({ wageAmountFen: 9_000, days: 10, attendanceDays: 10, grossFen: 91_494 }), PARAMS)).toEqual(['MIN_WAGE']);
  });

  it('PAY-07 pay below the agreed terms fails: day rate × days, a monthly wage pro rata, a piece rate not checkable', () => {
    expect(termsAmountFen({ wageType: 'daily', wageAmountFen: 350_00 }, 20, 21.75)).toBe(700_000);
    expect(termsAmountFen({ wageType: 'monthly', wageAmountFen: 870_000 }, 10, 21.75)).toBe(400_000);
    expect(termsAmountFen({ wageType: 'monthly', wageAmountFen: 870_000 }, 23, 21.75)).toBe(870_000);
    expect(termsAmountFen({ wageType: 'piece', wageAmountFen: 100 }, 10, 21.75)).toBeNull();
    expect(lineChecks(facts({ grossFen: 699_999 }), PARAMS)).toEqual(['BELOW_TERMS']);
    expect(lineChecks(facts({ wageType: 'piece', wageAmountFen: 100, grossFen: 500_000 }), PARAMS)).toEqual([]);
  });

  it('PAY-07 a sudden drop against the worker’s own recent day pay fails; a drop within the ratio passes', () => {
    const history = [{ grossFen: 20 * 500_00, days: 20 }];
    // 500 a day before; 30 % lower is 350 a day exactly: passes; one fen less over the month fails.
    expect(lineChecks(facts({ history, grossFen: 20 * 350_00 }), PARAMS)).toEqual([]);
    expect(lineChecks(facts({ history, grossFen: 20 * 350_00 - 1, wageAmountFen: 300_00 }), PARAMS)).toEqual(['SUDDEN_DROP']);
    expect(lineChecks(facts({ history: [{ grossFen: 0, days: 0 }] }), PARAMS)).toEqual([]);
  });

  it('PAY-07 more days paid than attended fails', () => {
    expect(lineChecks(facts({ days: 21, grossFen: 21 * 350_00 }), PARAMS)).toEqual(['DAYS_OVER_ATTENDANCE']);
  });

  it('PAY-07 an overridable failure passes only with a reason; a blocking one never', () => {
    expect(lineCleared([], null)).toBe(true);
    expect(lineCleared(['BELOW_TERMS'], null)).toBe(false);
    expect(lineCleared(['BELOW_TERMS'], '  ')).toBe(false);
    expect(lineCleared(['BELOW_TERMS', 'DAYS_OVER_ATTENDANCE'], '补记外出采购两天')).toBe(true);
    expect(lineCleared(['BELOW_TERMS', 'CARD_SHARED'], '补记外出采购两天')).toBe(false);
  });

  it('PAY-07 each worker signs the line: a parameter that is on by default', () => {
    expect(getParamDef('PAY-07.workerSignOff')).toMatchObject({ default: true, regionOverridable: false });
  });

  it('PAY-07 prefill: days from attendance, base pay from the terms; a piece rate is left for the employer', () => {
    expect(prefillItems({ wageType: 'daily', wageAmountFen: 350_00 }, 18, 21.75)).toEqual([{ code: 'base', label: '计日工资', amountFen: 630_000 }]);
    expect(prefillItems({ wageType: 'piece', wageAmountFen: 120 }, 18, 21.75)[0].amountFen).toBe(0);
  });
});

describe('PAY-08 PAY-09 总包代发 and cards', () => {
  it('PAY-09 a card shared with another worker is someone holding cards: blocking', () => {
    expect(lineChecks(facts({ cardShared: true }), PARAMS)).toEqual(['CARD_SHARED']);
  });

  it('PAY-08 the three-way reconciliation names every gap between attendance, payroll and payout', () => {
    expect(reconciliationGaps({ attendanceDays: 20, onPayroll: true, netFen: 700_000, paidFen: 700_000 })).toEqual([]);
    expect(reconciliationGaps({ attendanceDays: 5, onPayroll: false, netFen: 0, paidFen: 0 })).toEqual(['worked_not_on_payroll']);
    expect(reconciliationGaps({ attendanceDays: 20, onPayroll: true, netFen: 700_000, paidFen: 600_000 })).toEqual(['on_payroll_not_paid']);
    expect(reconciliationGaps({ attendanceDays: 0, onPayroll: true, netFen: 100_00, paidFen: 200_00 })).toEqual(['paid_not_on_site', 'paid_over_payroll']);
  });
});

describe('LIA-01 the general contractor pays first', () => {
  it('LIA-01 a subcontractor’s unpaid wages are paid first by the general contractor, which recovers them', () => {
    expect(firstPayer('sub', 'gc')).toEqual({ payer: 'gc', recoverFrom: 'sub' });
    expect(firstPayer('gc', 'gc')).toEqual({ payer: 'gc', recoverFrom: null });
  });
});
