import type { DbOrTx } from '../../db/client';
import { can } from '../../platform/access/actor';
import { addDays, isWorkingDay, monthStartAfter, shanghaiDate, workingDaysBetween } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type Bilingual, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { normalizeIdNumber, validateIdNumber } from '../../platform/validators';
import { getParamValue } from '../params';
import { actsForGeneralContractor, findProjectForScope, projectScope } from '../projects';
import { regionFilterPath } from '../regions';
import { markChanged } from '../warnings';
import { getWorker } from '../workforce';
import './attendance.params';
import * as repo from './attendance.repo';
import { eventIdAad } from './attendance.repo';
import { checkEventTime, monthOf, parseEventTime, rate, workDateOf } from './attendance.rules';

export interface DeviceEvent {
  eventId: string;
  idNumber: string;
  time: string;
  direction: 'in' | 'out';
  method: string;
}

export interface BatchResult {
  received: number;
  accepted: number;
  duplicates: number;
  unknownWorkers: number;
  notOnRoster: number;
  keyStaff: number;
  rejected: { index: number; eventId: string; reason: Bilingual }[];
}

/**
 * A site device's batch. The key is bound to one project; a batch naming another project is refused
 * whole. Each event is idempotent by the device's event id, and events of people not on the
 * roster are kept and counted, never dropped.
 */
export async function ingestBatch(ctx: Ctx, input: { projectCode: string; deviceCode?: string | null; events: DeviceEvent[] }): Promise<BatchResult> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'project' || ctx.actor.id === null) throw new AppError('FORBIDDEN');
  const project = await findProjectForScope(ctx.db, ctx.actor, scope.projectId);
  if (!project || project.code !== input.projectCode) {
    throw new AppError('FORBIDDEN', { detail: { zh: '该设备密钥未绑定此项目', en: 'This device key is not bound to that project' } });
  }
  return ingestEvents(ctx, project, { source: 'device', sourceId: ctx.actor.id, deviceCode: input.deviceCode ?? null }, input.events);
}

/** Events written per statement: a device batch is one; a spreadsheet import is several, in one transaction. */
const WRITE_CHUNK = 2000;

/**
 * The one way events enter the system, whatever their source (device, national-standard site
 * system, spreadsheet import). `sourceId` scopes the event ids: a device key's id, or the project's
 * own id for imports so a re-imported sheet is recognised whoever uploads it.
 */
