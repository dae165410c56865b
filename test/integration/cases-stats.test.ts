import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { insertDocument } from '../../src/server/modules/cases/cases.repo';
import { escalateOverdueCases } from '../../src/server/modules/cases/cases.service';
import { registerEmployment } from '../../src/server/modules/workforce/workforce.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor } from '../../src/server/platform/context';
import { type Session, type TestApp, as, login, upload } from '../support/http';
import { type Fixture, PASSWORD, TREE, creditCode, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { ctxOf, loadGovUnits } from '../support/warnings';

/**
 * 附件1 and the leader's dashboard over a small, known set of cases: district A has cases of every
 * employer type (in township A1, one in A2), district B one case. Every figure is asserted exactly,
 * per row and in total; a township official sees their township's only; the .xlsx is read back.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
const api = (name: string) => as(app, s[name]);
const ids: Record<string, string> = {};
const PERIOD = 'from=2026-03-01&to=2026-03-31';

async function relogin(names = ['wageA', 'wageCity', 'housingA', 'townA1', 'townA2', 'leaderA', 'companyA']) {
  for (const name of names) s[name] = await login(app, name, PASSWORD);
}

async function receive(body: Record<string, unknown>, by = 'wageA') {
  const res = await api(by).post('/api/clues', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseId as string;
}
const detail = async (id: string, by = 'wageA') => (await api(by).get(`/api/cases/${id}`)).json();
const move = async (id: string, action: string, body: Record<string, unknown> = {}, by = 'wageA') => {
  const c = await detail(id, by);
  const res = await api(by).post(`/api/cases/${id}/${action}`, { version: c.rowVersion, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A valid 18-digit ID number (GB 11643 check character) for a registry worker. */
function idNumber(serial: number) {
  const first17 = `450102198501${String(10 + serial).padStart(2, '0')}${String(100 + serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function enrol(projectId: string, employerId: string, serial: number, contractKind: 'labor_contract' | 'work_agreement') {
  await registerEmployment(contextFor(platform, systemActor('fixture')), projectId, {
    worker: { name: `实名工人${'甲乙丙丁'[serial]}`, idNumber: idNumber(serial) },
    employerId,
    teamName: '木工班',
    trade: '020',
    entryDate: '2026-02-10',
    wageType: 'daily',
    wageAmountFen: 350_00,
    contractKind,
    contractSignedOn: '2026-02-09',
    safetyTrainingOn: '2026-02-09',
  });
}

const enterprise = async (serial: number, name: string, type: string) => {
  const res = await api('wageA').post('/api/enterprises', { creditCode: creditCode(TREE.districtA, serial), name, type, industry: 'other', regionCode: TREE.townA1, legalRepName: '周正' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const hotline = (o: Record<string, unknown>) => ({
  channel: 'hotline_12345',
  complainant: { name: '张三', phone: '13800138001' },
  periodFrom: '2025-12-01',
  periodTo: '2026-02-28',
  description: '拖欠工资',
  ...o,
});

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  await loadGovUnits(platform);
  app = await buildApp(platform);
  await relogin();
  const now = platform.clock.now();

  // The registry: a manufacturer and a training school beside the construction enterprises; the
  // labour subcontractor joins project A; project A's roster holds three of the inspected employers' workers.
  ids.maker = await enterprise(21, '东城精密机械制造有限公司', 'manufacturing');
  ids.school = await enterprise(22, '东城启航教育培训学校', 'training');
  const sub = await api('companyA').post(`/api/projects/${p.projectA}/subcontracts`, { enterpriseId: p.subA, parentEnterpriseId: fx.enterpriseA, scopeOfWork: '劳务分包', amountFen: 100_000_00 });
  expect(sub.statusCode, sub.body).toBe(200);
  await enrol(p.projectA, fx.enterpriseA, 1, 'labor_contract');
  await enrol(p.projectA, fx.enterpriseA, 2, 'work_agreement');
  await enrol(p.projectA, p.subA, 3, 'labor_contract');

  // C1 建筑企业 (the general contractor on project A): verified, found owed, paid in full, settled without filing, closed.
  ids.c1 = await receive(hotline({ externalId: 'S-1', projectId: p.projectA, employerName: '东城建工集团有限公司', workers: [{ name: '张三', claimedFen: 800_000 }, { name: '李四', claimedFen: 600_000 }] }));
  await move(ids.c1, 'accept');
  let c = await detail(ids.c1);
  expect((await api('wageA').put(`/api/cases/${ids.c1}/checklist`, { version: c.rowVersion, items: [{ item: 'monthly_full_payment', violation: true }] })).statusCode).toBe(200);
  const [zhang, li] = c.workers;
  expect((await api('wageA').post(`/api/cases/${ids.c1}/findings`, { findings: [{ caseWorkerId: zhang.id, foundOwedFen: 750_000 }, { caseWorkerId: li.id, foundOwedFen: 600_000 }] })).statusCode).toBe(200);
  for (const [w, fen, ref] of [[zhang.id, 750_000, 'S1-1'], [li.id, 600_000, 'S1-2']] as const) {
    const paid = await api('wageA').command(`/api/cases/${ids.c1}/payments`, { caseWorkerId: w, amountFen: fen, paidOn: '2026-03-02', source: 'general_contractor', reference: ref });
    expect(paid.statusCode, paid.body).toBe(200);
  }
  await move(ids.c1, 'settle', { conclusion: 'paid_in_full' });
  await move(ids.c1, 'close', { satisfaction: 'satisfied' });

  // C2 加工制造企业, no project: filed, ordered to pay, under supervision; a handling decision recorded as a
  // document (no use case issues that kind yet). Its penalty and compensation come once the order ran out (below).
  ids.c2 = await receive(hotline({ channel: 'walk_in', externalId: null, regionCode: TREE.townA1, employerName: '东城精密机械制造有限公司', complainant: { name: '王五', phone: '13800138005' }, workers: [{ name: '王五', claimedFen: 300_000 }] }));
  await move(ids.c2, 'accept');
  await move(ids.c2, 'file', { inspectors: ['王监察', '陈监察'] });
  await move(ids.c2, 'order', { docNo: '东人社限改〔2026〕1号', dueOn: '2026-03-09', amountFen: 300_000 });
  await insertDocument(platform.db, { id: randomUUID(), caseId: ids.c2, kind: 'handling_decision', docNo: '东人社处〔2026〕1号', issuedOn: '2026-03-02', dueOn: null, amountFen: null, data: {}, fileId: null, issuedBy: 'wageA' }, now);
  c = await detail(ids.c2);
  expect((await api('wageA').put(`/api/cases/${ids.c2}/supervision`, { version: c.rowVersion, supervision: ['listed', 'leader'], leaderName: '刘副区长' })).statusCode).toBe(200);

  // C3 校外培训机构, from the national platform: one complainant named, twelve workers spoken for.
  const csv = [
    '线索编号,反映时间,反映人,联系电话,欠薪地区划代码,项目名称,欠薪单位,统一社会信用代码,欠薪人数,欠薪金额（元）,欠薪开始日期,欠薪截止日期,诉求内容',
    `GZQX2026030100099,2026-03-01 09:12,王小明,13700137000,${TREE.townA1},,东城启航教育培训学校,,12,96000.50,2025-12-01,2026-02-28,培训学校教师十二人工资未付`,
  ].join('\n');
  const imported = await upload(app, s.wageA, 'POST', '/api/clues/import', '全国平台线索.csv', Buffer.from(csv));
  expect(imported.json().imported, imported.body).toBe(1);
  ids.c3 = (await platform.db.query<{ case_id: string }>(`SELECT case_id FROM clues WHERE external_id = 'GZQX2026030100099'`)).rows[0].case_id;

  // C4 其它 (outside the registry): refused in writing; received and closed, no arrears.
  ids.c4 = await receive(hotline({ channel: 'walk_in', externalId: null, regionCode: TREE.townA1, employerName: '东城某餐饮店', workers: [{ name: '孙六', claimedFen: 100_000 }] }));
  await move(ids.c4, 'refuse', { reason: 'outside_scope', docNo: '东人社不受〔2026〕1号' });

  // C5 建筑企业 (the labour subcontractor), found by an inspection; C6, a hotline complaint about the same, merged into it.
  ids.c5 = await receive({ channel: 'inspection', projectId: p.projectA, employerName: '东城劳务分包有限公司', workers: [{ name: '赵六', claimedFen: 200_000 }], description: '检查发现拖欠木工工资' });
  ids.c6 = await receive(hotline({ externalId: 'S-6', projectId: p.projectA, employerName: '东城劳务分包有限公司', complainant: { name: '钱七', phone: '13800138007' }, workers: [{ name: '钱七', claimedFen: 100_000 }] }));
  await move(ids.c6, 'merge', { intoId: ids.c5 });
  const incident = await api('wageA').post('/api/incidents', { projectId: p.projectA, occurredAt: '2026-03-02T01:00:00Z', place: '项目部门口', people: 60, responseLevel: 'iii', extreme: false, measures: '现场劝离', caseIds: [ids.c5] });
  expect(incident.statusCode, incident.body).toBe(201);

  // C7 其它, in township A2.
  ids.c7 = await receive(hotline({ channel: 'walk_in', externalId: null, regionCode: TREE.townA2, employerName: '东城某物流公司', workers: [{ name: '周八', claimedFen: 50_000 }] }));

  // District B: a case with a payment, which no district-A figure may include.
  ids.b1 = await receive(hotline({ externalId: 'S-B1', projectId: p.projectB, employerName: '西城路桥工程有限公司', workers: [{ name: '韦大海', claimedFen: 500_000 }] }), 'wageCity');
  const b = await detail(ids.b1, 'wageCity');
  expect((await api('wageCity').command(`/api/cases/${ids.b1}/payments`, { caseWorkerId: b.workers[0].id, amountFen: 100_000, paidOn: '2026-03-02', source: 'employer', reference: 'B-1' })).statusCode).toBe(200);

  // 2026-03-10: C2's order ran out unpaid: recorded unmet, fined (PEN-01, ¥20,000) and ordered to add 50 % compensation.
  platform.clock.set(new Date('2026-03-10T02:00:00Z'));
  await relogin();
  await move(ids.c2, 'enforce');
  await move(ids.c2, 'penalty', { ruleId: 'PEN-01', party: 'unit', violation: '未按规定支付农民工工资', amountFen: 2_000_000, docNo: '东人社罚〔2026〕1号', issuedOn: '2026-03-10' });
  await move(ids.c2, 'compensation', { rate: 0.5, docNo: '东人社赔〔2026〕1号', issuedOn: '2026-03-10', dueOn: '2026-03-17' });

  // The dishonesty list (no use case records a listing yet): one in each district this month.
  for (const e of [fx.enterpriseA, fx.enterpriseB]) {
    await platform.db.query(
      `INSERT INTO enterprise_dishonesty_listings (id, enterprise_id, listed_on, decision_no, recorded_by, created_at) VALUES ($1, $2, '2026-03-02', $3, 'test', now())`,
      [randomUUID(), e, `失信${e.slice(-4)}`],
    );
  }
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

type Row = { key: string; figures: Record<string, number | null> };
const statistics = async (by: string, query = PERIOD) => {
  const res = await api(by).get(`/api/cases/statistics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { regionName: string; reportingUnit: string; rows: Row[]; other: Record<string, unknown>; empty: boolean };
};
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r.figures]));

