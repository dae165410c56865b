import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUARANTEE_RULES } from '../../src/server/modules/warnings/rules/guarantee';
import { addDays, workingDaysBefore } from '../../src/server/platform/calendar';
import { type Fixture, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, attend, loadGovUnits, scan, setParam, warningsOf } from '../support/warnings';
import {
  addArrears,
  addCompletedValue,
  addEnterprise,
  addOwnerPayment,
  addPayroll,
  addProject,
  addSignal,
  addSubcontract,
  draw,
  evaluate,
  lodge,
  openWageAccount,
  setCoverage,
  topUp,
  updateLines,
} from '../support/warnings-guarantee';

/**
 * The guarantee and risk rules (RULES.md §7.4 W10–W14, W16, W17): each raises exactly one warning
 * with its evidence, clears when the data is fixed, and follows its parameters. Each test makes
 * its own enterprises and projects; a parameter is overridden on a town no other test uses for
 * that rule. Today is 2026-03-02 (the test clock).
 */

let platform: TestPlatform;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  // Routed warnings are dispatched to their unit.
  await loadGovUnits(platform);
});
afterAll(() => platform?.close());

const TODAY = '2026-03-02';
const on = async (code: string, pick: (w: Awaited<ReturnType<typeof warningsOf>>[number]) => boolean) => (await warningsOf(platform, code)).filter(pick);
const ofProject = (code: string, projectId: string) => on(code, (w) => w.project_id === projectId);
const ofSubject = (code: string, subjectKey: string) => on(code, (w) => w.subject_key === subjectKey);

describe('the guarantee rules', () => {
  it('return one row per subject with unique keys on every rule, for all projects and for some', async () => {
    for (const rule of GUARANTEE_RULES) {
      for (const ids of [null, [p.projectA]]) {
        const rows = await evaluate(platform, rule.code, ids);
        expect(new Set(rows.map((r) => r.subject_key)).size, rule.code).toBe(rows.length);
        for (const r of rows) expect(rule.levels, rule.code).toContain(r.level);
      }
    }
  });
});

