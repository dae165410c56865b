import { AttendanceTab } from '../../features/attendance/components/attendance-tab';
import { m as attendanceText } from '../../features/attendance/messages';
import { NationalTab } from '../../features/national/components/national-tab';
import { m as nationalText } from '../../features/national/messages';
import type { ProjectDetail } from '../../features/projects/api/get-project';
import { ProjectDetailPage, type ProjectTab } from '../../features/projects/components/project-detail-page';
import { RosterTab } from '../../features/workforce/components/roster-tab';
import { m as workforceText } from '../../features/workforce/messages';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';

/**
 * /projects/:id — the project page with the tabs of the modules built on it (roster, attendance,
 * national platform).
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
    return out;
  };
  return <ProjectDetailPage extraTabs={tabs} />;
}
