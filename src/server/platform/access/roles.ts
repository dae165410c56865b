/**
 * Roles and their permissions. Every route declares one permission (or `public`); a user holds
 * exactly one role. The three admin roles are kept apart as 等保 level 3 asks (三权分立): none of
 * them reads business personal data, and only the audit admin reads the audit log.
 */
export const PERMISSIONS = [
  'regions.read',
  'regions.write',
  'orgs.read',
  'orgs.write',
  'users.read',
  'users.write',
  'apikeys.manage',
  'audit.read',
  'params.read',
  'params.write',
  'pii.view_full',
  'dashboard.read',
  'self.read',
  'projects.read',
  'projects.write',
  'workforce.read',
  'workforce.write',
  'attendance.read',
  'attendance.write',
  'attendance.ingest',
  /** Full-value export of a project's people to the national platform (RN-06), audited with a reason. */
  'national.export',
  'accounts.read',
  'accounts.write',
  /** A bank reporting transactions on the wage accounts it holds (signed requests). */
  'accounts.bank',
  'deposits.read',
  /** Lodge a deposit or top it up (the general contractor, or the wage office for it). */
  'deposits.write',
  /** Draw on a deposit (DEP-09), decide its return (DEP-11), record arrears findings: the wage office. */
  'deposits.decide',
  'funds.read',
  'funds.write',
  'payments.read',
  'payments.write',
  'payroll.read',
  /** Prepare a payroll and record a worker's confirmation given off the platform (the employer, or the general contractor for it). */
  'payroll.write',
  /** Review, approve and pay a payroll from the wage account (the general contractor, PAY-07/08). */
  'payroll.approve',
  /** A worker confirming or disputing their own payroll line. */
  'payroll.confirm',
  'warnings.read',
  /** Acknowledge a warning and record its disposal: the responsible unit's officials. */
  'warnings.handle',
  /** Verify a disposal and close the warning (整改销号), or send it back: the regulator. */
  'warnings.verify',
  /** Decide the escalation ladder's proposals (order to correct, payment suspension, credit downgrade). */
  'warnings.decide',
  /** Run a full scan on demand. */
  'warnings.scan',
  /** A company's answer to a warning on its project (整改反馈). */
  'warnings.respond',
  /** Record enterprise operating-risk signals shared by tax, power, water and social-insurance departments. */
  'signals.write',
  'notifications.read',
  'cases.read',
  /** Record a clue from a staffed channel (hotline, 信访, walk-in, inspection, opinion, tip-off). */
  'cases.intake',
  /** Accept, verify (一案双查), mediate, record payments, call back and close: the handling unit's officials. */
  'cases.handle',
  /** The inspection's legal acts: refuse in writing, file, order, record an order unmet, transfer to the police. */
  'cases.enforce',
  /** Flag a case for 挂牌督办, 领导包案 or a 专案组. */
  'cases.supervise',
  /** A signed-in worker complaining about their own wages and following their own complaints (农民工端). */
  'cases.complain',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = {
  system_admin: {
    zh: '系统管理员',
    en: 'System administrator',
    scopeKind: 'region',
    permissions: ['regions.read', 'regions.write', 'orgs.read', 'orgs.write', 'params.read', 'params.write'],
  },
  security_admin: {
    zh: '安全管理员',
    en: 'Security administrator',
    scopeKind: 'region',
    permissions: ['regions.read', 'users.read', 'users.write', 'apikeys.manage'],
  },
  audit_admin: {
    zh: '审计管理员',
    en: 'Audit administrator',
    scopeKind: 'region',
    permissions: ['audit.read'],
  },
  wage_office: {
    zh: '人社/治欠办工作人员',
    en: 'Wage office official',
    scopeKind: 'region',
    permissions: ['regions.read', 'orgs.read', 'orgs.write', 'params.read', 'params.write', 'pii.view_full', 'dashboard.read', 'projects.read', 'projects.write', 'workforce.read', 'workforce.write', 'attendance.read', 'attendance.write', 'national.export', 'accounts.read', 'accounts.write', 'payments.read', 'payments.write', 'payroll.read', 'deposits.read', 'deposits.write', 'deposits.decide', 'funds.read', 'funds.write', 'warnings.read', 'warnings.handle', 'warnings.verify', 'warnings.decide', 'warnings.scan', 'signals.write', 'notifications.read', 'cases.read', 'cases.intake', 'cases.handle', 'cases.enforce', 'cases.supervise'],
  },
  industry_official: {
    zh: '行业主管部门工作人员',
    en: 'Industry department official',
    scopeKind: 'region',
    permissions: ['regions.read', 'orgs.read', 'params.read', 'dashboard.read', 'projects.read', 'projects.write', 'workforce.read', 'attendance.read', 'accounts.read', 'payments.read', 'payments.write', 'payroll.read', 'deposits.read', 'warnings.read', 'warnings.handle', 'warnings.verify', 'notifications.read', 'cases.read', 'cases.intake', 'cases.handle'],
  },
  township_official: {
    zh: '乡镇(街道)工作人员',
    en: 'Township official',
    scopeKind: 'region',
    permissions: ['regions.read', 'orgs.read', 'params.read', 'dashboard.read', 'projects.read', 'workforce.read', 'attendance.read', 'accounts.read', 'payments.read', 'payroll.read', 'deposits.read', 'warnings.read', 'warnings.handle', 'notifications.read', 'cases.read', 'cases.intake', 'cases.handle'],
  },
  village_official: {
    zh: '村(社区)工作人员',
    en: 'Village official',
    scopeKind: 'region',
    permissions: ['regions.read', 'orgs.read', 'projects.read'],
  },
  leader: {
    zh: '领导(只读)',
    en: 'Leader (read-only)',
    scopeKind: 'region',
    permissions: ['regions.read', 'orgs.read', 'params.read', 'dashboard.read', 'projects.read', 'workforce.read', 'attendance.read', 'accounts.read', 'payments.read', 'payroll.read', 'deposits.read', 'funds.read', 'warnings.read', 'notifications.read', 'cases.read'],
  },
  enterprise_user: {
    zh: '企业用户',
    en: 'Enterprise user',
    scopeKind: 'enterprise',
    permissions: ['orgs.read', 'projects.read', 'projects.write', 'workforce.read', 'workforce.write', 'attendance.read', 'attendance.write', 'national.export', 'accounts.read', 'accounts.write', 'payments.read', 'payments.write', 'payroll.read', 'payroll.write', 'payroll.approve', 'deposits.read', 'deposits.write', 'warnings.read', 'warnings.respond', 'notifications.read'],
  },
  bank_integration: {
    zh: '银行接口',
    en: 'Bank integration',
    scopeKind: 'region',
    permissions: ['accounts.bank'],
  },
  site_device: {
    zh: '现场考勤设备',
    en: 'Site device',
    scopeKind: 'enterprise',
    permissions: ['attendance.ingest'],
  },
  worker: {
    zh: '农民工',
    en: 'Worker',
    scopeKind: 'worker',
    permissions: ['self.read', 'payroll.confirm', 'cases.complain'],
  },
} as const satisfies Record<string, { zh: string; en: string; scopeKind: ScopeKind; permissions: readonly Permission[] }>;

export type Role = keyof typeof ROLES;
export type ScopeKind = 'region' | 'enterprise' | 'worker';
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Roles that only machines hold (API keys), never a person's login. */
export const MACHINE_ROLES: readonly Role[] = ['bank_integration', 'site_device'];
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set<Permission>(ROLES[role].permissions);
}

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}
