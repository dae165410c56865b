import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { ROLES, type Permission, type Role } from '../../src/server/platform/access/roles';
import type { RouteAccess } from '../../src/server/platform/http/types';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, TREE, creditCode, loadFixture, PASSWORD } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';
import { preparePayroll } from '../../src/server/modules/payroll/payroll.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor } from '../../src/server/platform/context';
import { recomputeRiskScores } from '../../src/server/modules/warnings/warnings.risk';

/**
 * SECURITY.md T1 + T2: every route declares its access, and for every route and every role a
 * record outside the caller's jurisdiction is never read, listed or written (404, not the record).
 * The table below must name every route: a new route without an entry fails the first test.
 */

// Public on purpose: login, probes, the API description. Anything else public fails T1.
// The public complaint (扫码投诉) proves the phone by a code instead (cases-public.test.ts).
const PUBLIC_ALLOW_LIST = new Set(['POST /api/auth/login', 'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/openapi.json', 'POST /api/public/complaint-codes', 'POST /api/public/complaints', 'POST /api/public/complaints/lookup']);

interface Ids {
  fx: Fixture;
  unitA: string;
  unitB: string;
  bankId: string;
  keyA: string;
  keyB: string;
  userA: string;
  userB: string;
  projectA: string;
  projectB: string;
  workerB: string;
  employmentB: string;
  accountB: string;
  depositDrawB: string;
  arrearsB: string;
  fundB: string;
  advanceB: string;
  payrollB: string;
  payrollLineB: string;
  warningB: string;
  proposalB: string;
  fileB: string;
  signalB: string;
  caseB: string;
  clueB: string;
  caseWorkerB: string;
  incidentB: string;
  documentB: string;
  /** The case number of a district-B public complaint that failed to route (待分派). */
  complaintB: string;
}

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

/**
 * For each route: `foreign` addresses something in district B (outside every district-A caller's
 * jurisdiction) and must answer `foreignStatus` to callers who hold the permission; `leak` names
 * text that must never appear in a district-A caller's answer.
 */
interface Probe {
  foreign?: (ids: Ids) => Req;
  foreignStatus?: number;
  leak?: (ids: Ids) => string[];
  list?: (ids: Ids) => Req;
  /** Session routes work on the caller themselves: nothing foreign to address. */
  self?: true;
}

const enterpriseBody = (region: string, serial: number) => ({
  creditCode: creditCode(region.slice(0, 6), serial),
  name: `探针企业${serial}`,
  type: 'subcontractor',
  industry: 'housing',
  regionCode: region,
  legalRepName: '钱多多',
});

const DEPOSIT_DRAW = {
  amountFen: 1_000, drawnOn: '2026-02-27', orderNo: '西人社限付1号', orderIssuedOn: '2026-02-20', orderDueOn: '2026-02-25', orderUnmet: true,
  decisionNo: '西人社用1号', decisionOn: '2026-02-26', decisionAmountFen: 1_000, caseRef: '西人社案1号', workersRef: '探针班组',
};
const fundAdvance = (i: Ids) => ({
  decisionNo: '西政垫1号', decisionOn: '2026-03-01', caseRef: '西人社案1号', employerId: i.fx.enterpriseB, arrearsFen: 10_000,
  depositShortfallNote: '保证金不足', paidOn: '2026-03-01', lines: [{ workerId: i.workerB, amountFen: 1_000 }],
});

const clueBody = (projectId: string, externalId: string) => ({
  channel: 'hotline_12345', externalId, projectId, employerName: '西城路桥工程有限公司', complainant: { name: '韦大海', phone: '13800138000' },
  workers: [{ name: '韦大海', phone: '13800138000', claimedFen: 500_000 }], periodFrom: '2026-01-01', periodTo: '2026-02-28', description: '探针：拖欠两个月工资',
});

/** Every move of a case, each with a body its schema accepts, so the probe reaches the scope check. */
function caseActions(): Record<string, Probe> {
  const v = { version: 1 };
  const bodies: Record<string, unknown> = {
    accept: v, transfer: { ...v, unitId: '00000000-0000-7000-8000-000000000001' }, refuse: { ...v, reason: 'limitation', docNo: '探针1' },
    refer: { ...v, to: 'arbitration', legalAid: true, docNo: '探针2' }, merge: { ...v, intoId: '00000000-0000-7000-8000-000000000001' }, mediate: v,
    file: { ...v, inspectors: ['甲', '乙'] }, extend: { ...v, approvedBy: '局长' }, order: { ...v, docNo: '探针3', dueOn: '2026-12-31', amountFen: 1 }, enforce: v,
    'transfer-police': { ...v, docNo: '探针4' }, unfounded: { ...v, conclusion: 'not_wage_arrears' }, settle: { ...v, conclusion: 'paid_in_full' }, close: { ...v, satisfaction: 'satisfied' },
  };
  return Object.fromEntries(
    Object.entries(bodies).map(([path, body]) => [`POST /api/cases/:id/${path}`, { foreign: (i: Ids) => ({ method: 'POST' as const, url: `/api/cases/${i.caseB}/${path}`, body }), foreignStatus: 404 }]),
  );
}

