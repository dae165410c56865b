import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, attend, loadGovUnits, scan, setParam, warningsOf } from '../support/warnings';
import {
  addSubcontractor,
  atTime,
  bookTransaction,
  enterpriseName,
  freshProject,
  insertAllocation,
  insertArrears,
  insertLine,
  insertPayout,
  insertPayroll,
  openAccount,
} from '../support/warnings-payout';

/**
 * The payout rules (the W18–W20, W24–W26): each raises exactly one warning with its
 * evidence, clears when the data is fixed, follows its parameters, and reaches each of its levels.
 * Today is Monday 2026-03-02 (the test clock); 3 working days before it is 2026-02-26 and 10 is
 * 2026-02-10 (the 春节 holiday ran 15–23 February, 14 and 28 February were make-up working days).
 * Every case has projects of its own; parameter overrides go to towns no other case uses for them.
 */

let platform: TestPlatform;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  await loadGovUnits(platform);
});
afterAll(() => platform?.close());

const newProject = (o: { regionCode?: string; payday?: number } = {}) => freshProject(platform, { ownerId: p.ownerA, generalContractorId: fx.enterpriseA, ...o });
const openOf = async (code: string, projectId: string) => (await warningsOf(platform, code, 'open')).filter((w) => w.project_id === projectId);
const allOf = async (code: string, projectId: string) => (await warningsOf(platform, code)).filter((w) => w.project_id === projectId);

/** A January payroll of the general contractor's three workers, partly paid: the first line's payout failed as given. */
async function partlyPaidJanuary(projectId: string, failures: { on: string; reason: string }[]) {
  const accountId = await openAccount(platform, projectId, fx.enterpriseA);
  const crew = await addWorkers(platform, projectId, fx.enterpriseA, 3);
  const payrollId = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-01', status: 'partially_paid' });
  const lines: string[] = [];
  for (const [i, worker] of crew.entries()) {
    const failed = i < failures.length;
    const lineId = await insertLine(platform, { projectId, payrollId, worker, payStatus: failed ? 'failed' : 'paid', paidFen: failed ? 0 : 350_000 });
    lines.push(lineId);
    const base = { projectId, payrollId, lineId, workerId: worker.workerId, accountId, attempt: 1, amountFen: 350_000 };
    if (failed) await insertPayout(platform, { ...base, status: 'failed', resultAt: `${failures[i].on}T10:00:00+08:00`, failureReason: failures[i].reason });
    else await insertPayout(platform, { ...base, status: 'paid', resultAt: '2026-02-12T10:00:00+08:00' });
  }
  return { accountId, crew, payrollId, lines };
}

describe('W18 failed payout not handled', () => {
  it('raises one orange warning for a line failed more than 3 working days ago and not sent again; a re-send clears it', async () => {
    const projectId = await newProject();
    const jan = await partlyPaidJanuary(projectId, [{ on: '2026-02-25', reason: '户名与账号不符' }]);
    await scan(platform, ['W18']);
    const open = await warningsOf(platform, 'W18', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: projectId, enterprise_id: fx.enterpriseA, level: 'orange', status: 'dispatched', subject_key: `${projectId}:${fx.enterpriseA}:2026-01` });
    expect(open[0].evidence).toEqual({
      month: '2026-01',
      employerName: await enterpriseName(platform, fx.enterpriseA),
      failedLines: 1,
      overdueLines: 1,
      failedFen: 350_000,
      oldestFailureOn: '2026-02-25',
      reasons: ['户名与账号不符'],
      linesEverFailed: 1,
    });
    // orange: 5 working days from 2 March.
    expect(open[0].due_on).toBe('2026-03-09');

    await scan(platform, ['W18']);
    expect(await allOf('W18', projectId)).toHaveLength(1);

    // Sent again (a second attempt, pending at the bank): handled.
    await insertPayout(platform, { projectId, payrollId: jan.payrollId, lineId: jan.lines[0], workerId: jan.crew[0].workerId, accountId: jan.accountId, attempt: 2, amountFen: 350_000, status: 'pending' });
    await scan(platform, ['W18']);
    const all = await allOf('W18', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { failedLines: 0, overdueLines: 0, failedFen: 0, linesEverFailed: 1 } });
  });

  it('is red once the oldest open failure is more than 10 working days old, with every reason; one failed recently is not yet overdue', async () => {
    const projectId = await newProject();
    await partlyPaidJanuary(projectId, [
      { on: '2026-02-05', reason: '账户已销户' },
      { on: '2026-02-27', reason: '户名与账号不符' },
    ]);
    await scan(platform, ['W18']);
    const open = await openOf('W18', projectId);
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('red');
    expect(open[0].evidence).toMatchObject({ failedLines: 2, overdueLines: 1, failedFen: 700_000, oldestFailureOn: '2026-02-05', reasons: ['户名与账号不符', '账户已销户'] });
  });

  it('follows W18.afterWD and W18.redAfterWD: a town allowing 5 working days does not warn yet; one allowing 1 for red is red', async () => {
    const patient = await newProject({ regionCode: TREE.townB2 });
    await partlyPaidJanuary(patient, [{ on: '2026-02-25', reason: '户名与账号不符' }]);
    await setParam(platform, 'W18.afterWD', TREE.townB2, 5);
    const strict = await newProject({ regionCode: TREE.townA2 });
    await partlyPaidJanuary(strict, [{ on: '2026-02-25', reason: '户名与账号不符' }]);
    await setParam(platform, 'W18.redAfterWD', TREE.townA2, 1);
    await scan(platform, ['W18']);
    expect(await openOf('W18', patient)).toHaveLength(0);
    expect((await openOf('W18', strict)).map((w) => w.level)).toEqual(['red']);
  });
});

