import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeProjectStatus } from '../../src/server/modules/projects/projects.service';
import { type Fixture, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, attend, ctxOf, loadGovUnits, scan, setParam, warningsOf } from '../support/warnings';
import { allocate, bankTxn, insertPayroll, moneyProject, openAccount, setPayrollStatus, warningsOn, workerName } from '../support/warnings-money';

/**
 * The wage-payment rules (RULES.md §7.4): each raises exactly one warning with its evidence, clears
 * when the data is fixed, and follows its parameters. Today is 2026-03-02 (the test clock).
 */

let platform: TestPlatform;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
});
afterAll(() => platform?.close());

describe('W05 wages not paid monthly', () => {
  it('raises one red warning for a month worked and unpaid by the end of the next, routed with a deadline; paying clears it', async () => {
    const crew = await addWorkers(platform, p.projectA, fx.enterpriseA, 3);
    await attend(platform, p.projectA, crew.map((c) => c.workerId), '2026-01', 10);
    await scan(platform, ['W05']);
    const open = await warningsOf(platform, 'W05', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: p.projectA, level: 'red', status: 'dispatched', subject_key: `${p.projectA}:2026-01` });
    expect(open[0].evidence).toMatchObject({ month: '2026-01', dueBy: '2026-02-28', attendedWorkers: 3, workerDays: 30, paidFen: 0 });
    // 区属 (government, no competent unit recorded) → the industry department; red: 3 working days.
    expect(open[0].lead_unit_id).toBe(units.housingA);
    expect(open[0].due_on).toBe('2026-03-05');

    // A second scan changes nothing.
    await scan(platform, ['W05']);
    expect(await warningsOf(platform, 'W05')).toHaveLength(1);

    // Paid through the account (a paid line on a January payroll): resolved with the evidence.
    const payrollId = '01900000-0000-7000-8000-000000000001';
    await platform.db.query(
      `INSERT INTO payrolls (project_id, id, employer_id, month, status, prepared_by, created_at, updated_at) VALUES ($1, $2, $3, '2026-01-01', 'paid', 't', now(), now())`,
      [p.projectA, payrollId, fx.enterpriseA],
    );
    await platform.db.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status, paid_fen)
       VALUES ($1, '01900000-0000-7000-8000-000000000002', $2, $3, $4, 'daily', 35000, 10, 10, 350000, 0, 350000, 350000, 'confirmed', 'paid', 350000)`,
      [p.projectA, payrollId, crew[0].workerId, crew[0].employmentId],
    );
    await scan(platform, ['W05']);
    const all = await warningsOf(platform, 'W05');
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { paidFen: 350000 } });
  });

  it('follows PAY-02.graceUntil: with no grace month, February is judged on 2 March', async () => {
    const crew = await addWorkers(platform, p.projectB, fx.enterpriseB, 2);
    await attend(platform, p.projectB, crew.map((c) => c.workerId), '2026-02', 5);
    await scan(platform, ['W05']);
    expect((await warningsOf(platform, 'W05', 'open')).filter((w) => w.project_id === p.projectB)).toHaveLength(0);
    await setParam(platform, 'PAY-02.graceUntil', TREE.districtB, 0);
    await scan(platform, ['W05']);
    const b = (await warningsOf(platform, 'W05', 'open')).filter((w) => w.project_id === p.projectB);
    expect(b.map((w) => w.evidence.month)).toEqual(['2026-02']);
  });
});

// ---- W03, W04, W06–W08 ----------------------------------------------------------------------

const parties = () => ({ ownerA: p.ownerA, ownerB: p.ownerB, enterpriseA: fx.enterpriseA, enterpriseB: fx.enterpriseB });
const OWNER_A = '东城城市建设投资有限公司';
const CONTRACTOR_A = '东城建工集团有限公司';

describe('W03 labour cost not paid into the account on time', () => {
  it('raises one yellow warning for a month of works with no deposit, naming the owner; a deposit clears it', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2025-11-10' });
    const account = await openAccount(platform, project, fx.enterpriseA);
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2025-12-20', amountFen: 200_000_00 });
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-01-20', amountFen: 200_000_00 });
    await scan(platform, ['W03']);
    const open = await warningsOn(platform, 'W03', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: project, level: 'yellow', enterprise_id: p.ownerA });
    expect(open[0].evidence).toMatchObject({
      ownerName: OWNER_A,
      worksStartedOn: '2025-11-10',
      accountOpened: true,
      lastDepositOn: '2026-01-20',
      monthsWithoutDeposit: ['2026-02'],
      depositedFen: 400_000_00,
      uncoveredAllocations: 0,
      cycleMonths: 1,
      redAfterMonths: 2,
    });

    // The owner pays this month's labour cost: nothing is missed any more.
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-03-01', amountFen: 200_000_00 });
    await scan(platform, ['W03']);
    const all = await warningsOn(platform, 'W03', project);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { lastDepositOn: '2026-03-01', monthsWithoutDeposit: [], depositedFen: 600_000_00 } });
  });

  it('is red after two months without a deposit, follows W03.redAfterMonths, and turns red again as months pass', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A2', actualStart: '2025-11-10' });
    const account = await openAccount(platform, project, fx.enterpriseA);
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2025-12-20', amountFen: 200_000_00 });
    await scan(platform, ['W03']);
    let open = await warningsOn(platform, 'W03', project, 'open');
    expect(open.map((w) => [w.level, w.evidence.monthsWithoutDeposit])).toEqual([['red', ['2026-01', '2026-02']]]);

    await setParam(platform, 'W03.redAfterMonths', TREE.townA2, 3);
    await scan(platform, ['W03']);
    open = await warningsOn(platform, 'W03', project, 'open');
    expect(open.map((w) => [w.level, w.evidence.redAfterMonths])).toEqual([['yellow', 3]]);

    platform.clock.set(new Date('2026-04-02T02:00:00Z'));
    try {
      await scan(platform, ['W03']);
      open = await warningsOn(platform, 'W03', project, 'open');
      expect(open.map((w) => [w.level, w.evidence.monthsWithoutDeposit])).toEqual([['red', ['2026-01', '2026-02', '2026-03']]]);
    } finally {
      platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
    expect(await warningsOn(platform, 'W03', project)).toHaveLength(1);
  });

  it('counts a scheduled allocation due and not covered, however often the owner deposited', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2025-11-10' });
    const account = await openAccount(platform, project, fx.enterpriseA);
    await allocate(platform, project, [
      { periodStart: '2025-11-10', periodEnd: '2025-11-30', dueOn: '2025-12-15', expectedFen: 100_000_00 },
      { periodStart: '2025-12-01', periodEnd: '2025-12-31', dueOn: '2026-01-15', expectedFen: 150_000_00 },
      { periodStart: '2026-01-01', periodEnd: '2026-01-31', dueOn: '2026-02-13', expectedFen: 150_000_00 },
      { periodStart: '2026-02-01', periodEnd: '2026-02-28', dueOn: '2026-03-13', expectedFen: 150_000_00 },
    ]);
    for (const bookedOn of ['2025-12-10', '2026-01-10', '2026-02-10']) {
      await bankTxn(platform, { projectId: project, accountId: account, bookedOn, amountFen: bookedOn === '2025-12-10' ? 100_000_00 : 50_000_00 });
    }
    // 200,000 deposited against 400,000 due by 13 February: December's and January's periods are uncovered.
    await scan(platform, ['W03']);
    let open = await warningsOn(platform, 'W03', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('red');
    expect(open[0].evidence).toMatchObject({
      monthsWithoutDeposit: [],
      depositedFen: 200_000_00,
      allocatedDueFen: 400_000_00,
      allocationShortfallFen: 200_000_00,
      uncoveredAllocations: 2,
      firstUncoveredDueOn: '2026-01-15',
    });

    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-03-02', amountFen: 100_000_00 });
    await scan(platform, ['W03']);
    open = await warningsOn(platform, 'W03', project, 'open');
    expect(open.map((w) => [w.level, w.evidence.uncoveredAllocations, w.evidence.firstUncoveredDueOn])).toEqual([['yellow', 1, '2026-02-13']]);

    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-03-02', amountFen: 100_000_00 });
    await scan(platform, ['W03']);
    const all = await warningsOn(platform, 'W03', project);
    expect(all.map((w) => w.status)).toEqual(['resolved']);
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { uncoveredAllocations: 0, allocationShortfallFen: 0, depositedFen: 400_000_00 } });
  });

  it('does not count the month works started in, nor the months after they stopped', async () => {
    const started = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2026-02-10' });
    const stopped = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2025-11-10' });
    const account = await openAccount(platform, stopped, fx.enterpriseA);
    await bankTxn(platform, { projectId: stopped, accountId: account, bookedOn: '2025-12-20', amountFen: 200_000_00 });
    // Stopped on 5 January: January counts, February does not.
    platform.clock.set(new Date('2026-01-05T02:00:00Z'));
    try {
      await changeProjectStatus(ctxOf(platform), stopped, { status: 'suspended', date: '2026-01-05', reason: '停工整改', version: 1 });
    } finally {
      platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
    await scan(platform, ['W03']);
    expect(await warningsOn(platform, 'W03', started)).toHaveLength(0);
    const open = await warningsOn(platform, 'W03', stopped, 'open');
    expect(open.map((w) => [w.level, w.evidence.monthsWithoutDeposit])).toEqual([['yellow', ['2026-01']]]);
  });
});

describe('W04 labour cost insufficient', () => {
  it('raises one yellow warning when the account cannot pay the wages due this month; a top-up clears it', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2026-01-05' });
    const account = await openAccount(platform, project, fx.enterpriseA);
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-02-05', amountFen: 300_000_00 });
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-02-13', amountFen: -300_000_00, kind: 'payout' });
    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-03-01', amountFen: 5_000_00 });
    const crew = await addWorkers(platform, project, fx.enterpriseA, 3);
    const line = (i: number, netFen: number) => ({ workerId: crew[i].workerId, employmentId: crew[i].employmentId, days: 10, netFen });
    // February's payroll, due 13 March; January's, overdue, partly unpaid; a draft owes nothing yet.
    await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-02', status: 'approved', dueOn: '2026-03-13', lines: [line(0, 3_500_00), line(1, 3_500_00)] });
    await insertPayroll(platform, {
      projectId: project,
      employerId: fx.enterpriseA,
      month: '2026-01',
      status: 'partially_paid',
      dueOn: '2026-02-13',
      lines: [{ ...line(0, 3_000_00), paidFen: 3_000_00 }, line(2, 1_000_00)],
    });
    await insertPayroll(platform, { projectId: project, employerId: p.subA, month: '2026-02', status: 'draft', dueOn: '2026-03-13', lines: [line(2, 9_000_00)] });
    await scan(platform, ['W04']);
    const open = await warningsOn(platform, 'W04', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: project, level: 'yellow', enterprise_id: p.ownerA });
    expect(open[0].evidence).toMatchObject({
      month: '2026-03',
      ownerName: OWNER_A,
      accountStatus: 'in_use',
      balanceFen: 5_000_00,
      depositsThisMonthFen: 5_000_00,
      wagesDueFen: 8_000_00,
      overdueWagesFen: 1_000_00,
      payrolls: 2,
      firstDueOn: '2026-02-13',
      shortfallFen: 3_000_00,
    });

    await bankTxn(platform, { projectId: project, accountId: account, bookedOn: '2026-03-02', amountFen: 3_000_00 });
    await scan(platform, ['W04']);
    const all = await warningsOn(platform, 'W04', project);
    expect(all.map((w) => w.status)).toEqual(['resolved']);
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { balanceFen: 8_000_00, depositsThisMonthFen: 8_000_00, wagesDueFen: 8_000_00, shortfallFen: 0 } });
    // W04 has no parameters: the law gives no number, only "enough for the month's wages".
  });
});

describe('W06 attendance not matched by pay', () => {
  it('raises one yellow warning when some attended workers went unpaid; paying them on a corrected version clears it', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2026-01-05' });
    const crew = await addWorkers(platform, project, fx.enterpriseA, 20);
    await attend(platform, project, crew.map((c) => c.workerId), '2026-01', 10);
    const lines = crew.map((c, i) => ({ workerId: c.workerId, employmentId: c.employmentId, days: 10, netFen: 3_500_00, paidFen: i < 19 ? 3_500_00 : 0 }));
    const v1 = await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-01', status: 'partially_paid', dueOn: '2026-02-13', lines });
    await scan(platform, ['W06']);
    const open = await warningsOn(platform, 'W06', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `${project}:2026-01`, level: 'yellow' });
    expect(open[0].evidence).toEqual({
      month: '2026-01',
      dueBy: '2026-02-28',
      attendedWorkers: 20,
      paidWorkers: 19,
      unpaidWorkers: 1,
      paidShare: 0.95,
      unpaidShare: 0.05,
      unpaidByEmployer: [{ employerName: CONTRACTOR_A, unpaidWorkers: 1 }],
    });

    // A correction pays the last worker; what the first version paid still counts.
    await setPayrollStatus(platform, project, v1.id, 'superseded');
    await insertPayroll(platform, {
      projectId: project,
      employerId: fx.enterpriseA,
      month: '2026-01',
      status: 'paid',
      dueOn: '2026-02-13',
      version: 2,
      supersedesId: v1.id,
      lines: lines.map((l, i) => ({ ...l, paidPriorFen: l.paidFen, paidFen: i < 19 ? 0 : 3_500_00 })),
    });
    await scan(platform, ['W06']);
    const all = await warningsOn(platform, 'W06', project);
    expect(all.map((w) => w.status)).toEqual(['resolved']);
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { attendedWorkers: 20, paidWorkers: 20, unpaidWorkers: 0, unpaidByEmployer: [] } });
  });

  it('is red when a tenth or more went unpaid, and follows W06.redUnpaidShare and W06.minPaidShare', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A2', actualStart: '2026-01-05' });
    const own = await addWorkers(platform, project, fx.enterpriseA, 6);
    const sub = await addWorkers(platform, project, p.subA, 4);
    await attend(platform, project, [...own, ...sub].map((c) => c.workerId), '2026-01', 8);
    const paid = (c: { workerId: string; employmentId: string }) => ({ workerId: c.workerId, employmentId: c.employmentId, days: 8, netFen: 2_800_00, paidFen: 2_800_00 });
    await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-01', status: 'paid', dueOn: '2026-02-13', lines: own.slice(0, 5).map(paid) });
    await insertPayroll(platform, { projectId: project, employerId: p.subA, month: '2026-01', status: 'paid', dueOn: '2026-02-13', lines: sub.slice(0, 3).map(paid) });
    await scan(platform, ['W06']);
    let open = await warningsOn(platform, 'W06', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('red');
    expect(open[0].evidence).toMatchObject({ attendedWorkers: 10, paidWorkers: 8, unpaidWorkers: 2, unpaidShare: 0.2 });
    expect(open[0].evidence.unpaidByEmployer).toEqual(
      expect.arrayContaining([
        { employerName: CONTRACTOR_A, unpaidWorkers: 1 },
        { employerName: '东城劳务分包有限公司', unpaidWorkers: 1 },
      ]),
    );

    await setParam(platform, 'W06.redUnpaidShare', TREE.townA2, 0.25);
    await scan(platform, ['W06']);
    open = await warningsOn(platform, 'W06', project, 'open');
    expect(open.map((w) => w.level)).toEqual(['yellow']);

    await setParam(platform, 'W06.minPaidShare', TREE.townA2, 0.8);
    await scan(platform, ['W06']);
    const all = await warningsOn(platform, 'W06', project);
    expect(all.map((w) => [w.status, w.resolution?.reason])).toEqual([['resolved', 'condition_cleared']]);
  });
});

describe('W07 abnormally low pay', () => {
  it('raises one red warning for a payroll whose pay per head, prorated by days, is below the floor; the approved correction clears it', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2026-01-05' });
    const crew = await addWorkers(platform, project, fx.enterpriseA, 3);
    const lines = (netFen: number) => crew.map((c) => ({ workerId: c.workerId, employmentId: c.employmentId, days: 20, netFen }));
    const v1 = await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-02', status: 'approved', dueOn: '2026-03-13', lines: lines(1_500_00) });
    await scan(platform, ['W07']);
    let open = await warningsOn(platform, 'W07', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `${project}:${fx.enterpriseA}:2026-02`, level: 'red', enterprise_id: fx.enterpriseA });
    // 3 × 20 days = 2.76 full months (21.75 paid days each): ¥1,890 × 60 / 21.75 = ¥5,213.80 at least.
    expect(open[0].evidence).toEqual({
      month: '2026-02',
      employerName: CONTRACTOR_A,
      payrollVersion: 1,
      payrollStatus: 'approved',
      workers: 3,
      workerDays: 60,
      netFen: 4_500_00,
      averageNetFen: 1_500_00,
      fullMonthEquivalents: 2.76,
      averageNetPerFullMonthFen: 1_631_25,
      minAveragePayFen: 1_890_00,
      proratedByDays: true,
      requiredFen: 5_213_80,
      shortfallFen: 713_80,
    });

    // A correction in draft does not hide the approved payroll it replaces ...
    await setPayrollStatus(platform, project, v1.id, 'superseded');
    const v2 = await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-02', status: 'draft', dueOn: '2026-03-13', version: 2, supersedesId: v1.id, lines: lines(2_000_00) });
    await scan(platform, ['W07']);
    open = await warningsOn(platform, 'W07', project, 'open');
    expect(open.map((w) => w.evidence.payrollVersion)).toEqual([1]);
    // ... and once approved it is the one judged.
    await setPayrollStatus(platform, project, v2.id, 'approved');
    await scan(platform, ['W07']);
    const all = await warningsOn(platform, 'W07', project);
    expect(all.map((w) => w.status)).toEqual(['resolved']);
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { payrollVersion: 2, netFen: 6_000_00, shortfallFen: 0 } });
  });

  it('prorates part months by default; W07.prorateByDays and W07.minAveragePayFen change the outcome', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A2', actualStart: '2026-01-05' });
    const crew = await addWorkers(platform, project, fx.enterpriseA, 2);
    await insertPayroll(platform, {
      projectId: project,
      employerId: fx.enterpriseA,
      month: '2026-02',
      status: 'paid',
      dueOn: '2026-03-13',
      lines: crew.map((c) => ({ workerId: c.workerId, employmentId: c.employmentId, days: 5, netFen: 500_00, paidFen: 500_00 })),
    });
    // ¥500 for 5 days is above ¥1,890 × 5 / 21.75 = ¥434.49.
    await scan(platform, ['W07']);
    expect(await warningsOn(platform, 'W07', project)).toHaveLength(0);

    await setParam(platform, 'W07.prorateByDays', TREE.townA2, false);
    await scan(platform, ['W07']);
    const open = await warningsOn(platform, 'W07', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ proratedByDays: false, averageNetFen: 500_00, requiredFen: 3_780_00 });

    await setParam(platform, 'W07.minAveragePayFen', TREE.townA2, 400_00);
    await scan(platform, ['W07']);
    const all = await warningsOn(platform, 'W07', project);
    expect(all.map((w) => [w.status, w.resolution?.evidence.requiredFen])).toEqual([['resolved', 800_00]]);
  });
});

describe('W08 abnormally high individual pay', () => {
  it('raises one red warning for a worker approved more than ¥50,000 in a month, naming worker and employer; the correction clears it', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A1', actualStart: '2026-01-05' });
    const crew = await addWorkers(platform, project, fx.enterpriseA, 2);
    const line = (i: number, netFen: number) => ({ workerId: crew[i].workerId, employmentId: crew[i].employmentId, days: 20, netFen });
    const v1 = await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-01', status: 'approved', dueOn: '2026-02-13', lines: [line(0, 60_000_00), line(1, 7_000_00)] });
    await scan(platform, ['W08']);
    const open = await warningsOn(platform, 'W08', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `${project}:${crew[0].workerId}:2026-01`, level: 'red', enterprise_id: fx.enterpriseA });
    expect(open[0].evidence).toEqual({
      period: '2026-01',
      periodKind: 'month',
      workerName: await workerName(platform, crew[0].workerId),
      employerNames: [CONTRACTOR_A],
      amountFen: 60_000_00,
      netFen: 60_000_00,
      paidFen: 0,
      capFen: 50_000_00,
      monthsPaid: 1,
    });

    await setPayrollStatus(platform, project, v1.id, 'superseded');
    await insertPayroll(platform, { projectId: project, employerId: fx.enterpriseA, month: '2026-01', status: 'approved', dueOn: '2026-02-13', version: 2, supersedesId: v1.id, lines: [line(0, 6_000_00), line(1, 7_000_00)] });
    await scan(platform, ['W08']);
    const all = await warningsOn(platform, 'W08', project);
    expect(all.map((w) => w.status)).toEqual(['resolved']);
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { amountFen: 6_000_00, capFen: 50_000_00 } });
  });

  it('counts what the bank paid even when the payroll says less, and follows W08.monthlyCapFen', async () => {
    const project = await moneyProject(platform, parties(), { town: 'A2', actualStart: '2026-01-05' });
    const [worker] = await addWorkers(platform, project, fx.enterpriseA, 1);
    const v1 = await insertPayroll(platform, {
      projectId: project,
      employerId: fx.enterpriseA,
      month: '2026-02',
      status: 'paid',
      dueOn: '2026-03-13',
      lines: [{ workerId: worker.workerId, employmentId: worker.employmentId, days: 20, netFen: 55_000_00, paidFen: 55_000_00 }],
    });
    // Corrected down after the money left: the ¥55,000 paid still counts.
    await setPayrollStatus(platform, project, v1.id, 'superseded');
    await insertPayroll(platform, {
      projectId: project,
      employerId: fx.enterpriseA,
      month: '2026-02',
      status: 'paid',
      dueOn: '2026-03-13',
      version: 2,
      supersedesId: v1.id,
      lines: [{ workerId: worker.workerId, employmentId: worker.employmentId, days: 20, netFen: 7_000_00, paidPriorFen: 55_000_00 }],
    });
    await scan(platform, ['W08']);
    const open = await warningsOn(platform, 'W08', project, 'open');
    expect(open.map((w) => [w.level, w.evidence.amountFen, w.evidence.netFen, w.evidence.paidFen])).toEqual([['red', 55_000_00, 7_000_00, 55_000_00]]);

    await setParam(platform, 'W08.monthlyCapFen', TREE.townA2, 60_000_00);
    await scan(platform, ['W08']);
    const all = await warningsOn(platform, 'W08', project);
    expect(all.map((w) => [w.status, w.resolution?.reason, w.resolution?.evidence.capFen])).toEqual([['resolved', 'condition_cleared', 60_000_00]]);
  });

  it('raises one red warning for more than ¥300,000 in a calendar year though no month passes ¥50,000, and follows W08.yearlyCapFen', async () => {
    const project = await moneyProject(platform, parties(), { town: 'B2', actualStart: '2025-05-10' });
    const [worker] = await addWorkers(platform, project, fx.enterpriseB, 1, { entryDate: '2025-05-12' });
    for (const month of ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']) {
      await insertPayroll(platform, {
        projectId: project,
        employerId: fx.enterpriseB,
        month,
        status: 'paid',
        lines: [{ workerId: worker.workerId, employmentId: worker.employmentId, days: 22, netFen: 45_000_00, paidFen: 45_000_00 }],
      });
    }
    await scan(platform, ['W08']);
    const open = await warningsOn(platform, 'W08', project, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `${project}:${worker.workerId}:2025`, level: 'red', enterprise_id: fx.enterpriseB });
    expect(open[0].evidence).toMatchObject({ period: '2025', periodKind: 'year', employerNames: ['西城路桥工程有限公司'], amountFen: 315_000_00, capFen: 300_000_00, monthsPaid: 7 });

    await setParam(platform, 'W08.yearlyCapFen', TREE.townB2, 320_000_00);
    await scan(platform, ['W08']);
    const all = await warningsOn(platform, 'W08', project);
    expect(all.map((w) => [w.status, w.resolution?.reason, w.resolution?.evidence.amountFen])).toEqual([['resolved', 'condition_cleared', 315_000_00]]);
  });
});
