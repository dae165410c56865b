import { regionInScope } from '../../platform/access/scope-sql';
import { addDays, shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { findRegion } from '../regions';
import { ruleOf } from './rules';
import * as repo from './warnings.dashboard.repo';
import { listWarnings } from './warnings.repo';

const TREND_WEEKS = 12;
const MAP_PROJECTS = 2_000;

/** Monday of the week of `date` (Asia/Shanghai civil dates). */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

async function regionFor(ctx: Ctx, regionCode?: string) {
  const code = regionCode ?? (ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionCode : undefined);
  if (!code) throw new AppError('BUSINESS_RULE', { detail: { zh: '请指定区划', en: 'Choose a region' } });
  const region = await findRegion(ctx.db, code);
  if (!region || !regionInScope(ctx.actor, region.path)) throw notFound();
  return region;
}

/** 挂图作战: everything the battle map shows for a region, as of now. */
export async function battleMap(ctx: Ctx, query: { regionCode?: string }) {
  const region = await regionFor(ctx, query.regionCode);
  const today = shanghaiDate(ctx.clock.now());
  const monday = mondayOf(today);
  const weekStart = new Date(`${monday}T00:00:00+08:00`);
  const db = ctx.db;
  const counts = await repo.counts(db, ctx.actor, region.path, today, weekStart);
  const byRule = await repo.byRule(db, ctx.actor, region.path);
  const byRegion = await repo.byChildRegion(db, ctx.actor, region.code, region.path, today);
  const trend = await repo.trend(db, ctx.actor, region.path, addDays(monday, -7 * (TREND_WEEKS - 1)));
  const overdue = await listWarnings(db, ctx.actor, today, { regionPath: region.path, status: 'overdue' }, { limit: 10, offset: 0 }, 'due');
  // The map shows the riskiest projects first; a province's tens of thousands would not read as a map.
  const projects = await repo.scoredProjects(db, ctx.actor, region.path, MAP_PROJECTS);
  const enterprises = await repo.topEnterprises(db, ctx.actor, region.path, 10);
  // Every week of the window, zeros included, so the line does not skip quiet weeks.
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(monday, -7 * (TREND_WEEKS - 1 - i)));
  const byWeek = new Map(trend.map((t) => [t.week, t]));
  return {
    region,
    asOf: ctx.clock.now(),
    counts,
    byRule: byRule.map((r) => ({ ...r, ruleName: ruleOf(r.rule_code)?.name ?? { zh: r.rule_code, en: r.rule_code } })),
    byRegion,
    trend: weeks.map((week) => byWeek.get(week) ?? { week, raised: 0, closed: 0, resolved: 0 }),
    overdue: overdue.rows,
    projects,
    enterprises,
  };
}

export async function riskScore(ctx: Ctx, kind: 'project' | 'enterprise', id: string) {
  const row = await repo.riskScoreOf(ctx.db, ctx.actor, kind, id);
  if (!row) throw notFound();
  return row;
}