describe('W10 wage deposit not lodged', () => {
  it('raises one red warning once the start has passed with nothing held; an expired guarantee does not count; cash clears it', async () => {
    const gc = await addEnterprise(platform, '保证金测试建工甲有限公司');
    await setCoverage(platform, gc, '2025-06-01');
    const project = await addProject(platform, { name: 'W10学校食堂工程', ownerId: p.ownerA, generalContractorId: gc });
    await scan(platform, ['W10']);
    let open = await ofProject('W10', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: project, enterprise_id: gc, level: 'red', status: 'dispatched' });
    expect(open[0].evidence).toMatchObject({
      plannedStart: '2026-02-01',
      actualStart: '2026-02-10',
      generalContractorName: '保证金测试建工甲有限公司',
      contractPriceFen: 120_000_000_00,
      lodgings: 0,
      heldLodgings: 0,
      exemption: null,
      cleanYears: 0,
      smallProject: false,
    });

    await lodge(platform, project, gc, { amountFen: 180_000_000, lodgedOn: '2026-01-20', validUntil: '2026-02-28' });
    await scan(platform, ['W10']);
    open = await ofProject('W10', project);
    expect(open).toHaveLength(1);
    expect(open[0].status).toBe('dispatched');
    expect(open[0].evidence).toMatchObject({ lodgings: 1, heldLodgings: 0, expiredLodgings: 1 });

    await lodge(platform, project, gc, { amountFen: 180_000_000, lodgedOn: '2026-03-01' });
    await scan(platform, ['W10']);
    const all = await ofProject('W10', project);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { lodgings: 2, heldLodgings: 1 } });
  });

  it('leaves a project alone before its start', async () => {
    const gc = await addEnterprise(platform, '保证金测试建工乙有限公司');
    const project = await addProject(platform, { name: 'W10未开工工程', ownerId: p.ownerA, generalContractorId: gc, status: 'not_started', plannedStart: '2026-04-01' });
    await scan(platform, ['W10']);
    expect(await ofProject('W10', project)).toHaveLength(0);
    expect((await evaluate(platform, 'W10', [project])).length).toBe(0);
  });

  it('exempts as the deposits module does: DEP-04 small works with clean years, DEP-06 with the roster and the account; follows DEP-04.exemptBelow', async () => {
    const gc = await addEnterprise(platform, '保证金测试建工丙有限公司', TREE.townB2);
    await setCoverage(platform, gc, '2020-01-01');
    const project = await addProject(platform, { name: 'W10小型维修工程', town: TREE.townB2, ownerId: p.ownerB, generalContractorId: gc, contractPriceFen: 300_000_000 });
    await scan(platform, ['W10']);
    expect(await ofProject('W10', project)).toHaveLength(0);
    const [row] = await evaluate(platform, 'W10', [project]);
    expect(row).toMatchObject({ hit: false, evidence: { exemption: 'DEP-04', smallProject: true, cleanYears: 6 } });

    // Below ¥2,000,000 only: no longer small; six clean years but neither roster nor account (DEP-06).
    await setParam(platform, 'DEP-04.exemptBelow', TREE.townB2, 200_000_000);
    await scan(platform, ['W10']);
    const open = await ofProject('W10', project);
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ exemption: null, smallProject: false, cleanYears: 6, realNameInPlace: false, wageAccountInPlace: false });

    await addWorkers(platform, project, gc, 1);
    await openWageAccount(platform, project, gc);
    await scan(platform, ['W10']);
    const [w] = await ofProject('W10', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { exemption: 'DEP-06', realNameInPlace: true, wageAccountInPlace: true } });
  });

  it('gives no exemption after arrears in the look-back (DEP-07)', async () => {
    const gc = await addEnterprise(platform, '保证金测试建工丁有限公司', TREE.townA2);
    await setCoverage(platform, gc, '2020-01-01');
    await addArrears(platform, gc, { foundOn: '2025-06-01', amountFen: 35_000_00, resolvedOn: '2025-07-01' });
    const project = await addProject(platform, { name: 'W10小型绿化工程', town: TREE.townA2, ownerId: p.ownerA, generalContractorId: gc, contractPriceFen: 300_000_000 });
    await scan(platform, ['W10']);
    const open = await ofProject('W10', project);
    expect(open).toHaveLength(1);
    expect(open[0].evidence).toMatchObject({ exemption: null, smallProject: true, arrearsInLookback: true, cleanYears: 0 });
  });
});

describe('W11 wage deposit not topped up in time', () => {
  const late10 = workingDaysBefore(TODAY, 10);
  const drawnOn = addDays(late10, -1);
  const drawn = { amountFen: 20_000_000, drawnOn, orderIssuedOn: addDays(drawnOn, -10), orderDueOn: addDays(drawnOn, -3), decisionOn: addDays(drawnOn, -1) };

  it('raises one red warning when a draw is not topped up within 10 working days; a partial top-up keeps it; the rest clears it', async () => {
    const gc = await addEnterprise(platform, '补足测试建工甲有限公司');
    const project = await addProject(platform, { name: 'W11道路工程', ownerId: p.ownerA, generalContractorId: gc });
    await lodge(platform, project, gc, { amountFen: 180_000_000, lodgedOn: '2026-01-20' });
    const drawId = await draw(platform, project, drawn);
    await scan(platform, ['W11']);
    const open = await ofProject('W11', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: drawId, enterprise_id: gc, level: 'red' });
    expect(open[0].evidence).toMatchObject({ drawnOn, drawnFen: 20_000_000, toppedUpFen: 0, outstandingFen: 20_000_000, topUpWithinWorkingDays: 10, decisionNo: '东人社保用〔2026〕1号' });

    await topUp(platform, drawId, project, 5_000_000, '2026-02-27');
    await scan(platform, ['W11']);
    expect((await ofProject('W11', project))[0].evidence).toMatchObject({ toppedUpFen: 5_000_000, outstandingFen: 15_000_000 });

    await topUp(platform, drawId, project, 15_000_000, '2026-03-02');
    await scan(platform, ['W11']);
    const [w] = await ofProject('W11', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { toppedUpFen: 20_000_000, outstandingFen: 0, lastToppedOn: '2026-03-02' } });
  });

  it('follows DEP-10.topUpWithinWD: with 20 working days the same draw is not yet late', async () => {
    const gc = await addEnterprise(platform, '补足测试建工乙有限公司', TREE.townB2);
    const project = await addProject(platform, { name: 'W11桥梁工程', town: TREE.townB2, ownerId: p.ownerB, generalContractorId: gc });
    await lodge(platform, project, gc, { amountFen: 180_000_000, lodgedOn: '2026-01-20' });
    await draw(platform, project, drawn);
    await setParam(platform, 'DEP-10.topUpWithinWD', TREE.townB2, 20);
    await scan(platform, ['W11']);
    expect(await ofProject('W11', project)).toHaveLength(0);
    const [row] = await evaluate(platform, 'W11', [project]);
    expect(row).toMatchObject({ hit: false, evidence: { topUpWithinWorkingDays: 20, outstandingFen: 20_000_000 } });
  });
});

