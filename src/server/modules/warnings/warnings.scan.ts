import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { CalendarRangeError, deadlineAfterWorkingDays, nextSpringFestival, shanghaiDate, workingDaysBefore } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import type { DbOrTx } from '../../db/client';
import { getParamDef } from '../../platform/params/params.registry';
import { paramSnapshot, type ParamSnapshot } from '../params';
import type { Fact, WarningRule } from './warnings.catalogue';
import { RULES } from './rules';
import { ROUTING_PARAM_IDS } from './warnings.params';
import * as scanRepo from './warnings.scan.repo';
import { recomputeRiskScores } from './warnings.risk';
import { notifyRaisedRed } from './warnings.notify';

const LEVEL_DEADLINES = ['WRN.deadlineWD.yellow', 'WRN.deadlineWD.orange', 'WRN.deadlineWD.red'];
const ENGINE_PARAMS = [...LEVEL_DEADLINES, 'WRN.reraiseAfterCloseDays', 'WRN.ladder.reminderWD', 'WRN.ladder.consequenceWD', ...ROUTING_PARAM_IDS];

export interface ScanInput {
  /** The rules to run (default: the whole catalogue). */
  rules?: readonly WarningRule[];
  /** Only these projects (incremental evaluation); all when absent. */
  projectIds?: string[];
}

export interface ScanResult {
  id: string;
  kind: 'full' | 'incremental';
  raised: number;
  updated: number;
  resolved: number;
  /** Per rule; `ms` is the time of the rule's statement, which an incremental evaluation's rules share. */
  rules: { code: string; raised: number; updated: number; resolved: number; ms: number }[];
}

const valuesOf = (snapshot: ParamSnapshot, id: string): number[] => [snapshot[id].default, ...snapshot[id].overrides.map((o) => o.value)].map(Number);

const onCalendar = (f: () => string): string | null => {
  try {
    return f();
  } catch (e) {
    // Beyond the holiday notices a deadline is left open rather than guessed.
    if (e instanceof CalendarRangeError) return null;
    throw e;
  }
};

/** What the rules' SQL needs besides the data: parameters, the days their durations count back to, deadlines, 春节. */
export async function scanInputs(ctx: Ctx, rules: readonly WarningRule[]) {
  const today = shanghaiDate(ctx.clock.now());
  const ids = [...new Set([...ENGINE_PARAMS, ...rules.flatMap((r) => r.params)])];
  const params = await paramSnapshot(ctx.db, ids, today);
  const workingDaysAgo: Record<string, string | null> = {};
  for (const id of ids) {
    if (getParamDef(id)?.type !== 'duration_wd') continue;
    for (const n of valuesOf(params, id)) workingDaysAgo[n] ??= onCalendar(() => workingDaysBefore(today, n));
  }
  const dueDates: Record<string, string | null> = {};
  for (const id of LEVEL_DEADLINES) for (const n of valuesOf(params, id)) dueDates[n] ??= onCalendar(() => deadlineAfterWorkingDays(today, n));
  const calendar = { springFestival: nextSpringFestival(today), workingDaysAgo };
  return { today, params, calendar, dueDates };
}

/**
 * Runs rules over all projects (a full scan: a statement and a transaction per rule) or some (an
 * incremental evaluation: one statement for all its rules), recomputes the risk scores of what was
 * evaluated and tells the responsible users of new red warnings. Recorded in warning_scans with
 * each rule's counts and time.
 */
export async function runScan(ctx: Ctx, input: ScanInput = {}): Promise<ScanResult> {
  const rules = input.rules ?? RULES;
  const projectIds = input.projectIds ?? null;
  const kind = projectIds ? 'incremental' : 'full';
  const inputs = await scanInputs(ctx, rules);
  const id = uuidv7();
  const startedAt = ctx.clock.now();
  // A full scan is on record while it runs; an incremental one, done in milliseconds, when done.
  if (!projectIds) await scanRepo.insertScan(ctx.db, { id, kind, startedAt, requestedBy: ctx.actor.name });
  const result: ScanResult = { id, kind, raised: 0, updated: 0, resolved: 0, rules: [] };
  const red: string[] = [];
  const args = { ...inputs, projectIds, now: ctx.clock.now(), actorName: ctx.actor.name };
  const tally = (counts: Map<string, scanRepo.RuleRunCounts>, ms: number) => {
    for (const [code, c] of counts) {
      result.rules.push({ code, raised: c.raised, updated: c.updated, resolved: c.resolved, ms });
      result.raised += c.raised;
      result.updated += c.updated;
      result.resolved += c.resolved;
      red.push(...c.red_ids);
    }
  };
  if (projectIds) {
    // A few projects: every rule in one prepared statement and the risk scores in the same
    // transaction, so the evaluation costs a handful of round trips and no planning.
    await ctx.db.tx(async (tx) => {
      await scanRepo.lockScans(tx);
      const t0 = performance.now();
      tally(await scanRepo.runRules(tx, rules, args), Math.round(performance.now() - t0));
      await recomputeRiskScores(tx, args.now, projectIds);
    });
  } else {
    // Everything: a transaction per rule, so no scan holds its locks for the whole night's work.
    for (const rule of rules) {
      const t0 = performance.now();
      const counts = await ctx.db.tx(async (tx) => {
        await scanRepo.lockScans(tx);
        return scanRepo.runRules(tx, [rule], args);
      });
      tally(counts, Math.round(performance.now() - t0));
    }
    await ctx.db.tx(async (tx) => {
      await scanRepo.lockScans(tx);
      await recomputeRiskScores(tx, args.now, null);
    });
  }
  if (red.length > 0) await notifyRaisedRed(ctx, red);
  await scanRepo.finishScan(ctx.db, { ...result, startedAt, requestedBy: ctx.actor.name, finishedAt: ctx.clock.now(), projectCount: projectIds?.length ?? null });
  return result;
}

/** The rules a change of these facts can affect. */
export const rulesWatching = (facts: readonly string[]): WarningRule[] => RULES.filter((r) => r.facts.some((f) => facts.includes(f)));

/**
 * Drains the outbox of changed facts: each marked project is evaluated by the rules watching
 * what changed. A batch of marks is taken (deleted) before its rules run, so a crash in between
 * leaves those projects to the nightly full scan rather than evaluating them twice.
 */
export async function evaluateChanged(ctx: Ctx, batch = 500): Promise<ScanResult[]> {
  const results: ScanResult[] = [];
  for (;;) {
    const marks = await scanRepo.takeDirtyProjects(ctx.db, batch);
    if (marks.length === 0) return results;
    // Group projects by the set of facts that changed, so each rule runs once per group.
    const groups = new Map<string, { facts: string[]; projectIds: string[] }>();
    for (const m of marks) {
      const key = [...m.facts].sort().join(',');
      const g = groups.get(key) ?? { facts: m.facts, projectIds: [] };
      g.projectIds.push(m.project_id);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const rules = rulesWatching(g.facts);
      if (rules.length > 0) results.push(await runScan(ctx, { rules, projectIds: g.projectIds }));
    }
  }
}

/** Marks projects changed by something no trigger sees (an attendance batch, a shared signal). */
export const markChanged = (db: DbOrTx, projectIds: string[], fact: Fact) => scanRepo.markDirty(db, projectIds, fact);
