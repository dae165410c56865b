import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isWorkingDay, workingDaysBefore } from '../../src/server/platform/calendar';
import { type Fixture, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, loadGovUnits, scan, setParam } from '../support/warnings';
import {
  agreementFile,
  enrol,
  gateEvents,
  keyStaffBidx,
  moveProject,
  newEnterprise,
  newProject,
  openAccount,
  payInFull,
  payroll,
  setProject,
  warningsOn,
} from '../support/warnings-project';

/**
 * The project rules (RULES.md §7.4 W01, W02, W09, W15 and the platform's W21–W23): each raises
 * exactly one warning on its project with its evidence, clears when the data is fixed, and follows
 * its parameters. Today is 2026-03-02 (the test clock) unless a test moves it; every test builds
 * projects of its own.
 */

const TODAY = new Date('2026-03-02T02:00:00Z');
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
afterEach(() => platform.clock.set(TODAY));

const inA = () => ({ ownerId: p.ownerA, generalContractorId: fx.enterpriseA });
const inB = () => ({ ownerId: p.ownerB, generalContractorId: fx.enterpriseB, site: 'B' as const });

describe('W01 project not registered before start', () => {
  it('raises yellow for a missing labour officer, turns red after W01.redAfterDays, and clears once named', async () => {
    const id = await newProject(platform, { ...inA(), plannedStart: '2026-02-27', actualStart: '2026-02-27', registeredOn: '2026-02-20' });
    await setProject(platform, id, 'labor_officer_name = NULL, labor_officer_phone_enc = NULL, labor_officer_phone_mask = NULL');
    await scan(platform, ['W01']);
    let open = await warningsOn(platform, 'W01', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'yellow', subject_key: id, enterprise_id: fx.enterpriseA });
    expect(open[0].evidence).toMatchObject({ start: '2026-02-27', startIsActual: true, daysSinceStart: 3, registeredLateDays: 0, missing: ['laborOfficer'], redAfterDays: 7 });

    // Seven days after the start with the officer still missing: the same warning, now red.
    platform.clock.set(new Date('2026-03-06T02:00:00Z'));
    await scan(platform, ['W01']);
    open = await warningsOn(platform, 'W01', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red' });
    expect(open[0].evidence).toMatchObject({ daysSinceStart: 7 });

    await setProject(platform, id, `labor_officer_name = '周敏'`);
    await scan(platform, ['W01']);
    const all = await warningsOn(platform, 'W01', id);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { missing: [] } });
  });

  it('flags the project manager and their ID number as missing key information', async () => {
    const id = await newProject(platform, { ...inA(), projectManagerName: null, projectManagerIdNumber: null });
    await scan(platform, ['W01']);
    const open = await warningsOn(platform, 'W01', id, 'open');
    expect(open).toHaveLength(1);
    // Started 2026-01-05: long past seven days.
    expect(open[0]).toMatchObject({ level: 'red' });
    expect(open[0].evidence.missing).toEqual(['projectManager', 'projectManagerIdNumber']);
  });

  it('watches a late entry for W01.lateRegistrationWatchDays; W01.redAfterDays decides its level', async () => {
    const id = await newProject(platform, { ...inB(), plannedStart: '2026-02-25', actualStart: '2026-02-25', registeredOn: '2026-03-01' });
    await scan(platform, ['W01']);
    let open = await warningsOn(platform, 'W01', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('yellow');
    expect(open[0].evidence).toMatchObject({ registeredOn: '2026-03-01', registeredLateDays: 4, lateWatchUntil: '2026-03-31', missing: [] });

    // Town B2 counts four days late as red.
    await setParam(platform, 'W01.redAfterDays', TREE.townB2, 4);
    await scan(platform, ['W01']);
    open = await warningsOn(platform, 'W01', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].level).toBe('red');

    // The watch ends after 31 March: cleared, with how late the entry was.
    platform.clock.set(new Date('2026-04-01T02:00:00Z'));
    await scan(platform, ['W01']);
    const all = await warningsOn(platform, 'W01', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { registeredLateDays: 4 } } });
  });

  it('is quiet for a project entered before its start with its key staff', async () => {
    const id = await newProject(platform, inA());
    await scan(platform, ['W01']);
    expect(await warningsOn(platform, 'W01', id)).toHaveLength(0);
  });
});