const ZERO = {
  checkedEmployers: 0, checkedStaff: null, checkedMigrantWorkers: null, checkedContracts: null, arrearsEmployers: 0, arrearsWorkers: 0, arrearsFen: 0,
  filed: 0, settledWithoutFiling: 0, recoveredWorkers: 0, recoveredFen: 0, ordersToCorrect: 0, handlingDecisions: 0, penaltyDecisions: 0,
  policeTransfers: 0, policeFiled: null, received: 0, accepted: 0, closed: 0, finesFen: 0, compensationFen: 0,
};

const DISTRICT_A = {
  construction: { ...ZERO, checkedEmployers: 2, checkedMigrantWorkers: 3, checkedContracts: 2, arrearsEmployers: 2, arrearsWorkers: 4, arrearsFen: 1_650_000, settledWithoutFiling: 1, recoveredWorkers: 2, recoveredFen: 1_350_000, received: 2, accepted: 1, closed: 1 },
  manufacturing: { ...ZERO, arrearsEmployers: 1, arrearsWorkers: 1, arrearsFen: 300_000, filed: 1, ordersToCorrect: 1, handlingDecisions: 1, penaltyDecisions: 1, received: 1, accepted: 1, finesFen: 2_000_000, compensationFen: 150_000 },
  training: { ...ZERO, arrearsEmployers: 1, arrearsWorkers: 12, arrearsFen: 9_600_050, received: 1 },
  other: { ...ZERO, arrearsEmployers: 1, arrearsWorkers: 1, arrearsFen: 50_000, received: 2, closed: 1 },
};

