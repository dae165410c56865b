import { generatePath } from 'react-router-dom';

/** Every route of the SPA in one place; pages link with these, never with literals. */
export const paths = {
  login: '/login',
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
} as const;

/** A project's page, optionally opened on one tab (`?tab=roster`). */
export const projectPath = (id: string, tab?: string) => generatePath(paths.projectDetail, { id }) + (tab ? `?tab=${encodeURIComponent(tab)}` : '');
export const workerPath = (id: string) => generatePath(paths.workerDetail, { id });