describe('W02 no wage account or no three-party agreement', () => {
  it('raises red when no account is open ACC-02.openWithinDays after the start; opening one with its agreement clears it', async () => {
    const id = await newProject(platform, { ...inA(), plannedStart: '2026-01-20', actualStart: '2026-01-20' });
    await scan(platform, ['W02']);
    const open = await warningsOn(platform, 'W02', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red', subject_key: id, status: 'dispatched' });
    expect(open[0].evidence).toMatchObject({ start: '2026-01-20', openBy: '2026-02-19', accountOpen: false, problem: 'no_account', daysOverdue: 11 });

    const { bankName } = await openAccount(platform, id, fx.enterpriseA, { openedOn: '2026-03-01', agreement: true });
    await scan(platform, ['W02']);
    const all = await warningsOn(platform, 'W02', id);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { accountOpen: true, agreementUploaded: true, bankName, openedOn: '2026-03-01' } });
  });

  it('raises red when the open account has no three-party agreement uploaded; uploading it clears it', async () => {
    const id = await newProject(platform, inA());
    const { accountId } = await openAccount(platform, id, fx.enterpriseA, { agreement: false });
    await scan(platform, ['W02']);
    const open = await warningsOn(platform, 'W02', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ accountOpen: true, problem: 'no_agreement', agreementUploaded: false });

    await platform.db.query(`UPDATE wage_accounts SET agreement_file_id = $2, agreement_signed_on = '2026-01-03' WHERE id = $1`, [accountId, await agreementFile(platform)]);
    await scan(platform, ['W02']);
    const all = await warningsOn(platform, 'W02', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { agreementUploaded: true } } });
  });

  it('follows ACC-02.openWithinDays: twenty days after the start is in time at 30 days, late at 10', async () => {
    const id = await newProject(platform, { ...inB(), plannedStart: '2026-02-10', actualStart: '2026-02-10' });
    await scan(platform, ['W02']);
    expect(await warningsOn(platform, 'W02', id)).toHaveLength(0);
    await setParam(platform, 'ACC-02.openWithinDays', TREE.townB2, 10);
    await scan(platform, ['W02']);
    const open = await warningsOn(platform, 'W02', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ openBy: '2026-02-20', problem: 'no_account', daysOverdue: 10 });
  });
});

describe('W09 worker on site not registered', () => {
  it('raises red for people clocking in unregistered or off the roster; putting them on the roster clears it', async () => {
    const id = await newProject(platform, inA());
    // Registered on another project, not on this roster.
    const [elsewhere] = await addWorkers(platform, p.projectA, fx.enterpriseA, 1);
    const { rows } = await platform.db.query<{ id_bidx: string }>(`SELECT id_bidx FROM workers WHERE id = $1`, [elsewhere.workerId]);
    const offRoster = rows[0].id_bidx;
    await gateEvents(platform, id, [
      { date: '2026-02-27', idBidx: 'bidx-stranger-1', status: 'unknown_worker' },
      { date: '2026-03-02', idBidx: 'bidx-stranger-1', status: 'unknown_worker' },
      { date: '2026-03-02', idBidx: 'bidx-stranger-2', status: 'unknown_worker' },
      { date: '2026-03-01', idBidx: offRoster, status: 'not_on_roster', workerId: elsewhere.workerId },
      // Before the seven days: not counted.
      { date: '2026-02-20', idBidx: 'bidx-stranger-3', status: 'unknown_worker' },
    ]);
    await scan(platform, ['W09']);
    const open = await warningsOn(platform, 'W09', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red', subject_key: id });
    expect(open[0].evidence).toEqual({
      from: '2026-02-24',
      to: '2026-03-02',
      people: 3,
      unknownWorkers: 2,
      notOnRoster: 1,
      days: 3,
      events: 4,
      lastSeen: '2026-03-02',
      registeredSince: 0,
    });
    expect(JSON.stringify(open[0].evidence)).not.toContain('bidx');

    // One registered: still open, with the two left.
    await enrol(platform, id, fx.enterpriseA, 'bidx-stranger-1');
    await scan(platform, ['W09']);
    const still = await warningsOn(platform, 'W09', id, 'open');
    expect(still).toHaveLength(1);
    expect(still[0].evidence).toMatchObject({ people: 2, unknownWorkers: 1, notOnRoster: 1, registeredSince: 1 });

    await enrol(platform, id, fx.enterpriseA, 'bidx-stranger-2');
    await enrol(platform, id, fx.enterpriseA, offRoster);
    await scan(platform, ['W09']);
    const all = await warningsOn(platform, 'W09', id);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { people: 0, registeredSince: 3 } });
  });

  it('follows W09.lookbackDays: an event five days ago counts within seven days, not within three', async () => {
    const id = await newProject(platform, inB());
    await gateEvents(platform, id, [{ date: '2026-02-25', idBidx: 'bidx-stranger-b', status: 'unknown_worker' }]);
    await scan(platform, ['W09']);
    expect(await warningsOn(platform, 'W09', id, 'open')).toHaveLength(1);
    await setParam(platform, 'W09.lookbackDays', TREE.townB2, 3);
    await scan(platform, ['W09']);
    const all = await warningsOn(platform, 'W09', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { from: '2026-02-28', people: 0 } } });
  });
});