describe('W12 departed worker not settled', () => {
  it('raises one red warning 30 days after an exit with a month worked and unsettled; paid but unconfirmed still holds; confirmed clears it', async () => {
    const gc = await addEnterprise(platform, '离场测试建工甲有限公司');
    const project = await addProject(platform, { name: 'W12住宅工程', ownerId: p.ownerA, generalContractorId: gc });
    const [w1] = await addWorkers(platform, project, gc, 1, { entryDate: '2026-01-05', exitDate: '2026-01-20' });
    await attend(platform, project, [w1.workerId], '2026-01', 10);
    await scan(platform, ['W12']);
    const open = await ofProject('W12', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: w1.employmentId, enterprise_id: gc, level: 'red' });
    expect(open[0].evidence).toMatchObject({
      employerName: '离场测试建工甲有限公司',
      exitDate: '2026-01-20',
      settleBy: '2026-02-19',
      monthsWorked: 1,
      unsettledMonths: ['2026-01'],
      monthsWithoutPayroll: 1,
      unpaidFen: 0,
      disputeOpen: false,
    });
    expect(open[0].evidence.workerName).toMatch(/^测试工人/);

    const [line] = await addPayroll(platform, project, gc, '2026-01', [{ ...w1, netFen: 350_000, payStatus: 'unpaid' }]);
    await scan(platform, ['W12']);
    expect((await ofProject('W12', project))[0].evidence).toMatchObject({ unsettledMonths: ['2026-01'], monthsWithoutPayroll: 0, unpaidFen: 350_000 });

    await updateLines(platform, project, [line], { payStatus: 'paid' });
    await scan(platform, ['W12']);
    const still = await ofProject('W12', project);
    expect(still[0].status).toBe('dispatched');
    expect(still[0].evidence).toMatchObject({ unsettledMonths: ['2026-01'], unpaidFen: 0 });

    await updateLines(platform, project, [line], { confirmation: 'confirmed' });
    await scan(platform, ['W12']);
    const [w] = await ofProject('W12', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { unsettledMonths: [], monthsWorked: 1 } });
  });

  it('is yellow while the worker disputes the unsettled month (red without a dispute, above)', async () => {
    const gc = await addEnterprise(platform, '离场测试建工乙有限公司');
    const sub = await addEnterprise(platform, '离场测试劳务有限公司', TREE.townA1, 'labor_subcontractor');
    const project = await addProject(platform, { name: 'W12厂房工程', ownerId: p.ownerA, generalContractorId: gc });
    await addSubcontract(platform, project, sub, gc);
    const [w2] = await addWorkers(platform, project, sub, 1, { entryDate: '2026-01-05', exitDate: '2026-01-25' });
    await attend(platform, project, [w2.workerId], '2026-01', 10);
    const [line] = await addPayroll(platform, project, sub, '2026-01', [{ ...w2, netFen: 280_000, confirmation: 'disputed', confirmedAt: '2026-02-10T09:00:00+08:00' }]);
    await scan(platform, ['W12']);
    const open = await ofProject('W12', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'yellow', enterprise_id: sub });
    expect(open[0].evidence).toMatchObject({ employerName: '离场测试劳务有限公司', disputeOpen: true, unpaidFen: 280_000, unsettledMonths: ['2026-01'] });

    // The worker confirms once paid: settled.
    await updateLines(platform, project, [line], { payStatus: 'paid', confirmation: 'confirmed' });
    await scan(platform, ['W12']);
    const [w] = await ofProject('W12', project);
    expect(w).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { unsettledMonths: [], unpaidFen: 0 } } });
  });

  it('follows W12.afterDays: 36 days after the exit is late at 30, not at 40', async () => {
    const gc = await addEnterprise(platform, '离场测试建工丙有限公司', TREE.townB2);
    const project = await addProject(platform, { name: 'W12仓库工程', town: TREE.townB2, ownerId: p.ownerB, generalContractorId: gc });
    const [w3] = await addWorkers(platform, project, gc, 1, { entryDate: '2026-01-05', exitDate: '2026-01-25' });
    await attend(platform, project, [w3.workerId], '2026-01', 10);
    await scan(platform, ['W12']);
    expect(await ofProject('W12', project)).toHaveLength(1);
    await setParam(platform, 'W12.afterDays', TREE.townB2, 40);
    await scan(platform, ['W12']);
    const [w] = await ofProject('W12', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { settleBy: '2026-03-06', unsettledMonths: ['2026-01'] } });
  });
});