export async function ingestEvents(
  ctx: Ctx,
  project: { id: string; regionCode: string },
  source: { source: 'device' | 'import' | 'manual'; sourceId: string; deviceCode: string | null },
  events: DeviceEvent[],
): Promise<BatchResult> {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const [retentionYears, allowedMethods] = await Promise.all([
    getParamValue<number>(ctx.db, 'RN-04.attendanceRetentionYears', project.regionCode, today),
    getParamValue<string[]>(ctx.db, 'RN-03.attendanceMethods', project.regionCode, today),
  ]);
  const rejected: BatchResult['rejected'] = [];
  const accepted: (repo.EventWrite & { idNumber: string })[] = [];
  const seen = new Set<string>();
  const ids = newIds(events.length);
  events.forEach((e, index) => {
    const at = parseEventTime(e.time);
    const idNumber = normalizeIdNumber(e.idNumber);
    const idCheck = validateIdNumber(idNumber, now);
    const reason: Bilingual | null = !at
      ? { zh: '考勤时间格式不正确', en: 'Unreadable time' }
      : !idCheck.ok
        ? idCheck.reason
        : seen.has(e.eventId)
          ? { zh: '同一批次内事件编号重复', en: 'Event id repeated within the batch' }
          : checkEventTime(at, now, retentionYears);
    if (reason) {
      rejected.push({ index, eventId: e.eventId, reason });
      return;
    }
    seen.add(e.eventId);
    accepted.push({
      id: ids[index],
      workDate: workDateOf(at!),
      occurredAt: at!,
      direction: e.direction,
      method: e.method,
      sourceEventId: e.eventId,
      idBidx: ctx.cipher.blindIndex('id_number', idNumber),
      idEnc: null,
      idNumber,
    });
  });
  if (accepted.length > 0) {
    await repo.ensureAttendancePartitions(ctx.db, accepted.map((e) => monthOf(e.workDate)));
    // Only people not in the registry keep their ID number on the event (encrypted), to be matched later.
    const known = await repo.registeredBidx(ctx.db, [...new Set(accepted.map((e) => e.idBidx))]);
    for (const e of accepted) if (!known.has(e.idBidx)) e.idEnc = ctx.cipher.encrypt(e.idNumber, eventIdAad(e.id));
  }
  const batch = { projectId: project.id, ...source, allowedMethods, receivedAt: now };
  const counts: repo.IngestCounts = { inserted: 0, byStatus: {} };
  const write = async (db: DbOrTx) => {
    for (let i = 0; i < accepted.length; i += WRITE_CHUNK) {
      const c = await repo.insertEvents(db, batch, accepted.slice(i, i + WRITE_CHUNK));
      counts.inserted += c.inserted;
      for (const [status, n] of Object.entries(c.byStatus)) counts.byStatus[status] = (counts.byStatus[status] ?? 0) + n;
    }
  };
  if (accepted.length > WRITE_CHUNK) await ctx.db.tx(write);
  else if (accepted.length > 0) await write(ctx.db);
  // The warning rules watching attendance re-evaluate this project (one mark per batch).
  if (counts.inserted > 0) await markChanged(ctx.db, [project.id], 'attendance');
  return {
    received: events.length,
    accepted: counts.inserted,
    duplicates: accepted.length - counts.inserted,
    unknownWorkers: counts.byStatus.unknown_worker ?? 0,
    notOnRoster: counts.byStatus.not_on_roster ?? 0,
    keyStaff: counts.byStatus.key_staff ?? 0,
    rejected,
  };
}

async function visibleProject(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return project;
}

export async function projectDay(ctx: Ctx, projectId: string, date: string) {
  await visibleProject(ctx, projectId);
  const [roster, exceptions] = await Promise.all([repo.rosterDay(ctx.db, projectId, date), repo.exceptionsOfDay(ctx.db, projectId, date)]);
  return { roster, exceptions };
}

export async function workerMonth(ctx: Ctx, workerId: string, month: string) {
  const { employments } = await getWorker(ctx, workerId);
  const from = `${month}-01`;
  const to = monthStartAfter(from, 1);
  // Only the projects through which the caller sees this worker.
  const projectIds = [...new Set(employments.map((e) => e.project_id))];
  return repo.workerMonth(ctx.db, workerId, from, to, ctx.actor.scope.kind === 'worker' ? null : projectIds);
}

/** Attendance is kept by the general contractor (its 劳资专管员) or by officials over the project. */
export async function writableProject(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, projectId);
  if (!can(ctx.actor, 'attendance.write') || !actsForGeneralContractor(ctx.actor, project.generalContractorId)) throw new AppError('FORBIDDEN');
  return project;
}

export async function correctDay(ctx: Ctx, projectId: string, input: { workerId: string; date: string; present: boolean; minutes?: number | null; reason: string }) {
  const project = await writableProject(ctx, projectId);
  if (input.date > shanghaiDate(ctx.clock.now())) throw invalidFields([{ field: 'date', message: { zh: '不能更正未来日期', en: 'Cannot correct a future day' } }]);
  const onRoster = (await repo.rosterDay(ctx.db, projectId, input.date)).some((r) => r.worker_id === input.workerId);
  if (!onRoster) throw invalidFields([{ field: 'workerId', message: { zh: '该人员当日不在本项目花名册', en: 'Not on this roster that day' } }]);
  // Partitions are made in their own transaction, before this one: on the embedded engine's single
  // connection a transaction opened inside another waits for it forever.
  await repo.ensureAttendancePartitions(ctx.db, [monthOf(input.date)]);
  await ctx.db.tx(async (tx) => {
    await repo.upsertCorrection(tx, { projectId, workerId: input.workerId, date: input.date, present: input.present, minutes: input.minutes ?? null, reason: input.reason, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: 'attendance.correct', objectType: 'attendance_daily', objectId: input.workerId, reason: input.reason, after: { projectId, ...input }, regionPath: project.regionPath });
  });
}