const ROUTES: Record<string, Probe> = {
  'GET /api/auth/me': { self: true },
  'POST /api/auth/logout': { self: true },
  'POST /api/auth/mfa/setup': { self: true },
  'POST /api/auth/mfa/verify': { self: true },
  'POST /api/auth/password': { self: true },
  'GET /api/roles': { self: true },
  'GET /api/users': { list: () => ({ method: 'GET', url: '/api/users?pageSize=200' }), leak: (i) => [i.userB] },
  'GET /api/users/:id': { foreign: (i) => ({ method: 'GET', url: `/api/users/${i.userB}` }), foreignStatus: 404 },
  'POST /api/users': {
    foreign: () => ({ method: 'POST', url: '/api/users', body: { username: 'probe_user', displayName: '探针', role: 'leader', scopeRegionCode: TREE.districtB } }),
    foreignStatus: 422,
  },
  'PATCH /api/users/:id': { foreign: (i) => ({ method: 'PATCH', url: `/api/users/${i.userB}`, body: { version: 1, displayName: '改' } }), foreignStatus: 404 },
  'POST /api/users/:id/reset-password': { foreign: (i) => ({ method: 'POST', url: `/api/users/${i.userB}/reset-password` }), foreignStatus: 404 },
  // The national bank catalogue: nothing regional to leak.
  'GET /api/api-keys/banks': { self: true },
  'GET /api/api-keys': { list: () => ({ method: 'GET', url: '/api/api-keys' }), leak: (i) => [i.keyB] },
  'POST /api/api-keys': {
    foreign: (i) => ({ method: 'POST', url: '/api/api-keys', body: { name: '探针设备', role: 'bank_integration', scopeRegionCode: TREE.districtB, scopeBankId: i.bankId } }),
    foreignStatus: 422,
  },
  'DELETE /api/api-keys/:id': { foreign: (i) => ({ method: 'DELETE', url: `/api/api-keys/${i.keyB}` }), foreignStatus: 404 },
  'GET /api/regions': { list: () => ({ method: 'GET', url: '/api/regions?pageSize=200' }), leak: () => [TREE.districtB] },
  'GET /api/regions/roots': { list: () => ({ method: 'GET', url: '/api/regions/roots' }), leak: () => [TREE.districtB] },
  'GET /api/regions/:code': { foreign: () => ({ method: 'GET', url: `/api/regions/${TREE.townB1}` }), foreignStatus: 404 },
  'POST /api/regions': {
    foreign: () => ({ method: 'POST', url: '/api/regions', body: { code: '450103001009', name: '探针村', parentCode: TREE.townB1 } }),
    foreignStatus: 404,
  },
  'PATCH /api/regions/:code': { foreign: () => ({ method: 'PATCH', url: `/api/regions/${TREE.townB1}`, body: { name: '改名镇', version: 1 } }), foreignStatus: 404 },
  'GET /api/enterprises': { list: () => ({ method: 'GET', url: '/api/enterprises?pageSize=200' }), leak: (i) => [i.fx.enterpriseB] },
  'POST /api/enterprises/search-by-legal-rep': {
    list: () => ({ method: 'POST', url: '/api/enterprises/search-by-legal-rep', body: { idNumber: '450102198001012344' } }),
    leak: (i) => [i.fx.enterpriseB],
  },
  'GET /api/enterprises/:id': { foreign: (i) => ({ method: 'GET', url: `/api/enterprises/${i.fx.enterpriseB}` }), foreignStatus: 404 },
  'POST /api/enterprises': { foreign: () => ({ method: 'POST', url: '/api/enterprises', body: enterpriseBody(TREE.townB1, 77) }), foreignStatus: 422 },
  'PUT /api/enterprises/:id': {
    foreign: (i) => ({ method: 'PUT', url: `/api/enterprises/${i.fx.enterpriseB}`, body: { ...enterpriseBody(TREE.townB1, 78), version: 1 } }),
    foreignStatus: 404,
  },
  'POST /api/enterprises/:id/reveal': {
    foreign: (i) => ({ method: 'POST', url: `/api/enterprises/${i.fx.enterpriseB}/reveal`, body: { field: 'legalRepIdNumber', reason: '核查案件需要' } }),
    foreignStatus: 404,
  },
  'GET /api/gov-units': { list: () => ({ method: 'GET', url: '/api/gov-units?pageSize=200' }), leak: (i) => [i.unitB] },
  'GET /api/gov-units/:id': { foreign: (i) => ({ method: 'GET', url: `/api/gov-units/${i.unitB}` }), foreignStatus: 404 },
  'POST /api/gov-units': {
    foreign: () => ({ method: 'POST', url: '/api/gov-units', body: { regionCode: TREE.districtB, kind: 'petition', name: '探针信访局' } }),
    foreignStatus: 422,
  },
  'PUT /api/gov-units/:id': {
    foreign: (i) => ({ method: 'PUT', url: `/api/gov-units/${i.unitB}`, body: { regionCode: TREE.districtB, kind: 'hrss', name: '改名', version: 1 } }),
    foreignStatus: 404,
  },
  'DELETE /api/gov-units/:id': { foreign: (i) => ({ method: 'DELETE', url: `/api/gov-units/${i.unitB}` }), foreignStatus: 404 },
  // Banks are a national catalogue: readable by all with orgs.read, edited by the system admin only.
  'GET /api/banks': { self: true },
  'POST /api/banks': { self: true },
  'PUT /api/banks/:id': { self: true },
  'GET /api/audit': { list: () => ({ method: 'GET', url: '/api/audit?pageSize=200&objectType=enterprise' }), leak: (i) => [i.fx.enterpriseB] },
  'GET /api/audit/verify': { self: true },
  'GET /api/params': { foreign: () => ({ method: 'GET', url: `/api/params?regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  'GET /api/params/:id': { foreign: () => ({ method: 'GET', url: `/api/params/CASE-06.closeWD?regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  'POST /api/params/:id/overrides': {
    foreign: () => ({
      method: 'POST',
      url: '/api/params/CASE-06.closeWD/overrides',
      body: { regionCode: TREE.districtB, value: 5, effectiveFrom: '2026-04-01', reason: '探针越权设置' },
    }),
    foreignStatus: 404,
  },
  'GET /api/projects': { list: () => ({ method: 'GET', url: '/api/projects?pageSize=200' }), leak: (i) => [i.projectB, '西城环城路改造工程'] },
  'GET /api/projects/export': { list: () => ({ method: 'GET', url: '/api/projects/export' }), leak: () => ['西城环城路改造工程'] },
  'POST /api/projects/import': { self: true },
  'GET /api/projects/:id': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}` }), foreignStatus: 404 },
  'POST /api/projects': {
    foreign: (i) => ({
      method: 'POST',
      url: '/api/projects',
      body: { name: '探针工程', regionCode: TREE.townB1, address: '探针路', industry: 'building', investmentType: 'private', contractPriceFen: 1, plannedStart: '2026-01-01', plannedEnd: '2026-12-31', ownerId: i.fx.enterpriseB, generalContractorId: i.fx.enterpriseB },
    }),
    foreignStatus: 422,
  },
  'PUT /api/projects/:id': {
    foreign: (i) => ({
      method: 'PUT',
      url: `/api/projects/${i.projectB}`,
      body: { name: '改名工程', regionCode: TREE.townB1, address: '探针路', industry: 'transport', investmentType: 'private', contractPriceFen: 1, plannedStart: '2026-01-01', plannedEnd: '2026-12-31', ownerId: i.fx.enterpriseB, generalContractorId: i.fx.enterpriseB, version: 1 },
    }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/status': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/status`, body: { status: 'suspended', date: '2026-03-01', reason: '探针停工', version: 1 } }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/subcontracts': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/subcontracts`, body: { enterpriseId: i.fx.enterpriseA, parentEnterpriseId: i.fx.enterpriseB, scopeOfWork: '探针', amountFen: 1 } }),
    foreignStatus: 404,
  },
  // Uploads are multipart; the scope check of the same service functions is probed through the JSON routes.
  'PUT /api/projects/:id/board-photo': { self: true },
  'GET /api/projects/:id/board-photo': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/board-photo` }), foreignStatus: 404 },
  'POST /api/projects/:id/reveal': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/reveal`, body: { field: 'laborOfficerPhone', reason: '核查案件需要' } }),
    foreignStatus: 404,
  },
  'GET /api/workers': { list: () => ({ method: 'GET', url: '/api/workers?pageSize=200' }), leak: (i) => [i.workerB] },
  'POST /api/workers/search': { list: () => ({ method: 'POST', url: '/api/workers/search', body: { idNumber: '450103197505054566' } }), leak: (i) => [i.workerB] },
  'GET /api/workers/:id': { foreign: (i) => ({ method: 'GET', url: `/api/workers/${i.workerB}` }), foreignStatus: 404 },
  'POST /api/workers/:id/reveal': { foreign: (i) => ({ method: 'POST', url: `/api/workers/${i.workerB}/reveal`, body: { field: 'idNumber', reason: '核查案件需要' } }), foreignStatus: 404 },
  'GET /api/projects/:id/teams': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/teams` }), foreignStatus: 404 },
  'POST /api/projects/:id/teams': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/teams`, body: { employerId: i.fx.enterpriseB, name: '探针班组' } }), foreignStatus: 404 },
  'GET /api/projects/:id/roster': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/roster` }), foreignStatus: 404 },
  'POST /api/projects/:id/employments': {
    foreign: (i) => ({
      method: 'POST',
      url: `/api/projects/${i.projectB}/employments`,
      body: { worker: { name: '探针', idNumber: '450102199001010028' }, employerId: i.fx.enterpriseB, trade: '020', entryDate: '2026-02-01', wageType: 'daily', wageAmountFen: 30000, contractKind: 'labor_contract', contractSignedOn: '2026-02-01', safetyTrainingOn: '2026-02-01' },
    }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/employments/:employmentId/exit': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/employments/${i.employmentB}/exit`, body: { exitDate: '2026-03-01', version: 1 } }),
    foreignStatus: 404,
  },
  'PUT /api/projects/:id/employments/:employmentId/contract': { self: true },
  'GET /api/projects/:id/employments/:employmentId/contract': {
    foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/employments/${i.employmentB}/contract` }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/roster/import': { self: true },
  'GET /api/projects/:id/roster/export': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/roster/export` }), foreignStatus: 404 },
  'POST /api/attendance/batches': { self: true },
  'GET /api/projects/:id/attendance/day': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/attendance/day?date=2026-03-01` }), foreignStatus: 404 },
  'GET /api/workers/:id/attendance': { foreign: (i) => ({ method: 'GET', url: `/api/workers/${i.workerB}/attendance?month=2026-03` }), foreignStatus: 404 },
  'PUT /api/projects/:id/attendance/daily': {
    foreign: (i) => ({ method: 'PUT', url: `/api/projects/${i.projectB}/attendance/daily`, body: { workerId: i.workerB, date: '2026-03-01', present: true, reason: '探针更正考勤' } }),
    foreignStatus: 404,
  },
  'GET /api/projects/:id/attendance/stats': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/attendance/stats?from=2026-02-01&to=2026-02-28` }), foreignStatus: 404 },
  'GET /api/attendance/real-name-rates': { list: () => ({ method: 'GET', url: '/api/attendance/real-name-rates?from=2026-02-01&to=2026-03-01' }), leak: (i) => [i.projectB] },
  // Multipart; its scope check (writableProject) is the one probed through PUT …/attendance/daily and the template.
  'POST /api/projects/:id/attendance/import': { self: true },
  'GET /api/projects/:id/attendance/import-template': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/attendance/import-template` }), foreignStatus: 404 },
  'GET /api/projects/:id/national-link': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/national-link` }), foreignStatus: 404 },
  'PUT /api/projects/:id/national-link': { foreign: (i) => ({ method: 'PUT', url: `/api/projects/${i.projectB}/national-link`, body: { projectCode: 'NP-PROBE' } }), foreignStatus: 404 },
  'POST /api/projects/:id/national-export': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/national-export`, body: { from: '2026-03-01', to: '2026-03-01', reason: '探针导出数据' } }),
    foreignStatus: 404,
  },
  'POST /api/national/worker-attendance': { self: true },
  'GET /api/projects/:id/wage-accounts': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/wage-accounts` }), foreignStatus: 404 },
  'POST /api/projects/:id/wage-accounts': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-accounts`, body: { bankId: i.bankId, accountNo: '6228480000000099', contractSignedOn: '2026-01-20', openedOn: '2026-02-01' } }),
    foreignStatus: 404,
  },
  'GET /api/wage-accounts/region': { list: () => ({ method: 'GET', url: '/api/wage-accounts/region' }), leak: (i) => [i.projectB, i.accountB] },
  'GET /api/wage-accounts/:id': { foreign: (i) => ({ method: 'GET', url: `/api/wage-accounts/${i.accountB}` }), foreignStatus: 404 },
  'POST /api/wage-accounts/:id/status': {
    foreign: (i) => ({ method: 'POST', url: `/api/wage-accounts/${i.accountB}/status`, body: { status: 'frozen', date: '2026-03-01', reason: '探针冻结', version: 1 } }),
    foreignStatus: 404,
  },
  'POST /api/wage-accounts/:id/close-notice': { foreign: (i) => ({ method: 'POST', url: `/api/wage-accounts/${i.accountB}/close-notice`, body: { from: '2026-03-01', version: 1 } }), foreignStatus: 404 },
  // Multipart; their scope checks (keptAccount, findAccountInScope) are the ones probed through status and transactions.
  'PUT /api/wage-accounts/:id/agreement': { self: true },
  'POST /api/wage-accounts/:id/statement': { self: true },
  'GET /api/wage-accounts/:id/agreement': { foreign: (i) => ({ method: 'GET', url: `/api/wage-accounts/${i.accountB}/agreement` }), foreignStatus: 404 },
  'GET /api/wage-accounts/:id/transactions': { foreign: (i) => ({ method: 'GET', url: `/api/wage-accounts/${i.accountB}/transactions` }), foreignStatus: 404 },
  'GET /api/projects/:id/labor-cost-allocations': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/labor-cost-allocations` }), foreignStatus: 404 },
  'POST /api/projects/:id/labor-cost-allocations/schedule': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/labor-cost-allocations/schedule` }), foreignStatus: 404 },
  // The bank's signed route: its scope (the bank) is tested in accounts.test.ts.
  'POST /api/bank/transactions': { self: true },
  'GET /api/projects/:id/wage-deposit': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/wage-deposit` }), foreignStatus: 404 },
  'POST /api/projects/:id/wage-deposit/lodgings': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/lodgings`, body: { form: 'cash', amountFen: 1, lodgedOn: '2026-03-01', bankId: i.bankId, accountNo: '6228480000000999' } }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/wage-deposit/draws': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/draws`, body: DEPOSIT_DRAW }), foreignStatus: 404 },
  'POST /api/wage-deposit-draws/:id/top-ups': {
    foreign: (i) => ({ method: 'POST', url: `/api/wage-deposit-draws/${i.depositDrawB}/top-ups`, body: { amountFen: 1, toppedOn: '2026-03-02', form: 'cash', reference: '探针补足' } }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/wage-deposit/return': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/return`, body: { appliedOn: '2026-03-01' } }), foreignStatus: 404 },
  'POST /api/projects/:id/wage-deposit/return/decision': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/return/decision`, body: { approve: true, noticeFrom: '2026-03-01', version: 1 } }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/wage-deposit/return/order': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/return/order`, body: { orderedOn: '2026-03-01', version: 1 } }), foreignStatus: 404 },
  'POST /api/projects/:id/wage-deposit/return/returned': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/wage-deposit/return/returned`, body: { returnedOn: '2026-03-01', version: 1 } }), foreignStatus: 404 },
  'GET /api/wage-deposits/region': { list: () => ({ method: 'GET', url: '/api/wage-deposits/region' }), leak: (i) => [i.projectB] },
  'GET /api/enterprises/:id/arrears-history': { foreign: (i) => ({ method: 'GET', url: `/api/enterprises/${i.fx.enterpriseB}/arrears-history` }), foreignStatus: 404 },
  'POST /api/enterprises/:id/arrears-history': {
    foreign: (i) => ({ method: 'POST', url: `/api/enterprises/${i.fx.enterpriseB}/arrears-history`, body: { foundOn: '2026-03-01', amountFen: 1, source: 'inspection', reference: '探针' } }),
    foreignStatus: 404,
  },
  'POST /api/arrears-records/:id/resolve': { foreign: (i) => ({ method: 'POST', url: `/api/arrears-records/${i.arrearsB}/resolve`, body: { resolvedOn: '2026-03-01' } }), foreignStatus: 404 },
  'POST /api/enterprises/:id/dishonesty-listings': {
    foreign: (i) => ({ method: 'POST', url: `/api/enterprises/${i.fx.enterpriseB}/dishonesty-listings`, body: { listedOn: '2026-03-01', decisionNo: '探针' } }),
    foreignStatus: 404,
  },
  'PUT /api/enterprises/:id/arrears-history/coverage': {
    foreign: (i) => ({ method: 'PUT', url: `/api/enterprises/${i.fx.enterpriseB}/arrears-history/coverage`, body: { coveredFrom: '2020-01-01', reason: '探针设置' } }),
    foreignStatus: 404,
  },
  'GET /api/emergency-funds': { list: () => ({ method: 'GET', url: '/api/emergency-funds' }), leak: (i) => [i.fundB] },
  'POST /api/emergency-funds': { foreign: () => ({ method: 'POST', url: '/api/emergency-funds', body: { regionCode: TREE.districtB, name: '探针周转金' } }), foreignStatus: 422 },
  'GET /api/emergency-funds/:id': { foreign: (i) => ({ method: 'GET', url: `/api/emergency-funds/${i.fundB}` }), foreignStatus: 404 },
  'POST /api/emergency-funds/:id/movements': {
    foreign: (i) => ({ method: 'POST', url: `/api/emergency-funds/${i.fundB}/movements`, body: { kind: 'injection', amountFen: 1, onDate: '2026-03-01', reference: '探针' } }),
    foreignStatus: 404,
  },
  'POST /api/emergency-funds/:id/advances': { foreign: (i) => ({ method: 'POST', url: `/api/emergency-funds/${i.fundB}/advances`, body: fundAdvance(i) }), foreignStatus: 404 },
  'POST /api/fund-advances/:id/recoveries': {
    foreign: (i) => ({ method: 'POST', url: `/api/fund-advances/${i.advanceB}/recoveries`, body: { amountFen: 1, recoveredOn: '2026-03-02', reference: '探针' } }),
    foreignStatus: 404,
  },
  'GET /api/projects/:id/payrolls': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/payrolls` }), foreignStatus: 404 },
  'POST /api/projects/:id/payrolls': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/payrolls`, body: { employerId: i.fx.enterpriseB, month: '2026-02' } }), foreignStatus: 404 },
  'GET /api/projects/:id/payroll-reconciliation': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/payroll-reconciliation?month=2026-02` }), foreignStatus: 404 },
  'GET /api/payrolls/overdue': { list: () => ({ method: 'GET', url: '/api/payrolls/overdue' }), leak: (i) => [i.projectB, i.payrollB] },
  'GET /api/payrolls/:id/export': { foreign: (i) => ({ method: 'GET', url: `/api/payrolls/${i.payrollB}/export` }), foreignStatus: 404 },
  'GET /api/payrolls/:id': { foreign: (i) => ({ method: 'GET', url: `/api/payrolls/${i.payrollB}` }), foreignStatus: 404 },
  'PUT /api/payrolls/:id/lines/:lineId': {
    foreign: (i) => ({ method: 'PUT', url: `/api/payrolls/${i.payrollB}/lines/${i.payrollLineB}`, body: { days: 1, grossItems: [{ code: 'base', label: '探针', amountFen: 1 }], deductionItems: [], version: 1 } }),
    foreignStatus: 404,
  },
  'POST /api/payrolls/:id/lines/:lineId/confirm': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/lines/${i.payrollLineB}/confirm`, body: { note: '探针确认' } }), foreignStatus: 404 },
  'POST /api/payrolls/:id/lines/:lineId/override': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/lines/${i.payrollLineB}/override`, body: { reason: '探针放行' } }), foreignStatus: 404 },
  'POST /api/payrolls/:id/approve': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/approve`, body: { version: 1 } }), foreignStatus: 404 },
  'POST /api/payrolls/:id/submit': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/submit`, body: { version: 1 } }), foreignStatus: 404 },
  'POST /api/payrolls/:id/resend': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/resend`, body: { version: 1 } }), foreignStatus: 404 },
  'POST /api/payrolls/:id/corrections': { foreign: (i) => ({ method: 'POST', url: `/api/payrolls/${i.payrollB}/corrections`, body: { reason: '探针更正', version: 1 } }), foreignStatus: 404 },
  'GET /api/payrolls/:id/lines/:lineId/slip': { foreign: (i) => ({ method: 'GET', url: `/api/payrolls/${i.payrollB}/lines/${i.payrollLineB}/slip` }), foreignStatus: 404 },
  // A worker's own lines: the worker scope is tested in payroll.test.ts; no district-A caller holds payroll.confirm.
  'GET /api/me/payroll-lines': { self: true },
  'POST /api/me/payroll-lines/:id/answer': { self: true },
  'GET /api/me/payroll-lines/:id/slip': { self: true },
  // 农民工端投诉: only the worker role holds cases.complain, so every district-A caller is refused (403); one
  // worker against another's cases and payments (404) is tested in cases-worker.test.ts.
  'GET /api/me/complaints/projects': { list: () => ({ method: 'GET', url: '/api/me/complaints/projects' }), leak: (i) => [i.projectB] },
  'GET /api/me/complaints': { list: () => ({ method: 'GET', url: '/api/me/complaints' }), leak: (i) => [i.caseB, i.clueB] },
  'POST /api/me/complaints': {
    foreign: (i) => ({ method: 'POST', url: '/api/me/complaints', body: { idempotencyKey: 'probe-0000001', projectId: i.projectB, claimedFen: 1, description: '探针投诉' } }),
    foreignStatus: 422,
  },
  'POST /api/me/complaints/:caseId/confirmation': {
    foreign: (i) => ({ method: 'POST', url: `/api/me/complaints/${i.caseB}/confirmation`, body: { paymentId: i.caseWorkerB, answer: 'confirm' } }),
    foreignStatus: 404,
  },
  // Multipart; the evidence it stores is checked as the uploader's own when a complaint names it (cases-worker.test.ts).
  'POST /api/me/complaints/files': { self: true },
  // The bank's signed payout routes: bank scope tested in payroll.test.ts.
  'POST /api/bank/payout-batches/claim': { self: true },
  'POST /api/bank/payout-results': { self: true },
  'GET /api/projects/:id/payments/summary': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/payments/summary` }), foreignStatus: 404 },
  'GET /api/projects/:id/payments/months': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/payments/months` }), foreignStatus: 404 },
  'GET /api/projects/:id/payments': { foreign: (i) => ({ method: 'GET', url: `/api/projects/${i.projectB}/payments` }), foreignStatus: 404 },
  'POST /api/projects/:id/completed-values': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/completed-values`, body: { month: '2026-03', amountFen: 1 } }), foreignStatus: 404 },
  'POST /api/projects/:id/completed-values/confirm': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/completed-values/confirm`, body: { month: '2026-03', version: 1 } }), foreignStatus: 404 },
  'POST /api/projects/:id/payments': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/payments`, body: { paidOn: '2026-03-01', amountFen: 1, kind: 'progress', reference: 'PROBE-1' } }),
    foreignStatus: 404,
  },
  'POST /api/projects/:id/retention': { foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/retention`, body: { amountFen: 1, heldFrom: '2026-03-01' } }), foreignStatus: 404 },
  'POST /api/projects/:id/settlements': {
    foreign: (i) => ({ method: 'POST', url: `/api/projects/${i.projectB}/settlements`, body: { kind: 'interim', periodFrom: '2026-02-01', periodTo: '2026-02-28', amountFen: 1, settledOn: '2026-03-01', reference: 'PROBE-1' } }),
    foreignStatus: 404,
  },
  'GET /api/payments/region': { list: () => ({ method: 'GET', url: '/api/payments/region' }), leak: (i) => [i.projectB] },
  'GET /api/warnings': { list: () => ({ method: 'GET', url: '/api/warnings?status=all' }), leak: (i) => [i.warningB, i.projectB] },
  'GET /api/warnings/dashboard': { foreign: () => ({ method: 'GET', url: `/api/warnings/dashboard?regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  // An official's scan covers the projects of their own subtree (warnings-lifecycle.test.ts).
  'POST /api/warnings/scan': { self: true },
  'GET /api/warning-rules': { foreign: () => ({ method: 'GET', url: `/api/warning-rules?regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  'GET /api/warnings/:id': { foreign: (i) => ({ method: 'GET', url: `/api/warnings/${i.warningB}` }), foreignStatus: 404 },
  'POST /api/warnings/:id/acknowledge': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/acknowledge`, body: {} }), foreignStatus: 404 },
  'POST /api/warnings/:id/disposal': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/disposal`, body: { measures: '探针处置' } }), foreignStatus: 404 },
  'POST /api/warnings/:id/response': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/response`, body: { measures: '探针反馈' } }), foreignStatus: 404 },
  'POST /api/warnings/:id/verify': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/verify`, body: { note: '探针核验' } }), foreignStatus: 404 },
  'POST /api/warnings/:id/reject': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/reject`, body: { note: '探针退回' } }), foreignStatus: 404 },
  'POST /api/warnings/:id/dispatch': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/dispatch`, body: { unitId: i.unitA } }), foreignStatus: 404 },
  'POST /api/warnings/:id/proposals/:proposalId/decision': {
    foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/proposals/${i.proposalB}/decision`, body: { decision: 'accepted', note: '探针决定' } }),
    foreignStatus: 404,
  },
  'POST /api/warnings/:id/files': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/files`, body: {} }), foreignStatus: 404 },
  'GET /api/warnings/:id/files/:fileId': { foreign: (i) => ({ method: 'GET', url: `/api/warnings/${i.warningB}/files/${i.fileB}` }), foreignStatus: 404 },
  'GET /api/risk-scores/:kind/:id': { foreign: (i) => ({ method: 'GET', url: `/api/risk-scores/project/${i.projectB}` }), foreignStatus: 404 },
  'POST /api/enterprise-risk-signals': {
    foreign: () => ({
      method: 'POST',
      url: '/api/enterprise-risk-signals',
      body: { signals: [{ creditCode: creditCode('450103', 2), kind: 'tax', source: '西城区税务局', sourceRef: 'PROBE-1', period: '2026-02-01', overdueFen: 1, overdueMonths: 3 }] },
    }),
    foreignStatus: 400,
  },
  'GET /api/enterprise-risk-signals': { list: () => ({ method: 'GET', url: '/api/enterprise-risk-signals' }), leak: (i) => [i.signalB] },
  // 线索 / 案件: a district-B case (hotline clue on project B) and its group incident.
  'POST /api/clues': { foreign: (i) => ({ method: 'POST', url: '/api/clues', body: clueBody(i.projectB, 'PROBE-A') }), foreignStatus: 422 },
  // Each row is received as a clue typed in, in the caller's jurisdiction (cases.test.ts imports a foreign row).
  'POST /api/clues/import': { self: true },
  // Evidence is stored as the caller's own upload; only the caller may then list it (cases.test.ts).
  'POST /api/cases/files': { self: true },
  'GET /api/cases/:id/files/:fileId': { foreign: (i) => ({ method: 'GET', url: `/api/cases/${i.caseB}/files/${i.fileB}` }), foreignStatus: 404 },
  'POST /api/warnings/:id/case': { foreign: (i) => ({ method: 'POST', url: `/api/warnings/${i.warningB}/case`, body: {} }), foreignStatus: 404 },
  'GET /api/clues': { list: () => ({ method: 'GET', url: '/api/clues' }), leak: (i) => [i.clueB, i.caseB] },
  'GET /api/complaint-queue': { list: () => ({ method: 'GET', url: '/api/complaint-queue' }), leak: (i) => [i.complaintB] },
  'POST /api/complaint-queue/:caseNo/retry': { foreign: (i) => ({ method: 'POST', url: `/api/complaint-queue/${i.complaintB}/retry` }), foreignStatus: 404 },
  'GET /api/cases': { list: () => ({ method: 'GET', url: '/api/cases' }), leak: (i) => [i.caseB, i.clueB] },
  'GET /api/cases/:id': { foreign: (i) => ({ method: 'GET', url: `/api/cases/${i.caseB}` }), foreignStatus: 404 },
  ...caseActions(),
  'POST /api/cases/:id/findings': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/findings`, body: { findings: [{ caseWorkerId: i.caseWorkerB, foundOwedFen: 1 }] } }), foreignStatus: 404 },
  'POST /api/cases/:id/payments': {
    foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/payments`, body: { caseWorkerId: i.caseWorkerB, amountFen: 1, paidOn: '2026-03-01', source: 'employer', reference: '探针' } }),
    foreignStatus: 404,
  },
  'POST /api/cases/:id/workers/:caseWorkerId/confirmation': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/workers/${i.caseWorkerB}/confirmation`, body: { reached: true } }), foreignStatus: 404 },
  'PUT /api/cases/:id/checklist': { foreign: (i) => ({ method: 'PUT', url: `/api/cases/${i.caseB}/checklist`, body: { version: 1, items: [{ item: 'labor_contract', violation: true }] } }), foreignStatus: 404 },
  'PUT /api/cases/:id/supervision': { foreign: (i) => ({ method: 'PUT', url: `/api/cases/${i.caseB}/supervision`, body: { version: 1, supervision: ['listed'] } }), foreignStatus: 404 },
  'POST /api/cases/:id/reveal-phone': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/reveal-phone`, body: { caseWorkerId: i.caseWorkerB, reason: '探针查看' } }), foreignStatus: 404 },
  // 文书 (cases-documents.test.ts): case B's document, its file, and the decisions that issue documents.
  'POST /api/cases/:id/penalty': {
    foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/penalty`, body: { version: 1, ruleId: 'PEN-06', party: 'unit', violation: '探针', amountFen: 200_000, docNo: '探针罚1', issuedOn: '2026-03-01' } }),
    foreignStatus: 404,
  },
  'POST /api/cases/:id/compensation': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/compensation`, body: { version: 1, rate: 0.5, docNo: '探针赔1', issuedOn: '2026-03-01', dueOn: '2026-03-20' } }), foreignStatus: 404 },
  'POST /api/cases/:id/settlement': {
    foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/settlement`, body: { version: 1, docNo: '探针调1', signedOn: '2026-03-01', installments: [{ dueOn: '2026-03-20', amountFen: 1 }] } }),
    foreignStatus: 404,
  },
  'POST /api/cases/:id/handling-decision': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/handling-decision`, body: { version: 1, docNo: '探针处1', issuedOn: '2026-03-01', dueOn: '2026-03-20' } }), foreignStatus: 404 },
  'POST /api/cases/:id/documents/:documentId/render': { foreign: (i) => ({ method: 'POST', url: `/api/cases/${i.caseB}/documents/${i.documentB}/render` }), foreignStatus: 404 },
  'GET /api/cases/:id/documents/:documentId/file': { foreign: (i) => ({ method: 'GET', url: `/api/cases/${i.caseB}/documents/${i.documentB}/file` }), foreignStatus: 404 },
  'POST /api/incidents': {
    foreign: (i) => ({ method: 'POST', url: '/api/incidents', body: { projectId: i.projectB, occurredAt: '2026-03-01T02:00:00Z', place: '探针', people: 3, responseLevel: 'iv', extreme: false, measures: '探针', caseIds: [] } }),
    foreignStatus: 422,
  },
  'GET /api/incidents': { list: () => ({ method: 'GET', url: '/api/incidents' }), leak: (i) => [i.incidentB] },
  // 附件1 and the case dashboard: a region outside the jurisdiction is not found; the caller's own has no district-B case in it.
  'GET /api/cases/statistics': { foreign: () => ({ method: 'GET', url: `/api/cases/statistics?from=2026-03-01&to=2026-03-31&regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  'GET /api/cases/statistics.xlsx': { foreign: () => ({ method: 'GET', url: `/api/cases/statistics.xlsx?from=2026-03-01&to=2026-03-31&regionCode=${TREE.districtB}` }), foreignStatus: 404 },
  'GET /api/cases/dashboard': {
    foreign: () => ({ method: 'GET', url: `/api/cases/dashboard?regionCode=${TREE.districtB}` }),
    foreignStatus: 404,
    list: () => ({ method: 'GET', url: '/api/cases/dashboard' }),
    leak: (i) => [i.caseB, i.incidentB],
  },
  // The caller's own inbox.
  'GET /api/notifications': { self: true },
  'POST /api/notifications/read': { self: true },
};

