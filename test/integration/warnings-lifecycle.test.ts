import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { RULES } from '../../src/server/modules/warnings/rules';
import { evaluateChanged, runScan } from '../../src/server/modules/warnings/warnings.scan';
import { advanceEscalationLadder } from '../../src/server/modules/warnings/warnings.service';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, TREE, creditCode, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, attend, ctxOf, loadGovUnits, scan, warningsOf } from '../support/warnings';

/**
 * A warning's life over HTTP: raised by the scan and routed, seen only in scope, acknowledged,
 * disposed, verified by another official and closed; overdue escalation one level up with the
 * notification; the ladder's proposals and their decision; incremental evaluation from the outbox;
 * the risk score; operating-risk signals; the catalogue. W05 (wages not paid monthly) is the rule used.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;
const s: Record<string, Session> = {};
let crewA: { workerId: string; employmentId: string }[] = [];

const api = (name: string) => as(app, s[name]);
const W05 = RULES.filter((r) => r.code === 'W05').map((r) => r.code);

async function relogin(names = ['wageA', 'wageCity', 'housingA', 'townA1', 'townA2', 'companyA', 'companyB', 'leaderA']) {
  for (const name of names) s[name] = await login(app, name, PASSWORD);
}

async function payJanuary(projectId: string, employerId: string, crew: { workerId: string; employmentId: string }[]) {
  const payrollId = crypto.randomUUID();
  await platform.db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO payrolls (project_id, id, employer_id, month, status, prepared_by, created_at, updated_at) VALUES ($1, $2, $3, '2026-01-01', 'paid', 't', now(), now())`,
      [projectId, payrollId, employerId],
    );
    await tx.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status, paid_fen)
       SELECT $1, gen_random_uuid(), $2, w, e, 'daily', 35000, 10, 10, 350000, 0, 350000, 350000, 'confirmed', 'paid', 350000
         FROM unnest($3::uuid[], $4::uuid[]) AS t(w, e)`,
      [projectId, payrollId, crew.map((c) => c.workerId), crew.map((c) => c.employmentId)],
    );
  });
}

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
  app = await buildApp(platform);
  await relogin();
  crewA = await addWorkers(platform, p.projectA, fx.enterpriseA, 4);
  await attend(platform, p.projectA, crewA.map((c) => c.workerId), '2026-01', 12);
  const crewB = await addWorkers(platform, p.projectB, fx.enterpriseB, 2);
  await attend(platform, p.projectB, crewB.map((c) => c.workerId), '2026-01', 8);
  await scan(platform, W05);
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

const warningA = async () => (await warningsOf(platform, 'W05')).find((w) => w.project_id === p.projectA)!;

describe('seeing warnings in scope', () => {
  it('a township official sees only the warnings of their township; a company those on its projects', async () => {
    const seen = async (name: string) => { const r = (await api(name).get('/api/warnings')).json(); if (!r.items) console.log(name, JSON.stringify(r)); return (r.items as { projectId: string }[]).map((i) => i.projectId); };
    expect(await seen('townA1')).toEqual([p.projectA]);
    expect(await seen('townA2')).toEqual([]);
    expect(await seen('wageA')).toEqual([p.projectA]);
    expect((await seen('wageCity')).sort()).toEqual([p.projectA, p.projectB].sort());
    expect(await seen('companyA')).toEqual([p.projectA]);
    expect(await seen('companyB')).toEqual([p.projectB]);
    const foreign = (await warningsOf(platform, 'W05')).find((w) => w.project_id === p.projectB)!;
    expect((await api('townA1').get(`/api/warnings/${foreign.id}`)).statusCode).toBe(404);
  });

  it('the detail cites the law, shows the evidence with labels, the routing and the deadline', async () => {
    const w = await warningA();
    const d = (await api('wageA').get(`/api/warnings/${w.id}`)).json();
    expect(d).toMatchObject({ ruleCode: 'W05', level: 'red', status: 'dispatched', projectId: p.projectA, dueOn: '2026-03-05', overdue: false });
    expect(d.source.zh).toContain('第12条');
    expect(d.evidence).toMatchObject({ month: '2026-01', attendedWorkers: 4, paidFen: 0 });
    expect(d.evidenceLabels.attendedWorkers.zh).toBe('出勤人数');
    expect(d.handlingUnit).toEqual({ id: units.housingA, name: '东城区住房和城乡建设局' });
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    // Officials of the handling unit's region may act; a company may only answer.
    expect(d.allowedActions).toEqual(expect.arrayContaining(['acknowledge', 'dispose']));
    expect((await api('companyA').get(`/api/warnings/${w.id}`)).json().allowedActions).toEqual(['respond']);
    expect((await api('leaderA').get(`/api/warnings/${w.id}`)).json().allowedActions).toEqual([]);
  });

  it('new red warnings notify the handling unit, the wage office above it and the general contractor', async () => {
    const titles = async (name: string) => ((await api(name).get('/api/notifications')).json().items as { titleZh: string; link: string }[]);
    const w = await warningA();
    for (const name of ['housingA', 'wageCity', 'companyA']) {
      expect((await titles(name)).find((n) => n.link === `/warnings/${w.id}`)?.titleZh).toBe('【红色预警】未按月足额支付工资：东城第一中学改扩建工程');
    }
    expect((await titles('townA2')).filter((n) => n.link === `/warnings/${w.id}`)).toEqual([]);
    const unread = (await api('housingA').get('/api/notifications?unreadOnly=true')).json().unread;
    expect((await api('housingA').post('/api/notifications/read', {})).json().updated).toBe(unread);
    expect((await api('housingA').get('/api/notifications')).json().unread).toBe(0);
  });
});

describe('disposal and verification', () => {
  it('acknowledge → disposal with an attachment → verification by another official closes it (整改销号)', async () => {
    const w = await warningA();
    const ack = await api('housingA').post(`/api/warnings/${w.id}/acknowledge`, { note: '已签收，约谈总包' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'housingA' });
    const file = await upload(app, s.housingA, 'POST', `/api/warnings/${w.id}/files`, '约谈记录.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(file.statusCode).toBe(201);
    const answer = await api('companyA').post(`/api/warnings/${w.id}/response`, { measures: '已筹措资金，3月5日前发放' });
    expect(answer.json().status).toBe('acknowledged');
    const disposed = await api('housingA').post(`/api/warnings/${w.id}/disposal`, { measures: '现场核查并责令3日内发放', fileIds: [file.json().id] });
    expect(disposed.json()).toMatchObject({ status: 'disposed' });
    // The official who disposed cannot verify their own disposal.
    expect(disposed.json().allowedActions).not.toContain('verify');
    expect((await api('housingA').post(`/api/warnings/${w.id}/verify`, { note: '自核' })).statusCode).toBe(422);
    const closed = await api('wageA').post(`/api/warnings/${w.id}/verify`, { note: '工资已发放，核验通过' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: 'wageA' });
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'acknowledged', 'file_attached', 'response_recorded', 'disposal_recorded', 'verified']);
    // Closed by hand while the data still shows the arrears: the quiet days keep it from coming straight back.
    await scan(platform, W05);
    expect((await warningsOf(platform, 'W05', 'open')).filter((x) => x.project_id === p.projectA)).toEqual([]);
  });

  it('bad input is refused with field problems and changes nothing', async () => {
    const b = (await warningsOf(platform, 'W05')).find((w) => w.project_id === p.projectB)!;
    const res = await api('wageCity').post(`/api/warnings/${b.id}/disposal`, { measures: '' });
    expect(res.statusCode).toBe(400);
    const bogus = await api('wageCity').post(`/api/warnings/${b.id}/disposal`, { measures: '处置', fileIds: [crypto.randomUUID()] });
    expect(bogus.statusCode).toBe(422);
    expect((await warningsOf(platform, 'W05')).find((w) => w.id === b.id)!.status).toBe('dispatched');
  });
});

describe('the escalation ladder', () => {
  it('overdue warnings escalate one level up with a new deadline and a notification; consequences are proposed and decided', async () => {
    const b = (await warningsOf(platform, 'W05')).find((w) => w.project_id === p.projectB)!;
    // 西城 project, 区属 → the transport bureau of district B; deadline 3 working days (2026-03-05).
    expect(b.handling_unit_id).toBe(units.transportB);
    platform.clock.set(new Date('2026-03-06T01:00:00Z'));
    const r1 = await advanceEscalationLadder(ctxOf(platform));
    expect(r1.escalated).toContain(b.id);
    const after = (await warningsOf(platform, 'W05')).find((w) => w.id === b.id)!;
    // The district bureau's region is district B: one level up is the city's wage office.
    expect(after.handling_unit_id).toBe(units.wageCity);
    expect(after.due_on).toBe('2026-03-11');
    await relogin(['wageCity']);
    const d = (await api('wageCity').get(`/api/warnings/${b.id}`)).json();
    expect(d).toMatchObject({ escalations: 1, ladderStep: 'escalated', handlingUnit: { id: units.wageCity } });
    // Overdue again: there is no unit above the city in this tree, so it stays; after 15 working days the consequences are proposed.
    platform.clock.set(new Date('2026-03-24T01:00:00Z'));
    const r2 = await advanceEscalationLadder(ctxOf(platform));
    expect(r2.escalated).not.toContain(b.id);
    expect(r2.proposed).toContain(b.id);
    await relogin(['wageCity']);
    const d2 = (await api('wageCity').get(`/api/warnings/${b.id}`)).json();
    expect(d2).toMatchObject({ escalations: 1, overdue: true, ladderStep: 'consequences' });
    expect(d2.proposals.map((x: { consequence: string }) => x.consequence).sort()).toEqual(['credit_downgrade', 'order_to_correct']);
    expect(d2.allowedActions).toContain('decide');
    const order = d2.proposals.find((x: { consequence: string }) => x.consequence === 'order_to_correct');
    const decided = await api('wageCity').post(`/api/warnings/${b.id}/proposals/${order.id}/decision`, { decision: 'accepted', note: '下达限期改正指令书' });
    expect(decided.json().proposals.find((x: { id: string }) => x.id === order.id)).toMatchObject({ status: 'accepted', decidedBy: 'wageCity' });
    expect((await api('wageCity').post(`/api/warnings/${b.id}/proposals/${order.id}/decision`, { decision: 'declined', note: '再议' })).statusCode).toBe(409);
    const inbox = (await api('wageCity').get('/api/notifications')).json().items as { titleZh: string; link: string }[];
    expect(inbox.some((n) => n.link === `/warnings/${b.id}` && n.titleZh.startsWith('【预警逾期督办】'))).toBe(true);
    platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    await relogin(['wageCity', 'wageA']);
  });
});

describe('incremental evaluation and risk scores', () => {
  it('paying the wages marks the project in the outbox; draining it resolves the warning with the evidence and lowers the scores', async () => {
    const before = (await api('wageCity').get(`/api/risk-scores/project/${p.projectB}`)).json();
    expect(before.score).toBeGreaterThanOrEqual(30);
    expect(before.factors.map((f: { code: string }) => f.code)).toContain('open_red');
    const gc = (await api('wageCity').get(`/api/risk-scores/enterprise/${fx.enterpriseB}`)).json();
    expect(gc.factors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'gc_project_warnings', points: 30 })]));

    await payJanuary(p.projectB, fx.enterpriseB, (await platform.db.query<{ workerId: string; employmentId: string }>(
      `SELECT worker_id AS "workerId", id AS "employmentId" FROM employments WHERE project_id = $1`, [p.projectB])).rows);
    const marks = await platform.db.query(`SELECT fact FROM warning_dirty_projects WHERE project_id = $1 ORDER BY fact`, [p.projectB]);
    expect(marks.rows.map((r) => r.fact)).toContain('payroll');
    await evaluateChanged(ctxOf(platform));
    const b = (await warningsOf(platform, 'W05')).find((w) => w.project_id === p.projectB)!;
    expect(b.status).toBe('resolved');
    expect(b.resolution).toMatchObject({ reason: 'condition_cleared', evidence: { paidFen: 700000 } });
    expect((await platform.db.query(`SELECT count(*)::int AS n FROM warning_dirty_projects`)).rows[0].n).toBe(0);
    // The score follows the warnings still open on the project (other rules watching payroll ran too).
    const after = (await api('wageCity').get(`/api/risk-scores/project/${p.projectB}`)).json();
    const open = await platform.db.query<{ level: string; n: number }>(
      `SELECT level, count(*)::int AS n FROM warnings WHERE project_id = $1 AND status IN ('generated', 'dispatched', 'acknowledged', 'disposed') GROUP BY level`, [p.projectB]);
    const reds = open.rows.find((r) => r.level === 'red')?.n ?? 0;
    expect(after.factors.find((f: { code: string }) => f.code === 'open_red')?.points ?? 0).toBe(reds * 30);
    expect(after.score).toBe(Math.min(100, after.factors.reduce((n: number, f: { points: number }) => n + f.points, 0)));
    // The pending credit-downgrade proposal lapses with the warning.
    await advanceEscalationLadder(ctxOf(platform));
    const d = (await api('wageCity').get(`/api/warnings/${b.id}`)).json();
    expect(d.proposals.find((x: { consequence: string }) => x.consequence === 'credit_downgrade').status).toBe('lapsed');
  });
  it('an incremental evaluation of any project finds just what the full scan found (all rules in one statement, prepared on PostgreSQL)', async () => {
    const ctx = ctxOf(platform);
    await runScan(ctx);
    const openWarnings = async () =>
      (await platform.db.query(`SELECT rule_code, subject_key, project_id, level, evidence FROM warnings
                                 WHERE status IN ('generated', 'dispatched', 'acknowledged', 'disposed') ORDER BY rule_code, subject_key`)).rows;
    const before = await openWarnings();
    expect(new Set(before.map((w) => w.rule_code)).size).toBeGreaterThanOrEqual(3);
    const projects = (await platform.db.query<{ id: string }>(`SELECT id FROM projects ORDER BY id`)).rows.map((r) => r.id);
    // Each project alone, then all at once: the second run of a prepared statement uses its kept plan.
    for (const id of projects) {
      const r = await runScan(ctx, { projectIds: [id] });
      expect({ raised: r.raised, resolved: r.resolved }, id).toEqual({ raised: 0, resolved: 0 });
    }
    const all = await runScan(ctx, { projectIds: projects });
    expect({ raised: all.raised, resolved: all.resolved }).toEqual({ raised: 0, resolved: 0 });
    // Not a vacuous agreement: every open warning on a project was evaluated and still holds.
    expect(all.updated).toBeGreaterThanOrEqual(before.filter((w) => w.project_id !== null).length);
    expect(await openWarnings()).toEqual(before);
  });
});

describe('the battle map', () => {
  it('counts by level and rule, the child regions, the trend, the scored projects — in scope', async () => {
    const m = (await api('wageCity').get(`/api/warnings/dashboard?regionCode=${TREE.city}`)).json();
    expect(m.regionCode).toBe(TREE.city);
    expect(m.byRegion.map((r: { code: string }) => r.code)).toEqual([TREE.districtA, TREE.districtB]);
    expect(m.trend).toHaveLength(12);
    const raised = (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM warnings`)).rows[0].n;
    expect(m.trend.reduce((n: number, t: { raised: number }) => n + t.raised, 0)).toBe(raised);
    expect(m.counts.open).toBe((await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM warnings WHERE status IN ('generated', 'dispatched', 'acknowledged', 'disposed')`)).rows[0].n);
    expect(m.map.map((x: { projectId: string }) => x.projectId).sort()).toEqual([p.projectA, p.projectB].sort());
    const a = (await api('wageA').get('/api/warnings/dashboard')).json();
    expect(a.map.map((x: { projectId: string }) => x.projectId)).toEqual([p.projectA]);
    expect((await api('wageA').get(`/api/warnings/dashboard?regionCode=${TREE.districtB}`)).statusCode).toBe(404);
  });

  it('an official’s scan covers their own subtree only', async () => {
    const r = (await api('wageA').post('/api/warnings/scan', {})).json();
    expect(r.kind).toBe('incremental');
    const scans = await platform.db.query<{ project_count: number }>(`SELECT project_count FROM warning_scans WHERE id = $1`, [r.id]);
    expect(scans.rows[0].project_count).toBe(1);
  });
});

describe('operating-risk signals and the catalogue', () => {
  it('signals are idempotent by the source reference; a changed re-send updates; an unknown enterprise fails the batch', async () => {
    const signal = { creditCode: creditCode('450102', 1), kind: 'tax', source: '东城区税务局', sourceRef: 'DC-2026-001', period: '2026-02-01', overdueFen: 12_000_000, overdueMonths: 3 };
    expect((await api('wageA').post('/api/enterprise-risk-signals', { signals: [signal] })).json()).toEqual({ received: 1, inserted: 1, updated: 0, unchanged: 0 });
    expect((await api('wageA').post('/api/enterprise-risk-signals', { signals: [signal] })).json()).toEqual({ received: 1, inserted: 0, updated: 0, unchanged: 1 });
    expect((await api('wageA').post('/api/enterprise-risk-signals', { signals: [{ ...signal, clearedOn: '2026-03-01' }] })).json()).toMatchObject({ updated: 1 });
    const bad = await api('wageA').post('/api/enterprise-risk-signals', { signals: [signal, { ...signal, sourceRef: 'X', creditCode: creditCode('450102', 99) }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('signals/1/creditCode');
    const listed = (await api('wageA').get('/api/enterprise-risk-signals')).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ clearedOn: '2026-03-01', overdueFen: 12_000_000 });
  });

  it('the catalogue lists every rule with its source and the region’s parameter values', async () => {
    const items = (await api('wageA').get('/api/warning-rules')).json().items as { code: string; source: { zh: string }; params: { id: string; value: unknown }[] }[];
    expect(items.map((i) => i.code)).toEqual(RULES.map((r) => r.code));
    expect(items.find((i) => i.code === 'W05')!.params).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'PAY-02.graceUntil', value: 1 })]));
    expect(items.every((i) => i.source.zh.length > 0)).toBe(true);
  });
});

describe('a warning turned into a case', () => {
  it('opens a case on the project routed like the warning; the warning keeps its reference; converting again returns the same case', async () => {
    const w = await warningA();
    const first = await api('wageA').post(`/api/warnings/${w.id}/case`, { note: '两个月未发工资，转立案核查' });
    expect(first.statusCode, first.body).toBe(201);
    const { caseId } = first.json();
    const c = (await api('wageA').get(`/api/cases/${caseId}`)).json();
    expect(c).toMatchObject({ projectId: p.projectA, status: 'received', handlingUnitId: w.lead_unit_id, employerId: fx.enterpriseA });
    expect(c.clues[0]).toMatchObject({ channel: 'warning', complainantName: null });
    expect(c.title).toBe('东城第一中学改扩建工程拖欠农民工工资案');
    const again = await api('wageA').post(`/api/warnings/${w.id}/case`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().caseId).toBe(caseId);
    const detail = (await api('wageA').get(`/api/warnings/${w.id}`)).json();
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'converted_to_case')).toHaveLength(1);
    expect((await platform.db.query(`SELECT case_ref FROM warnings WHERE id = $1`, [w.id])).rows[0].case_ref).toBe(caseId);
    // A township official holds no intake of cases from warnings of another township.
    expect((await api('townA2').post(`/api/warnings/${w.id}/case`, {})).statusCode).toBe(404);
  });
});
