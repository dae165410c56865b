import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import './payments.params';
import {
  builderAdvanceCap,
  interimSettlementFlag,
  monthlySeries,
  progressCheck,
  qualifiesForSet01,
  ratioBp,
  refundStatus,
  retentionCheck,
} from './payments.rules';

describe('SET-01 which projects it covers', () => {
  it('SET-01 government and SOE investment, and the district, city and SOE tiers; not private', () => {
    expect(qualifiesForSet01('government', 'district')).toBe(true);
    expect(qualifiesForSet01('government', 'city')).toBe(true);
    expect(qualifiesForSet01('soe', 'soe')).toBe(true);
    expect(qualifiesForSet01('ppp', 'district')).toBe(true);
    expect(qualifiesForSet01('ppp', 'private')).toBe(false);
    expect(qualifiesForSet01('private', 'private')).toBe(false);
    expect(qualifiesForSet01('private', 'soe')).toBe(true);
  });

  it('SET-01 the parameters are declared, nationally fixed, and read as basis points', () => {
    expect(getParamDef('SET-01.minProgressRatio')).toMatchObject({ default: 0.8, regionOverridable: false });
    expect(getParamDef('SET-01.maxRetention')).toMatchObject({ default: 0.03 });
    expect(getParamDef('SET-01.refundDays')).toMatchObject({ default: 30 });
    expect(getParamDef('SET-02.periodMonths')).toMatchObject({ default: 12, unverified: true });
    expect(ratioBp(0.8)).toBe(8000);
    expect(ratioBp(0.03)).toBe(300);
    expect(ratioBp(0.85)).toBe(8500);
  });
});

describe('SET-01 progress payments ≥ 80 % of completed value', () => {
  it('SET-01 zero completed value: nothing is due, no ratio', () => {
    expect(progressCheck(0, 0, 8000)).toEqual({ ratioBp: null, requiredFen: 0, shortfallFen: 0, meets: true });
    expect(progressCheck(0, 500, 8000)).toMatchObject({ ratioBp: null, meets: true });
  });

  it('SET-01 exactly 80 % meets; one fen short does not, and the shortfall is that fen', () => {
    expect(progressCheck(100_000_00, 80_000_00, 8000)).toEqual({ ratioBp: 8000, requiredFen: 80_000_00, shortfallFen: 0, meets: true });
    expect(progressCheck(100_000_00, 79_999_99, 8000)).toEqual({ ratioBp: 7999, requiredFen: 80_000_00, shortfallFen: 1, meets: false });
  });

  it('SET-01 the required amount rounds up to the fen: 80 % of 1 fen is 1 fen', () => {
    expect(progressCheck(1, 0, 8000)).toMatchObject({ requiredFen: 1, shortfallFen: 1, meets: false });
    expect(progressCheck(1, 1, 8000)).toMatchObject({ ratioBp: 10000, meets: true });
    // 80 % of 3 fen is 2.4 fen: 2 fen is short, by the exact comparison.
    expect(progressCheck(3, 2, 8000)).toMatchObject({ requiredFen: 3, shortfallFen: 1, meets: false });
  });

  it('SET-01 stays exact beyond floating-point range (a ¥100 bn contract)', () => {
    const completed = 10_000_000_000_000_01; // 1e15 + 1 fen
    const r = progressCheck(completed, 8_000_000_000_000_00, 8000);
    expect(r.meets).toBe(false);
    expect(r.shortfallFen).toBe(1);
  });

  it('SET-01 agrees with the rule stated in rational arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 10000 }), (completed, paid, bp) => {
        const r = progressCheck(completed, paid, bp);
        const meets = BigInt(paid) * 10000n >= BigInt(completed) * BigInt(bp);
        expect(r.meets).toBe(completed === 0 || meets);
        if (completed > 0) expect(paid + r.shortfallFen >= r.requiredFen && (r.meets ? r.shortfallFen === 0 : r.shortfallFen > 0)).toBe(true);
      }),
    );
  });

  it('SET-01 over time: shortfall appears in a month and clears when the owner catches up', () => {
    const series = monthlySeries({
      completed: [
        { month: '2026-03', amountFen: 1_000_000_00 },
        { month: '2026-04', amountFen: 1_000_000_00 },
      ],
      payments: [
        { paidOn: '2026-03-20', kind: 'progress', amountFen: 800_000_00 },
        { paidOn: '2026-05-10', kind: 'progress', amountFen: 800_000_00 },
        // Not yet happened on the day of the series: ignored.
        { paidOn: '2026-05-20', kind: 'progress', amountFen: 1 },
      ],
      today: '2026-05-15',
      minBp: 8000,
      applies: true,
    });
    expect(series.map((p) => [p.month, p.asOf, p.cumulativeCompletedFen, p.cumulativePaidFen, p.ratioBp, p.shortfallFen, p.meets])).toEqual([
      ['2026-03', '2026-03-31', 1_000_000_00, 800_000_00, 8000, 0, true],
      ['2026-04', '2026-04-30', 2_000_000_00, 800_000_00, 4000, 800_000_00, false],
      ['2026-05', '2026-05-15', 2_000_000_00, 1_600_000_00, 8000, 0, true],
    ]);
  });

  it('SET-01 a refund lowers what was paid; a project SET-01 does not cover shows the ratio without a shortfall', () => {
    const f = {
      completed: [{ month: '2026-03', amountFen: 100_00 }],
      payments: [
        { paidOn: '2026-03-02', kind: 'advance' as const, amountFen: 90_00 },
        { paidOn: '2026-03-03', kind: 'refund' as const, amountFen: 20_00 },
      ],
      today: '2026-03-31',
      minBp: 8000,
    };
    expect(monthlySeries({ ...f, applies: true })[0]).toMatchObject({ cumulativePaidFen: 70_00, ratioBp: 7000, shortfallFen: 10_00, meets: false });
    expect(monthlySeries({ ...f, applies: false })[0]).toMatchObject({ ratioBp: 7000, shortfallFen: 0, meets: true });
    expect(monthlySeries({ ...f, completed: [], payments: [], applies: true })).toEqual([]);
  });

  it('SET-01 retention: at most 3 % of the contract price, to the fen', () => {
    expect(retentionCheck(3_600_000_00, 120_000_000_00, 300)).toEqual({ capFen: 3_600_000_00, within: true });
    expect(retentionCheck(3_600_000_01, 120_000_000_00, 300)).toEqual({ capFen: 3_600_000_00, within: false });
    expect(retentionCheck(0, 0, 300)).toEqual({ capFen: 0, within: true });
    expect(retentionCheck(1, 0, 300).within).toBe(false);
    // 3 % of 101 fen is 3.03 fen: 3 fen is within, the cap shows the whole fen.
    expect(retentionCheck(3, 101, 300)).toEqual({ capFen: 3, within: true });
  });

  it('SET-01 overpayment after final settlement is refunded within 30 days', () => {
    const final = { amountFen: 1000_00, settledOn: '2026-06-30' };
    expect(refundStatus({ final: null, paidAtSettlementFen: 0, paidNowFen: 5000_00, today: '2026-07-01', refundDays: 30 })).toEqual({ state: 'none', outstandingFen: 0, dueOn: null });
    expect(refundStatus({ final, paidAtSettlementFen: 1000_00, paidNowFen: 1000_00, today: '2026-09-01', refundDays: 30 }).state).toBe('none');
    expect(refundStatus({ final, paidAtSettlementFen: 1200_00, paidNowFen: 1200_00, today: '2026-07-30', refundDays: 30 })).toEqual({ state: 'due', outstandingFen: 200_00, dueOn: '2026-07-30' });
    expect(refundStatus({ final, paidAtSettlementFen: 1200_00, paidNowFen: 1200_00, today: '2026-07-31', refundDays: 30 })).toMatchObject({ state: 'overdue', outstandingFen: 200_00 });
    expect(refundStatus({ final, paidAtSettlementFen: 1200_00, paidNowFen: 1000_00, today: '2026-08-15', refundDays: 30 })).toEqual({ state: 'refunded', outstandingFen: 0, dueOn: '2026-07-30' });
  });
});

