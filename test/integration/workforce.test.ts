import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { ATTENDANCE_IMPORT_COLUMNS } from '../../src/server/modules/attendance/attendance.import';
import { ROSTER_COLUMNS } from '../../src/server/modules/workforce/workforce.import';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
let deviceA = '';
let deviceB = '';
let codeA = '';
let codeB = '';

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['wageA', 'wageCity', 'secadmin', 'companyA', 'companyB']) s[name] = await login(app, name, PASSWORD);
  const key = async (projectId: string) =>
    (await as(app, s.secadmin).post('/api/api-keys', { name: '东门闸机', role: 'site_device', scopeProjectId: projectId })).json().secret as string;
  deviceA = await key(p.projectA);
  deviceB = await key(p.projectB);
  codeA = (await as(app, s.wageCity).get(`/api/projects/${p.projectA}`)).json().code;
  codeB = (await as(app, s.wageCity).get(`/api/projects/${p.projectB}`)).json().code;
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

const batch = (key: string, body: unknown) => app.inject({ method: 'POST', url: '/api/attendance/batches', payload: body as object, headers: { authorization: `Bearer ${key}` } });

describe('real-name registry', () => {
  it('one person is one worker across projects (dedup by the ID blind index), and cannot be on a roster twice', async () => {
    const first = await registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '黄小明', idNumber: '450102199001010028' });
    const second = await registerFixtureWorker(platform, p.projectB, fx.enterpriseB, { name: '黄小明', idNumber: '450102199001010028' });
    expect(second.worker_id).toBe(first.worker_id);
    await expect(registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '黄小明', idNumber: '450102199001010028' })).rejects.toThrow();
    await expect(registerFixtureWorker(platform, p.projectA, fx.enterpriseA, { name: '黄大明', idNumber: '450102199001010028' })).rejects.toThrow();
    const profile = (await as(app, s.wageCity).get(`/api/workers/${first.worker_id}`)).json();
    expect(profile.employments).toHaveLength(2);
    expect(profile.idNumber).toBe('450102********0028');
    expect(profile.gender).toBe('female');
    expect(profile.birthDate).toBe('1990-01-01');
    // District A sees the worker only through its own project.
    expect((await as(app, s.wageA).get(`/api/workers/${first.worker_id}`)).json().employments).toHaveLength(1);
    const found = (await as(app, s.wageA).post('/api/workers/search', { idNumber: '450102199001010028' })).json();
    expect(found.items.map((w: { id: string }) => w.id)).toEqual([first.worker_id]);
  });

  it('PAY-06: employment ledger rows cannot be deleted', async () => {
    await expect(platform.db.query('DELETE FROM employments')).rejects.toThrow(/retained/);
  });

  it('imports a roster: a bad row is reported by row and column, nothing is written until the valid rows are asked for', async () => {
    const detail = (await as(app, s.wageA).get(`/api/projects/${p.projectA}`)).json();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['花名册']);
    ws.addRow(['']);
    ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
    const row = (name: string, id: string) => {
      const v: Record<string, string> = {
        name, idNumber: id, trade: '钢筋工', employerCreditCode: detail.generalContractorCreditCode, teamName: '钢筋二班', entryDate: '2026-02-15',
        wageType: '日薪', wageAmount: '380', contractKind: '劳动合同', contractSignedOn: '2026-02-14', safetyTrainingOn: '2026-02-14', phone: '13600001234',
      };
      ws.addRow(ROSTER_COLUMNS.map((c) => v[c.key] ?? null));
    };
    row('陆海', '450102198808081236');
    row('蒙山', '450102198808081237'); // wrong check digit
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const strict = (await upload(app, s.companyA, 'POST', `/api/projects/${p.projectA}/roster/import`, '花名册.xlsx', file)).json();
    expect(strict).toMatchObject({ total: 2, valid: 1, imported: 0, committed: false });
    expect(strict.problems).toEqual([expect.objectContaining({ row: 5, column: '身份证号' })]);
    expect((await as(app, s.wageA).get(`/api/projects/${p.projectA}/roster?q=陆海`)).json().total).toBe(0);
    const valid = (await upload(app, s.companyA, 'POST', `/api/projects/${p.projectA}/roster/import?mode=valid`, '花名册.xlsx', file)).json();
    expect(valid).toMatchObject({ imported: 1, committed: true });
    const roster = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/roster?q=陆海`)).json();
    expect(roster.items[0]).toMatchObject({ idNumber: '450102********1236', teamName: '钢筋二班', wageAmountFen: 38000 });
  });
});

describe('attendance batches', () => {
  const events = (n: number, id: string, prefix = 'e') =>
    Array.from({ length: n }, (_, i) => ({ eventId: `${prefix}${i}`, idNumber: id, time: `2026-03-01 ${String(7 + i).padStart(2, '0')}:30:00`, direction: i % 2 ? 'out' : 'in', method: 'FACE' }));

  it('re-delivery creates nothing twice; unknown people are kept and counted', async () => {
    const body = { projectCode: codeA, deviceCode: 'GATE-1', events: [...events(2, '450102198808081236'), ...events(2, '450103197505054566', 'u')] };
    const first = (await batch(deviceA, body)).json();
    expect(first).toMatchObject({ received: 4, accepted: 4, duplicates: 0, unknownWorkers: 2 });
    const again = (await batch(deviceA, body)).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 4 });
    const day = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/attendance/day?date=2026-03-01`)).json();
    const lu = day.roster.find((r: { name: string }) => r.name === '陆海');
    expect(lu).toMatchObject({ present: true, minutes: 60 });
    expect(day.exceptions.filter((e: { status: string }) => e.status === 'unknown_worker')).toHaveLength(2);
  });

  it('a device key bound to another project is refused, and writes nothing', async () => {
    const res = await batch(deviceB, { projectCode: codeA, events: events(1, '450102198808081236', 'x') });
    expect(res.statusCode).toBe(403);
    const day = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/attendance/day?date=2026-03-01`)).json();
    expect(day.roster.find((r: { name: string }) => r.name === '陆海').minutes).toBe(60);
    expect((await batch(deviceB, { projectCode: codeB, events: events(1, '450102198808081236', 'x') })).statusCode).toBe(200);
  });

  it('RN-03: a method the region does not accept is kept and flagged; key staff count toward on-site rates', async () => {
    await batch(deviceA, { projectCode: codeA, events: [{ eventId: 'card1', idNumber: '450102198808081236', time: '2026-03-02T08:00:00+08:00', direction: 'in', method: 'CARD' }] });
    const day = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/attendance/day?date=2026-03-02`)).json();
    expect(day.exceptions).toEqual([expect.objectContaining({ method: 'CARD', methodAllowed: false })]);
    await batch(deviceA, { projectCode: codeA, events: [{ eventId: 'pm1', idNumber: '450102198503150034', time: '2026-03-02T08:10:00+08:00', direction: 'in', method: 'FACE' }] });
    const stats = (await as(app, s.wageA).get(`/api/projects/${p.projectA}/attendance/stats?from=2026-03-02&to=2026-03-02`)).json();
    expect(stats).toMatchObject({ workingDays: 1, projectManagerDays: 1, projectManagerRate: 1 });
  });
});