describe('W19 payroll not confirmed by the workers', () => {
  it('raises one yellow warning for a draft still unsigned 5 days after its month; confirming every line clears it', async () => {
    const projectId = await newProject();
    const crew = await addWorkers(platform, projectId, fx.enterpriseA, 4);
    const jan = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-01', status: 'draft' });
    await insertLine(platform, { projectId, payrollId: jan, worker: crew[0], confirmation: 'confirmed' });
    const pending = await insertLine(platform, { projectId, payrollId: jan, worker: crew[1], confirmation: 'pending' });
    const disputed = await insertLine(platform, { projectId, payrollId: jan, worker: crew[2], confirmation: 'disputed' });
    // Nothing worked, nothing paid: no signature needed.
    await insertLine(platform, { projectId, payrollId: jan, worker: crew[3], days: 0, confirmation: 'pending' });
    // February's draft is not due for signatures until 5 March.
    const feb = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-02', status: 'draft' });
    await insertLine(platform, { projectId, payrollId: feb, worker: crew[0], confirmation: 'pending' });

    await scan(platform, ['W19']);
    const open = await warningsOf(platform, 'W19', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: projectId, enterprise_id: fx.enterpriseA, level: 'yellow', subject_key: `${projectId}:${fx.enterpriseA}:2026-01` });
    expect(open[0].evidence).toEqual({
      month: '2026-01',
      employerName: await enterpriseName(platform, fx.enterpriseA),
      payrollVersion: 1,
      payrollStatus: 'draft',
      confirmBy: '2026-02-05',
      linesToSign: 3,
      unconfirmedLines: 1,
      disputedLines: 1,
      unconfirmedFen: 700_000,
    });

    // The worker confirms; the disputed line is corrected (asked again) and confirmed too.
    await platform.db.query(`UPDATE payroll_lines SET confirmation = 'confirmed', confirmed_via = 'worker' WHERE project_id = $1 AND id = $2`, [projectId, pending]);
    await platform.db.query(`UPDATE payroll_lines SET confirmation = 'pending', net_fen = 300000, gross_fen = 300000, payable_fen = 300000 WHERE project_id = $1 AND id = $2`, [projectId, disputed]);
    await scan(platform, ['W19']);
    expect((await openOf('W19', projectId)).map((w) => w.evidence)).toEqual([expect.objectContaining({ unconfirmedLines: 1, disputedLines: 0, unconfirmedFen: 300_000 })]);
    await platform.db.query(`UPDATE payroll_lines SET confirmation = 'confirmed', confirmed_via = 'worker' WHERE project_id = $1 AND id = $2`, [projectId, disputed]);
    await scan(platform, ['W19']);
    const all = await allOf('W19', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { month: '2026-01', unconfirmedLines: 0, disputedLines: 0, linesToSign: 3 } });
  });

  it('follows W19.afterDays: with no days allowed, February’s unsigned draft is late on 2 March', async () => {
    const projectId = await newProject({ regionCode: TREE.townB2 });
    const crew = await addWorkers(platform, projectId, fx.enterpriseA, 1);
    const feb = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-02', status: 'draft' });
    await insertLine(platform, { projectId, payrollId: feb, worker: crew[0], confirmation: 'pending' });
    await scan(platform, ['W19']);
    expect(await openOf('W19', projectId)).toHaveLength(0);
    await setParam(platform, 'W19.afterDays', TREE.townB2, 0);
    await scan(platform, ['W19']);
    expect((await openOf('W19', projectId)).map((w) => [w.evidence.month, w.evidence.confirmBy])).toEqual([['2026-02', '2026-02-28']]);
  });
});

