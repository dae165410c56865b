import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { decryptFromNational, encryptForNational, toNationalAttendance } from '../../src/server/modules/national/national.mapping';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

/** RN-06: a project's data out in the national platform's structures, and attendance in from a site system that speaks them. */

const SECRET = 'k3J9vQ2mX7pL4wZ8aR6tY1uE5sD0fG2h'; // 32 bytes: AES-256, as the platform issues
const NATIONAL_CODE = 'NP4501020001';
const WORKER_ID = '450102198808081236';

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let device = '';
let teamId = '';

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['wageA', 'secadmin', 'companyA', 'companyB', 'townA1']) s[name] = await login(app, name, PASSWORD);
  await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '陆海', idNumber: WORKER_ID, phone: '13600001234' });
  device = (await as(app, s.secadmin).post('/api/api-keys', { name: '实名制系统', role: 'site_device', scopeProjectId: p.projectA })).json().secret;
  teamId = (await as(app, s.companyA).get(`/api/projects/${p.projectA}/teams`)).json()[0].id;
  const code = (await as(app, s.companyA).get(`/api/projects/${p.projectA}`)).json().code;
  const events = [
    { eventId: 'g1', idNumber: WORKER_ID, time: '2026-03-01T07:40:00+08:00', direction: 'in', method: 'FACE' },
    { eventId: 'g2', idNumber: WORKER_ID, time: '2026-03-01T17:50:00+08:00', direction: 'out', method: 'FACE' },
  ];
  await app.inject({ method: 'POST', url: '/api/attendance/batches', payload: { projectCode: code, events }, headers: { authorization: `Bearer ${device}` } });
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

const exportBody = { from: '2026-03-01', to: '2026-03-01', reason: '向全国平台补传三月考勤' };
const receive = (body: unknown, key = device) => app.inject({ method: 'POST', url: '/api/national/worker-attendance', payload: body as object, headers: { authorization: `Bearer ${key}` } });

