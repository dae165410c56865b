import { can } from '../../platform/access/actor';
import { addDays, isWorkingDay, shanghaiDate, workingDaysBetween } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type Bilingual, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { normalizeIdNumber, validateIdNumber } from '../../platform/validators';
import { getParamValue } from '../params';
import { findProjectForScope } from '../projects';
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
  return ingest(ctx, project, { source: 'device', sourceId: ctx.actor.id, deviceCode: input.deviceCode ?? null }, input.events);
}

async function ingest(
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
  const counts = accepted.length
    ? await repo.insertEvents(ctx.db, { projectId: project.id, ...source, allowedMethods, receivedAt: now }, accepted)
    : { inserted: 0, byStatus: {} as Record<string, number> };
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
  const [y, m] = month.split('-').map(Number);
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  // Only the projects through which the caller sees this worker.
  const projectIds = [...new Set(employments.map((e) => e.project_id))];
  return repo.workerMonth(ctx.db, workerId, from, to, ctx.actor.scope.kind === 'worker' ? null : projectIds);
}

export async function correctDay(ctx: Ctx, projectId: string, input: { workerId: string; date: string; present: boolean; minutes?: number | null; reason: string }) {
  const project = await visibleProject(ctx, projectId);
  if (!can(ctx.actor, 'attendance.write')) throw new AppError('FORBIDDEN');
  if (ctx.actor.scope.kind === 'enterprise' && ctx.actor.scope.enterpriseId !== project.generalContractorId) throw new AppError('FORBIDDEN');
  if (input.date > shanghaiDate(ctx.clock.now())) throw invalidFields([{ field: 'date', message: { zh: '不能更正未来日期', en: 'Cannot correct a future day' } }]);
  const onRoster = (await repo.rosterDay(ctx.db, projectId, input.date)).some((r) => r.worker_id === input.workerId);
  if (!onRoster) throw invalidFields([{ field: 'workerId', message: { zh: '该人员当日不在本项目花名册', en: 'Not on this roster that day' } }]);
  await ctx.db.tx(async (tx) => {
    await repo.ensureAttendancePartitions(ctx.db, [monthOf(input.date)]);
    await repo.upsertCorrection(tx, { projectId, workerId: input.workerId, date: input.date, present: input.present, minutes: input.minutes ?? null, reason: input.reason, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: 'attendance.correct', objectType: 'attendance_daily', objectId: input.workerId, reason: input.reason, after: { projectId, ...input }, regionPath: project.regionPath });
  });
}

/** On-site rates of the project manager and chief supervisor, and the 实名制更新率, for a period. */
export async function projectStats(ctx: Ctx, projectId: string, from: string, to: string) {
  const project = await visibleProject(ctx, projectId);
  const [row] = await repo.projectStats(ctx.db, [project.id], from, to);
  const workingDays = workingDaysBetween(addDays(from, -1), to);
  const s = row ?? { pm_dates: [], cs_dates: [], on_site: 0, registered: 0, violations: 0 };
  // The rate is of working days: a Saturday on site is presence, but not a day the rate owes.
  const pmDays = s.pm_dates.filter(isWorkingDay).length;
  const csDays = s.cs_dates.filter(isWorkingDay).length;
  return {
    from,
    to,
    workingDays,
    projectManagerDays: pmDays,
    projectManagerRate: rate(pmDays, workingDays),
    chiefSupervisorDays: csDays,
    chiefSupervisorRate: rate(csDays, workingDays),
    onSite: s.on_site,
    registered: s.registered,
    realNameRate: rate(s.registered, s.on_site),
    gateViolations: s.violations,
  };
}