describe('W20 subcontractor not paid through the wage account', () => {
  /** January (or `month`) worked by the contractor's 2 workers and a subcontractor's 3; the contractor's paid through the account. */
  async function contractorPaidOnly(regionCode: string, month: string, paidContractor = true) {
    const projectId = await newProject({ regionCode });
    const sub = await addSubcontractor(platform, `分包劳务公司${projectId.slice(-4)}`);
    const own = await addWorkers(platform, projectId, fx.enterpriseA, 2);
    const subs = await addWorkers(platform, projectId, sub, 3);
    await attend(platform, projectId, [...own, ...subs].map((w) => w.workerId), month, 10);
    if (paidContractor) {
      const payrollId = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month, status: 'paid' });
      for (const worker of own) await insertLine(platform, { projectId, payrollId, worker, payStatus: 'paid', paidFen: 350_000 });
    }
    return { projectId, sub, subs };
  }

  it('raises one red warning for a subcontractor whose workers attended and none was paid by the payday while others were; paying them clears it', async () => {
    const { projectId, sub, subs } = await contractorPaidOnly(TREE.townA1, '2026-01');
    await scan(platform, ['W20']);
    const open = await warningsOf(platform, 'W20', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: projectId, enterprise_id: sub, level: 'red', subject_key: `${projectId}:${sub}:2026-01` });
    expect(open[0].evidence).toEqual({
      month: '2026-01',
      dueBy: '2026-02-28',
      employerName: await enterpriseName(platform, sub),
      attendedWorkers: 3,
      workerDays: 30,
      payrollStatus: null,
      paidFen: 0,
      otherEmployersPaid: 1,
      othersPaidFen: 700_000,
    });

    const payrollId = await insertPayroll(platform, { projectId, employerId: sub, month: '2026-01', status: 'paid' });
    await insertLine(platform, { projectId, payrollId, worker: subs[0], payStatus: 'paid', paidFen: 350_000 });
    await scan(platform, ['W20']);
    const all = await allOf('W20', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { paidFen: 350_000, payrollStatus: 'paid' } });
  });

  it('stays quiet when nobody on the project was paid for the month (that is W05)', async () => {
    const { projectId } = await contractorPaidOnly(TREE.townB1, '2026-01', false);
    await scan(platform, ['W20']);
    expect(await allOf('W20', projectId)).toHaveLength(0);
  });

  it('follows PAY-02.graceUntil: with no grace month, February is judged after its payday', async () => {
    const { projectId, sub } = await contractorPaidOnly(TREE.townA2, '2026-02');
    await scan(platform, ['W20']);
    expect(await openOf('W20', projectId)).toHaveLength(0);
    await setParam(platform, 'PAY-02.graceUntil', TREE.townA2, 0);
    await scan(platform, ['W20']);
    const open = await openOf('W20', projectId);
    expect(open.map((w) => [w.subject_key, w.evidence.dueBy])).toEqual([[`${projectId}:${sub}:2026-02`, '2026-02-28']]);
  });
});

