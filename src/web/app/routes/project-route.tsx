import { AccountsTab } from '../../features/accounts/components/accounts-tab';
import { m as accountsText } from '../../features/accounts/messages';
import { AttendanceTab } from '../../features/attendance/components/attendance-tab';
import { m as attendanceText } from '../../features/attendance/messages';
import { DepositTab } from '../../features/deposits/components/deposit-tab';
import { m as depositsText } from '../../features/deposits/messages';
import { NationalTab } from '../../features/national/components/national-tab';
import { m as nationalText } from '../../features/national/messages';
import { PaymentsTab } from '../../features/payments/components/payments-tab';
import { m as paymentsText } from '../../features/payments/messages';
import { PayrollTab } from '../../features/payroll/components/payroll-tab';
import { m as payrollText } from '../../features/payroll/messages';
import type { ProjectDetail } from '../../features/projects/api/get-project';
import { ProjectDetailPage, type ProjectTab } from '../../features/projects/components/project-detail-page';
import { RosterTab } from '../../features/workforce/components/roster-tab';
import { ProjectWarningsTab } from '../../features/warnings/components/project-warnings-tab';
import { m as warningsText } from '../../features/warnings/messages';
import { m as workforceText } from '../../features/workforce/messages';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';

/**
 * /projects/:id — the project page with the tabs of the modules built on it (roster, attendance,
 * national platform, wage account, payroll, deposit, construction payments, warnings).
 * Features do not import each other; the route puts them together.
 */
export function ProjectRoute() {
  const { t } = useI18n();
  const can = useCan();
  const tabs = (p: ProjectDetail): ProjectTab[] => {
    const out: ProjectTab[] = [];
    if (can('workforce.read')) {
      const employers = [{ id: p.generalContractorId, name: p.generalContractorName }, ...p.subcontracts.map((s) => ({ id: s.enterpriseId, name: s.enterpriseName }))];
      out.push({ key: 'roster', label: t(workforceText.roster), children: <RosterTab projectId={p.id} employers={employers} canWrite={p.actions.includes('roster')} /> });
    }
    if (can('attendance.read')) {
      out.push({ key: 'attendance', label: t(attendanceText.attendance), children: <AttendanceTab projectId={p.id} canWrite={p.actions.includes('attendance')} /> });
    }
    if (can('projects.read')) {
      out.push({ key: 'national', label: t(nationalText.tab), children: <NationalTab projectId={p.id} canWrite={p.actions.includes('national')} /> });
    }
    if (can('accounts.read')) {
      // The project's actions carry no wage-account entry yet; 'attendance' is given to whoever keeps the
      // project for the general contractor, the same keeper the account's opening asks for.
      const canOpen = can('accounts.write') && p.actions.includes('attendance');
      out.push({ key: 'wage-account', label: t(accountsText.tab), children: <AccountsTab projectId={p.id} canOpen={canOpen} /> });
    }
    if (can('payroll.read')) {
      const parties = [
        { id: p.generalContractorId, name: p.generalContractorName, generalContractor: true },
        ...p.subcontracts.map((s) => ({ id: s.enterpriseId, name: s.enterpriseName, generalContractor: false })),
      ];
      const employers = parties.filter((e, i) => parties.findIndex((x) => x.id === e.id) === i);
      out.push({ key: 'payroll', label: t(payrollText.tab), children: <PayrollTab projectId={p.id} employers={employers} canPrepare={can('payroll.write')} /> });
    }
    if (can('deposits.read')) {
      out.push({ key: 'deposit', label: t(depositsText.tab), children: <DepositTab projectId={p.id} /> });
    }
    if (can('payments.read')) {
      out.push({ key: 'payments', label: t(paymentsText.tab), children: <PaymentsTab projectId={p.id} /> });
    }
    if (can('warnings.read')) {
      out.push({ key: 'warnings', label: t(warningsText.tab), children: <ProjectWarningsTab projectId={p.id} /> });
    }
    return out;
  };
  return <ProjectDetailPage extraTabs={tabs} />;
}