describe('SET-02 interim settlement on multi-year projects', () => {
  const base = { start: '2026-02-10', plannedEnd: '2027-06-30', coveredTo: null, finalSettled: false, periodMonths: 12 };
  it('SET-02 does not apply to works that end in the year they start', () => {
    expect(interimSettlementFlag({ ...base, plannedEnd: '2026-12-31', today: '2027-03-01' })).toEqual({ applies: false, flagged: false, unsettledFrom: null, periodEnd: null });
  });

  it('SET-02 flags once a whole period has elapsed without an interim settlement', () => {
    expect(interimSettlementFlag({ ...base, today: '2027-01-31' })).toEqual({ applies: true, flagged: false, unsettledFrom: '2026-02-10', periodEnd: '2027-01-31' });
    expect(interimSettlementFlag({ ...base, today: '2027-02-01' })).toMatchObject({ flagged: true, unsettledFrom: '2026-02-10' });
  });

  it('SET-02 an interim settlement restarts the period; a final one ends the flag', () => {
    expect(interimSettlementFlag({ ...base, coveredTo: '2026-12-31', today: '2027-02-01' })).toMatchObject({ flagged: false, unsettledFrom: '2027-01-01', periodEnd: '2027-12-31' });
    expect(interimSettlementFlag({ ...base, finalSettled: true, today: '2028-01-01' }).flagged).toBe(false);
  });
});

describe('LIA-02 the owner’s advance cap', () => {
  it('LIA-02 is the unsettled construction funds: completed value less paid, never negative', () => {
    expect(builderAdvanceCap({ completedFen: 2_000_000_00, paidFen: 1_500_000_00, finalSettlementFen: null })).toBe(500_000_00);
    expect(builderAdvanceCap({ completedFen: 0, paidFen: 0, finalSettlementFen: null })).toBe(0);
    expect(builderAdvanceCap({ completedFen: 100, paidFen: 150, finalSettlementFen: null })).toBe(0);
  });

  it('LIA-02 after the final settlement the settled price is the basis', () => {
    expect(builderAdvanceCap({ completedFen: 2_000_000_00, paidFen: 1_500_000_00, finalSettlementFen: 2_100_000_00 })).toBe(600_000_00);
  });
});
