import { generatePath } from 'react-router-dom';

/** Every route of the SPA in one place; pages link with these, never with literals. */
export const paths = {
  login: '/login',
  /** 扫码投诉, public: the QR code on a site's board opens `/complain?project=<code>`. */
  complain: '/complain',
  mfa: '/mfa',
  changePassword: '/change-password',
  home: '/',
  regions: '/regions',
  enterprises: '/orgs/enterprises',
  govUnits: '/orgs/gov-units',
  banks: '/orgs/banks',
  users: '/users',
  apiKeys: '/api-keys',
  audit: '/audit',
  params: '/params',
  projects: '/projects',
  projectDetail: '/projects/:id',
  workers: '/workers',
  workerDetail: '/workers/:id',
  attendance: '/attendance',
  payments: '/payments',
  deposits: '/deposits',
  funds: '/funds',
  wageMonitor: '/wage-monitor',
  battleMap: '/battle-map',
  warnings: '/warnings',
  warningDetail: '/warnings/:id',
  warningRules: '/warning-rules',
  cases: '/cases',
  caseIntake: '/cases/new',
  /** 领导案件看板 and 附件1 统计 (static segments, matched before `/cases/:id`). */
  caseDashboard: '/cases/dashboard',
  caseStatistics: '/cases/statistics',
  caseDetail: '/cases/:id',
  /** 农民工端: the signed-in worker's own complaints. */
  myComplaints: '/me/complaints',
  myComplaintNew: '/me/complaints/new',
} as const;

/** A project's page, optionally opened on one tab (`?tab=roster`). */
export const projectPath = (id: string, tab?: string) => generatePath(paths.projectDetail, { id }) + (tab ? `?tab=${encodeURIComponent(tab)}` : '');
export const workerPath = (id: string) => generatePath(paths.workerDetail, { id });
export const warningPath = (id: string) => generatePath(paths.warningDetail, { id });
/** The warnings list with filters in its address (`status`, `level`, `rule`, `region`, `q`, `projectId`, `enterpriseId`, `subject`). */
export const warningsPath = (filters: Record<string, string | undefined> = {}) => {
  const qs = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return qs ? `${paths.warnings}?${qs}` : paths.warnings;
};
export const casePath = (id: string) => generatePath(paths.caseDetail, { id });
/** The cases list with filters in its address (`status`, `open`, `overdue`, `supervised`, `major`, `q`; `tab=clues` for the clue list, `tab=queue` for 待分派). */
export const casesPath = (filters: Record<string, string | undefined> = {}) => {
  const qs = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return qs ? `${paths.cases}?${qs}` : paths.cases;
};
