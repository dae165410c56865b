import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, agreementState, allocationSchedule, checkAccountStatusChange, matchAllocations, openingDelayDays, signedAmount, transactionFlags } from './accounts.rules';

describe('ACC-02 opening deadline', () => {
  it('is on time up to the 30th day after the contract, late by the days beyond', () => {
    expect(openingDelayDays('2026-01-02', '2026-02-01', 30)).toBe(0);
    expect(openingDelayDays('2026-01-02', '2026-02-02', 30)).toBe(1);
    expect(openingDelayDays('2026-01-02', '2026-02-15', 30)).toBe(14);
  });
});

describe('ACC-05 money leaves only as wages to this project’s workers', () => {
  it('flags debits that are not payouts to a roster card; fees and credits pass', () => {
    expect(transactionFlags({ kind: 'payout', amountFen: -100, toRosterCard: true })).toEqual([]);
    expect(transactionFlags({ kind: 'payout', amountFen: -100, toRosterCard: false })).toEqual(['ACC-05']);
    expect(transactionFlags({ kind: 'payout', amountFen: -100, toRosterCard: null })).toEqual(['ACC-05']);
    expect(transactionFlags({ kind: 'other', amountFen: -100, toRosterCard: null })).toEqual(['ACC-05']);
    expect(transactionFlags({ kind: 'fee', amountFen: -2, toRosterCard: null })).toEqual([]);
    expect(transactionFlags({ kind: 'other', amountFen: 100, toRosterCard: null })).toEqual([]);
  });

  it('keeps each kind to its sign and refuses a deposit reported as a debit', () => {
    expect(signedAmount('labor_cost_deposit', 'credit', 500)).toEqual({ ok: true, fen: 500 });
    expect(signedAmount('payout', 'debit', 500)).toEqual({ ok: true, fen: -500 });
    expect(signedAmount('other', 'debit', 500)).toEqual({ ok: true, fen: -500 });
    expect(signedAmount('labor_cost_deposit', 'debit', 500).ok).toBe(false);
    expect(signedAmount('payout', 'credit', 500).ok).toBe(false);
    expect(signedAmount('fee', 'debit', 0).ok).toBe(false);
    expect(signedAmount('fee', 'debit', 1.5).ok).toBe(false);
  });
});

describe('ACC-07 closing', () => {
  const facts = { projectStatus: 'completed', noticeFrom: '2026-01-01', today: '2026-01-31', closeNoticeDays: 30, ledgerBalanceFen: 0, unpaidWagesFen: 0 };
  it('needs completion, no wages owed, a notice that has run its days, and a zero balance', () => {
    expect(checkAccountStatusChange('in_use', 'closed', facts)).toBeNull();
    expect(checkAccountStatusChange('in_use', 'closed', { ...facts, today: '2026-01-30' })?.zh).toContain('30日');
    expect(checkAccountStatusChange('in_use', 'closed', { ...facts, projectStatus: 'in_progress' })?.zh).toContain('完工');
    expect(checkAccountStatusChange('in_use', 'closed', { ...facts, unpaidWagesFen: 1 })?.zh).toContain('拖欠');
    expect(checkAccountStatusChange('in_use', 'closed', { ...facts, noticeFrom: null })?.zh).toContain('公示');
    expect(checkAccountStatusChange('in_use', 'closed', { ...facts, ledgerBalanceFen: 1 })?.zh).toContain('余额');
  });
  it('ACC-08 a frozen account goes back into use; a closed one stays closed', () => {
    expect(checkAccountStatusChange('frozen', 'in_use')).toBeNull();
    expect(checkAccountStatusChange('closed', 'in_use')).not.toBeNull();
    expect(checkAccountStatusChange('frozen', 'opened')).not.toBeNull();
  });
});