describe('W24 wages owed as 春节 nears', () => {
  // 春节 2027 is 6 February; the holiday calendar ends with 2026, so deadlines are left open (null).
  const JAN_20 = '2027-01-20T02:00:00Z';
  const FEB_01 = '2027-02-01T02:00:00Z';

  /** An approved December 2026 payroll with one line unpaid. */
  async function approvedUnpaid(regionCode: string = TREE.townA1) {
    const projectId = await newProject({ regionCode });
    const [worker] = await addWorkers(platform, projectId, fx.enterpriseA, 1);
    const payrollId = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-12', status: 'approved' });
    const lineId = await insertLine(platform, { projectId, payrollId, worker });
    return { projectId, payrollId, lineId };
  }

  it('is orange 17 days before 春节 for approved wages unpaid, red 5 days before; paying clears it', async () => {
    const { projectId, payrollId, lineId } = await approvedUnpaid();
    await scan(platform, ['W24']);
    expect(await allOf('W24', projectId)).toHaveLength(0);

    await atTime(platform, JAN_20, () => scan(platform, ['W24']));
    const open = await openOf('W24', projectId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', subject_key: `${projectId}:2027-02-06`, due_on: null });
    expect(open[0].evidence).toEqual({
      springFestival: '2027-02-06',
      daysLeft: 17,
      unpaidLines: 1,
      unpaidWorkers: 1,
      unpaidFen: 350_000,
      unpaidMonths: [],
      openArrears: 0,
      openArrearsFen: 0,
      oldestArrearsOn: null,
    });

    await atTime(platform, FEB_01, () => scan(platform, ['W24']));
    const later = await allOf('W24', projectId);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ level: 'red', status: 'dispatched' });
    expect(later[0].evidence.daysLeft).toBe(5);

    await platform.db.query(`UPDATE payroll_lines SET pay_status = 'paid', paid_fen = payable_fen WHERE project_id = $1 AND id = $2`, [projectId, lineId]);
    await platform.db.query(`UPDATE payrolls SET status = 'paid' WHERE project_id = $1 AND id = $2`, [projectId, payrollId]);
    await atTime(platform, FEB_01, () => scan(platform, ['W24']));
    const all = await allOf('W24', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { daysLeft: 5, unpaidLines: 0, unpaidFen: 0, unpaidMonths: [], openArrears: 0 } });
  });

  it('counts months worked with nothing paid (up to last month) and open arrears on the project', async () => {
    const projectId = await newProject();
    const crew = await addWorkers(platform, projectId, fx.enterpriseA, 2);
    await attend(platform, projectId, crew.map((c) => c.workerId), '2026-12', 8);
    // January's own days are not yet owed.
    await attend(platform, projectId, crew.map((c) => c.workerId), '2027-01', 5);
    await insertArrears(platform, { projectId, enterpriseId: fx.enterpriseA, foundOn: '2026-11-20', amountFen: 500_000 });
    await atTime(platform, JAN_20, () => scan(platform, ['W24']));
    const open = await openOf('W24', projectId);
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('orange');
    expect(open[0].evidence).toMatchObject({ unpaidLines: 0, unpaidMonths: [{ month: '2026-12', workers: 2 }], openArrears: 1, openArrearsFen: 500_000, oldestArrearsOn: '2026-11-20' });
  });

  it('follows W24.daysBeforeSpringFestival and W24.redDaysBefore', async () => {
    const { projectId } = await approvedUnpaid(TREE.townB2);
    await setParam(platform, 'W24.daysBeforeSpringFestival', TREE.townB2, 10);
    await setParam(platform, 'W24.redDaysBefore', TREE.townB2, 3);
    await atTime(platform, JAN_20, () => scan(platform, ['W24']));
    expect(await allOf('W24', projectId)).toHaveLength(0);
    // 5 days before: inside the shorter countdown, not yet red.
    await atTime(platform, FEB_01, () => scan(platform, ['W24']));
    expect((await openOf('W24', projectId)).map((w) => w.level)).toEqual(['orange']);
  });
});

describe('W25 labour-cost gap forecast before the payday', () => {
  /**
   * Payday the 10th (8 days away): February's wages are due. Three workers on ¥350 a day worked 10
   * days in February (¥10,500 in all); the account holds ¥5,000, deposited for February's
   * allocation; March's ¥3,000, due 5 March, has not come in.
   */
  async function shortBeforePayday(regionCode: string = TREE.townA1) {
    const projectId = await newProject({ regionCode, payday: 10 });
    const accountId = await openAccount(platform, projectId, fx.enterpriseA);
    await bookTransaction(platform, { projectId, accountId, kind: 'labor_cost_deposit', amountFen: 500_000, bookedAt: '2026-02-01T10:00:00+08:00', counterpartyName: '东城城市建设投资有限公司' });
    await insertAllocation(platform, { projectId, periodStart: '2026-02-01', periodEnd: '2026-02-28', dueOn: '2026-02-27', expectedFen: 500_000 });
    await insertAllocation(platform, { projectId, periodStart: '2026-03-01', periodEnd: '2026-03-31', dueOn: '2026-03-05', expectedFen: 300_000 });
    const crew = await addWorkers(platform, projectId, fx.enterpriseA, 3);
    await attend(platform, projectId, crew.map((c) => c.workerId), '2026-02', 10);
    return { projectId, accountId, crew };
  }

  it('raises one orange warning when the expected wages exceed the balance and the deposits due; a deposit clears it', async () => {
    const { projectId, accountId } = await shortBeforePayday();
    await scan(platform, ['W25']);
    const open = await warningsOf(platform, 'W25', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: projectId, level: 'orange', subject_key: `${projectId}:2026-03-10` });
    expect(open[0].evidence).toEqual({
      payday: '2026-03-10',
      daysToPayday: 8,
      wageMonth: '2026-02',
      forecastFen: 1_050_000,
      balanceFen: 500_000,
      scheduledFen: 300_000,
      gapFen: 250_000,
      basis: 'attendance',
      lastPayrollMonth: null,
    });

    await bookTransaction(platform, { projectId, accountId, kind: 'labor_cost_deposit', amountFen: 600_000, bookedAt: '2026-03-02T09:00:00+08:00', counterpartyName: '东城城市建设投资有限公司' });
    await scan(platform, ['W25']);
    const all = await allOf('W25', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { balanceFen: 1_100_000, scheduledFen: 0, gapFen: -50_000 } });
  });

  it('forecasts from the month’s payroll once there is one: what it still has to pay', async () => {
    const { projectId, crew } = await shortBeforePayday(TREE.townB1);
    const payrollId = await insertPayroll(platform, { projectId, employerId: fx.enterpriseA, month: '2026-02', status: 'partially_paid' });
    await insertLine(platform, { projectId, payrollId, worker: crew[0], netFen: 400_000, payStatus: 'paid', paidFen: 400_000 });
    await insertLine(platform, { projectId, payrollId, worker: crew[1], netFen: 400_000, payStatus: 'failed' });
    await insertLine(platform, { projectId, payrollId, worker: crew[2], netFen: 450_000 });
    await scan(platform, ['W25']);
    expect((await openOf('W25', projectId)).map((w) => w.evidence)).toEqual([expect.objectContaining({ forecastFen: 850_000, basis: 'payroll', gapFen: 50_000 })]);
  });

  it('follows W25.horizonDays: 8 days before the payday is too early for a 5-day horizon', async () => {
    const { projectId } = await shortBeforePayday(TREE.townB2);
    await setParam(platform, 'W25.horizonDays', TREE.townB2, 5);
    await scan(platform, ['W25']);
    expect(await allOf('W25', projectId)).toHaveLength(0);
  });
});