describe('W15 rights board or "5+1" checklist incomplete', () => {
  it('raises yellow for an incomplete board and no payment guarantee; completing both clears it', async () => {
    const id = await newProject(platform, { ...inA(), boardContents: ['parties', 'wage_info'], paymentGuarantee: false });
    await scan(platform, ['W15']);
    const open = await warningsOn(platform, 'W15', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'yellow', subject_key: id });
    expect(open[0].evidence).toMatchObject({
      missing: ['board', 'paymentGuarantee'],
      boardSetUp: true,
      boardMissing: ['hotlines'],
      paymentGuaranteeRequired: true,
      paymentGuarantee: false,
      payrollsDue: 0,
    });

    await setProject(platform, id, `board_contents = '{parties,wage_info,hotlines}', payment_guarantee = true`);
    await scan(platform, ['W15']);
    const all = await warningsOn(platform, 'W15', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { missing: [], boardMissing: [] } } });
  });

  it('raises yellow when due wages were not paid through the account (总包代发); paying them clears it', async () => {
    const id = await newProject(platform, inA());
    const pr = await payroll(platform, id, fx.enterpriseA, { month: '2026-01-01', dueOn: '2026-02-28', status: 'approved', lines: [{ payableFen: 350000 }] });
    await scan(platform, ['W15']);
    const open = await warningsOn(platform, 'W15', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ missing: ['payoutThroughAccount'], payrollsDue: 1, payrollsPaidThroughAccount: 0, payrollsOverdueUnpaid: 1 });

    await payInFull(platform, id, pr.payrollId);
    await scan(platform, ['W15']);
    const all = await warningsOn(platform, 'W15', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { payrollsPaidThroughAccount: 1, payrollsOverdueUnpaid: 0 } } });
  });

  it('keeps PRJ-03.paymentGuaranteeRequired national: a region cannot waive the guarantee', async () => {
    const id = await newProject(platform, { ...inB(), paymentGuarantee: false });
    await setParam(platform, 'PRJ-03.paymentGuaranteeRequired', TREE.townB2, false);
    await scan(platform, ['W15']);
    const open = await warningsOn(platform, 'W15', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ missing: ['paymentGuarantee'], paymentGuaranteeRequired: true });
  });
});