// District-A callers of every role (and the enterprise user of enterprise A).
const DISTRICT_A_CALLERS = ['secadminA', 'auditorA', 'wageA', 'housingA', 'transportA', 'townA1', 'townA2', 'villageA1a', 'leaderA', 'companyA'];

let platform: TestPlatform;
let app: TestApp;
let ids: Ids;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  platform = await createTestPlatform();
  const fx = await loadFixture(platform);
  app = await buildApp(platform);
  for (const name of Object.keys(fx.users)) sessions.set(name, await login(app, name, PASSWORD));
  const sys = as(app, sessions.get('sysadmin')!);
  const sec = as(app, sessions.get('secadmin')!);
  const unitA = (await sys.post('/api/gov-units', { regionCode: TREE.districtA, kind: 'hrss', name: '东城区人社局' })).json().id;
  const unitB = (await sys.post('/api/gov-units', { regionCode: TREE.districtB, kind: 'hrss', name: '西城区人社局' })).json().id;
  const bankId = (await sys.post('/api/banks', { name: '南江农商银行', bankCode: '402451000010' })).json().id;
  const keyA = (await sec.post('/api/api-keys', { name: '东城代发银行', role: 'bank_integration', scopeRegionCode: TREE.districtA, scopeBankId: bankId })).json().key.id;
  const keyB = (await sec.post('/api/api-keys', { name: '西城代发银行', role: 'bank_integration', scopeRegionCode: TREE.districtB, scopeBankId: bankId })).json().key.id;
  // Give the audit log a district-B enterprise record to leak, if scoping were wrong.
  await as(app, sessions.get('wageCity')!).put(`/api/enterprises/${fx.enterpriseB}`, {
    ...enterpriseBody(TREE.townB1, 2),
    name: '西城路桥工程有限公司',
    type: 'general_contractor',
    industry: 'transport',
    legalRepName: '赵建国',
    version: 1,
  });
  const projects = await loadProjects(platform, fx);
  const employment = await registerFixtureWorker(platform, projects.projectB, fx.enterpriseB, { name: '韦大海', idNumber: '450103197505054566' });
  const accountB = (
    await as(app, sessions.get('companyB')!).post(`/api/projects/${projects.projectB}/wage-accounts`, {
      bankId, accountNo: '6228480000000002', contractSignedOn: '2026-01-20', openedOn: '2026-02-01',
    })
  ).json().id;
  const payrollB = await preparePayroll(contextFor(platform, systemActor('fixture')), projects.projectB, { employerId: fx.enterpriseB, month: '2026-02' });
  // District-B deposit, arrears finding, fund and advance to probe.
  const wageCity = as(app, sessions.get('wageCity')!);
  await as(app, sessions.get('companyB')!).post(`/api/projects/${projects.projectB}/wage-deposit/lodgings`, { form: 'cash', amountFen: 100_000, lodgedOn: '2026-02-20', bankId, accountNo: '6228480000000202' });
  const depositDrawB = (await wageCity.post(`/api/projects/${projects.projectB}/wage-deposit/draws`, DEPOSIT_DRAW)).json().draws[0].id;
  const arrearsB = (await wageCity.post(`/api/enterprises/${fx.enterpriseB}/arrears-history`, { foundOn: '2025-06-01', amountFen: 100, source: 'inspection', reference: '西人社监1号' })).json().arrears[0].id;
  const fundB = (await wageCity.post('/api/emergency-funds', { regionCode: TREE.districtB, name: '西城区应急周转金' })).json().id;
  await wageCity.post(`/api/emergency-funds/${fundB}/movements`, { kind: 'injection', amountFen: 1_000_000, onDate: '2026-03-01', reference: '西财1号' });
  const advanceB = (await wageCity.command(`/api/emergency-funds/${fundB}/advances`, fundAdvance({ fx, workerB: employment.worker_id } as Ids))).json().advances[0].id;
  const clueRes = await wageCity.post('/api/clues', clueBody(projects.projectB, 'PROBE-B'));
  if (clueRes.statusCode !== 201) throw new Error(clueRes.body);
  const caseB = clueRes.json().caseId;
  const caseBDetail = (await wageCity.get(`/api/cases/${caseB}`)).json();
  if (!caseBDetail.clues) throw new Error(JSON.stringify(caseBDetail));
  const incidentB = (await wageCity.post('/api/incidents', { projectId: projects.projectB, occurredAt: '2026-03-01T02:00:00Z', place: '西城环城路项目部', people: 12, responseLevel: 'iv', extreme: false, measures: '现场劝导', caseIds: [caseB] })).json().id;
  // A written document of case B, with its file, put in directly so the case itself stays as received.
  const [documentB, documentFileB] = [randomUUID(), randomUUID()];
  await platform.db.query(`INSERT INTO files (id, sha256, name, mime, size, created_by) VALUES ($1, 'probe-doc', 'probe.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1, 'probe')`, [documentFileB]);
  await platform.db.query(
    `INSERT INTO case_documents (id, case_id, kind, doc_no, issued_on, data, file_id, issued_by, created_at)
     VALUES ($1, $2, 'not_accepted_notice', '西人社不受探针1号', '2026-03-01', '{}', $3, 'probe', now())`,
    [documentB, caseB, documentFileB],
  );
  const casesB = { caseB, clueB: caseBDetail.clues[0].id, caseWorkerB: caseBDetail.workers[0].id, incidentB, documentB, complaintB: await setAsideComplaintB(projects.projectB) };
  const mine = { depositDrawB, arrearsB, fundB, advanceB, ...casesB, ...(await warningFixtureB(projects.projectB, unitB, fx.enterpriseB)) };
  ids = {
    ...mine,
    fx, unitA, unitB, bankId, keyA, keyB, userA: fx.users.townA1.id, userB: fx.users.wageCity.id,
    projectA: projects.projectA, projectB: projects.projectB, workerB: employment.worker_id, employmentB: employment.id, accountB,
    payrollB: payrollB.row.id, payrollLineB: payrollB.lines[0].id,
  };
  // userB must be outside district A: wageCity is scoped to the city, above district A.
});
/** A public complaint on project B, stored and set aside after failing to route, put in directly. */
async function setAsideComplaintB(projectB: string) {
  const id = randomUUID();
  const caseNo = `${TREE.districtB}-2026-900001`;
  await platform.db.query(`INSERT INTO phone_verifications (id, purpose, phone_enc, phone_bidx, code_mac, expires_at, used_at, created_at) VALUES ($1, 'complaint', 'probe', 'probe', 'probe', now(), now(), now())`, [id]);
  await platform.db.query(
    `INSERT INTO complaint_submissions (id, case_no, project_id, region_code, region_path, complaint, received_at, attempts, retry_at, last_error)
     SELECT $1, $2, p.id, p.region_code, p.region_path, $3, now(), 1, now() + interval '1 hour', 'TypeError' FROM projects p WHERE p.id = $4`,
    [id, caseNo, JSON.stringify({ employerName: '西城探针建设有限公司', name: '探针工', claimedFen: 100_000, description: '探针' }), projectB],
  );
  return caseNo;
}
/** A district-B warning (disposed, with a pending proposal and an attachment), a signal and the risk scores. */
async function warningFixtureB(projectB: string, unitB: string, enterpriseB: string) {
  const [warningB, proposalB, fileB, signalB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const q = (sql: string, params: unknown[]) => platform.db.query(sql, params);
  await q(
    `INSERT INTO warnings (id, rule_code, subject_key, subject_kind, project_id, region_code, region_path, industry, party_ids, level, status, evidence,
                           raised_at, raised_on, evaluated_at, disposed_at, lead_unit_id, handling_unit_id)
     SELECT $1, 'W05', p.id || ':2026-01', 'project', p.id, p.region_code, p.region_path, p.supervising_industry, p.party_ids, 'red', 'disposed', '{"month":"2026-01"}',
            now(), '2026-03-02', now(), now(), $3, $3 FROM projects p WHERE p.id = $2`,
    [warningB, projectB, unitB],
  );
  await q(`INSERT INTO warning_proposals (id, warning_id, consequence, proposed_at) VALUES ($1, $2, 'order_to_correct', now())`, [proposalB, warningB]);
  await q(`INSERT INTO files (id, sha256, name, mime, size, created_by) VALUES ($1, 'probe', 'probe.pdf', 'application/pdf', 1, 'probe')`, [fileB]);
  await q(`INSERT INTO warning_events (id, warning_id, at, kind, actor_name, file_ids) VALUES ($1, $2, now(), 'file_attached', 'probe', ARRAY[$3::uuid])`, [randomUUID(), warningB, fileB]);
  await q(
    `INSERT INTO enterprise_risk_signals (id, enterprise_id, kind, source, source_ref, period, overdue_fen, overdue_months, recorded_by, received_at)
     VALUES ($1, $2, 'tax', '西城区税务局', 'B-1', '2026-02-01', 100, 3, 'probe', now())`,
    [signalB, enterpriseB],
  );
  await platform.db.tx((tx) => recomputeRiskScores(tx, new Date(), null));
  return { warningB, proposalB, fileB, signalB };
}

afterAll(async () => {
  await app.close();
  await platform.close();
});

const key = (method: string, url: string) => `${method} ${url}`;
// Every probe carries a fresh Idempotency-Key, so payment commands reach their scope check.
const send = (caller: string, req: Req) =>
  as(app, sessions.get(caller)!).send(req.method, req.url, req.body ?? (req.method === 'GET' || req.method === 'DELETE' ? undefined : {}), { 'idempotency-key': `probe-${randomUUID()}` });

function holds(caller: string, access: RouteAccess | undefined): boolean {
  if (access === 'authenticated' || access === 'public') return true;
  const role = ids.fx.users[caller].role as Role;
  return (ROLES[role].permissions as readonly Permission[]).includes(access as Permission);
}

describe('route guard inventory (T1)', () => {
  it('every route declares its access, and only the allow-list is public', () => {
    const apiRoutes = app.routeInventory.filter((r) => r.url.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(r.url));
    const undeclared = apiRoutes.filter((r) => !r.access && !r.url.startsWith('/api/docs'));
    expect(undeclared.map((r) => key(r.method, r.url))).toEqual([]);
    const publicRoutes = apiRoutes.filter((r) => r.access === 'public').map((r) => key(r.method, r.url));
    expect(publicRoutes.filter((r) => !PUBLIC_ALLOW_LIST.has(r))).toEqual([]);
  });

  it('the scope table names every non-public route', () => {
    const missing = app.routeInventory
      .filter((r) => r.access && r.access !== 'public')
      .map((r) => key(r.method, r.url))
      .filter((k) => !(k in ROUTES));
    expect(missing).toEqual([]);
  });

  it('every non-public route refuses anonymous callers with 401', async () => {
    for (const r of app.routeInventory.filter((x) => x.access && x.access !== 'public')) {
      const url = r.url.replace(':id', '00000000-0000-7000-8000-000000000000').replace(':code', TREE.districtA);
      const res = await app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect([401], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });
});

describe('cross-jurisdiction matrix (T2, T4)', () => {
  for (const [route, probe] of Object.entries(ROUTES)) {
    if (!probe.foreign && !probe.list) continue;
    it(`${route}: nothing outside the caller's jurisdiction`, async () => {
      const access = app.routeInventory.find((r) => key(r.method, r.url) === route)?.access;
      for (const caller of DISTRICT_A_CALLERS) {
        const allowed = holds(caller, access);
        if (probe.foreign) {
          const res = await send(caller, probe.foreign(ids));
          const expected = allowed ? probe.foreignStatus : 403;
          expect(res.statusCode, `${caller} ${route} → ${res.body.slice(0, 200)}`).toBe(expected);
        }
        if (probe.list) {
          const res = await send(caller, probe.list(ids));
          expect(res.statusCode, `${caller} ${route}`).toBe(allowed ? 200 : 403);
          for (const marker of probe.leak?.(ids) ?? []) expect(res.body.includes(marker), `${caller} ${route} leaks ${marker}`).toBe(false);
        }
      }
    });
  }

  it('nothing changed in district B after all the probes', async () => {
    const wageCity = as(app, sessions.get('wageCity')!);
    const b = (await wageCity.get(`/api/enterprises/${ids.fx.enterpriseB}`)).json();
    expect(b.name).toBe('西城路桥工程有限公司');
    expect((await wageCity.get(`/api/gov-units/${ids.unitB}`)).json().name).toBe('西城区人社局');
    expect((await wageCity.get(`/api/regions/${TREE.townB1}`)).json().name).toBe('西城区001镇');
    const units = (await wageCity.get('/api/gov-units?pageSize=200')).json().items.map((u: { name: string }) => u.name);
    expect(units).not.toContain('探针信访局');
    const enterprises = (await wageCity.get('/api/enterprises?q=探针')).json();
    expect(enterprises.total).toBe(0);
    const caseB = (await wageCity.get(`/api/cases/${ids.caseB}`)).json();
    expect({ status: caseB.status, rowVersion: caseB.rowVersion, payments: caseB.payments.length, checklist: caseB.checklist.filter((c: { violation: boolean | null }) => c.violation !== null).length }).toEqual({ status: 'received', rowVersion: 1, payments: 0, checklist: 0 });
    expect((await wageCity.get('/api/clues')).json().total).toBe(1);
    // The set-aside complaint is still waiting its retry time, not brought forward.
    const queue = (await wageCity.get('/api/complaint-queue?setAside=true')).json();
    expect(queue.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([ids.complaintB]);
    expect(new Date(queue.items[0].retryAt).getTime() - Date.now()).toBeGreaterThan(50 * 60_000);
  });

  it('an official sees own-subtree records (the positive side)', async () => {
    const wageA = as(app, sessions.get('wageA')!);
    expect((await wageA.get(`/api/enterprises/${ids.fx.enterpriseA}`)).statusCode).toBe(200);
    expect((await wageA.get(`/api/gov-units/${ids.unitA}`)).statusCode).toBe(200);
    expect((await as(app, sessions.get('companyA')!).get(`/api/enterprises/${ids.fx.enterpriseA}`)).statusCode).toBe(200);
    // An enterprise user sees only its own enterprise (T4).
    const list = (await as(app, sessions.get('companyA')!).get('/api/enterprises')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([ids.fx.enterpriseA]);
    // An industry official sees only that industry.
    const housing = (await as(app, sessions.get('housingA')!).get('/api/enterprises')).json();
    expect(housing.items.every((e: { industry: string }) => e.industry === 'housing')).toBe(true);
    const transport = (await as(app, sessions.get('transportA')!).get(`/api/enterprises/${ids.fx.enterpriseA}`));
    expect(transport.statusCode).toBe(404);
    // A township official sees a sibling township's enterprise as not found.
    expect((await as(app, sessions.get('townA2')!).get(`/api/enterprises/${ids.fx.enterpriseA}`)).statusCode).toBe(404);
  });
});