describe('W13 complaint cluster', () => {
  const disputed = (ws: { workerId: string; employmentId: string }[], at = '2026-02-20T10:00:00+08:00') => ws.map((w) => ({ ...w, confirmation: 'disputed' as const, confirmedAt: at }));

  it('raises one orange warning at 3 complainants on a project in 30 days, red at 6; settled disputes clear it', async () => {
    const gc = await addEnterprise(platform, '投诉测试建工甲有限公司');
    const sub = await addEnterprise(platform, '投诉测试劳务甲有限公司', TREE.townA1, 'labor_subcontractor');
    const project = await addProject(platform, { name: 'W13安置房工程', ownerId: p.ownerA, generalContractorId: gc });
    await addSubcontract(platform, project, sub, gc);
    const crew = await addWorkers(platform, project, sub, 6);
    const lines = await addPayroll(platform, project, sub, '2026-01', [...disputed(crew.slice(0, 3)), ...crew.slice(3)]);
    await scan(platform, ['W13']);
    let open = await ofProject('W13', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: `project:${project}`, enterprise_id: sub, level: 'orange' });
    expect(open[0].evidence).toMatchObject({ since: '2026-02-01', windowDays: 30, complainants: 3, complaints: 3, employers: [{ employerId: sub, employerName: '投诉测试劳务甲有限公司', complainants: 3 }] });
    // One project's cluster is not also an employer warning.
    expect(await ofSubject('W13', `employer:${sub}`)).toHaveLength(0);

    await updateLines(platform, project, lines.slice(3), { confirmation: 'disputed', confirmedAt: '2026-02-25T10:00:00+08:00' });
    await scan(platform, ['W13']);
    open = await ofProject('W13', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red', status: 'dispatched' });
    expect(open[0].evidence).toMatchObject({ complainants: 6 });

    await updateLines(platform, project, lines, { confirmation: 'confirmed' });
    await scan(platform, ['W13']);
    const [w] = await ofProject('W13', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { complainants: 0, employers: [] } });
  });

  it('raises one enterprise warning for an employer complained of on two projects; old complaints fall out of the window', async () => {
    const sub = await addEnterprise(platform, '投诉测试劳务乙有限公司', TREE.townA2, 'labor_subcontractor');
    const projects: string[] = [];
    for (const name of ['W13泵站工程', 'W13堤防工程']) {
      const gc = await addEnterprise(platform, `${name}总包有限公司`, TREE.townA2);
      const project = await addProject(platform, { name, town: TREE.townA2, ownerId: p.ownerA, generalContractorId: gc });
      await addSubcontract(platform, project, sub, gc);
      await addPayroll(platform, project, sub, '2026-01', disputed(await addWorkers(platform, project, sub, 2)));
      projects.push(project);
    }
    await addPayroll(platform, projects[0], sub, '2025-11', disputed(await addWorkers(platform, projects[0], sub, 1), '2025-12-20T10:00:00+08:00'));
    await scan(platform, ['W13']);
    expect((await ofProject('W13', projects[0])).concat(await ofProject('W13', projects[1]))).toHaveLength(0);
    const open = await ofSubject('W13', `employer:${sub}`);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: null, enterprise_id: sub, level: 'orange' });
    expect(open[0].evidence).toMatchObject({ employerName: '投诉测试劳务乙有限公司', complainants: 4, projects: 2 });
    expect([...open[0].evidence.projectIds].sort()).toEqual([...projects].sort());

    // 40 days on, the cluster has aged out of the window.
    platform.clock.set(new Date('2026-04-11T02:00:00Z'));
    try {
      await scan(platform, ['W13'], projects);
      const [w] = await ofSubject('W13', `employer:${sub}`);
      expect(w.status).toBe('resolved');
      expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { complainants: 0, since: '2026-03-13' } });
    } finally {
      platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });

  it('follows W13.minComplaints: two complainants suffice where it is 2', async () => {
    const gc = await addEnterprise(platform, '投诉测试建工丙有限公司', TREE.townB2);
    const project = await addProject(platform, { name: 'W13污水管网工程', town: TREE.townB2, ownerId: p.ownerB, generalContractorId: gc });
    await addPayroll(platform, project, gc, '2026-01', disputed(await addWorkers(platform, project, gc, 2)));
    await scan(platform, ['W13']);
    expect(await ofProject('W13', project)).toHaveLength(0);
    await setParam(platform, 'W13.minComplaints', TREE.townB2, 2);
    await scan(platform, ['W13']);
    const open = await ofProject('W13', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', evidence: { complainants: 2 } });
  });
});

