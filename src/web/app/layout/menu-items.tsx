import {
  AccountBookOutlined,
  AlertOutlined,
  BookOutlined,
  DashboardOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  IdcardOutlined,
  MoneyCollectOutlined,
  KeyOutlined,
  ProfileOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Permission } from '../../../server/platform/access/roles';
import { paths } from '../../config/paths';
import { defineMessages, type Msg } from '../../lib/i18n';

export const menuText = defineMessages({
  home: { zh: '首页', en: 'Home' },
  regions: { zh: '行政区划', en: 'Regions' },
  orgs: { zh: '单位管理', en: 'Organizations' },
  enterprises: { zh: '企业', en: 'Enterprises' },
  govUnits: { zh: '政府部门', en: 'Government units' },
  banks: { zh: '银行', en: 'Banks' },
  access: { zh: '用户与权限', en: 'Users and access' },
  users: { zh: '用户', en: 'Users' },
  apiKeys: { zh: '接口密钥', en: 'API keys' },
  audit: { zh: '审计日志', en: 'Audit log' },
  params: { zh: '规则参数', en: 'Rule parameters' },
  business: { zh: '业务模块', en: 'Business modules' },
  projects: { zh: '在建项目台账', en: 'Project ledger' },
  workers: { zh: '实名制（农民工查询）', en: 'Real-name registry' },
  attendance: { zh: '考勤', en: 'Attendance' },
  payments: { zh: '工程款支付', en: 'Construction payments' },
  deposits: { zh: '保证金', en: 'Wage deposits' },
  funds: { zh: '应急周转金', en: 'Emergency fund' },
  wageMonitor: { zh: '工资发放监测', en: 'Wage payment monitoring' },
  monitoring: { zh: '监测预警', en: 'Monitoring and warnings' },
  battleMap: { zh: '挂图作战', en: 'Battle map' },
  warnings: { zh: '预警列表', en: 'Warnings' },
  warningRules: { zh: '预警规则目录', en: 'Warning rules' },
  cases: { zh: '线索案件', en: 'Clues and cases' },
  caseList: { zh: '案件列表', en: 'Cases' },
  caseIntake: { zh: '登记线索', en: 'Record a clue' },
  caseDashboard: { zh: '案件看板', en: 'Case dashboard' },
  caseStatistics: { zh: '统计报表（附件1）', en: 'Statistics (Annex 1)' },
  myComplaintNew: { zh: '我要投诉', en: 'Complain' },
  myComplaints: { zh: '我的投诉', en: 'My complaints' },
  upcoming: { zh: '（待建设）', en: ' (coming)' },
});

// Modules still being built: named so users see what is coming; no pages behind them.
const UPCOMING: Msg[] = [
  { zh: '信用与失信名单', en: 'Credit and blacklist' },
  { zh: '报表与专项行动', en: 'Reports and campaigns' },
  { zh: '网络舆情', en: 'Public opinion' },
];

type Item = NonNullable<MenuProps['items']>[number];
const present = <T,>(items: (T | false)[]): T[] => items.filter((i): i is T => i !== false);

/** The side menu for what this session may use; the keys are the routes. */
export function buildMenu(can: (p: Permission) => boolean, t: (m: Msg) => string): Item[] {
  const access = present<Item>([
    can('users.read') && { key: paths.users, icon: <UserOutlined />, label: t(menuText.users) },
    can('apikeys.manage') && { key: paths.apiKeys, icon: <KeyOutlined />, label: t(menuText.apiKeys) },
  ]);
  // 监测预警 comes first for officials: the battle map is where a working day starts.
  const monitoring = present<Item>([
    can('warnings.read') && can('dashboard.read') && { key: paths.battleMap, icon: <DashboardOutlined />, label: t(menuText.battleMap) },
    can('warnings.read') && { key: paths.warnings, icon: <AlertOutlined />, label: t(menuText.warnings) },
    can('warnings.read') && { key: paths.warningRules, icon: <BookOutlined />, label: t(menuText.warningRules) },
    can('payroll.read') && { key: paths.wageMonitor, icon: <AccountBookOutlined />, label: t(menuText.wageMonitor) },
  ]);
  // 线索案件: the complaints and cases that follow from what monitoring finds.
  const cases = present<Item>([
    can('cases.read') && { key: paths.cases, icon: <FileSearchOutlined />, label: t(menuText.caseList) },
    can('cases.read') && can('cases.intake') && { key: paths.caseIntake, icon: <FileAddOutlined />, label: t(menuText.caseIntake) },
    can('cases.read') && { key: paths.caseDashboard, icon: <FundProjectionScreenOutlined />, label: t(menuText.caseDashboard) },
    can('cases.read') && { key: paths.caseStatistics, icon: <TableOutlined />, label: t(menuText.caseStatistics) },
  ]);
  // 农民工端: the worker's own complaints, first after home (workers hold no other menu).
  const worker = present<Item>([
    can('cases.complain') && { key: paths.myComplaintNew, icon: <FormOutlined />, label: t(menuText.myComplaintNew) },
    can('cases.complain') && { key: paths.myComplaints, icon: <ProfileOutlined />, label: t(menuText.myComplaints) },
  ]);
  return present<Item>([
    { key: paths.home, icon: <HomeOutlined />, label: t(menuText.home) },
    ...worker,
    monitoring.length > 0 && { type: 'group', key: 'monitoring', label: t(menuText.monitoring), children: monitoring },
    monitoring.length > 0 && { type: 'divider', key: 'monitoring-end' },
    cases.length > 0 && { type: 'group', key: 'cases', label: t(menuText.cases), children: cases },
    cases.length > 0 && { type: 'divider', key: 'cases-end' },
    can('regions.read') && { key: paths.regions, icon: <ClusterOutlined />, label: t(menuText.regions) },
    can('orgs.read') && {
      key: 'orgs',
      icon: <BankOutlined />,
      label: t(menuText.orgs),
      children: [
        { key: paths.enterprises, label: t(menuText.enterprises) },
        { key: paths.govUnits, label: t(menuText.govUnits) },
        { key: paths.banks, label: t(menuText.banks) },
      ],
    },
    access.length > 0 && { key: 'access', icon: <TeamOutlined />, label: t(menuText.access), children: access },
    can('audit.read') && { key: paths.audit, icon: <AuditOutlined />, label: t(menuText.audit) },
    can('params.read') && { key: paths.params, icon: <SettingOutlined />, label: t(menuText.params) },
    { type: 'divider' },
    {
      type: 'group',
      key: 'business',
      label: t(menuText.business),
      children: [
        ...present<Item>([
          can('projects.read') && { key: paths.projects, icon: <ProjectOutlined />, label: t(menuText.projects) },
          can('workforce.read') && { key: paths.workers, icon: <IdcardOutlined />, label: t(menuText.workers) },
          can('attendance.read') && { key: paths.attendance, icon: <CalendarOutlined />, label: t(menuText.attendance) },
          can('payments.read') && { key: paths.payments, icon: <MoneyCollectOutlined />, label: t(menuText.payments) },
          can('deposits.read') && { key: paths.deposits, icon: <SafetyCertificateOutlined />, label: t(menuText.deposits) },
          can('funds.read') && { key: paths.funds, icon: <FundOutlined />, label: t(menuText.funds) },
        ]),
        ...UPCOMING.map((m) => ({ key: `upcoming:${m.en}`, label: `${t(m)}${t(menuText.upcoming)}`, disabled: true })),
      ],
    },
  ]);
}

/** The open submenu and selected item for a path. */
export function menuState(pathname: string) {
  const selected = Object.values(paths)
    .filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return { selected: selected ?? paths.home };
}