describe('W21 stopped project with wages owed', () => {
  it('raises red on a suspended project with a payroll unpaid past its due day; paying it clears it', async () => {
    const id = await newProject(platform, inA());
    const pr = await payroll(platform, id, fx.enterpriseA, {
      month: '2026-01-01',
      dueOn: '2026-02-27',
      status: 'partially_paid',
      lines: [{ payableFen: 350000, paidFen: 350000 }, { payableFen: 300000, paidFen: 100000 }],
    });
    // Under way the rule does not watch it (W05 and the payroll rules do).
    await scan(platform, ['W21']);
    expect(await warningsOn(platform, 'W21', id)).toHaveLength(0);

    await moveProject(platform, id, 'suspended', '2026-02-20');
    await scan(platform, ['W21']);
    const open = await warningsOn(platform, 'W21', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red', subject_key: id, enterprise_id: fx.enterpriseA });
    expect(open[0].evidence).toMatchObject({
      status: 'suspended',
      stoppedOn: '2026-02-20',
      owedPayrolls: 1,
      owedFen: 200000,
      earliestDueOn: '2026-02-27',
      months: ['2026-01'],
      arrearsRecords: 0,
      employers: ['东城建工集团有限公司'],
    });

    await payInFull(platform, id, pr.payrollId);
    await scan(platform, ['W21']);
    const all = await warningsOn(platform, 'W21', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { owedFen: 0, owedPayrolls: 0 } } });
  });

  it('raises red on a completed project with an open arrears finding; resolving the finding clears it', async () => {
    const id = await newProject(platform, inA());
    const sub = await newEnterprise(platform, '东城测试劳务有限公司');
    await moveProject(platform, id, 'completed', '2026-02-26');
    const arrearsId = '01900000-0000-7000-8000-0000000000a1';
    await platform.db.query(
      `INSERT INTO enterprise_arrears (id, enterprise_id, project_id, found_on, amount_fen, source, reference, recorded_by, created_at)
       VALUES ($1, $2, $3, '2026-02-28', 1250000, 'inspection', 'JC-2026-001', 't', now())`,
      [arrearsId, sub, id],
    );
    await scan(platform, ['W21']);
    const open = await warningsOn(platform, 'W21', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ status: 'completed', stoppedOn: '2026-02-26', owedFen: 0, arrearsRecords: 1, arrearsFen: 1250000, employers: ['东城测试劳务有限公司'] });

    await platform.db.query(`UPDATE enterprise_arrears SET resolved_on = '2026-03-01' WHERE id = $1`, [arrearsId]);
    await scan(platform, ['W21']);
    const all = await warningsOn(platform, 'W21', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { arrearsRecords: 0 } } });
  });
});

describe('W22 project manager or chief supervisor rarely on site', () => {
  /** The working days of the default window: the 20 before 2 March 2026 (27 January to 28 February). */
  const windowDays = () => {
    const days: string[] = [];
    for (let d = workingDaysBefore('2026-03-02', 20); d < '2026-03-02'; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
    return days;
  };
  const onSite = async (id: string, role: 'project_manager' | 'chief_supervisor', days: string[]) => {
    const staff = await keyStaffBidx(platform, id);
    await gateEvents(platform, id, days.map((date) => ({ date, idBidx: role === 'project_manager' ? staff.pm : staff.cs, status: 'key_staff' as const, role })));
  };

  it('raises orange for the chief supervisor on site half the working days; more days on site clear it', async () => {
    const id = await newProject(platform, inA());
    const days = windowDays();
    expect(days).toHaveLength(20);
    await onSite(id, 'project_manager', days);
    await onSite(id, 'chief_supervisor', days.slice(0, 10));
    await scan(platform, ['W22']);
    const open = await warningsOn(platform, 'W22', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', subject_key: `${id}:chief_supervisor`, enterprise_id: null });
    expect(open[0].evidence).toEqual({
      role: 'chief_supervisor',
      name: '孙立',
      windowFrom: '2026-01-27',
      windowTo: '2026-03-01',
      workingDays: 20,
      daysOnSite: 10,
      onSiteRatio: 0.5,
      minOnSiteRatio: 0.8,
      lastSeen: days[9],
    });

    // Sixteen of twenty days is the 80 % the rule asks for.
    await onSite(id, 'chief_supervisor', days.slice(10, 16));
    await scan(platform, ['W22']);
    const all = await warningsOn(platform, 'W22', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { daysOnSite: 16, onSiteRatio: 0.8 } } });
  });

  it('follows W22.minOnSiteRatio: 17 of 20 days pass at 80 % and fail at 90 %', async () => {
    const id = await newProject(platform, inB());
    const days = windowDays();
    await onSite(id, 'project_manager', days.slice(0, 17));
    await onSite(id, 'chief_supervisor', days);
    await scan(platform, ['W22']);
    expect(await warningsOn(platform, 'W22', id)).toHaveLength(0);
    await setParam(platform, 'W22.minOnSiteRatio', TREE.townB2, 0.9);
    await scan(platform, ['W22']);
    const open = await warningsOn(platform, 'W22', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `${id}:project_manager`, enterprise_id: fx.enterpriseB });
    expect(open[0].evidence).toMatchObject({ role: 'project_manager', name: '钱进', daysOnSite: 17, onSiteRatio: 0.85, minOnSiteRatio: 0.9 });
  });

  it('follows W22.windowWD and does not judge a project that started inside the window', async () => {
    const id = await newProject(platform, { ...inA(), site: 'A2', plannedStart: '2026-02-09', actualStart: '2026-02-09' });
    await scan(platform, ['W22']);
    expect(await warningsOn(platform, 'W22', id)).toHaveLength(0);
    // Ten working days back (12 to 28 February, 春节 between) the project has started; nobody came.
    await setParam(platform, 'W22.windowWD', TREE.townA2, 10);
    await scan(platform, ['W22']);
    const open = await warningsOn(platform, 'W22', id, 'open');
    expect(open.map((w) => w.subject_key).sort()).toEqual([`${id}:chief_supervisor`, `${id}:project_manager`]);
    expect(open[0].evidence).toMatchObject({ windowFrom: workingDaysBefore('2026-03-02', 10), workingDays: 10, daysOnSite: 0, onSiteRatio: 0 });
  });
});