describe('the project’s link to the national platform', () => {
  it('refuses to export before the platform secret is set: nothing could be encrypted', async () => {
    const res = await as(app, s.companyA).post(`/api/projects/${p.projectA}/national-export`, exportBody);
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('密钥');
  });

  it('keeps the secret encrypted, never returns it, and logs only that it changed', async () => {
    const res = await as(app, s.companyA).put(`/api/projects/${p.projectA}/national-link`, { projectCode: NATIONAL_CODE, secret: SECRET, teams: [{ teamId, teamSysNo: 1500161164 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ projectCode: NATIONAL_CODE, secretSet: true, teams: [{ teamId, teamSysNo: 1500161164 }] });
    expect(res.body).not.toContain(SECRET);
    const { rows } = await platform.db.query<{ national_secret_enc: string }>('SELECT national_secret_enc FROM projects WHERE id = $1', [p.projectA]);
    expect(rows[0].national_secret_enc).not.toContain(SECRET);
    const log = await platform.db.query<{ after: unknown }>("SELECT after FROM audit_log WHERE action = 'national.link'");
    expect(JSON.stringify(log.rows)).not.toContain(SECRET);
    expect(log.rows[0].after).toMatchObject({ secretChange: 'set', projectCode: NATIONAL_CODE });
    // Another project cannot take the same national code; a secret of the wrong length is refused.
    expect((await as(app, s.wageA).put(`/api/projects/${p.projectB}/national-link`, { projectCode: NATIONAL_CODE })).statusCode).toBe(404);
    expect((await as(app, s.companyA).put(`/api/projects/${p.projectA}/national-link`, { projectCode: NATIONAL_CODE, secret: 'x'.repeat(20) })).statusCode).toBe(422);
  });
});

describe('export in the national structures (full values, audited)', () => {
  it('gives every body the platform takes, ID and card numbers encrypted with the project’s secret', async () => {
    const res = await as(app, s.companyA).post(`/api/projects/${p.projectA}/national-export`, exportBody);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = res.json();
    expect(body.project).toMatchObject({ projectCode: NATIONAL_CODE, name: '东城第一中学改扩建工程', category: '01', prjStatus: '003', totalContractAmt: '120000000.00', linkPhone: '13912345678' });
    expect(body.participants.map((x: { corpType: string }) => x.corpType)).toEqual(['008', '009']);
    expect(body.teams).toEqual([expect.objectContaining({ teamName: '钢筋一班', teamSysNo: 1500161164 })]);
    const [group] = body.projectWorkers;
    expect(group).toMatchObject({ projectCode: NATIONAL_CODE, teamSysNo: 1500161164, teamName: '钢筋一班' });
    expect(group.workerList[0]).toMatchObject({ workerName: '陆海', workType: '020', cellPhone: '13600001234' });
    expect(group.workerList[0].idCardNumber).not.toBe(WORKER_ID);
    expect(decryptFromNational(group.workerList[0].idCardNumber, SECRET)).toBe(WORKER_ID);
    expect(body.entryExits[0].workerList).toEqual([expect.objectContaining({ date: '2026-02-10', type: 1 })]);
    expect(body.attendance).toHaveLength(1);
    expect(body.attendance[0].dataList.map((d: { date: string; direction: string }) => [d.date, d.direction])).toEqual([
      ['2026-03-01 07:40:00', '01'],
      ['2026-03-01 17:50:00', '02'],
    ]);
    expect(body.teamsWithoutSysNo).toBe(0);
    const log = await platform.db.query<{ reason: string; after: { events: number } }>("SELECT reason, after FROM audit_log WHERE action = 'national.export'");
    expect(log.rows).toEqual([{ reason: exportBody.reason, after: expect.objectContaining({ events: 2, workers: 1 }) }]);
  });

  it('is for the general contractor or an official holding the permission, within scope', async () => {
    expect((await as(app, s.companyB).post(`/api/projects/${p.projectA}/national-export`, exportBody)).statusCode).toBe(404);
    expect((await as(app, s.townA1).post(`/api/projects/${p.projectA}/national-export`, exportBody)).statusCode).toBe(403);
    expect((await as(app, s.wageA).post(`/api/projects/${p.projectA}/national-export`, exportBody)).statusCode).toBe(200);
    expect((await as(app, s.wageA).post(`/api/projects/${p.projectA}/national-export`, { ...exportBody, to: '2026-04-15' })).statusCode).toBe(422);
  });
});

describe('attendance received as WorkerAttendance.Add', () => {
  const body = () => {
    const [b] = toNationalAttendance(
      [
        { projectCode: NATIONAL_CODE, teamSysNo: 1500161164, idNumber: WORKER_ID, occurredAt: '2026-02-28T07:35:00+08:00', direction: 'in', method: 'FACE' },
        { projectCode: NATIONAL_CODE, teamSysNo: 1500161164, idNumber: WORKER_ID, occurredAt: '2026-02-28T11:35:00+08:00', direction: 'out', method: 'FACE' },
      ],
      { encrypt: (plain) => encryptForNational(plain, SECRET) },
    );
    return { ...b, dataList: [...b.dataList, { ...b.dataList[0], direction: '03' }, { ...b.dataList[0], idCardNumber: encryptForNational(WORKER_ID, 'another-secret-of-32-characters!') }] };
  };

  it('keeps the good items, reports the others by index, and adds nothing twice', async () => {
    const first = await receive(body());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: 4, accepted: 2, duplicates: 0 });
    expect(first.json().rejected.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [2, 'dataList[2].direction'],
      [3, 'dataList[3].idCardNumber'],
    ]);
    expect((await receive(body())).json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const day = (await as(app, s.companyA).get(`/api/projects/${p.projectA}/attendance/day?date=2026-02-28`)).json();
    expect(day.roster.find((r: { name: string }) => r.name === '陆海')).toMatchObject({ present: true, minutes: 240 });
  });

  it('refuses a body for another project, writing nothing', async () => {
    const res = await receive({ ...body(), projectCode: 'NP4501030009' });
    expect(res.statusCode).toBe(403);
    const { rows } = await platform.db.query<{ n: number }>("SELECT count(*)::int AS n FROM attendance_events WHERE work_date = '2026-02-28'");
    expect(rows[0].n).toBe(2);
  });
});