describe('W26 non-wage debits of the wage account', () => {
  /** A payout to a worker (fine), a bank fee (fine) and, on 20 February, ¥2,000 to a trading company (ACC-05). */
  async function diverted(regionCode: string = TREE.townA1) {
    const projectId = await newProject({ regionCode });
    const accountId = await openAccount(platform, projectId, fx.enterpriseA);
    await bookTransaction(platform, { projectId, accountId, kind: 'labor_cost_deposit', amountFen: 1_000_000, bookedAt: '2026-02-01T10:00:00+08:00' });
    await bookTransaction(platform, { projectId, accountId, kind: 'payout', amountFen: -350_000, bookedAt: '2026-02-12T10:00:00+08:00', counterpartyName: '测试工人', counterpartyMask: '6222 **** 0000' });
    await bookTransaction(platform, { projectId, accountId, kind: 'fee', amountFen: -500, bookedAt: '2026-02-12T10:00:00+08:00' });
    await bookTransaction(platform, {
      projectId,
      accountId,
      kind: 'other',
      amountFen: -200_000,
      bookedAt: '2026-02-20T10:00:00+08:00',
      counterpartyName: '青州恒通贸易有限公司',
      counterpartyMask: '6228 **** **** 1234',
      flags: ['ACC-05'],
    });
    return projectId;
  }

  it('raises one red warning for a flagged debit in the last 30 days; it clears once the debit is older', async () => {
    const projectId = await diverted();
    await scan(platform, ['W26']);
    const open = await warningsOf(platform, 'W26', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: projectId, enterprise_id: fx.enterpriseA, level: 'red', subject_key: projectId, due_on: '2026-03-05' });
    expect(open[0].evidence).toEqual({
      since: '2026-02-01',
      flaggedDebits: 1,
      flaggedFen: 200_000,
      latestBookedAt: '2026-02-20T10:00:00+08:00',
      kinds: ['other'],
      counterparties: [{ name: '青州恒通贸易有限公司', accountMask: '6228 **** **** 1234' }],
      lastFlaggedOn: '2026-02-20',
    });

    // 23 March: the look-back (22 February on) holds no flagged debit.
    await atTime(platform, '2026-03-23T02:00:00Z', () => scan(platform, ['W26']));
    const all = await allOf('W26', projectId);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { since: '2026-02-22', flaggedDebits: 0, flaggedFen: 0, lastFlaggedOn: '2026-02-20' } });
  });

  it('follows W26.lookbackDays: a 7-day look-back on 2 March does not reach 20 February', async () => {
    const projectId = await diverted(TREE.townB2);
    await setParam(platform, 'W26.lookbackDays', TREE.townB2, 7);
    await scan(platform, ['W26']);
    expect(await allOf('W26', projectId)).toHaveLength(0);
  });
});