describe('W14 progress payments below the minimum', () => {
  it('raises one yellow warning on a government project paid below 80% of the completed value; paying up clears it', async () => {
    const owner = await addEnterprise(platform, '工程款测试城投有限公司', TREE.townA1, 'owner');
    const gc = await addEnterprise(platform, '工程款测试建工甲有限公司');
    const project = await addProject(platform, { name: 'W14体育馆工程', ownerId: owner, generalContractorId: gc });
    await addCompletedValue(platform, project, '2026-01', 1_000_000_00);
    await addCompletedValue(platform, project, '2026-02', 500_000_00, false);
    await addOwnerPayment(platform, project, '2026-02-10', 1_000_000_00);
    await addOwnerPayment(platform, project, '2026-02-20', 100_000_00, 'refund');
    await scan(platform, ['W14']);
    const open = await ofProject('W14', project);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ subject_key: project, enterprise_id: owner, level: 'yellow' });
    // ¥1,500,000 completed (confirmed or not, as the payments module counts), ¥900,000 net paid: 60%.
    expect(open[0].evidence).toMatchObject({
      ownerName: '工程款测试城投有限公司',
      investmentType: 'government',
      completedFen: 1_500_000_00,
      paidFen: 900_000_00,
      ratioBp: 6000,
      minRatioBp: 8000,
      requiredFen: 1_200_000_00,
      shortfallFen: 300_000_00,
      throughMonth: '2026-02',
      unconfirmedMonths: 1,
      unconfirmedFen: 500_000_00,
    });

    await addOwnerPayment(platform, project, '2026-03-01', 299_999_99);
    await scan(platform, ['W14']);
    expect((await ofProject('W14', project))[0]).toMatchObject({ status: 'dispatched', evidence: { shortfallFen: 1 } });
    await addOwnerPayment(platform, project, '2026-03-02', 1);
    await scan(platform, ['W14']);
    const [w] = await ofProject('W14', project);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { ratioBp: 8000, shortfallFen: 0 } });
  });

  it('watches government and SOE projects only, and holds to the national 80% whatever a region sets', async () => {
    const owner = await addEnterprise(platform, '工程款测试置业有限公司', TREE.townB2, 'owner');
    const gc = await addEnterprise(platform, '工程款测试建工乙有限公司', TREE.townB2);
    const privateProject = await addProject(platform, { name: 'W14商业综合体', town: TREE.townB2, investmentType: 'private', ownerId: owner, generalContractorId: gc });
    const govProject = await addProject(platform, { name: 'W14图书馆工程', town: TREE.townB2, ownerId: owner, generalContractorId: gc });
    for (const id of [privateProject, govProject]) {
      await addCompletedValue(platform, id, '2026-01', 1_000_000_00);
      await addOwnerPayment(platform, id, '2026-02-10', 500_000_00);
    }
    await addOwnerPayment(platform, govProject, '2026-02-11', 350_000_00);
    // SET-01.minProgressRatio is fixed nationally (not region-overridable): a region's 90% is not applied.
    await setParam(platform, 'SET-01.minProgressRatio', TREE.townB2, 0.9);
    await scan(platform, ['W14']);
    expect(await ofProject('W14', privateProject)).toHaveLength(0);
    expect(await ofProject('W14', govProject)).toHaveLength(0);
    expect(await evaluate(platform, 'W14', [privateProject])).toHaveLength(0);
    expect((await evaluate(platform, 'W14', [govProject]))[0]).toMatchObject({ hit: false, evidence: { ratioBp: 8500, minRatioBp: 8000 } });
  });
});

