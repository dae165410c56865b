import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import './funds.params';
import { checkAdvance, fundLevel, outstandingFen, reconcile, sizeCheck, totalCapFen } from './funds.rules';

describe('EMF-01 advances', () => {
  const base = { arrearsFen: 10_000_000, perWorkerCapFen: 199_000, totalCapRatio: 0.2, higherApprovalRef: null, balanceFen: 100_000_000 };

  it('EMF-01 caps each worker at the monthly minimum wage and the total at 20% of the wages owed', () => {
    expect(getParamDef('EMF-01.perWorkerCap')).toMatchObject({ type: 'money_fen', default: 199_000, regionOverridable: true, unverified: true });
    expect(getParamDef('EMF-01.totalCapRatio')?.default).toBe(0.2);
    const fine = checkAdvance({ ...base, lines: [{ workerId: 'w1', amountFen: 199_000 }, { workerId: 'w2', amountFen: 199_000 }] });
    expect(fine).toMatchObject({ problems: [], totalFen: 398_000, totalCapFen: 2_000_000, overTotal: false, overPerWorker: [] });
    const overWorker = checkAdvance({ ...base, lines: [{ workerId: 'w1', amountFen: 199_001 }] });
    expect(overWorker.problems.map((p) => p.field)).toEqual(['lines/0/amountFen']);
    const overTotal = checkAdvance({ ...base, arrearsFen: 1_000_000, lines: [{ workerId: 'w1', amountFen: 150_000 }, { workerId: 'w2', amountFen: 60_000 }] });
    expect(overTotal.problems.map((p) => p.field)).toEqual(['lines']);
    expect(overTotal.totalCapFen).toBe(200_000);
  });

  it('EMF-01 allows a higher amount with the government’s approval, recording which caps it exceeds', () => {
    const r = checkAdvance({ ...base, arrearsFen: 1_000_000, higherApprovalRef: '锦政批〔2026〕3号', lines: [{ workerId: 'w1', amountFen: 250_000 }] });
    expect(r).toMatchObject({ problems: [], overPerWorker: ['w1'], overTotal: true });
    // Never beyond the wages owed, nor what the fund holds, nor twice the same worker.
    expect(checkAdvance({ ...base, arrearsFen: 100_000, higherApprovalRef: 'x', lines: [{ workerId: 'w1', amountFen: 100_001 }] }).problems).toHaveLength(1);
    expect(checkAdvance({ ...base, balanceFen: 100, lines: [{ workerId: 'w1', amountFen: 101 }] }).problems[0].message.zh).toContain('余额');
    expect(checkAdvance({ ...base, lines: [{ workerId: 'w1', amountFen: 1 }, { workerId: 'w1', amountFen: 1 }] }).problems.map((p) => p.field)).toEqual(['lines/1/workerId']);
  });

  it('EMF-01 rounds the total cap down to the fen', () => {
    expect(totalCapFen(999, 0.2)).toBe(199);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e13 }), (a) => totalCapFen(a, 0.2) * 5 <= a && (totalCapFen(a, 0.2) + 1) * 5 > a));
  });

  it('EMF-01 recovery: outstanding = advanced − recovered', () => {
    expect(outstandingFen(500, [{ amountFen: 200 }, { amountFen: 100 }])).toBe(200);
  });
});

describe('EMF-02 the fund', () => {
  it('EMF-02 has a minimum size per level: city ¥5,000,000, county ¥1,000,000', () => {
    expect(getParamDef('EMF-02.cityMinFen')?.default).toBe(500_000_000);
    expect(getParamDef('EMF-02.countyMinFen')?.default).toBe(100_000_000);
    expect(fundLevel(2)).toBe('city');
    expect(fundLevel(3)).toBe('county');
    expect(fundLevel(4)).toBeNull();
    expect(sizeCheck(99_999_999, 100_000_000)).toEqual({ minimumFen: 100_000_000, balanceFen: 99_999_999, shortfallFen: 1, meets: false });
    expect(sizeCheck(100_000_000, 100_000_000).meets).toBe(true);
  });

  it('EMF-02 balance = injections + interest − advances + recoveries, exactly', () => {
    const kinds = fc.constantFrom('injection' as const, 'interest' as const, 'advance' as const, 'recovery' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(kinds, fc.integer({ min: 1, max: 1e12 }))), (ms) => {
        const movements = ms.map(([kind, fen]) => ({ kind, amountFen: kind === 'advance' ? -fen : fen }));
        const r = reconcile(movements);
        return r.balanceFen === movements.reduce((s, m) => s + m.amountFen, 0) && r.balanceFen === r.injectionsFen + r.interestFen - r.advancesFen + r.recoveriesFen;
      }),
    );
  });
});