describe('ACC-04 labour-cost allocation schedule', () => {
  it('splits the labour cost exactly over monthly cycles, due by payday moved earlier off rest days (PAY-03)', () => {
    const { allocations, totalFen, beyondCalendar } = allocationSchedule({
      contractPriceFen: 100_000_000_00,
      laborCostShareBp: 2500,
      cycleMonths: 1,
      start: '2026-03-10',
      end: '2026-06-20',
      payday: 15,
      graceMonths: 1,
    });
    expect(totalFen).toBe(25_000_000_00);
    expect(beyondCalendar).toBe(0);
    expect(allocations.map((a) => [a.periodStart, a.periodEnd, a.dueOn])).toEqual([
      ['2026-03-10', '2026-03-31', '2026-04-15'],
      ['2026-04-01', '2026-04-30', '2026-05-15'],
      // 15 June 2026 is a Monday; 15 July a Wednesday.
      ['2026-05-01', '2026-05-31', '2026-06-15'],
      ['2026-06-01', '2026-06-20', '2026-07-15'],
    ]);
    expect(allocations.reduce((s, a) => s + a.expectedFen, 0)).toBe(totalFen);
  });

  it('moves a payday on a weekend to the working day before, and a 31st to the month’s end', () => {
    // 15 March 2026 is a Sunday.
    expect(allocationSchedule({ contractPriceFen: 1000, laborCostShareBp: 10000, cycleMonths: 1, start: '2026-02-01', end: '2026-02-28', payday: 15, graceMonths: 1 }).allocations[0].dueOn).toBe('2026-03-13');
    // 30 April 2026 is a Thursday (the last day of April).
    expect(allocationSchedule({ contractPriceFen: 1000, laborCostShareBp: 10000, cycleMonths: 1, start: '2026-03-01', end: '2026-03-31', payday: 31, graceMonths: 1 }).allocations[0].dueOn).toBe('2026-04-30');
  });

  it('PAY-02 a region without grace schedules the deposit within the month worked; works ending before they start schedule nothing', () => {
    const terms = { contractPriceFen: 1000, laborCostShareBp: 10000, cycleMonths: 1, payday: 15, graceMonths: 0 };
    expect(allocationSchedule({ ...terms, start: '2026-03-01', end: '2026-03-31' }).allocations[0].dueOn).toBe('2026-03-13');
    expect(allocationSchedule({ ...terms, start: '2026-04-01', end: '2026-03-31' })).toEqual({ allocations: [], totalFen: 1000, beyondCalendar: 0 });
  });

  it('leaves cycles whose due day is beyond the official calendar for later', () => {
    const r = allocationSchedule({ contractPriceFen: 1200, laborCostShareBp: 10000, cycleMonths: 1, start: '2026-10-01', end: '2027-03-31', payday: 10, graceMonths: 1 });
    expect(r.allocations.map((a) => a.periodStart)).toEqual(['2026-10-01', '2026-11-01']);
    expect(r.beyondCalendar).toBe(4);
  });

  it('always adds up to the labour cost to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_00 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 20 }), (price, share, months) => {
        const end = new Date(Date.UTC(2024, months - 1, 28)).toISOString().slice(0, 10);
        const r = allocationSchedule({ contractPriceFen: price, laborCostShareBp: share, cycleMonths: 1, start: '2024-01-01', end, payday: null, graceMonths: 1 });
        expect(r.allocations.reduce((s, a) => s + a.expectedFen, 0)).toBe(r.totalFen);
        expect(Math.max(...r.allocations.map((a) => a.expectedFen)) - Math.min(...r.allocations.map((a) => a.expectedFen))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('ACC-04 deposits matched to allocations', () => {
  const allocations = [
    { dueOn: '2026-03-13', expectedFen: 100 },
    { dueOn: '2026-04-15', expectedFen: 100 },
    { dueOn: '2026-05-15', expectedFen: 100 },
  ];
  it('ACC-06 a missed or short disbursement shows as overdue or partial: the oldest is paid first; on time, late and upcoming told apart', () => {
    const r = matchAllocations(allocations, [{ bookedOn: '2026-03-10', amountFen: 100 }, { bookedOn: '2026-04-20', amountFen: 150 }], '2026-05-20');
    expect(r.map((x) => [x.state, x.coveredFen, x.coveredOn])).toEqual([
      ['met', 100, '2026-03-10'],
      ['met_late', 100, '2026-04-20'],
      ['partial', 50, null],
    ]);
    expect(matchAllocations(allocations, [], '2026-04-01').map((x) => x.state)).toEqual(['overdue', 'upcoming', 'upcoming']);
  });
  it('depends on booking dates, not on the order deposits arrive in', () => {
    const deposits = [{ bookedOn: '2026-04-20', amountFen: 150 }, { bookedOn: '2026-03-10', amountFen: 100 }];
    expect(matchAllocations(allocations, deposits, '2026-05-20')).toEqual(matchAllocations(allocations, [...deposits].reverse(), '2026-05-20'));
  });
});

describe('ACC-03 and ACC-09', () => {
  it('ACC-03 the tripartite agreement is on file before works start; late or overdue otherwise', () => {
    expect(agreementState({ hasFile: true, signedOn: '2026-02-01', worksStart: '2026-02-10', today: '2026-03-01' })).toBe('on_file');
    expect(agreementState({ hasFile: true, signedOn: '2026-02-11', worksStart: '2026-02-10', today: '2026-03-01' })).toBe('late');
    expect(agreementState({ hasFile: false, signedOn: null, worksStart: '2026-02-10', today: '2026-02-09' })).toBe('missing');
    expect(agreementState({ hasFile: false, signedOn: null, worksStart: '2026-02-10', today: '2026-02-10' })).toBe('overdue');
  });

  it('ACC-09 a dispute suspends nothing: there is no disputed state, and only a frozen account goes back into use', () => {
    expect(Object.keys(ACCOUNT_STATUSES)).toEqual(['opened', 'in_use', 'frozen', 'closed']);
    expect(checkAccountStatusChange('in_use', 'frozen')).toBeNull();
    expect(checkAccountStatusChange('frozen', 'in_use')).toBeNull();
  });
});
