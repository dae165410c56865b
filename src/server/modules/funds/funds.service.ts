import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { findEnterpriseForScope } from '../orgs';
import { getParamValue } from '../params';
import { findProjectForScope } from '../projects';
import { findRegion } from '../regions';
import { getWorker } from '../workforce';
import * as repo from './funds.repo';
import { type FundLevel, type MovementKind, checkAdvance, fundLevel, outstandingFen, reconcile, sizeCheck } from './funds.rules';
import './funds.params';
import { fenToYuanText } from '../../platform/money';

/**
 * 应急周转金 (EMF-01, EMF-02, Reg. Art. 63): a fund per city or county, its movements, advances to
 * listed workers on a government decision once the deposit proved insufficient, and recovery from
 * the liable employer. The balance is always the sum of the movements.
 */

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

async function visibleFund(ctx: Ctx, id: string) {
  const f = await repo.findFundInScope(ctx.db, ctx.actor, id);
  if (!f) throw notFound();
  return f;
}

const minimumOf = (ctx: Ctx, level: FundLevel, regionCode: string, on: string) => getParamValue<number>(ctx.db, level === 'city' ? 'EMF-02.cityMinFen' : 'EMF-02.countyMinFen', regionCode, on);

export async function listFunds(ctx: Ctx) {
  const rows = await repo.listFunds(ctx.db, ctx.actor);
  const on = today(ctx);
  return Promise.all(
    rows.map(async (f) => {
      const level = fundLevel(f.region_level) ?? 'county';
      return { row: f, level, size: sizeCheck(Number(f.balance_fen), await minimumOf(ctx, level, f.region_code, on)) };
    }),
  );
}

export async function createFund(ctx: Ctx, input: { regionCode: string; name: string }) {
  const region = await findRegion(ctx.db, input.regionCode);
  if (!region || !regionInScope(ctx.actor, region.path)) throw invalidFields([{ field: 'regionCode', message: { zh: '区划不存在或不在您的管辖范围内', en: 'No such region in your jurisdiction' } }]);
  if (!fundLevel(region.level)) throw invalidFields([{ field: 'regionCode', message: { zh: '应急周转金由县级以上人民政府设立（EMF-02）', en: 'A fund is kept by a county-level government or above (EMF-02)' } }]);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    if (await repo.fundOfRegion(tx, input.regionCode)) throw invalidFields([{ field: 'regionCode', message: { zh: '该区划已设立应急周转金', en: 'The region already has a fund' } }]);
    await repo.insertFund(tx, { id, regionCode: region.code, regionPath: region.path, name: input.name, createdBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: 'fund.create', objectType: 'emergency_fund', objectId: id, after: input, regionPath: region.path });
  });
  return getFund(ctx, id);
}

export async function getFund(ctx: Ctx, id: string) {
  const f = await visibleFund(ctx, id);
  const [movements, advances] = await Promise.all([repo.movementsOf(ctx.db, id), repo.advancesOf(ctx.db, id)]);
  const advanceIds = advances.map((a) => a.id);
  const [lines, recoveries] = await Promise.all([repo.linesOf(ctx.db, advanceIds), repo.recoveriesOf(ctx.db, advanceIds)]);
  const rec = reconcile(movements.map((m) => ({ kind: m.kind as MovementKind, amountFen: Number(m.amount_fen) })));
  // The movements against the advance and recovery records they stand for: any difference is a defect, shown.
  const recordedAdvancesFen = advances.reduce((s, a) => s + Number(a.total_fen), 0);
  const recordedRecoveriesFen = recoveries.reduce((s, r) => s + Number(r.amount_fen), 0);
  const level = fundLevel(f.region_level) ?? 'county';
  return {
    row: f,
    level,
    reconciliation: { ...rec, recordedAdvancesFen, recordedRecoveriesFen, matched: recordedAdvancesFen === rec.advancesFen && recordedRecoveriesFen === rec.recoveriesFen && rec.balanceFen === Number(f.balance_fen) },
    size: sizeCheck(rec.balanceFen, await minimumOf(ctx, level, f.region_code, today(ctx))),
    movements,
    advances: advances.map((a) => {
      const rs = recoveries.filter((r) => r.advance_id === a.id);
      return { ...a, lines: lines.filter((l) => l.advance_id === a.id), recoveries: rs, outstandingFen: outstandingFen(Number(a.total_fen), rs.map((r) => ({ amountFen: Number(r.amount_fen) }))) };
    }),
  };
}