/** Key-staff presence as rates of the period's working days: a Saturday on site is presence, but not a day the rate owes. */
function keyStaffRates(s: repo.StatsRow, workingDays: number) {
  const pmDays = s.pm_dates.filter(isWorkingDay).length;
  const csDays = s.cs_dates.filter(isWorkingDay).length;
  return {
    projectManagerDays: pmDays,
    projectManagerRate: rate(pmDays, workingDays),
    chiefSupervisorDays: csDays,
    chiefSupervisorRate: rate(csDays, workingDays),
  };
}

/** On-site rates of the project manager and chief supervisor, and the 实名制更新率, for a period. */
export async function projectStats(ctx: Ctx, projectId: string, from: string, to: string) {
  checkPeriod(from, to);
  const project = await visibleProject(ctx, projectId);
  const [row] = await repo.projectStats(ctx.db, [project.id], from, to);
  const workingDays = workingDaysBetween(addDays(from, -1), to);
  const s = row ?? { pm_dates: [], cs_dates: [], on_site: 0, registered: 0, violations: 0 };
  return {
    from,
    to,
    workingDays,
    ...keyStaffRates(s, workingDays),
    onSite: s.on_site,
    registered: s.registered,
    realNameRate: rate(s.registered, s.on_site),
    gateViolations: s.violations,
  };
}

/**
 * The 实名制更新率 of a region (the caller's scope, narrowed to a sub-region): per project under
 * construction or with attendance in the period, and in total, with the key-staff on-site rates.
 * The total adds projects up: a person on two sites counts on each, as each roster owes them.
 */
export async function regionRealNameRates(ctx: Ctx, query: { regionCode?: string; from: string; to: string }) {
  checkPeriod(query.from, query.to);
  const regionPath = (await regionFilterPath(ctx.db, query.regionCode)) ?? null;
  const rows = await repo.regionStats(ctx.db, (params) => projectScope(ctx.actor, params), regionPath, query.from, query.to);
  const workingDays = workingDaysBetween(addDays(query.from, -1), query.to);
  const total = rows.reduce((t, r) => ({ onSite: t.onSite + r.on_site, registered: t.registered + r.registered, gateViolations: t.gateViolations + r.violations }), {
    onSite: 0,
    registered: 0,
    gateViolations: 0,
  });
  return {
    from: query.from,
    to: query.to,
    workingDays,
    total: { projects: rows.length, ...total, realNameRate: rate(total.registered, total.onSite) },
    projects: rows.map((r) => ({
      projectId: r.project_id,
      code: r.code,
      name: r.name,
      regionCode: r.region_code,
      regionName: r.region_name,
      status: r.status,
      ...keyStaffRates(r, workingDays),
      onSite: r.on_site,
      registered: r.registered,
      realNameRate: rate(r.registered, r.on_site),
      gateViolations: r.violations,
    })),
  };
}

const MAX_PERIOD_DAYS = 366;

function checkPeriod(from: string, to: string) {
  if (to < from) throw invalidFields([{ field: 'to', message: { zh: '截止日期不能早于开始日期', en: 'The period ends before it starts' } }]);
  if (addDays(from, MAX_PERIOD_DAYS) <= to) throw invalidFields([{ field: 'to', message: { zh: '统计期间不能超过一年', en: 'The period cannot exceed one year' } }]);
}
