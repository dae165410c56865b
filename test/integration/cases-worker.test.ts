import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import * as authRepo from '../../src/server/modules/auth/auth.repo';
import { hashPassword } from '../../src/server/modules/auth/auth.service';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';
import { loadGovUnits } from '../support/warnings';

/**
 * 农民工端: a signed-in worker complains about their own wages and follows the complaint. The
 * complainant and the first worker are the worker as the registry knows them; the project is one
 * they were registered on; a retried key is one complaint; they see only their own cases and
 * answer the payments recorded to them, which officials see.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;
const s: Record<string, Session> = {};
const w: Record<'a' | 'b', { id: string; name: string }> = { a: { id: '', name: '' }, b: { id: '', name: '' } };
const api = (name: string) => as(app, s[name]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const complaint = (o: Record<string, unknown> = {}) => ({
  idempotencyKey: `form-${uuidv7()}`,
  projectId: p.projectA,
  claimedFen: 680_000,
  coWorkers: [{ name: '蒙大壮', claimedFen: 520_000 }],
  periodFrom: '2026-01-01',
  periodTo: '2026-02-28',
  description: '一月、二月工资未发，班组长说总包没拨款',
  ...o,
});
const count = async (table: string) => (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
const mine = async (who: string) => {
  const res = await api(who).get('/api/me/complaints');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Record<string, any>[];
};

async function workerLogin(username: string, workerId: string, name: string) {
  await authRepo.insertUser(platform.db, {
    id: uuidv7(), username, displayName: name, role: 'worker', scopeRegionCode: null, scopeIndustry: null, scopeEnterpriseId: null,
    scopeWorkerId: workerId, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, now: platform.clock.now(),
  });
  s[username] = await login(app, username, PASSWORD);
}

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
  app = await buildApp(platform);
  const a = await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '覃小明', idNumber: '450102199001010028', phone: '13977001234' });
  const b = await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '韦春花', idNumber: '450102198808081236', phone: '13977005678' });
  w.a = { id: a.worker_id, name: '覃小明' };
  w.b = { id: b.worker_id, name: '韦春花' };
  await workerLogin('workerA', w.a.id, w.a.name);
  await workerLogin('workerB', w.b.id, w.b.name);
  for (const name of ['wageA', 'housingA', 'companyA']) s[name] = await login(app, name, PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('a signed-in worker complains', () => {
  it('offers the projects the registry has the worker on, with their employer there', async () => {
    const res = await api('workerA').get('/api/me/complaints/projects');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([expect.objectContaining({ projectId: p.projectA, projectName: '东城第一中学改扩建工程', employerId: fx.enterpriseA, employerName: '东城建工集团有限公司', exitDate: null })]);
  });

  it('becomes a case routed like a public complaint, the worker linked by id as complainant and first worker', async () => {
    const res = await api('workerA').post('/api/me/complaints', complaint());
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    // The same routing as 扫码投诉 on this project (cases-public.test.ts): the district's housing department.
    expect(receipt).toMatchObject({ title: '东城第一中学改扩建工程拖欠覃小明等2名农民工工资案', handlingUnitName: '东城区住房和城乡建设局', receivedOn: '2026-03-02', duplicate: false });
    expect(receipt.acceptBy).toMatch(/^2026-03-\d\d$/);

    const c = (await api('wageA').get(`/api/cases/${receipt.caseId}`)).json();
    expect({ handlingUnitId: c.handlingUnitId, status: c.status, employerId: c.employerId, employerName: c.employerName, caseNo: c.caseNo }).toEqual({
      handlingUnitId: units.housingA, status: 'received', employerId: fx.enterpriseA, employerName: '东城建工集团有限公司', caseNo: receipt.caseNo,
    });
    expect(c.workers.map((x: { workerId: string | null; name: string; claimedFen: number }) => [x.workerId, x.name, x.claimedFen])).toEqual([
      [w.a.id, '覃小明', 680_000],
      [null, '蒙大壮', 520_000],
    ]);
    // The registry's phone, masked in every answer.
    expect(c.workers[0].phone).toBe('139****1234');
    expect(c.clues[0]).toMatchObject({ channel: 'worker_app', complainantName: '覃小明', complainantPhone: '139****1234', claimedFen: 1_200_000 });
    const clue = (await platform.db.query(`SELECT complainant_worker_id, complainant_phone_enc FROM clues WHERE id = $1`, [c.clues[0].id])).rows[0];
    expect(clue.complainant_worker_id).toBe(w.a.id);
    expect(clue.complainant_phone_enc).not.toContain('13977001234');
    // Received in the worker's own name.
    const entry = (await platform.db.query(`SELECT actor_name, actor_role FROM audit_log WHERE action = 'case.receive' AND object_id = $1`, [receipt.caseId])).rows[0];
    expect(entry).toEqual({ actor_name: 'workerA', actor_role: 'worker' });

    const listed = await mine('workerA');
    expect(listed.map((x) => x.caseNo)).toEqual([receipt.caseNo]);
    expect(listed[0]).toMatchObject({ statusLabel: { zh: '已接收待受理' }, handlingUnitName: '东城区住房和城乡建设局', complainant: true, acceptBy: receipt.acceptBy, mine: { claimedFen: 680_000, foundOwedFen: null, recoveredFen: 0, status: 'open' }, payments: [], awaitingConfirmation: false });
  });

  it('takes the complainant from the registry, never from the body', async () => {
    const res = await api('workerA').post('/api/me/complaints', { ...complaint(), complainant: { name: '冒名者', phone: '13800000000' } });
    expect(res.statusCode).toBe(400);
    const named = await api('workerA').post('/api/me/complaints', { ...complaint(), name: '冒名者' });
    expect(named.statusCode).toBe(400);
  });

  it('a repeated idempotency key returns the same case and changes nothing; another worker’s same key is their own complaint', async () => {
    const body = complaint({ idempotencyKey: 'same-key-0001' });
    const first = await api('workerA').post('/api/me/complaints', body);
    expect(first.statusCode, first.body).toBe(201);
    const before = { cases: await count('cases'), clues: await count('clues'), workers: await count('case_workers') };
    const again = await api('workerA').post('/api/me/complaints', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), duplicate: true });
    expect({ cases: await count('cases'), clues: await count('clues'), workers: await count('case_workers') }).toEqual(before);

    const other = await api('workerB').post('/api/me/complaints', complaint({ idempotencyKey: 'same-key-0001', coWorkers: [] }));
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().caseId).not.toBe(first.json().caseId);
    expect(other.json().title).toBe('东城第一中学改扩建工程拖欠韦春花工资案');
  });

  it('a project the worker was never on is refused and changes nothing', async () => {
    const before = { cases: await count('cases'), clues: await count('clues'), audit: await count('audit_log') };
    const res = await api('workerA').post('/api/me/complaints', complaint({ projectId: p.projectB }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['projectId']);
    const unknown = await api('workerA').post('/api/me/complaints', complaint({ projectId: uuidv7() }));
    expect(unknown.statusCode).toBe(422);
    expect({ cases: await count('cases'), clues: await count('clues'), audit: await count('audit_log') }).toEqual(before);
  });

  it('names another employer when the worker says so, and checks the period', async () => {
    const res = await api('workerA').post('/api/me/complaints', complaint({ employerName: '东城劳务分包有限公司' }));
    expect(res.statusCode, res.body).toBe(201);
    const c = (await api('wageA').get(`/api/cases/${res.json().caseId}`)).json();
    expect({ employerId: c.employerId, employerName: c.employerName }).toEqual({ employerId: p.subA, employerName: '东城劳务分包有限公司' });
    const future = await api('workerA').post('/api/me/complaints', complaint({ periodTo: '2026-12-31' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().errors.map((e: { field: string }) => e.field)).toContain('periodTo');
  });

  it('attaches evidence the worker uploaded, and only theirs', async () => {
    const up = await upload(app, s.workerA, 'POST', '/api/me/complaints/files', '欠条.png', PNG);
    expect(up.statusCode, up.body).toBe(201);
    const fileA = up.json().id;
    const upB = await upload(app, s.workerB, 'POST', '/api/me/complaints/files', '考勤.png', PNG);
    const fileB = upB.json().id;
    const theirs = await api('workerA').post('/api/me/complaints', complaint({ fileIds: [fileA, fileB] }));
    expect(theirs.statusCode).toBe(422);
    expect(theirs.json().errors.map((e: { field: string }) => e.field)).toEqual(['fileIds/1']);
    const ok = await api('workerA').post('/api/me/complaints', complaint({ fileIds: [fileA] }));
    expect(ok.statusCode, ok.body).toBe(201);
    const c = (await api('wageA').get(`/api/cases/${ok.json().caseId}`)).json();
    expect(c.clues[0].fileIds).toEqual([fileA]);
    // The officials read it through the case, on the record.
    const read = await api('wageA').get(`/api/cases/${ok.json().caseId}/files/${fileA}`);
    expect({ status: read.statusCode, type: read.headers['content-type'] }).toEqual({ status: 200, type: 'image/png' });
    expect((await upload(app, s.workerA, 'POST', '/api/me/complaints/files', 'x.exe', Buffer.from('MZ...'))).statusCode).toBe(422);
  });
});

describe('following the complaint and answering payments', () => {
  let caseA = '';
  let caseB = '';
  const workerOf = async (caseId: string, workerId: string) => (await api('wageA').get(`/api/cases/${caseId}`)).json().workers.find((x: { workerId: string }) => x.workerId === workerId);
  const pay = async (caseId: string, caseWorkerId: string, amountFen: number, reference: string) => {
    const res = await api('wageA').command(`/api/cases/${caseId}/payments`, { caseWorkerId, amountFen, paidOn: '2026-03-02', source: 'general_contractor', reference });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().payments.find((x: { reference: string }) => x.reference === reference).id as string;
  };

  beforeAll(async () => {
    caseA = (await api('workerA').post('/api/me/complaints', complaint({ coWorkers: [] }))).json().caseId;
    caseB = (await api('workerB').post('/api/me/complaints', complaint({ coWorkers: [] }))).json().caseId;
  });

  it('worker A cannot see or confirm worker B’s case (404), nor a payment to someone else in their own', async () => {
    const bWorker = await workerOf(caseB, w.b.id);
    const paymentB = await pay(caseB, bWorker.id, 100_000, 'GC-B-001');
    expect((await mine('workerA')).map((c) => c.id)).not.toContain(caseB);
    expect((await mine('workerB')).map((c) => c.id)).toContain(caseB);
    const foreign = await api('workerA').post(`/api/me/complaints/${caseB}/confirmation`, { paymentId: paymentB, answer: 'confirm' });
    expect(foreign.statusCode).toBe(404);
    const crossed = await api('workerA').post(`/api/me/complaints/${caseA}/confirmation`, { paymentId: paymentB, answer: 'dispute', note: '不是我的' });
    expect(crossed.statusCode).toBe(404);
    expect((await api('workerA').post(`/api/me/complaints/${uuidv7()}/confirmation`, { paymentId: uuidv7(), answer: 'confirm' })).statusCode).toBe(404);
    const answer = (await platform.db.query(`SELECT worker_answer FROM case_payments WHERE id = $1`, [paymentB])).rows[0].worker_answer;
    expect(answer).toBeNull();
  });

  it('confirming every payment marks the worker’s confirmation; a dispute withdraws it and tells the handling unit', async () => {
    const aWorker = await workerOf(caseA, w.a.id);
    const first = await pay(caseA, aWorker.id, 300_000, 'GC-A-001');
    const second = await pay(caseA, aWorker.id, 380_000, 'GC-A-002');
    let listed = (await mine('workerA')).find((c) => c.id === caseA)!;
    expect(listed).toMatchObject({ awaitingConfirmation: true, mine: { recoveredFen: 680_000, status: 'paid' } });
    expect(listed.payments.map((x: { amountFen: number; awaiting: boolean; sourceLabel: { zh: string } }) => [x.amountFen, x.awaiting, x.sourceLabel.zh])).toEqual([
      [300_000, true, '总承包先行清偿'],
      [380_000, true, '总承包先行清偿'],
    ]);

    const one = await api('workerA').post(`/api/me/complaints/${caseA}/confirmation`, { paymentId: first, answer: 'confirm' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().payments.map((x: { answer: string | null; awaiting: boolean }) => [x.answer, x.awaiting])).toEqual([
      ['confirmed', false],
      [null, true],
    ]);
    expect((await workerOf(caseA, w.a.id)).confirmedAt).toBeNull();

    const all = await api('workerA').post(`/api/me/complaints/${caseA}/confirmation`, { paymentId: second, answer: 'confirm' });
    expect(all.json()).toMatchObject({ awaitingConfirmation: false, mine: { confirmedAt: expect.any(String) } });
    expect((await workerOf(caseA, w.a.id)).confirmedAt).toEqual(expect.any(String));
    const events = (await api('wageA').get(`/api/cases/${caseA}`)).json().events.map((e: { kind: string; actorName: string }) => [e.kind, e.actorName]);
    expect(events).toContainEqual(['worker_payment_confirmed', 'workerA']);
    expect(events).toContainEqual(['worker_confirmed', 'workerA']);

    const silent = await api('workerA').post(`/api/me/complaints/${caseA}/confirmation`, { paymentId: second, answer: 'dispute' });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0].field).toBe('note');
    const disputed = await api('workerA').post(`/api/me/complaints/${caseA}/confirmation`, { paymentId: second, answer: 'dispute', note: '实际只收到两千元' });
    expect(disputed.statusCode, disputed.body).toBe(200);
    expect(disputed.json().payments[1]).toMatchObject({ answer: 'disputed', note: '实际只收到两千元', awaiting: false });
    expect((await workerOf(caseA, w.a.id)).confirmedAt).toBeNull();
    const official = (await api('wageA').get(`/api/cases/${caseA}`)).json();
    expect(official.payments.map((x: { workerAnswer: string | null; workerNote: string | null }) => [x.workerAnswer, x.workerNote])).toEqual([
      ['confirmed', null],
      ['disputed', '实际只收到两千元'],
    ]);
    const timeline = official.events;
    expect(timeline.at(-1)).toMatchObject({ kind: 'worker_disputed', kindLabel: { zh: '农民工对支付提出异议' }, data: { note: '实际只收到两千元', amountFen: 380_000 } });
    const told = (await api('housingA').get('/api/notifications')).json().items.map((n: { titleZh: string }) => n.titleZh);
    expect(told.some((t: string) => t.startsWith('【农民工对追发工资有异议】'))).toBe(true);
    const audited = (await platform.db.query(`SELECT action, actor_name FROM audit_log WHERE object_id = $1 AND action LIKE 'case.payment_%' ORDER BY seq`, [caseA])).rows;
    expect(audited).toEqual([
      { action: 'case.payment_confirm', actor_name: 'workerA' },
      { action: 'case.payment_confirm', actor_name: 'workerA' },
      { action: 'case.payment_dispute', actor_name: 'workerA' },
    ]);
  });

  it('an official’s confirmation by phone answers for the payments recorded before it', async () => {
    const bWorker = await workerOf(caseB, w.b.id);
    const confirmed = await api('wageA').post(`/api/cases/${caseB}/workers/${bWorker.id}/confirmation`, { reached: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const listed = (await mine('workerB')).find((c) => c.id === caseB)!;
    expect(listed).toMatchObject({ awaitingConfirmation: false, payments: [{ answer: null, awaiting: false }] });
  });
});

describe('the worker routes and the officials’ routes stay apart', () => {
  it('a worker cannot call the officials’ case routes, and officials cannot call the worker’s', async () => {
    expect((await api('workerA').get('/api/cases')).statusCode).toBe(403);
    expect((await api('workerA').post('/api/clues', {})).statusCode).toBe(403);
    for (const name of ['wageA', 'housingA', 'companyA']) {
      expect((await api(name).get('/api/me/complaints')).statusCode).toBe(403);
      expect((await api(name).post('/api/me/complaints', complaint())).statusCode).toBe(403);
    }
  });
});
