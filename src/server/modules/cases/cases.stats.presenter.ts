import { CASE_STATUSES, type CaseStatus } from './cases.rules';
import type { caseDashboard } from './cases.stats';
import type { DashboardCaseRow } from './cases.stats.repo';

/** The dashboard's rows → the response, field by field (no personal data: cases, units, money). */

const presentDashboardCase = (c: DashboardCaseRow) => ({
  id: c.id,
  caseNo: c.case_no,
  title: c.title,
  status: c.status,
  statusLabel: CASE_STATUSES[c.status as CaseStatus],
  regionName: c.region_name,
  handlingUnitName: c.handling_unit_name,
  stageDueOn: c.stage_due_on,
  daysOverdue: c.days_overdue,
  escalationLevel: c.escalation_level,
  major: c.major,
  supervision: c.supervision,
  leaderName: c.leader_name,
  owedFen: Number(c.owed_fen),
  recoveredFen: Number(c.recovered_fen),
});

export const presentDashboard = (d: Awaited<ReturnType<typeof caseDashboard>>) => ({
  regionCode: d.region.code,
  regionName: d.region.name,
  today: d.today,
  month: d.month,
  asOf: d.asOf.toISOString(),
  open: { total: d.open.total, byStage: d.open.byStage.map((s) => ({ status: s.status, label: CASE_STATUSES[s.status], count: s.count })) },
  overdue: { count: d.overdue.count, escalated: d.overdue.escalated, items: d.overdue.items.map(presentDashboardCase) },
  supervised: { listed: d.supervised.listed, leader: d.supervised.leader, taskForce: d.supervised.taskForce, major: d.supervised.major, items: d.supervised.items.map(presentDashboardCase) },
  money: d.money,
  incidents: {
    count: d.incidents.n,
    people: d.incidents.people,
    extreme: d.incidents.extreme,
    items: d.incidents.items.map((i) => ({
      id: i.id,
      occurredAt: i.occurred_at.toISOString(),
      place: i.place,
      people: i.people,
      responseLevel: i.response_level,
      extreme: i.extreme,
      projectName: i.project_name,
      caseCount: i.case_count,
    })),
  },
  byRegion: d.byRegion.map((r) => ({ code: r.code, name: r.name, open: r.open, overdue: r.overdue, major: r.major })),
});