describe('W23 listed enterprise on a project', () => {
  it('raises orange for a subcontractor on the dishonesty list; its removal clears it', async () => {
    const id = await newProject(platform, inA());
    const sub = await newEnterprise(platform, '失信测试劳务有限公司');
    await setProject(platform, id, 'party_ids = party_ids || $2::uuid', [sub]);
    const listingId = '01900000-0000-7000-8000-0000000000b1';
    await platform.db.query(
      `INSERT INTO enterprise_dishonesty_listings (id, enterprise_id, listed_on, decision_no, recorded_by, created_at)
       VALUES ($1, $2, '2025-12-01', '东人社失信〔2025〕3号', 't', now())`,
      [listingId, sub],
    );
    await scan(platform, ['W23']);
    const open = await warningsOn(platform, 'W23', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', subject_key: `${id}:${sub}`, enterprise_id: sub });
    expect(open[0].evidence).toMatchObject({
      enterpriseName: '失信测试劳务有限公司',
      role: 'subcontractor',
      listed: true,
      decisionNo: '东人社失信〔2025〕3号',
      listedOn: '2025-12-01',
      removedOn: null,
    });

    await platform.db.query(`UPDATE enterprise_dishonesty_listings SET removed_on = '2026-03-02' WHERE id = $1`, [listingId]);
    await scan(platform, ['W23']);
    const all = await warningsOn(platform, 'W23', id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { listed: false, removedOn: '2026-03-02' } } });
  });

  it('waits for a listing that starts later, and names an owner by its role', async () => {
    const owner = await newEnterprise(platform, '失信测试建设单位', 'owner');
    const id = await newProject(platform, { ...inA(), ownerId: owner });
    await platform.db.query(
      `INSERT INTO enterprise_dishonesty_listings (id, enterprise_id, listed_on, decision_no, recorded_by, created_at)
       VALUES ('01900000-0000-7000-8000-0000000000b2', $1, '2026-03-10', '东人社失信〔2026〕1号', 't', now())`,
      [owner],
    );
    await scan(platform, ['W23']);
    expect(await warningsOn(platform, 'W23', id)).toHaveLength(0);
    platform.clock.set(new Date('2026-03-10T02:00:00Z'));
    await scan(platform, ['W23']);
    const open = await warningsOn(platform, 'W23', id, 'open');
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ role: 'owner', listedOn: '2026-03-10' });
  });
});