describe('W16 enterprise operating-risk signal', () => {
  it('raises one yellow enterprise warning for a contractor two months behind on power; owners are not watched; clearing the signal clears it', async () => {
    const owner = await addEnterprise(platform, '风险测试业主有限公司', TREE.townA2, 'owner');
    const gc = await addEnterprise(platform, '风险测试建工甲有限公司', TREE.townA2);
    const project = await addProject(platform, { name: 'W16变电站工程', town: TREE.townA2, ownerId: owner, generalContractorId: gc });
    const power = await addSignal(platform, gc, { kind: 'power', source: '南江电网东城供电局', period: '2026-01-01', overdueFen: 50_000_00, overdueMonths: 3 });
    await addSignal(platform, gc, { kind: 'water', source: '东城水务', period: '2026-01-01', overdueFen: 1_000_00, overdueMonths: 1 });
    await addSignal(platform, owner, { kind: 'tax', source: '东城税务局', period: '2026-01-01', overdueFen: 900_000_00, overdueMonths: 6 });
    // The incremental evaluation of the project evaluates its parties.
    await scan(platform, ['W16'], [project]);
    const open = await ofSubject('W16', gc);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: null, enterprise_id: gc, level: 'yellow' });
    expect(open[0].evidence).toMatchObject({
      enterpriseName: '风险测试建工甲有限公司',
      flaggedKinds: ['power'],
      kinds: {
        power: { overdueFen: 50_000_00, overdueMonths: 3, period: '2026-01-01', sources: ['南江电网东城供电局'] },
        water: { overdueFen: 1_000_00, overdueMonths: 1 },
      },
      minOverdueMonths: 2,
      minOverdueFen: 10_000_000,
    });
    await scan(platform, ['W16']);
    expect(await ofSubject('W16', gc)).toHaveLength(1);
    expect(await ofSubject('W16', owner)).toHaveLength(0);

    await platform.db.query(`UPDATE enterprise_risk_signals SET cleared_on = '2026-03-01' WHERE id = $1`, [power]);
    await scan(platform, ['W16']);
    const [w] = await ofSubject('W16', gc);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { flaggedKinds: [], kinds: { water: { overdueMonths: 1 } } } });
  });

  it('watches subcontractors and follows W16.minOverdueMonths', async () => {
    const gc = await addEnterprise(platform, '风险测试建工乙有限公司', TREE.townB2);
    const sub = await addEnterprise(platform, '风险测试劳务有限公司', TREE.townB2, 'labor_subcontractor');
    const project = await addProject(platform, { name: 'W16水厂工程', town: TREE.townB2, ownerId: p.ownerB, generalContractorId: gc });
    await addSubcontract(platform, project, sub, gc);
    await addSignal(platform, sub, { kind: 'social_insurance', source: '西城社保中心', period: '2026-02-01', overdueFen: 20_000_00, overdueMonths: 2 });
    await scan(platform, ['W16']);
    expect(await ofSubject('W16', sub)).toHaveLength(1);
    await setParam(platform, 'W16.minOverdueMonths', TREE.townB2, 3);
    await scan(platform, ['W16']);
    const [w] = await ofSubject('W16', sub);
    expect(w).toMatchObject({ status: 'resolved', resolution: { reason: 'condition_cleared', evidence: { flaggedKinds: [], minOverdueMonths: 3 } } });
  });
});