/** Budget injections and interest; advances and recoveries are recorded through their own use cases. */
export async function recordMovement(ctx: Ctx, fundId: string, input: { kind: 'injection' | 'interest'; amountFen: number; onDate: string; reference: string }) {
  const f = await visibleFund(ctx, fundId);
  if (input.onDate > today(ctx)) throw invalidFields([{ field: 'onDate', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.insertMovement(tx, { id, fundId, ...input, recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: `fund.${input.kind}`, objectType: 'emergency_fund', objectId: fundId, after: { movementId: id, ...input }, regionPath: f.region_path });
  });
  return getFund(ctx, fundId);
}

export interface AdvanceInput {
  decisionNo: string;
  decisionOn: string;
  caseRef: string;
  employerId: string;
  projectId?: string | null;
  arrearsFen: number;
  depositShortfallNote: string;
  higherApprovalRef?: string | null;
  paidOn: string;
  lines: { workerId: string; amountFen: number }[];
}

export async function advance(ctx: Ctx, fundId: string, input: AdvanceInput) {
  const f = await visibleFund(ctx, fundId);
  const problems: FieldProblem[] = [];
  const on = today(ctx);
  if (input.decisionOn > on) problems.push({ field: 'decisionOn', message: { zh: '决定日期不能晚于今天', en: 'The decision date cannot be in the future' } });
  if (input.paidOn < input.decisionOn || input.paidOn > on) problems.push({ field: 'paidOn', message: { zh: '垫付日期应在决定日期与今天之间', en: 'The payment lies between the decision and today' } });
  if (!(await findEnterpriseForScope(ctx.db, ctx.actor, input.employerId))) problems.push({ field: 'employerId', message: { zh: '用人单位不存在或不在您的管辖范围内', en: 'No such employer in your jurisdiction' } });
  if (input.projectId && !(await findProjectForScope(ctx.db, ctx.actor, input.projectId))) problems.push({ field: 'projectId', message: { zh: '项目不存在或不在您的管辖范围内', en: 'No such project in your jurisdiction' } });
  for (const [i, l] of input.lines.entries()) {
    try {
      await getWorker(ctx, l.workerId);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
      problems.push({ field: `lines/${i}/workerId`, message: { zh: '实名制登记中无此农民工，或不在您的管辖范围内', en: 'No such worker in the registry within your jurisdiction' } });
    }
  }
  if (problems.length) throw invalidFields(problems);
  const [perWorkerCapFen, totalCapRatio] = await Promise.all([
    getParamValue<number>(ctx.db, 'EMF-01.perWorkerCap', f.region_code, input.decisionOn),
    getParamValue<number>(ctx.db, 'EMF-01.totalCapRatio', f.region_code, input.decisionOn),
  ]);
  const id = newIds(2);
  await ctx.db.tx(async (tx) => {
    await repo.lockFund(tx, fundId);
    if (await repo.decisionTaken(tx, fundId, input.decisionNo)) throw invalidFields([{ field: 'decisionNo', message: { zh: '该决定文号已登记垫付', en: 'An advance is already recorded under this decision' } }]);
    const check = checkAdvance({ lines: input.lines, arrearsFen: input.arrearsFen, perWorkerCapFen, totalCapRatio, higherApprovalRef: input.higherApprovalRef ?? null, balanceFen: await repo.balanceOf(tx, fundId) });
    if (check.problems.length) throw invalidFields(check.problems);
    await repo.insertAdvance(
      tx,
      { id: id[0], fundId, ...input, projectId: input.projectId ?? null, higherApprovalRef: input.higherApprovalRef ?? null, totalFen: check.totalFen, recordedBy: ctx.actor.name },
      ctx.clock.now(),
    );
    await repo.insertMovement(tx, { id: id[1], fundId, kind: 'advance', amountFen: -check.totalFen, onDate: input.paidOn, reference: input.decisionNo, advanceId: id[0], recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'fund.advance',
      objectType: 'fund_advance',
      objectId: id[0],
      after: { fundId, ...input, totalFen: check.totalFen, totalCapFen: check.totalCapFen, perWorkerCapFen, overPerWorker: check.overPerWorker, overTotal: check.overTotal },
      regionPath: f.region_path,
    });
  });
  return getFund(ctx, fundId);
}

export async function recoverAdvance(ctx: Ctx, advanceId: string, input: { amountFen: number; recoveredOn: string; reference: string }) {
  const a = await repo.findAdvanceInScope(ctx.db, ctx.actor, advanceId);
  if (!a) throw notFound();
  if (input.recoveredOn < a.paid_on || input.recoveredOn > today(ctx)) throw invalidFields([{ field: 'recoveredOn', message: { zh: '追偿日期应在垫付日期与今天之间', en: 'The recovery lies between the advance and today' } }]);
  const ids = newIds(2);
  await ctx.db.tx(async (tx) => {
    await repo.lockFund(tx, a.fund_id);
    const recovered = (await repo.recoveriesOf(tx, [advanceId])).map((r) => ({ amountFen: Number(r.amount_fen) }));
    const left = outstandingFen(Number(a.total_fen), recovered);
    if (input.amountFen > left) throw invalidFields([{ field: 'amountFen', message: { zh: `超过尚未追回的 ${fenToYuanText(left)} 元`, en: `More than the ${fenToYuanText(left)} yuan outstanding` } }]);
    await repo.insertRecovery(tx, { id: ids[0], advanceId, ...input, recordedBy: ctx.actor.name }, ctx.clock.now());
    await repo.insertMovement(tx, { id: ids[1], fundId: a.fund_id, kind: 'recovery', amountFen: input.amountFen, onDate: input.recoveredOn, reference: input.reference, advanceId, recoveryId: ids[0], recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: 'fund.recovery', objectType: 'fund_advance', objectId: advanceId, after: { recoveryId: ids[0], ...input, outstandingBeforeFen: left }, regionPath: a.region_path });
  });
  return getFund(ctx, a.fund_id);
}
