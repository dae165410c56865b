import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { escalateOverdueCases } from '../../src/server/modules/cases/cases.service';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { ctxOf, loadGovUnits, setParam } from '../support/warnings';

/**
 * A complaint's way to wages in hand over HTTP: intake from a staffed channel, routing by project
 * class, 首问负责 transfer, merging, scope, the verification checklist, findings and payments, the
 * closing rule, the criminal threshold, the call-back, escalation of overdue cases, incidents.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;
const s: Record<string, Session> = {};
const api = (name: string) => as(app, s[name]);

async function relogin(names = ['wageA', 'wageCity', 'housingA', 'transportA', 'townA1', 'townA2', 'leaderA', 'companyA']) {
  for (const name of names) s[name] = await login(app, name, PASSWORD);
}

const clue = (o: Record<string, unknown> = {}) => ({
  channel: 'hotline_12345',
  projectId: p.projectA,
  employerName: '东城建工集团有限公司',
  complainant: { name: '张三', phone: '13800138001' },
  workers: [
    { name: '张三', phone: '13800138001', claimedFen: 800_000 },
    { name: '李四', claimedFen: 600_000 },
  ],
  periodFrom: '2025-12-01',
  periodTo: '2026-02-28',
  description: '东城第一中学改扩建工程拖欠木工班组三个月工资',
  ...o,
});

async function receive(body: Record<string, unknown>, by = 'wageA') {
  const res = await api(by).post('/api/clues', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { clueId: string; caseId: string | null };
}
const detail = async (id: string, by = 'wageA') => (await api(by).get(`/api/cases/${id}`)).json();
const setTier = (tier: string) => platform.db.query(`UPDATE projects SET ownership_tier = $2, competent_unit_id = NULL WHERE id = $1`, [p.projectA, tier]);

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
  app = await buildApp(platform);
  await relogin();
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('intake and routing (seed 003)', () => {
  it('routes by project class: 区属 → competent department; 市属 → industry department with the township; 国企 and 社会 → the township with the industry department', async () => {
    const expected: Record<string, { lead: string; assist: string[] }> = {
      district: { lead: units.housingA, assist: [] },
      city: { lead: units.housingA, assist: [units.townA1] },
      soe: { lead: units.townA1, assist: [units.housingA] },
      private: { lead: units.townA1, assist: [units.housingA] },
    };
    for (const [tier, want] of Object.entries(expected)) {
      await setTier(tier);
      const { caseId } = await receive(clue({ externalId: `route-${tier}` }));
      const c = await detail(caseId!);
      expect({ tier, lead: c.handlingUnitId, assist: c.assistUnitIds }).toEqual({ tier, lead: want.lead, assist: want.assist });
      // 首问负责: the receiving official's unit stays answerable.
      expect(c.accountableUnitName).toBe('东城区根治欠薪办');
      expect(c.status).toBe('received');
    }
    await setTier('district');
  });

  it('without a project the wage office of the place of arrears handles it; the title is in the official style', async () => {
    const { caseId } = await receive(clue({ projectId: null, regionCode: TREE.townA1, employerName: '东城某劳务有限公司', externalId: 'no-project' }));
    const c = await detail(caseId!);
    expect(c.handlingUnitId).toBe(units.wageA);
    expect(c.title).toBe('东城某劳务有限公司拖欠张三等2名农民工工资案');
    expect(c.claimedFen).toBe(1_400_000);
    expect(c.caseNo).toMatch(/^450102001-2026-\d{6}$/);
  });

  it('the same hotline ticket recorded twice is one clue and one case', async () => {
    const first = await receive(clue({ externalId: '12345-20260302-0001' }));
    const again = await api('wageA').post('/api/clues', clue({ externalId: '12345-20260302-0001' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first, duplicate: true });
    const n = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM clues WHERE external_id = '12345-20260302-0001'`);
    expect(n.rows[0].n).toBe(1);
  });

  it('an anonymous tip-off is kept as intelligence: no case, no complainant', async () => {
    const { caseId, clueId } = await receive(clue({ channel: 'anonymous_tip', complainant: null, externalId: 'tip-1' }));
    expect(caseId).toBeNull();
    const list = (await api('wageA').get('/api/clues?status=intelligence')).json();
    const tip = list.items.find((l: { id: string }) => l.id === clueId);
    expect(tip).toMatchObject({ anonymous: true, complainantName: null, complainantPhone: null, caseId: null });
    const withName = await api('wageA').post('/api/clues', clue({ channel: 'anonymous_tip', externalId: 'tip-2' }));
    expect(withName.statusCode).toBe(422);
  });

  it('bad input changes nothing: a project outside the jurisdiction, no worker listed, a period ending in the future', async () => {
    const before = (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    const foreign = await api('wageA').post('/api/clues', clue({ projectId: p.projectB }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors.map((f: { field: string }) => f.field)).toContain('projectId');
    expect((await api('wageA').post('/api/clues', clue({ workers: [] }))).statusCode).toBe(422);
    expect((await api('wageA').post('/api/clues', clue({ periodTo: '2026-12-31' }))).statusCode).toBe(422);
    expect((await api('wageA').post('/api/clues', clue({ workers: [{ name: '王五', claimedFen: -1 }] }))).statusCode).toBe(400);
    expect((await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before);
  });
});

describe('the national clue platform export', () => {
  const csv = [
    '线索编号,反映时间,反映人,联系电话,欠薪地区划代码,项目名称,欠薪单位,统一社会信用代码,欠薪人数,欠薪金额（元）,欠薪开始日期,欠薪截止日期,诉求内容',
    `GZQX2026030100017,2026-03-01 09:12,王小明,13700137000,${TREE.townA1},东城第一中学改扩建工程,东城某劳务有限公司,,12,96000.50,2025-12-01,2026-02-28,班组12人三个月工资未付`,
    `GZQX2026030100018,2026-03-01 10:40,陈大力,13700137001,${TREE.townA1},,东城某装饰有限公司,,1,8800,2026-01-01,2026-02-28,装修工资未结清`,
    `GZQX2026030100019,2026-03-01 11:05,刘二,13700137002,${TREE.townB1},,西城某公司,,3,12000,2026-01-01,2026-02-28,不在本辖区`,
    `GZQX2026030100020,2026-03-01 11:30,周三,137,${TREE.townA1},,东城某公司,,2,abc,2026-01-01,2026-02-28,金额与电话有误`,
  ].join('\n');

  it('imports each clue once: the same file again changes nothing; bad rows are reported by row and column', async () => {
    const before = (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    const first = await upload(app, s.wageA, 'POST', '/api/clues/import', '全国平台线索.csv', Buffer.from(`\uFEFF${csv}`));
    expect(first.statusCode, first.body).toBe(200);
    const r = first.json();
    expect({ total: r.total, imported: r.imported, duplicates: r.duplicates }).toEqual({ total: 4, imported: 2, duplicates: 0 });
    expect(r.problems.map((p: { row: number; column: string | null }) => [p.row, p.column])).toEqual([
      [4, '欠薪地区划代码'],
      [5, '欠薪金额（元）'],
      [5, '联系电话'],
    ]);
    const again = (await upload(app, s.wageA, 'POST', '/api/clues/import', '全国平台线索.csv', Buffer.from(csv))).json();
    expect({ imported: again.imported, duplicates: again.duplicates, problems: again.problems.length }).toEqual({ imported: 0, duplicates: 2, problems: 3 });
    expect((await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before + 2);
    const clue = (await platform.db.query<{ case_id: string; worker_count: number; claimed_fen: number; received_at: Date; project_id: string | null }>(
      `SELECT case_id, worker_count, claimed_fen, received_at, project_id FROM clues WHERE channel = 'national_platform' AND external_id = 'GZQX2026030100017'`)).rows[0];
    expect({ workers: clue.worker_count, fen: Number(clue.claimed_fen), at: clue.received_at.toISOString() }).toEqual({ workers: 12, fen: 9_600_050, at: '2026-03-01T01:12:00.000Z' });
    // The project it names is registered in the township: the clue is linked to it.
    expect(clue.project_id).toBe(p.projectA);
    expect((await detail(clue.case_id)).title).toBe('东城第一中学改扩建工程拖欠王小明等12名农民工工资案');
  });
});

describe('scope', () => {
  it('a township official sees the cases of their township only; an industry department its industry; a company none', async () => {
    const { caseId } = await receive(clue({ externalId: 'scope-1' }));
    expect((await api('townA1').get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await api('townA2').get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api('housingA').get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await api('transportA').get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api('leaderA').get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await api('companyA').get(`/api/cases/${caseId}`)).statusCode).toBe(403);
    expect((await api('townA2').get('/api/cases')).json().total).toBe(0);
    const leader = await detail(caseId!, 'leaderA');
    expect(leader.actions).toEqual([]);
  });

  it('phones are masked; the full number is read on the record', async () => {
    const { caseId } = await receive(clue({ externalId: 'pii-1' }));
    const c = await detail(caseId!);
    expect(c.clues[0].complainantPhone).toBe('138****8001');
    expect(JSON.stringify(c)).not.toContain('13800138001');
    const revealed = await api('wageA').post(`/api/cases/${caseId}/reveal-phone`, { clueId: c.clues[0].id, reason: '回访投诉人' });
    expect(revealed.json().phone).toBe('13800138001');
    expect(c.mayReadContacts).toBe(true);
    const audit = await platform.db.query(`SELECT 1 FROM audit_log WHERE action = 'pii.reveal' AND object_id = $1 AND after::text LIKE '%回访投诉人%'`, [caseId]);
    expect(audit.rows).toHaveLength(1);
    expect((await api('townA1').post(`/api/cases/${caseId}/reveal-phone`, { clueId: c.clues[0].id, reason: '回访投诉人' })).statusCode).toBe(403);
  });
});

describe('merging clues about the same project', () => {
  it('proposes the open case about the same project, and merging moves the workers and renames the case', async () => {
    const a = await receive(clue({ externalId: 'merge-a', workers: [{ name: '赵六', claimedFen: 300_000 }] }));
    const b = await receive(clue({ externalId: 'merge-b', complainant: { name: '钱七', phone: '13800138007' }, workers: [{ name: '钱七', claimedFen: 200_000 }, { name: '孙八', claimedFen: 200_000 }] }));
    const cb = await detail(b.caseId!);
    expect(cb.mergeCandidates.map((m: { id: string }) => m.id)).toContain(a.caseId);
    const merged = await api('wageA').post(`/api/cases/${b.caseId}/merge`, { version: cb.rowVersion, intoId: a.caseId });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'closed', closureKind: 'merged', mergedInto: a.caseId });
    const ca = await detail(a.caseId!);
    expect(ca.workers.map((w: { name: string }) => w.name).sort()).toEqual(['孙八', '赵六', '钱七'].sort());
    expect(ca.clues).toHaveLength(2);
    expect(ca.title).toBe('东城第一中学改扩建工程拖欠赵六等3名农民工工资案');
    // A case about another project is not a merge candidate.
    const other = await api('wageA').post(`/api/cases/${a.caseId}/merge`, { version: ca.rowVersion, intoId: (await receive(clue({ projectId: null, regionCode: TREE.townA1, employerName: '别家公司', externalId: 'merge-c' }))).caseId });
    expect(other.statusCode).toBe(422);
  });
});

describe('working a case to closure', () => {
  it('accept, verify with the checklist, find, pay; it cannot be handled while a worker is unpaid; then call back and close', async () => {
    const { caseId } = await receive(clue({ externalId: 'flow-1' }));
    const id = caseId!;
    let c = await detail(id, 'housingA');
    expect(c.actions).toContain('accept');
    c = (await api('housingA').post(`/api/cases/${id}/accept`, { version: c.rowVersion, note: '已联系投诉人' })).json();
    expect(c.status).toBe('accepted');
    expect(c.stageDueOn).toBe('2026-03-04');
    // A stale version is refused.
    expect((await api('housingA').post(`/api/cases/${id}/mediate`, { version: 1 })).statusCode).toBe(409);
    const stale = c.rowVersion;
    c = (await api('housingA').put(`/api/cases/${id}/checklist`, { version: c.rowVersion, items: [{ item: 'monthly_full_payment', violation: true, note: '12月至2月未发' }, { item: 'labor_contract', violation: false }] })).json();
    expect(c.checklist.find((i: { item: string }) => i.item === 'monthly_full_payment')).toMatchObject({ violation: true, note: '12月至2月未发' });
    expect(c.checklist).toHaveLength(11);
    // Answers filled from an older version of the case are refused, not silently laid over newer ones.
    expect((await api('housingA').put(`/api/cases/${id}/checklist`, { version: stale, items: [{ item: 'labor_contract', violation: true }] })).statusCode).toBe(409);
    const [zhang, li] = c.workers;
    c = (await api('housingA').post(`/api/cases/${id}/findings`, { findings: [{ caseWorkerId: zhang.id, foundOwedFen: 750_000 }, { caseWorkerId: li.id, foundOwedFen: 600_000 }] })).json();
    expect(c.foundOwedFen).toBe(1_350_000);
    const pay = (body: Record<string, unknown>) => api('housingA').command(`/api/cases/${id}/payments`, { paidOn: '2026-03-02', source: 'general_contractor', ...body });
    c = (await pay({ caseWorkerId: zhang.id, amountFen: 750_000, reference: '东城建工-20260302-1' })).json();
    expect(c.workers.find((w: { id: string }) => w.id === zhang.id).status).toBe('paid');
    // The same payment recorded again is one payment.
    c = (await pay({ caseWorkerId: zhang.id, amountFen: 750_000, reference: '东城建工-20260302-1' })).json();
    expect(c.recoveredFen).toBe(750_000);
    c = (await pay({ caseWorkerId: li.id, amountFen: 100_000, reference: '东城建工-20260302-2' })).json();
    const refused = await api('housingA').post(`/api/cases/${id}/settle`, { version: c.rowVersion, conclusion: 'paid_in_full' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('李四');
    c = (await pay({ caseWorkerId: li.id, amountFen: 500_000, reference: '东城建工-20260302-3' })).json();
    expect(c.recoveredFen).toBe(1_350_000);
    c = (await api('housingA').post(`/api/cases/${id}/workers/${li.id}/confirmation`, { reached: true })).json();
    c = (await api('housingA').post(`/api/cases/${id}/settle`, { version: c.rowVersion, conclusion: 'paid_in_full' })).json();
    expect(c.status).toBe('resolved');
    expect(c.stageDueOn).toBe('2026-03-09');
    c = (await api('housingA').post(`/api/cases/${id}/close`, { version: c.rowVersion, satisfaction: 'satisfied' })).json();
    expect(c).toMatchObject({ status: 'closed', closureKind: 'paid', satisfaction: 'satisfied', callbackOn: '2026-03-02', conclusion: 'paid_in_full' });
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'accept', 'checklist', 'findings', 'payment', 'payment', 'payment', 'worker_confirmed', 'settle', 'close']);
    expect((await pay({ caseWorkerId: li.id, amountFen: 1, reference: 'late' })).statusCode).toBe(422);
  });

  it('files with two inspectors, orders payment, and transfers to the police only when CRM-01 is met', async () => {
    const big = clue({
      externalId: 'crm-1',
      workers: [{ name: '周九', claimedFen: 1_200_000 }],
      periodFrom: '2025-11-01',
      periodTo: '2026-01-31',
    });
    const { caseId } = await receive(big);
    const id = caseId!;
    let c = await detail(id);
    c = (await api('wageA').post(`/api/cases/${id}/accept`, { version: c.rowVersion })).json();
    const one = await api('wageA').post(`/api/cases/${id}/file`, { version: c.rowVersion, inspectors: ['王监察'] });
    expect(one.statusCode).toBe(422);
    c = (await api('wageA').post(`/api/cases/${id}/file`, { version: c.rowVersion, inspectors: ['王监察', '陈监察'] })).json();
    expect(c).toMatchObject({ status: 'investigating', filedOn: '2026-03-02', stageDueOn: '2026-05-28' });
    c = (await api('wageA').post(`/api/cases/${id}/order`, { version: c.rowVersion, docNo: '东人社限付〔2026〕1号', dueOn: '2026-03-09', amountFen: 1_200_000 })).json();
    expect(c).toMatchObject({ status: 'ordered', stageDueOn: '2026-03-09' });
    // Before the deadline the order is not unmet, so neither enforcement nor the crime threshold applies.
    expect((await api('wageA').post(`/api/cases/${id}/enforce`, { version: c.rowVersion })).statusCode).toBe(422);
    expect(c.facts.criminal).toMatchObject({ met: false, amountMet: true, by: 'one_worker' });
    expect((await api('wageA').post(`/api/cases/${id}/transfer-police`, { version: c.rowVersion, docNo: '东人社移〔2026〕1号' })).statusCode).toBe(422);
    platform.clock.set(new Date('2026-03-11T02:00:00Z'));
    await relogin(['wageA']);
    c = await detail(id);
    expect(c.facts.criminal.met).toBe(true);
    c = (await api('wageA').post(`/api/cases/${id}/enforce`, { version: c.rowVersion })).json();
    c = (await api('wageA').post(`/api/cases/${id}/transfer-police`, { version: c.rowVersion, docNo: '东人社移〔2026〕1号' })).json();
    expect(c.status).toBe('resolved');
    expect(c.workers[0]).toMatchObject({ status: 'moved', movedTo: 'police' });
    expect(c.documents.map((d: { kind: string }) => d.kind)).toEqual(['order_to_correct', 'police_transfer']);
    c = (await api('wageA').post(`/api/cases/${id}/close`, { version: c.rowVersion, satisfaction: 'basically_satisfied' })).json();
    expect(c).toMatchObject({ status: 'closed', closureKind: 'moved' });
    platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    await relogin(['wageA']);
  });

  it('首问负责: the receiver transfers a case to the right unit before acceptance; that unit accepts', async () => {
    const { caseId } = await receive(clue({ projectId: null, regionCode: TREE.townA1, employerName: '东城某装饰公司', externalId: 'transfer-1' }));
    let c = await detail(caseId!);
    c = (await api('wageA').post(`/api/cases/${caseId}/transfer`, { version: c.rowVersion, unitId: units.townA1, note: '属地处置' })).json();
    expect(c).toMatchObject({ status: 'received', handlingUnitId: units.townA1, accountableUnitName: '东城区根治欠薪办' });
    expect((await detail(caseId!, 'townA1')).actions).toContain('accept');
  });

  it('evidence listed with a clue or a step is the official’s own upload', async () => {
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const mine = (await upload(app, s.wageA, 'POST', '/api/cases/files', '欠条.png', PNG)).json();
    const theirs = (await upload(app, s.housingA, 'POST', '/api/cases/files', '考勤表.png', PNG)).json();
    const refused = await api('wageA').post('/api/clues', clue({ externalId: 'evidence-1', fileIds: [mine.id, theirs.id] }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['fileIds/1']);
    const { caseId } = await receive(clue({ externalId: 'evidence-1', fileIds: [mine.id] }));
    let c = await detail(caseId!);
    expect((await api('wageA').post(`/api/cases/${caseId}/accept`, { version: c.rowVersion, fileIds: [theirs.id] })).statusCode).toBe(422);
    c = (await api('wageA').post(`/api/cases/${caseId}/accept`, { version: c.rowVersion, fileIds: [mine.id] })).json();
    expect(c.events.at(-1)).toMatchObject({ kind: 'accept', fileIds: [mine.id] });
    const shown = await api('housingA').get(`/api/cases/${caseId}/files/${mine.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    // A file not listed on this case is not reachable through it.
    expect((await api('wageA').get(`/api/cases/${caseId}/files/${theirs.id}`)).statusCode).toBe(404);
    const { rows } = await platform.db.query(`SELECT 1 FROM audit_log WHERE action = 'case.evidence_read' AND object_id = $1`, [mine.id]);
    expect(rows).toHaveLength(1);
  });

  it('CASE-07: a case is concluded only with a conclusion its region uses', async () => {
    await setParam(platform, 'CASE-07.conclusions', TREE.townA1, ['paid_in_full', 'not_wage_arrears', 'duplicate_merged']);
    const { caseId } = await receive(clue({ projectId: null, regionCode: TREE.townA1, employerName: '东城某装修公司', externalId: 'conclusion-1' }));
    let c = await detail(caseId!);
    c = (await api('wageA').post(`/api/cases/${caseId}/accept`, { version: c.rowVersion })).json();
    const refused = await api('wageA').post(`/api/cases/${caseId}/unfounded`, { version: c.rowVersion, conclusion: 'unverifiable' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('conclusion');
    expect((await detail(caseId!)).status).toBe('accepted');
    c = (await api('wageA').post(`/api/cases/${caseId}/unfounded`, { version: c.rowVersion, conclusion: 'not_wage_arrears' })).json();
    expect(c).toMatchObject({ status: 'closed', closureKind: 'unfounded', conclusion: 'not_wage_arrears' });
  });
});

describe('deadlines and supervision', () => {
  it('an overdue case escalates once to the unit above, which is told; the list marks it', async () => {
    const { caseId } = await receive(clue({ externalId: 'overdue-1' }));
    platform.clock.set(new Date('2026-03-05T02:00:00Z'));
    const moved = await escalateOverdueCases(ctxOf(platform));
    expect(moved.map((m) => m.id)).toContain(caseId);
    expect((await escalateOverdueCases(ctxOf(platform))).map((m) => m.id)).not.toContain(caseId);
    await relogin(['wageA', 'wageCity']);
    const overdue = (await api('wageA').get('/api/cases?overdue=true&pageSize=100')).json();
    expect(overdue.items.find((i: { id: string }) => i.id === caseId)).toMatchObject({ overdue: true, escalationLevel: 1 });
    const inbox = (await api('wageCity').get('/api/notifications')).json().items as { link: string; titleZh: string }[];
    expect(inbox.some((n) => n.link === `/cases/${caseId}` && n.titleZh.startsWith('【案件逾期督办】'))).toBe(true);
    platform.clock.set(new Date('2026-03-02T02:00:00Z'));
    await relogin();
  });

  it('a group incident makes its case major; 挂牌督办 with a named leader and a task force of units', async () => {
    const { caseId } = await receive(clue({ externalId: 'incident-1' }));
    const incident = await api('wageA').post('/api/incidents', { projectId: p.projectA, occurredAt: '2026-03-02T01:00:00Z', place: '项目部门口', people: 60, responseLevel: 'iii', extreme: false, measures: '现场劝离，约谈总包', caseIds: [caseId] });
    expect(incident.statusCode, incident.body).toBe(201);
    let c = await detail(caseId!);
    expect(c.major).toBe(true);
    expect(c.majorReasons.map((r: { code: string }) => r.code)).toContain('group_incident');
    expect(c.incidents).toHaveLength(1);
    expect((await api('wageA').put(`/api/cases/${caseId}/supervision`, { version: c.rowVersion, supervision: ['leader'] })).statusCode).toBe(422);
    c = (await api('wageA').put(`/api/cases/${caseId}/supervision`, { version: c.rowVersion, supervision: ['listed', 'leader', 'task_force'], leaderName: '刘副区长', taskForceUnitIds: [units.wageA, units.housingA] })).json();
    expect(c).toMatchObject({ supervision: ['listed', 'leader', 'task_force'], leaderName: '刘副区长', taskForceUnitIds: [units.wageA, units.housingA] });
    expect((await api('wageA').get('/api/cases?supervised=true')).json().items.map((i: { id: string }) => i.id)).toContain(caseId);
    expect((await api('housingA').put(`/api/cases/${caseId}/supervision`, { version: c.rowVersion, supervision: [] })).statusCode).toBe(403);
  });

  it('complaints count in the warnings: W13 sees the clues on the project', async () => {
    const n = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM complaint_facts WHERE project_id = $1 AND source = 'clue'`, [p.projectA]);
    expect(n.rows[0].n).toBeGreaterThan(5);
    const marks = await platform.db.query(`SELECT 1 FROM warning_dirty_projects WHERE project_id = $1 AND fact = 'complaint'`, [p.projectA]);
    expect(marks.rows).toHaveLength(1);
  });
});