describe('W17 enterprise arrears ageing', () => {
  it('is yellow within a month of the oldest open finding, orange to two months, red beyond; settling every finding clears it', async () => {
    const e = await addEnterprise(platform, '欠薪账龄测试建工有限公司', TREE.townA1);
    const ids = [await addArrears(platform, e, { foundOn: '2026-02-15', amountFen: 50_000_00, source: 'payroll' })];
    await scan(platform, ['W17']);
    let open = await ofSubject('W17', e);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: null, enterprise_id: e, level: 'yellow' });
    expect(open[0].evidence).toMatchObject({ enterpriseName: '欠薪账龄测试建工有限公司', openFindings: 1, openFen: 50_000_00, oldestFoundOn: '2026-02-15', ageDays: 15, sources: ['payroll'] });

    ids.push(await addArrears(platform, e, { foundOn: '2026-01-15', amountFen: 20_000_00, source: 'case' }));
    await scan(platform, ['W17']);
    open = await ofSubject('W17', e);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', evidence: { openFindings: 2, openFen: 70_000_00, oldestFoundOn: '2026-01-15', sources: ['case', 'payroll'] } });

    ids.push(await addArrears(platform, e, { foundOn: '2025-12-20', amountFen: 10_000_00 }));
    await scan(platform, ['W17']);
    open = await ofSubject('W17', e);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'red', evidence: { openFindings: 3, oldestFoundOn: '2025-12-20' } });

    await platform.db.query(`UPDATE enterprise_arrears SET resolved_on = '2026-03-01' WHERE id = ANY ($1::uuid[])`, [ids]);
    await scan(platform, ['W17']);
    const [w] = await ofSubject('W17', e);
    expect(w.status).toBe('resolved');
    expect(w.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { openFindings: 0, openFen: 0, lastResolvedOn: '2026-03-01' } });
  });

  it('follows W17.redAfterMonths: 2½ months is orange where red begins after 3', async () => {
    const e = await addEnterprise(platform, '欠薪账龄测试劳务有限公司', TREE.townB2, 'labor_subcontractor');
    await addArrears(platform, e, { foundOn: '2025-12-15', amountFen: 10_000_00 });
    await scan(platform, ['W17']);
    expect((await ofSubject('W17', e))[0]).toMatchObject({ level: 'red' });
    await setParam(platform, 'W17.redAfterMonths', TREE.townB2, 3);
    await scan(platform, ['W17']);
    const open = await ofSubject('W17', e);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 'orange', status: 'dispatched' });
  });
});