describe('attendance import (sites without devices)', () => {
  const sheet = async (rows: (string | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考勤');
    ws.addRow(['农民工考勤表']);
    ws.addRow(['']);
    ws.addRow(ATTENDANCE_IMPORT_COLUMNS.map((c) => c.header));
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const importUrl = (mode: string) => `/api/projects/${p.projectA}/attendance/import?mode=${mode}`;
  const dayOf = async (date: string) => (await as(app, s.wageA).get(`/api/projects/${p.projectA}/attendance/day?date=${date}`)).json();

  it('reports bad rows by row and column and writes nothing, then imports the valid rows once', async () => {
    const file = await sheet([
      ['陆海', '450102198808081236', '2026-02-27', '07:30', '17:30', null],
      ['蒙山', '450102198808081237', '2026-02-27', '07:30', '17:30', null], // wrong check digit
      ['蒙山', '450102198808081236', '2026-02-26', '07:30', null, null], // 陆海's number under another name
      ['陆海', '450102198808081236', '2026-02-25', '17:30', '07:30', '刷卡'], // out before in
      ['陆海', '450102198808081236', '2026-02-24', null, null, null],
    ]);
    const strict = (await upload(app, s.companyA, 'POST', importUrl('strict'), '考勤.xlsx', file)).json();
    expect(strict).toMatchObject({ total: 5, valid: 1, imported: 0, committed: false, events: { accepted: 0 } });
    expect(strict.problems.map((x: { row: number; column: string | null }) => [x.row, x.column])).toEqual([
      [5, '身份证号码'],
      [6, '姓名'],
      [7, '离场时间'],
      [8, '进场时间'],
    ]);
    expect((await dayOf('2026-02-27')).roster.find((r: { name: string }) => r.name === '陆海').present).toBe(false);

    const valid = (await upload(app, s.companyA, 'POST', importUrl('valid'), '考勤.xlsx', file)).json();
    expect(valid).toMatchObject({ imported: 1, committed: true, events: { received: 2, accepted: 2, duplicates: 0 } });
    expect((await dayOf('2026-02-27')).roster.find((r: { name: string }) => r.name === '陆海')).toMatchObject({ present: true, minutes: 600 });

    const again = (await upload(app, s.wageA, 'POST', importUrl('valid'), '考勤.xlsx', file)).json();
    expect(again).toMatchObject({ committed: true, events: { accepted: 0, duplicates: 2 } });
  });

  it('reads a CSV saved by Excel (BOM, text cells): the 18-digit ID number survives', async () => {
    const csv = Buffer.from(`\uFEFF序号,姓名,身份证号码,考勤日期,进场时间,离场时间,考勤方式\r\n1,陆海,450102198808081236,2026/2/20,7:30,17:00,人工登记\r\n`);
    const res = (await upload(app, s.companyA, 'POST', importUrl('strict'), '考勤.csv', csv)).json();
    expect(res).toMatchObject({ total: 1, imported: 1, committed: true, problems: [], events: { accepted: 2 } });
    expect((await dayOf('2026-02-20')).roster.find((r: { name: string }) => r.name === '陆海')).toMatchObject({ present: true, minutes: 570 });
  });

  it('is the general contractor’s or an official’s to do, and offers its template', async () => {
    const file = await sheet([['陆海', '450102198808081236', '2026-02-23', '07:30', '17:30', null]]);
    expect((await upload(app, s.companyB, 'POST', importUrl('strict'), '考勤.xlsx', file)).statusCode).toBe(404);
    const template = await as(app, s.companyA).get(`/api/projects/${p.projectA}/attendance/import-template`);
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(3).values).toEqual([undefined, ...ATTENDANCE_IMPORT_COLUMNS.map((c) => c.header)]);
  });
});

describe('实名制更新率 of a region', () => {
  const rates = (session: Session, query: string) => as(app, session).get(`/api/attendance/real-name-rates?${query}`);

  it('per project and in total, within the caller’s scope', async () => {
    const city = (await rates(s.wageCity, 'from=2026-03-01&to=2026-03-02')).json();
    const a = city.projects.find((x: { projectId: string }) => x.projectId === p.projectA);
    const b = city.projects.find((x: { projectId: string }) => x.projectId === p.projectB);
    // Project A: 陆海 (registered) and one unregistered person; the project manager is not a worker.
    expect(a).toMatchObject({ onSite: 2, registered: 1, realNameRate: 0.5, projectManagerDays: 1 });
    // Project B: 陆海 clocked in without being on its roster.
    expect(b).toMatchObject({ onSite: 1, registered: 0, realNameRate: 0 });
    expect(city.total).toMatchObject({ onSite: 3, registered: 1, realNameRate: 0.3333 });

    const district = (await rates(s.wageA, 'from=2026-03-01&to=2026-03-02')).json();
    expect(district.projects.map((x: { projectId: string }) => x.projectId)).toEqual([p.projectA]);
    const other = (await rates(s.wageA, 'from=2026-03-01&to=2026-03-02&regionCode=450103')).json();
    expect(other.projects).toEqual([]);
    expect((await rates(s.wageCity, 'from=2026-03-02&to=2026-03-01')).statusCode).toBe(422);
  });
});
