import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { LEDGER_COLUMNS } from '../../src/server/modules/projects/projects.import';

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  app = await buildApp(platform);
  for (const name of ['wageA', 'wageCity', 'housingA', 'transportA', 'companyA', 'townA2']) s[name] = await login(app, name, PASSWORD);
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

async function ledgerFile(rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('在建项目台账');
  ws.addRow(['在建项目台账']);
  ws.addRow(['填报单位：东城区人社局']);
  ws.addRow(LEDGER_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(LEDGER_COLUMNS.map((c) => (r[c.key] ?? null) as ExcelJS.CellValue));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('project ledger', () => {
  it('lists only projects in the caller’s jurisdiction, industry and company', async () => {
    const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
    expect(ids(await as(app, s.wageA).get('/api/projects'))).toEqual([p.projectA]);
    expect(ids(await as(app, s.wageCity).get('/api/projects')).sort()).toEqual([p.projectA, p.projectB].sort());
    expect(ids(await as(app, s.housingA).get('/api/projects'))).toEqual([p.projectA]);
    expect(ids(await as(app, s.transportA).get('/api/projects'))).toEqual([]);
    expect(ids(await as(app, s.companyA).get('/api/projects'))).toEqual([p.projectA]);
    expect(ids(await as(app, s.townA2).get('/api/projects'))).toEqual([]);
    expect((await as(app, s.wageA).get(`/api/projects/${p.projectB}`)).statusCode).toBe(404);
  });

  it('derives the class and supervising industry, masks the labour officer phone, and keeps status history', async () => {
    const d = (await as(app, s.wageA).get(`/api/projects/${p.projectA}`)).json();
    expect(d.ownershipTier, JSON.stringify(d)).toBe('district');
    expect(d.laborOfficerPhone).toBe('139****5678');
    expect(d.projectManagerIdNumber).toBe('450102********0034');
    expect(d.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['in_progress']);
    const stopped = await as(app, s.wageA).post(`/api/projects/${p.projectA}/status`, { status: 'suspended', date: '2026-02-20', reason: '资金未到位停工', version: d.version });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['in_progress', 'suspended']);
    const back = await as(app, s.wageA).post(`/api/projects/${p.projectA}/status`, { status: 'in_progress', date: '2026-03-01', reason: '复工', version: stopped.json().version });
    expect(back.statusCode).toBe(200);
    const bad = await as(app, s.wageA).post(`/api/projects/${p.projectA}/status`, { status: 'not_started', date: '2026-03-02', reason: '误操作', version: back.json().version });
    expect(bad.statusCode).toBe(422);
  });

  it('RN-05: a project cannot start without a labour officer', async () => {
    const res = await as(app, s.wageA).post('/api/projects', {
      name: '东城无专管员工程',
      regionCode: TREE.townA1,
      address: '某路',
      industry: 'municipal',
      investmentType: 'private',
      contractPriceFen: 100_000_00,
      plannedStart: '2026-12-01',
      plannedEnd: '2027-12-01',
      ownerId: p.ownerA,
      generalContractorId: fx.enterpriseA,
      status: 'in_progress',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('laborOfficerName');
  });

  it('a company may not register a project in which it is neither owner nor contractor', async () => {
    const res = await as(app, s.companyA).post('/api/projects', {
      name: '与我无关的工程',
      regionCode: TREE.townA1,
      address: '某路',
      industry: 'building',
      investmentType: 'private',
      contractPriceFen: 1,
      plannedStart: '2026-12-01',
      plannedEnd: '2027-12-01',
      ownerId: p.ownerA,
      generalContractorId: p.subA,
    });
    expect(res.statusCode).toBe(422);
  });

  it('imports the 附件2 layout: a bad row is reported by row and column and nothing is written until asked', async () => {
    const good = {
      name: '东城体育馆工程',
      laborOfficerName: '吴刚',
      laborOfficerPhone: '13700001111',
      contractPrice: '35000000.50',
      owner: '东城城市建设投资有限公司',
      generalContractor: '东城建工集团有限公司',
      regionCode: TREE.townA1,
      address: '东城区体育路8号',
      industry: '房屋建筑',
      investmentType: '政府投资',
      plannedStart: '2026-04-01',
      plannedEnd: '2027-10-31',
    };
    const codes = (await as(app, s.wageA).get(`/api/projects/${p.projectA}`)).json();
    const row = { ...good, ownerCreditCode: codes.ownerCreditCode, generalContractorCreditCode: codes.generalContractorCreditCode };
    const file = await ledgerFile([row, { ...row, name: '东城图书馆工程', plannedStart: '2026-13-01' }]);
    const strict = await upload(app, s.wageA, 'POST', '/api/projects/import', '台账.xlsx', file);
    expect(strict.statusCode, strict.body).toBe(200);
    expect(strict.json(), strict.body).toMatchObject({ total: 2, valid: 1, imported: 0, committed: false });
    expect(strict.json().problems).toEqual([expect.objectContaining({ row: 5, column: '计划开工日期' })]);
    expect((await as(app, s.wageA).get('/api/projects?q=体育馆')).json().total).toBe(0);

    const valid = await upload(app, s.wageA, 'POST', '/api/projects/import?mode=valid', '台账.xlsx', file);
    expect(valid.json()).toMatchObject({ imported: 1, committed: true });
    const list = (await as(app, s.wageA).get('/api/projects?q=体育馆')).json();
    expect(list.items[0]).toMatchObject({ contractPriceFen: 3_500_000_050, status: 'in_progress', ownershipTier: 'district' });
    // Importing the same file again finds the project already there: nothing doubles.
    const again = await upload(app, s.wageA, 'POST', '/api/projects/import?mode=valid', '台账.xlsx', file);
    expect(again.json().imported).toBe(0);
    expect(again.json().problems[0]).toMatchObject({ row: 4, column: '项目名称' });
  });

  it('exports the same layout, masked, within the caller’s scope', async () => {
    const res = await as(app, s.wageA).get('/api/projects/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c.header)]);
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('东城第一中学改扩建工程');
    expect(text).not.toContain('西城环城路改造工程');
    expect(text).not.toContain('13912345678');
    expect(text).toContain('139****5678');
  });
});
