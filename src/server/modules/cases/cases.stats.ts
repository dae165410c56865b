import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { AppError, invalidFields, notFound } from '../../platform/errors';
import { findRegion } from '../regions';
import { CASE_STATUSES, type CaseStatus } from './cases.rules';
import {
  type Figures,
  type OtherFigures,
  PROJECT_KINDS,
  type ProjectKind,
  ROW_KEYS,
  type RowKey,
  STAT_ROWS,
  TOTAL_LABEL,
  hasSource,
  isEmptyReport,
  totalOf,
  zeroFigures,
} from './cases.stats.layout';
import * as repo from './cases.stats.repo';

/**
 * 附件1 (the periodic statistics townships and districts send up) and the leader's dashboard, read
 * for a region subtree inside the caller's jurisdiction. Read-only: nothing is written or audited
 * (the figures hold no personal data).
 */

/** The longest period one report covers: a year and a day (a leap year's campaign from 1 January to 1 January). */
const MAX_PERIOD_DAYS = 367;
const DASHBOARD_LIST = 20;
const INCIDENT_LIST = 10;

/** The region asked for (or the caller's own), refused as not found when it lies outside the caller's jurisdiction. */
async function regionFor(ctx: Ctx, regionCode?: string) {
  const code = regionCode ?? (ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionCode : undefined);
  if (!code) throw new AppError('BUSINESS_RULE', { detail: { zh: '请指定统计区划', en: 'Choose a region' } });
  const region = await findRegion(ctx.db, code);
  if (!region || !regionInScope(ctx.actor, region.path)) throw notFound();
  return region;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface StatisticsQuery {
  from: string;
  to: string;
  regionCode?: string;
  /** The campaign's name for the title, e.g. 「2026年度根治欠薪冬季专项行动」. */
  campaign?: string;
}

export interface StatisticsRow {
  key: RowKey | 'total';
  label: { zh: string; en: string };
  figures: Figures;
}

export interface Statistics {
  regionCode: string;
  regionName: string;
  reportingUnit: string;
  from: string;
  to: string;
  campaign: string | null;
  preparedBy: string;
  preparedOn: string;
  /** 合计 first, then the rows by employer type, as the official table has them. */
  rows: StatisticsRow[];
  other: OtherFigures;
  empty: boolean;
}

/**
 * The figures of 附件1 for a period (Asia/Shanghai dates, both ends included) and a region subtree:
 * each by employer-type row and their total; 「—」 (null) where the platform records nothing to
 * count from.
 */
export async function caseStatistics(ctx: Ctx, q: StatisticsQuery): Promise<Statistics> {
  if (q.from > q.to) throw invalidFields([{ field: 'to', message: { zh: '统计截止日期早于起始日期', en: 'The period ends before it starts' } }]);
  if (daysBetween(q.from, q.to) > MAX_PERIOD_DAYS) throw invalidFields([{ field: 'to', message: { zh: '一次统计的期间不超过一年', en: 'A report covers at most a year' } }]);
  const region = await regionFor(ctx, q.regionCode);
  const period = { from: q.from, to: q.to };
  const db = ctx.db;
  const path = region.path;
  const flow = await repo.flowFigures(db, ctx.actor, path, period);
  const recovered = await repo.recoveredFigures(db, ctx.actor, path, period);
  const documents = await repo.documentFigures(db, ctx.actor, path, period);
  const checked = await repo.checkedFigures(db, ctx.actor, path, period);
  const projects = await repo.projectFigures(db, ctx.actor, path, period);
  const blacklisted = await repo.blacklistedCount(db, ctx.actor, path, period);
  const unit = await repo.reportingUnitOf(db, path);

  const byRow = new Map<RowKey, Figures>(ROW_KEYS.map((k) => [k, zeroFigures(k)]));
  const put = (row: RowKey, values: Partial<Record<keyof Figures, number>>) => {
    const f = byRow.get(row)!;
    for (const [k, v] of Object.entries(values) as [keyof Figures, number][]) if (hasSource(k, row)) f[k] = Number(v);
  };
  for (const r of flow) {
    put(r.row_key, {
      received: r.received, accepted: r.accepted, filed: r.filed, settledWithoutFiling: r.settled_without_filing, closed: r.closed,
      arrearsEmployers: r.arrears_employers, arrearsWorkers: r.arrears_workers, arrearsFen: r.arrears_fen,
    });
  }
  for (const r of recovered) put(r.row_key, { recoveredWorkers: r.workers, recoveredFen: r.fen });
  for (const r of documents) {
    put(r.row_key, {
      ordersToCorrect: r.orders_to_correct, handlingDecisions: r.handling_decisions, penaltyDecisions: r.penalty_decisions,
      policeTransfers: r.police_transfers, finesFen: r.fines_fen, compensationFen: r.compensation_fen,
    });
  }
  for (const r of checked) put(r.row_key, { checkedEmployers: r.employers, checkedMigrantWorkers: r.migrant_workers, checkedContracts: r.contracts });

  const rows = STAT_ROWS.map((r) => ({ key: r.key, label: r.label, figures: byRow.get(r.key)! }));
  const total = totalOf(rows.map((r) => r.figures));
  const byKind = new Map(projects.map((p) => [p.investment_type, p]));
  const other: OtherFigures = {
    projects: Object.fromEntries(
      PROJECT_KINDS.map(({ key }) => {
        const p = byKind.get(key);
        return [key, { checkedProjects: p?.checked_projects ?? 0, arrearsProjects: p?.arrears_projects ?? 0, arrearsFen: Number(p?.arrears_fen ?? 0), arrearsWorkers: p?.arrears_workers ?? 0 }];
      }),
    ) as Record<ProjectKind, OtherFigures['projects'][ProjectKind]>,
    publishedViolators: null,
    blacklisted,
  };
  return {
    regionCode: region.code,
    regionName: region.name,
    reportingUnit: unit ?? region.name,
    from: q.from,
    to: q.to,
    campaign: q.campaign?.trim() || null,
    preparedBy: ctx.actor.name,
    preparedOn: shanghaiDate(ctx.clock.now()),
    rows: [{ key: 'total', label: TOTAL_LABEL, figures: total }, ...rows],
    other,
    empty: isEmptyReport(total) && !blacklisted && PROJECT_KINDS.every(({ key }) => other.projects[key].checkedProjects === 0),
  };
}

// ---- The leader's dashboard ---------------------------------------------------------------------

const OPEN_STAGES = (Object.keys(CASE_STATUSES) as CaseStatus[]).filter((s) => s !== 'closed');

/**
 * What a 分管领导 needs at a glance for a region: open cases by stage, what is overdue (and was
 * escalated) with its handling unit and days overdue, the supervised and major cases, this month's
 * money (paid to workers against what is owed) and this month's group incidents, and the regions
 * directly below.
 */
export async function caseDashboard(ctx: Ctx, q: { regionCode?: string }) {
  const region = await regionFor(ctx, q.regionCode);
  const today = shanghaiDate(ctx.clock.now());
  const monthStart = `${today.slice(0, 7)}-01`;
  const db = ctx.db;
  const counts = await repo.openCounts(db, ctx.actor, region.path, today);
  const overdue = await repo.overdueCases(db, ctx.actor, region.path, today, DASHBOARD_LIST);
  const supervised = await repo.supervisedCases(db, ctx.actor, region.path, today, DASHBOARD_LIST);
  const money = await repo.moneyFigures(db, ctx.actor, region.path, monthStart, today);
  const incidents = await repo.incidentsSince(db, ctx.actor, region.path, new Date(`${monthStart}T00:00:00+08:00`), INCIDENT_LIST);
  const byRegion = await repo.byChildRegion(db, ctx.actor, region.code, region.path, today);
  const sum = (k: 'n' | 'overdue' | 'escalated' | 'major' | 'listed' | 'leader' | 'task_force') => counts.reduce((s, c) => s + Number(c[k]), 0);
  const byStatus = new Map(counts.map((c) => [c.status, c.n]));
  return {
    region,
    today,
    month: today.slice(0, 7),
    asOf: ctx.clock.now(),
    open: { total: sum('n'), byStage: OPEN_STAGES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })) },
    overdue: { count: sum('overdue'), escalated: sum('escalated'), items: overdue },
    supervised: { listed: sum('listed'), leader: sum('leader'), taskForce: sum('task_force'), major: sum('major'), items: supervised },
    money: {
      monthRecoveredFen: Number(money.month_recovered_fen),
      monthRecoveredWorkers: money.month_recovered_workers,
      monthNewOwedFen: Number(money.month_new_owed_fen),
      openOwedFen: Number(money.open_owed_fen),
      openRecoveredFen: Number(money.open_recovered_fen),
      openOutstandingFen: Number(money.open_outstanding_fen),
    },
    incidents,
    byRegion,
  };
}