describe('附件1 statistics', () => {
  it('counts every figure by employer type, and the 合计 row is their sum', async () => {
    const r = await statistics('wageA');
    expect(r.regionName).toBe('东城区');
    expect(r.reportingUnit).toBe('东城区根治欠薪办');
    expect(r.rows.map((x) => x.key)).toEqual(['total', 'construction', 'manufacturing', 'training', 'other']);
    const rows = byKey(r.rows);
    expect(rows.construction).toEqual(DISTRICT_A.construction);
    expect(rows.manufacturing).toEqual(DISTRICT_A.manufacturing);
    expect(rows.training).toEqual(DISTRICT_A.training);
    expect(rows.other).toEqual(DISTRICT_A.other);
    expect(rows.total).toEqual({
      ...ZERO, checkedEmployers: 2, checkedMigrantWorkers: 3, checkedContracts: 2, arrearsEmployers: 5, arrearsWorkers: 18, arrearsFen: 11_600_050,
      filed: 1, settledWithoutFiling: 1, recoveredWorkers: 2, recoveredFen: 1_350_000, ordersToCorrect: 1, handlingDecisions: 1, penaltyDecisions: 1,
      received: 6, accepted: 2, closed: 2, finesFen: 2_000_000, compensationFen: 150_000,
    });
    expect(r.other).toEqual({
      projects: {
        government: { checkedProjects: 1, arrearsProjects: 1, arrearsFen: 1_350_000, arrearsWorkers: 2 },
        ppp: { checkedProjects: 0, arrearsProjects: 0, arrearsFen: 0, arrearsWorkers: 0 },
        soe: { checkedProjects: 0, arrearsProjects: 0, arrearsFen: 0, arrearsWorkers: 0 },
      },
      publishedViolators: null,
      blacklisted: 1,
    });
    expect(r.empty).toBe(false);
  });

  it('a township official sees their township only, and is refused a region above it', async () => {
    const a1 = byKey((await statistics('townA1')).rows);
    expect(a1.other).toEqual({ ...ZERO, received: 1, closed: 1 });
    expect(a1.construction).toEqual(DISTRICT_A.construction);
    expect(a1.total).toMatchObject({ received: 5, arrearsEmployers: 4, arrearsWorkers: 17, arrearsFen: 11_550_050 });
    const a2 = byKey((await statistics('townA2')).rows);
    expect(a2.total).toEqual({ ...ZERO, checkedMigrantWorkers: 0, checkedContracts: 0, arrearsEmployers: 1, arrearsWorkers: 1, arrearsFen: 50_000, received: 1 });
    expect((await api('townA1').get(`/api/cases/statistics?${PERIOD}&regionCode=${TREE.districtA}`)).statusCode).toBe(404);
    expect((await api('wageA').get(`/api/cases/statistics?${PERIOD}&regionCode=${TREE.districtB}`)).statusCode).toBe(404);
    // Above, a chosen sub-region inside the jurisdiction: the city's official asks for township A2, and for district B.
    expect(byKey((await statistics('wageCity', `${PERIOD}&regionCode=${TREE.townA2}`)).rows).total).toMatchObject({ received: 1, arrearsFen: 50_000 });
    const b = byKey((await statistics('wageCity', `${PERIOD}&regionCode=${TREE.districtB}`)).rows);
    expect(b.construction).toMatchObject({ received: 1, arrearsEmployers: 1, arrearsWorkers: 1, arrearsFen: 500_000, recoveredWorkers: 1, recoveredFen: 100_000 });
  });

  it('an industry department counts its industry’s cases; a period without activity is empty', async () => {
    expect(byKey((await statistics('housingA')).rows).total).toMatchObject({ received: 2, arrearsFen: 1_650_000, ordersToCorrect: 0 });
    const feb = await statistics('wageA', 'from=2026-02-01&to=2026-02-28');
    expect(feb.empty).toBe(true);
    expect(byKey(feb.rows).total).toMatchObject({ received: 0, arrearsFen: 0 });
    expect((await api('wageA').get('/api/cases/statistics?from=2026-03-31&to=2026-03-01')).statusCode).toBe(422);
    expect((await api('wageA').get('/api/cases/statistics?from=2025-01-01&to=2026-03-31')).statusCode).toBe(422);
    expect((await api('companyA').get(`/api/cases/statistics?${PERIOD}`)).statusCode).toBe(403);
  });

  it('exports the official layout: the merged header, 万元 with two decimals, 「—」 without a source, the 填报 lines', async () => {
    const res = await api('wageA').get(`/api/cases/statistics.xlsx?${PERIOD}&campaign=${encodeURIComponent('2026年度根治欠薪春季专项行动')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('根治欠薪专项行动情况-东城区-2026-03-01至2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('附件1')!;
    const v = (addr: string) => sheet.getCell(addr).value;
    expect(v('A1')).toBe('2026年度根治欠薪春季专项行动情况（2026年3月1日至2026年3月31日）');
    expect(String(v('A2'))).toContain('填报单位：东城区根治欠薪办');
    expect([v('A3'), v('B3'), v('F3'), v('I3'), v('M3'), v('P3')]).toEqual(['类别', '检查用人单位情况', '拖欠工资情况', '处理情况', '行政处理处罚', '涉嫌犯罪案件']);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:E3', 'F3:H3', 'I3:L3', 'M3:O3', 'P3:Q3']));
    expect(v('B4')).toBe('用人单位户数\n(户)');
    expect(v('H4')).toBe('涉及金额\n(万元)');
    expect(v('Q4')).toBe('公安机关立案\n(件)');
    expect([v('A5'), v('A6'), v('A7'), v('A8'), v('A9')]).toEqual(['合计', '建筑企业', '加工制造企业', '校外培训机构', '其它用人单位']);
    const total = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map((col) => v(`${col}5`));
    expect(total).toEqual([2, '—', 3, 2, 5, 18, 11.6, 1, 1, 2, 1.35, 1, 1, 1, 0, '—']);
    expect(sheet.getCell('H5').numFmt).toBe('0.00');
    expect([v('D7'), v('H8'), v('L6')]).toEqual(['—', 9.6, 1.35]);
    const text = sheet.getSheetValues().flat().filter((x): x is string => typeof x === 'string');
    expect(text).toContain('其它情况：1.检查政府投资工程项目共1个，查实存在欠薪项目1个（拖欠工资1.35万元，涉及2人）；2.检查政府与社会资本合作项目共0个，查实存在欠薪项目0个（拖欠工资0.00万元，涉及0人）；3.检查国企项目共0个，查实存在欠薪项目0个（拖欠工资0.00万元，涉及0人）；4.公布欠薪严重违法单位数—户，列入欠薪“黑名单”1件。');
    expect(text).toEqual(expect.arrayContaining(['填报单位（盖章）：东城区根治欠薪办', '填报人：wageA', '填报日期：2026年3月10日']));
    const extra = book.getWorksheet('补充指标')!;
    expect([extra.getCell('B3').value, extra.getCell('E3').value, extra.getCell('F3').value]).toEqual([6, 2, 0.15]);
  });
});

describe('the leader’s case dashboard', () => {
  it('open cases by stage, the overdue with days and units, the supervised and major, this month’s money and incidents', async () => {
    await escalateOverdueCases(ctxOf(platform));
    const res = await api('leaderA').get('/api/cases/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect({ region: d.regionName, today: d.today, month: d.month }).toEqual({ region: '东城区', today: '2026-03-10', month: '2026-03' });
    expect(d.open.total).toBe(4);
    expect(Object.fromEntries(d.open.byStage.filter((x: { count: number }) => x.count > 0).map((x: { status: string; count: number }) => [x.status, x.count]))).toEqual({ received: 3, enforcing: 1 });
    const due = async (id: string) => (await detail(id, 'leaderA')).stageDueOn as string;
    const daysTo = (date: string) => (Date.parse('2026-03-10') - Date.parse(date)) / 86_400_000;
    const expected = await Promise.all([ids.c3, ids.c5, ids.c7].map(async (id) => ({ id, daysOverdue: daysTo(await due(id)), escalationLevel: 1 })));
    expect(d.overdue.count).toBe(3);
    expect(d.overdue.escalated).toBe(3);
    expect(d.overdue.items.map((i: { id: string; daysOverdue: number; escalationLevel: number }) => ({ id: i.id, daysOverdue: i.daysOverdue, escalationLevel: i.escalationLevel })).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(d.overdue.items.every((i: { handlingUnitName: string | null; daysOverdue: number }) => i.handlingUnitName && i.daysOverdue > 0)).toBe(true);
    expect({ listed: d.supervised.listed, leader: d.supervised.leader, taskForce: d.supervised.taskForce, major: d.supervised.major }).toEqual({ listed: 1, leader: 1, taskForce: 0, major: 2 });
    expect(d.supervised.items.map((i: { id: string }) => i.id)).toEqual([ids.c2, ids.c5]);
    expect(d.supervised.items[0]).toMatchObject({ leaderName: '刘副区长', supervision: ['listed', 'leader'], owedFen: 300_000, recoveredFen: 0 });
    expect(d.money).toEqual({ monthRecoveredFen: 1_350_000, monthRecoveredWorkers: 2, monthNewOwedFen: 11_600_050, openOwedFen: 10_250_050, openRecoveredFen: 0, openOutstandingFen: 10_250_050 });
    expect({ count: d.incidents.count, people: d.incidents.people, first: d.incidents.items[0].place }).toEqual({ count: 1, people: 60, first: '项目部门口' });
    expect(d.byRegion).toEqual([
      { code: TREE.townA1, name: '东城区001镇', open: 3, overdue: 2, major: 2 },
      { code: TREE.townA2, name: '东城区002镇', open: 1, overdue: 1, major: 0 },
    ]);
    expect(JSON.stringify(d)).not.toContain(ids.b1);
    // The township official of A2 sees A2's one case; district B is refused.
    const a2 = (await api('townA2').get('/api/cases/dashboard')).json();
    expect({ open: a2.open.total, overdue: a2.overdue.items.map((i: { id: string }) => i.id), incidents: a2.incidents.count }).toEqual({ open: 1, overdue: [ids.c7], incidents: 0 });
    expect((await api('leaderA').get(`/api/cases/dashboard?regionCode=${TREE.districtB}`)).statusCode).toBe(404);
  });
});
