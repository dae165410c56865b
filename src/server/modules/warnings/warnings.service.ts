import { v7 as uuidv7 } from 'uuid';
import { can } from '../../platform/access/actor';
import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import { audit, type Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { readStoredFile, storeFile } from '../../platform/files/files';
import { getParamDef } from '../../platform/params/params.registry';
import { getParamValue } from '../params';
import { findRegion } from '../regions';
import { RULES, ruleOf } from './rules';
import { notifyOverdue } from './warnings.notify';
import { allowedActions, type WarningActionName } from './warnings.policy';
import * as repo from './warnings.repo';
import { proposedConsequences, transition, type WarningStatus } from './warnings.rules';
import { runScan, scanInputs } from './warnings.scan';

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

const rule = (code: string) => {
  const r = ruleOf(code);
  if (!r) throw new Error(`warning of unknown rule ${code}`);
  return r;
};

export async function listWarnings(ctx: Ctx, query: repo.WarningFilter & { regionCode?: string; page?: number; pageSize?: number }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  let regionPath: string | undefined;
  if (query.regionCode) {
    const region = await findRegion(ctx.db, query.regionCode);
    if (!region || !regionInScope(ctx.actor, region.path)) throw notFound();
    regionPath = region.path;
  }
  const { rows, total } = await repo.listWarnings(ctx.db, ctx.actor, today(ctx), { ...query, regionPath }, { limit: pageSize, offset: (page - 1) * pageSize });
  return { rows, total, page, pageSize };
}

async function load(ctx: Ctx, id: string): Promise<repo.WarningRow> {
  const w = await repo.findWarning(ctx.db, ctx.actor, today(ctx), id);
  if (!w) throw notFound();
  return w;
}

/** A warning with its history, proposals, units and what the caller may do with it. */
export async function getWarning(ctx: Ctx, id: string) {
  const w = await load(ctx, id);
  const [events, proposals, units] = [await repo.eventsOf(ctx.db, id), await repo.proposalsOf(ctx.db, id), await repo.unitNames(ctx.db, w.assist_unit_ids)];
  const disposedBy = [...events].reverse().find((e) => e.kind === 'disposal_recorded')?.actor_name ?? null;
  const actions = allowedActions(ctx.actor, {
    status: w.status,
    handlingUnitPath: w.handling_unit_path,
    disposedBy: w.status === 'disposed' ? disposedBy : null,
    hasPendingProposals: proposals.some((p) => p.status === 'pending'),
  });
  return { warning: w, rule: rule(w.rule_code), events, proposals, assistUnits: units, actions };
}

async function requireAction(ctx: Ctx, id: string, action: WarningActionName) {
  const detail = await getWarning(ctx, id);
  if (!detail.actions.includes(action)) {
    throw new AppError('BUSINESS_RULE', {
      detail: { zh: '该预警当前状态下您不能执行此操作', en: 'You cannot do this to the warning in its present state' },
    });
  }
  return detail.warning;
}

async function move(
  ctx: Ctx,
  w: repo.WarningRow,
  action: 'acknowledge' | 'dispose' | 'verify' | 'reject',
  event: { kind: string; note?: string | null; fileIds?: string[] },
) {
  const to = transition(action, w.status) as WarningStatus;
  await ctx.db.tx(async (tx) => {
    const moved = await repo.changeStatus(
      tx,
      { id: w.id, from: w.status, to, rowVersion: w.row_version, now: ctx.clock.now(), actorName: ctx.actor.name },
      { acknowledged: action === 'acknowledge' || (action === 'dispose' && !w.acknowledged_at), disposed: action === 'dispose', closed: action === 'verify' },
    );
    if (!moved) throw new AppError('VERSION_CONFLICT');
    await repo.insertEvent(tx, { id: uuidv7(), warningId: w.id, at: ctx.clock.now(), kind: event.kind, actorName: ctx.actor.name, fromStatus: w.status, toStatus: to, note: event.note, fileIds: event.fileIds });
    await audit(tx, ctx, { action: `warning.${action}`, objectType: 'warning', objectId: w.id, before: { status: w.status }, after: { status: to }, reason: event.note ?? null, regionPath: w.region_path });
  });
  return getWarning(ctx, w.id);
}

async function checkFiles(ctx: Ctx, warningId: string, fileIds: string[] | undefined) {
  if (!fileIds?.length) return [];
  const attached = await repo.attachedFileIds(ctx.db, warningId);
  const missing = fileIds.filter((f) => !attached.has(f));
  if (missing.length > 0) {
    throw new AppError('BUSINESS_RULE', { detail: { zh: '附件须先上传到该预警', en: 'Upload the attachments to this warning first' } });
  }
  return [...new Set(fileIds)];
}

/** 签收: the responsible unit takes the warning. */
export async function acknowledgeWarning(ctx: Ctx, id: string, input: { note?: string }) {
  const w = await requireAction(ctx, id, 'acknowledge');
  return move(ctx, w, 'acknowledge', { kind: 'acknowledged', note: input.note ?? null });
}

/** 处置: the measures taken (site visit, order issued, wages paid …) with attachments; awaits verification. */
export async function recordDisposal(ctx: Ctx, id: string, input: { measures: string; fileIds?: string[] }) {
  const w = await requireAction(ctx, id, 'dispose');
  const fileIds = await checkFiles(ctx, id, input.fileIds);
  return move(ctx, w, 'dispose', { kind: 'disposal_recorded', note: input.measures, fileIds });
}

/** 整改销号: a different official verifies the disposal and closes the warning. */
export async function verifyWarning(ctx: Ctx, id: string, input: { note: string }) {
  const w = await requireAction(ctx, id, 'verify');
  return move(ctx, w, 'verify', { kind: 'verified', note: input.note });
}

/** 核验不通过: back to the unit, still acknowledged. */
export async function rejectDisposal(ctx: Ctx, id: string, input: { note: string }) {
  const w = await requireAction(ctx, id, 'reject');
  return move(ctx, w, 'reject', { kind: 'disposal_rejected', note: input.note });
}

/** 整改反馈: the company reports what it did; the status stays for the officials to judge. */
export async function respondToWarning(ctx: Ctx, id: string, input: { measures: string; fileIds?: string[] }) {
  const w = await requireAction(ctx, id, 'respond');
  const fileIds = await checkFiles(ctx, id, input.fileIds);
  await ctx.db.tx(async (tx) => {
    await repo.insertEvent(tx, { id: uuidv7(), warningId: w.id, at: ctx.clock.now(), kind: 'response_recorded', actorName: ctx.actor.name, note: input.measures, fileIds });
    await audit(tx, ctx, { action: 'warning.respond', objectType: 'warning', objectId: w.id, reason: input.measures, regionPath: w.region_path });
  });
  return getWarning(ctx, id);
}

/** 分派/改派 to a unit in the official's region. */
export async function dispatchWarning(ctx: Ctx, id: string, input: { unitId: string; note?: string }) {
  const w = await requireAction(ctx, id, 'dispatch');
  const [unit] = await repo.unitNames(ctx.db, [input.unitId]);
  if (!unit || !regionInScope(ctx.actor, unit.region_path)) throw new AppError('BUSINESS_RULE', { fields: [{ field: 'unitId', message: { zh: '请选择本辖区的单位', en: 'Choose a unit of your region' } }] });
  const to: WarningStatus = w.status === 'generated' ? 'dispatched' : w.status;
  await ctx.db.tx(async (tx) => {
    const moved = await repo.changeStatus(tx, { id: w.id, from: w.status, to, rowVersion: w.row_version, now: ctx.clock.now(), actorName: ctx.actor.name }, { handlingUnitId: unit.id });
    if (!moved) throw new AppError('VERSION_CONFLICT');
    await repo.insertEvent(tx, { id: uuidv7(), warningId: w.id, at: ctx.clock.now(), kind: 'dispatched', actorName: ctx.actor.name, fromStatus: w.status, toStatus: to, note: input.note ?? null, data: { unitId: unit.id, unitName: unit.name } });
    await audit(tx, ctx, { action: 'warning.dispatch', objectType: 'warning', objectId: w.id, before: { handlingUnitId: w.handling_unit_id }, after: { handlingUnitId: unit.id }, regionPath: w.region_path });
  });
  return getWarning(ctx, id);
}

/** An official's decision on a proposed consequence. */
export async function decideProposal(ctx: Ctx, id: string, proposalId: string, input: { decision: 'accepted' | 'declined'; note: string }) {
  const w = await requireAction(ctx, id, 'decide');
  const proposal = await repo.findProposal(ctx.db, id, proposalId);
  if (!proposal) throw notFound();
  await ctx.db.tx(async (tx) => {
    if (!(await repo.decideProposal(tx, { id: proposalId, status: input.decision, by: ctx.actor.name, at: ctx.clock.now(), note: input.note }))) throw new AppError('VERSION_CONFLICT');
    await repo.insertEvent(tx, { id: uuidv7(), warningId: w.id, at: ctx.clock.now(), kind: 'proposal_decided', actorName: ctx.actor.name, note: input.note, data: { consequence: proposal.consequence, decision: input.decision } });
    await audit(tx, ctx, { action: 'warning.proposal.decide', objectType: 'warning', objectId: w.id, after: { consequence: proposal.consequence, decision: input.decision }, reason: input.note, regionPath: w.region_path });
  });
  return getWarning(ctx, id);
}

/** An attachment for a disposal or a response, kept with the warning (the upload is read after the scope check). */
export async function attachFile(ctx: Ctx, id: string, read: () => Promise<{ name: string; content: Buffer }>) {
  const w = await load(ctx, id);
  if (!can(ctx.actor, 'warnings.handle') && !can(ctx.actor, 'warnings.respond')) throw new AppError('FORBIDDEN');
  // Read the upload only once the warning is known to be the caller's.
  const file = await read();
  return ctx.db.tx(async (tx) => {
    const stored = await storeFile(ctx, tx, file, ['application/pdf', 'image/jpeg', 'image/png']);
    await repo.insertEvent(tx, { id: uuidv7(), warningId: w.id, at: ctx.clock.now(), kind: 'file_attached', actorName: ctx.actor.name, fileIds: [stored.id] });
    await audit(tx, ctx, { action: 'warning.file.attach', objectType: 'warning', objectId: w.id, after: { fileId: stored.id, name: stored.name }, regionPath: w.region_path });
    return { id: stored.id, name: stored.name };
  });
}

export async function readAttachment(ctx: Ctx, id: string, fileId: string) {
  await load(ctx, id);
  const attached = await repo.attachedFileIds(ctx.db, id);
  if (!attached.has(fileId)) throw notFound();
  const file = await readStoredFile(ctx, ctx.db, fileId);
  if (!file) throw notFound();
  return file;
}

/** Per rule and level, what the ladder's last step proposes. */
const CONSEQUENCES = Object.fromEntries(
  RULES.map((r) => [r.code, Object.fromEntries(r.levels.map((l) => [l, proposedConsequences(l, r.consequences)]))]),
);

/**
 * The daily ladder: overdue warnings escalate one level up, long-open ones are reminded, and
 * consequences are proposed for those still undisposed; the units concerned are told.
 */
export async function advanceEscalationLadder(ctx: Ctx) {
  const inputs = await scanInputs(ctx, []);
  const result = await ctx.db.tx((tx) =>
    repo.advanceLadder(tx, {
      params: inputs.params,
      today: inputs.today,
      now: ctx.clock.now(),
      actorName: ctx.actor.name,
      dueDates: inputs.dueDates,
      workingDaysAgo: inputs.calendar.workingDaysAgo,
      consequences: CONSEQUENCES,
    }),
  );
  if (result.escalated.length > 0) await notifyOverdue(ctx, result.escalated);
  return result;
}

/** The catalogue with each parameter's value for a region (the caller's by default) today. */
export async function listRuleCatalogue(ctx: Ctx, query: { regionCode?: string }) {
  if (query.regionCode) {
    const r = await findRegion(ctx.db, query.regionCode);
    if (!r || !regionInScope(ctx.actor, r.path)) throw notFound();
  }
  const region = query.regionCode ?? (ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionCode : null);
  const onDate = today(ctx);
  const items = [];
  for (const r of RULES) {
    const params = [];
    for (const id of r.params) {
      const def = getParamDef(id)!;
      params.push({ id, name: def.name, unit: def.unit ?? null, value: region ? await getParamValue(ctx.db, id, region, onDate) : def.default });
    }
    items.push({ code: r.code, name: r.name, watches: r.watches, subject: r.subject, levels: [...r.levels], source: r.source, ruleRef: r.ruleRef, consequences: [...r.consequences], params });
  }
  return items;
}

/**
 * 立即扫描 by an official: every rule over the projects of their region subtree (the nightly scan
 * covers everything). The ladder runs after it, as at night.
 */
export async function scanMyRegion(ctx: Ctx) {
  if (ctx.actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
  const projectIds = await repo.projectIdsUnder(ctx.db, ctx.actor.scope.regionPath);
  const result = await runScan(ctx, { projectIds });
  await advanceEscalationLadder(ctx);
  return result;
}


/**
 * A warning turned into a case (by the cases module): the case kept on the warning and the move on
 * its timeline. Once only: a second conversion finds the case already linked.
 */
export async function linkWarningToCase(ctx: Ctx, warningId: string, c: { id: string; caseNo: string }) {
  await ctx.db.tx(async (tx) => {
    if (!(await repo.setCaseRef(tx, warningId, c.id))) return;
    await repo.insertEvent(tx, { id: uuidv7(), warningId, at: ctx.clock.now(), kind: 'converted_to_case', actorName: ctx.actor.name, data: { caseId: c.id, caseNo: c.caseNo } });
  });
}
