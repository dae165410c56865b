import type { DbOrTx } from '../../db/client';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { fenToYuanText } from '../../platform/money';
import { newIds } from '../../platform/ids';
import { getParamValue } from '../params';
import { findProjectForScope, projectScope } from '../projects';
import { regionFilterPath } from '../regions';
import './payments.params';
import { type PaymentParties, allowedActions, mayActForOwner, mayRecordCompletedValue, maySettle } from './payments.policy';
import * as repo from './payments.repo';
import {
  type PaymentKind,
  type SettlementKind,
  builderAdvanceCap,
  interimSettlementFlag,
  monthlySeries,
  paidEffect,
  progressCheck,
  qualifiesForSet01,
  ratioBp,
  refundStatus,
  retentionCheck,
} from './payments.rules';

/**
 * 工程款: the general contractor reports each month's completed value, the owner confirms it and
 * pays; SET-01 compares the running totals month by month on government and SOE projects, caps the
 * retention and watches refunds after the final settlement; SET-02 asks multi-year works for
 * interim settlements; LIA-02 gives the owner's advance cap. Corrections are new versions.
 */

type Project = NonNullable<Awaited<ReturnType<typeof findProjectForScope>>>;

async function visibleProject(ctx: Ctx, projectId: string): Promise<Project> {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return project;
}

const parties = (p: Project): PaymentParties => ({ ownerId: p.ownerId, generalContractorId: p.generalContractorId });
const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());
const by = (ctx: Ctx) => ({ byId: ctx.actor.kind === 'user' || ctx.actor.kind === 'apikey' ? ctx.actor.id : null, byName: ctx.actor.name });

export interface PaymentParams {
  minProgressBp: number;
  maxRetentionBp: number;
  refundDays: number;
  interimPeriodMonths: number;
}

async function paymentParams(db: DbOrTx, regionCode: string, onDate: string): Promise<PaymentParams> {
  // One after another: `db` may be a transaction, whose client takes one statement at a time.
  const min = await getParamValue<number>(db, 'SET-01.minProgressRatio', regionCode, onDate);
  const max = await getParamValue<number>(db, 'SET-01.maxRetention', regionCode, onDate);
  const refundDays = await getParamValue<number>(db, 'SET-01.refundDays', regionCode, onDate);
  const interimPeriodMonths = await getParamValue<number>(db, 'SET-02.periodMonths', regionCode, onDate);
  return { minProgressBp: ratioBp(min), maxRetentionBp: ratioBp(max), refundDays, interimPeriodMonths };
}

const netPaid = (payments: repo.PaymentRow[], through: string) =>
  payments.filter((p) => p.paid_on <= through).reduce((s, p) => s + paidEffect(p.kind as PaymentKind, Number(p.amount_fen)), 0);
const released = (payments: repo.PaymentRow[]) => payments.filter((p) => p.kind === 'retention_release').reduce((s, p) => s + Number(p.amount_fen), 0);

// ---- reads ----

async function loadFacts(db: DbOrTx, projectId: string) {
  const [cls, values, payments, retention, settlements] = await Promise.all([
    repo.projectClass(db, projectId),
    repo.listCompletedValues(db, projectId),
    repo.listPayments(db, projectId),
    repo.currentRetention(db, projectId),
    repo.listSettlements(db, projectId),
  ]);
  if (!cls) throw notFound();
  return { cls, values, payments, retention, settlements };
}

const presentValue = (v: repo.CompletedValueRow) => ({
  id: v.id,
  month: v.month,
  version: v.version,
  amountFen: Number(v.amount_fen),
  state: v.confirmed_at ? ('confirmed' as const) : ('pending' as const),
  note: v.note,
  correctionReason: v.correction_reason,
  recordedBy: v.recorded_by_name,
  recordedAt: v.recorded_at.toISOString(),
  confirmedBy: v.confirmed_by_name,
  confirmedAt: v.confirmed_at?.toISOString() ?? null,
  supersededAt: v.superseded_at?.toISOString() ?? null,
});

const presentPayment = (p: repo.PaymentRow) => ({
  id: p.id,
  paidOn: p.paid_on,
  amountFen: Number(p.amount_fen),
  kind: p.kind as PaymentKind,
  reference: p.reference,
  note: p.note,
  recordedBy: p.recorded_by_name,
  recordedAt: p.recorded_at.toISOString(),
});

const presentSettlement = (s: repo.SettlementRow) => ({
  id: s.id,
  kind: s.kind as SettlementKind,
  periodFrom: s.period_from,
  periodTo: s.period_to,
  amountFen: Number(s.amount_fen),
  settledOn: s.settled_on,
  reference: s.reference,
  note: s.note,
  recordedBy: s.recorded_by_name,
  recordedAt: s.recorded_at.toISOString(),
});

/** The project's position under SET-01, SET-02 and LIA-02 today. */
export async function projectSummary(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, projectId);
  const day = today(ctx);
  const [f, params] = await Promise.all([loadFacts(ctx.db, projectId), paymentParams(ctx.db, project.regionCode, day)]);
  const qualifies = qualifiesForSet01(f.cls.investment_type, f.cls.ownership_tier);
  const current = f.values.filter((v) => v.superseded_at === null);
  const completedFen = current.reduce((s, v) => s + Number(v.amount_fen), 0);
  const paidFen = netPaid(f.payments, day);
  const progress = progressCheck(completedFen, paidFen, params.minProgressBp);
  const heldFen = f.retention ? Number(f.retention.amount_fen) : 0;
  const releasedFen = released(f.payments);
  const retention = retentionCheck(heldFen, project.laborTerms.contractPriceFen, params.maxRetentionBp);
  const final = f.settlements.find((s) => s.kind === 'final');
  const finalFacts = final ? { amountFen: Number(final.amount_fen), settledOn: final.settled_on } : null;
  const refund = refundStatus({ final: finalFacts, paidAtSettlementFen: final ? netPaid(f.payments, final.settled_on) : 0, paidNowFen: paidFen, today: day, refundDays: params.refundDays });
  const interims = f.settlements.filter((s) => s.kind === 'interim');
  const interim = interimSettlementFlag({
    start: project.laborTerms.start,
    plannedEnd: f.cls.planned_end,
    coveredTo: interims.reduce<string | null>((m, s) => (m === null || s.period_to > m ? s.period_to : m), null),
    finalSettled: Boolean(final),
    today: day,
    periodMonths: params.interimPeriodMonths,
  });
  const flags = regionFlags({ qualifies, progressMeets: progress.meets, retentionWithin: retention.within, refundState: refund.state, interimFlagged: interim.flagged });
  return {
    projectId: project.id,
    code: project.code,
    name: project.name,
    investmentType: f.cls.investment_type,
    ownershipTier: f.cls.ownership_tier,
    qualifies,
    contractPriceFen: project.laborTerms.contractPriceFen,
    params,
    totals: {
      completedFen,
      paidFen,
      ratioBp: progress.ratioBp,
      requiredFen: qualifies ? progress.requiredFen : 0,
      shortfallFen: qualifies ? progress.shortfallFen : 0,
      meets: qualifies ? progress.meets : true,
      unconfirmedMonths: current.filter((v) => v.confirmed_at === null).length,
    },
    retention: {
      heldFen,
      releasedFen,
      outstandingFen: Math.max(0, heldFen - releasedFen),
      capFen: retention.capFen,
      within: retention.within,
      heldFrom: f.retention?.held_from ?? null,
      version: f.retention?.version ?? 0,
    },
    advanceCapFen: builderAdvanceCap({ completedFen, paidFen, finalSettlementFen: finalFacts?.amountFen ?? null }),
    refund: { ...refund, finalAmountFen: finalFacts?.amountFen ?? null, settledOn: finalFacts?.settledOn ?? null },
    interim,
    settlements: f.settlements.map(presentSettlement),
    flags,
    actions: allowedActions(ctx.actor, parties(project)),
  };
}

/** SET-01 over time: one point per month with the month's current value, its confirmation and its earlier versions. */
export async function projectMonths(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, projectId);
  const day = today(ctx);
  const [f, params] = await Promise.all([loadFacts(ctx.db, projectId), paymentParams(ctx.db, project.regionCode, day)]);
  const current = f.values.filter((v) => v.superseded_at === null);
  const series = monthlySeries({
    completed: current.map((v) => ({ month: v.month, amountFen: Number(v.amount_fen) })),
    payments: f.payments.map((p) => ({ paidOn: p.paid_on, kind: p.kind as PaymentKind, amountFen: Number(p.amount_fen) })),
    today: day,
    minBp: params.minProgressBp,
    applies: qualifiesForSet01(f.cls.investment_type, f.cls.ownership_tier),
  });
  return {
    minProgressBp: params.minProgressBp,
    items: series.map((point) => {
      const value = current.find((v) => v.month === point.month);
      return {
        ...point,
        value: value ? presentValue(value) : null,
        history: f.values.filter((v) => v.month === point.month && v.superseded_at !== null).map(presentValue),
      };
    }),
  };
}

export async function projectPayments(ctx: Ctx, projectId: string) {
  await visibleProject(ctx, projectId);
  return (await repo.listPayments(ctx.db, projectId)).map(presentPayment);
}

// ---- writes ----

export interface CompletedValueInput {
  month: string;
  amountFen: number;
  note?: string | null;
  /** The version being corrected; absent for the month's first report. */
  version?: number;
  reason?: string | null;
}

/** The general contractor's report of a month's completed value, or a correction as a new version. */
export async function recordCompletedValue(ctx: Ctx, projectId: string, input: CompletedValueInput) {
  const project = await visibleProject(ctx, projectId);
  if (!mayRecordCompletedValue(ctx.actor, parties(project))) throw new AppError('FORBIDDEN');
  const problems: FieldProblem[] = [];
  if (input.month > today(ctx).slice(0, 7)) problems.push({ field: 'month', message: { zh: '不能登记未来月份的已完工程价款', en: 'The month cannot be in the future' } });
  if (input.month < project.laborTerms.start.slice(0, 7)) problems.push({ field: 'month', message: { zh: '月份早于项目开工月份', en: 'The month is before the works started' } });
  if (problems.length) throw invalidFields(problems);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectPayments(tx, projectId);
    const old = await repo.currentCompletedValue(tx, projectId, input.month);
    if (old) {
      if (input.version === undefined) {
        throw invalidFields([{ field: 'version', message: { zh: `本月已登记（第${old.version}版），更正须注明所更正的版本和原因`, en: `This month is already reported (version ${old.version}); a correction names that version and a reason` } }]);
      }
      if (input.version !== old.version) throw new AppError('VERSION_CONFLICT');
      if (!input.reason?.trim()) throw invalidFields([{ field: 'reason', message: { zh: '更正须说明原因', en: 'A correction needs a reason' } }]);
    } else if (input.version !== undefined) {
      throw new AppError('VERSION_CONFLICT');
    }
    const version = old ? old.version + 1 : 1;
    await repo.insertCompletedValue(tx, projectId, { id, month: input.month, version, amountFen: input.amountFen, note: input.note ?? null, correctionReason: old ? input.reason!.trim() : null, ...by(ctx) }, ctx.clock.now());
    await audit(tx, ctx, {
      action: old ? 'payments.completed_value.correct' : 'payments.completed_value.record',
      objectType: 'completed_value',
      objectId: id,
      reason: old ? input.reason : null,
      before: old ? { id: old.id, month: old.month, version: old.version, amountFen: Number(old.amount_fen), confirmed: old.confirmed_at !== null } : null,
      after: { projectId, month: input.month, version, amountFen: input.amountFen, note: input.note ?? null },
      regionPath: project.regionPath,
    });
  });
  return presentValue((await repo.listCompletedValues(ctx.db, projectId)).find((v) => v.id === id)!);
}

/** The owner (or an official for it) confirms the month's current version. */
export async function confirmCompletedValue(ctx: Ctx, projectId: string, input: { month: string; version: number }) {
  const project = await visibleProject(ctx, projectId);
  if (!mayActForOwner(ctx.actor, parties(project))) throw new AppError('FORBIDDEN');
  let id = '';
  await ctx.db.tx(async (tx) => {
    const v = await repo.currentCompletedValue(tx, projectId, input.month);
    if (!v) throw invalidFields([{ field: 'month', message: { zh: '该月尚未登记已完工程价款', en: 'No completed value is reported for this month' } }]);
    if (v.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (v.confirmed_at) throw invalidFields([{ field: 'version', message: { zh: '该版本已确认', en: 'This version is already confirmed' } }]);
    if (!(await repo.confirmCompletedValue(tx, projectId, v.id, { id: by(ctx).byId, name: ctx.actor.name }, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    id = v.id;
    await audit(tx, ctx, {
      action: 'payments.completed_value.confirm',
      objectType: 'completed_value',
      objectId: v.id,
      before: { month: v.month, version: v.version, amountFen: Number(v.amount_fen), state: 'pending' },
      after: { state: 'confirmed', by: ctx.actor.name },
      regionPath: project.regionPath,
    });
  });
  return presentValue((await repo.listCompletedValues(ctx.db, projectId)).find((v) => v.id === id)!);
}

export interface PaymentInput {
  paidOn: string;
  amountFen: number;
  kind: PaymentKind;
  reference: string;
  note?: string | null;
}

/** A payment by the owner (progress, advance, retention release) or a refund back to it. */
export async function recordPayment(ctx: Ctx, projectId: string, input: PaymentInput) {
  const project = await visibleProject(ctx, projectId);
  if (!mayActForOwner(ctx.actor, parties(project))) throw new AppError('FORBIDDEN');
  if (input.paidOn > today(ctx)) throw invalidFields([{ field: 'paidOn', message: { zh: '支付日期不能晚于今天', en: 'The payment date cannot be in the future' } }]);
  const reference = input.reference.trim();
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectPayments(tx, projectId);
    if (await repo.paymentReferenceTaken(tx, projectId, input.kind, reference)) {
      throw invalidFields([{ field: 'reference', message: { zh: '该凭证号已登记过同类支付', en: 'A payment of this kind with this reference is already recorded' } }]);
    }
    const payments = await repo.listPayments(tx, projectId);
    if (input.kind === 'retention_release') {
      const retention = await repo.currentRetention(tx, projectId);
      const outstanding = (retention ? Number(retention.amount_fen) : 0) - released(payments);
      if (input.amountFen > outstanding) {
        throw invalidFields([{ field: 'amountFen', message: { zh: `返还金额超过尚未返还的质量保证金（${fenToYuanText(Math.max(0, outstanding))}元）`, en: `More than the retention still held (¥${fenToYuanText(Math.max(0, outstanding))})` } }]);
      }
    }
    if (input.kind === 'refund') {
      const paid = netPaid(payments, '9999-12-31');
      if (input.amountFen > paid) throw invalidFields([{ field: 'amountFen', message: { zh: '退回金额超过已支付的工程款', en: 'More than was paid' } }]);
    }
    await repo.insertPayment(tx, projectId, { id, paidOn: input.paidOn, amountFen: input.amountFen, kind: input.kind, reference, note: input.note ?? null, ...by(ctx) }, ctx.clock.now());
    await audit(tx, ctx, { action: 'payments.payment.record', objectType: 'owner_payment', objectId: id, after: { projectId, ...input, reference }, regionPath: project.regionPath });
  });
  return presentPayment((await repo.listPayments(ctx.db, projectId)).find((p) => p.id === id)!);
}

/** The quality retention the owner holds; a hard cap of SET-01.maxRetention × contract price. */
export async function setRetention(ctx: Ctx, projectId: string, input: { amountFen: number; heldFrom: string; note?: string | null; version?: number }) {
  const project = await visibleProject(ctx, projectId);
  if (!mayActForOwner(ctx.actor, parties(project))) throw new AppError('FORBIDDEN');
  const day = today(ctx);
  if (input.heldFrom > day) throw invalidFields([{ field: 'heldFrom', message: { zh: '预留日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  const { maxRetentionBp } = await paymentParams(ctx.db, project.regionCode, day);
  const cap = retentionCheck(input.amountFen, project.laborTerms.contractPriceFen, maxRetentionBp);
  if (!cap.within) {
    throw invalidFields([
      {
        field: 'amountFen',
        message: {
          zh: `质量保证金不得超过合同总价的${maxRetentionBp / 100}%（SET-01，财建〔2022〕183号），本项目上限为${fenToYuanText(cap.capFen)}元`,
          en: `The retention may not exceed ${maxRetentionBp / 100}% of the contract price (SET-01); the cap here is ¥${fenToYuanText(cap.capFen)}`,
        },
      },
    ]);
  }
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectPayments(tx, projectId);
    const old = await repo.currentRetention(tx, projectId);
    if ((old?.version ?? 0) !== (input.version ?? 0)) throw new AppError('VERSION_CONFLICT');
    const releasedFen = released(await repo.listPayments(tx, projectId));
    if (input.amountFen < releasedFen) {
      throw invalidFields([{ field: 'amountFen', message: { zh: `低于已返还的质量保证金（${fenToYuanText(releasedFen)}元）`, en: `Less than the retention already released (¥${fenToYuanText(releasedFen)})` } }]);
    }
    const version = (old?.version ?? 0) + 1;
    await repo.insertRetention(tx, projectId, { id, version, amountFen: input.amountFen, heldFrom: input.heldFrom, note: input.note ?? null, ...by(ctx) }, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'payments.retention.set',
      objectType: 'payment_retention',
      objectId: id,
      before: old ? { version: old.version, amountFen: Number(old.amount_fen), heldFrom: old.held_from } : null,
      after: { projectId, version, amountFen: input.amountFen, heldFrom: input.heldFrom, capFen: cap.capFen },
      regionPath: project.regionPath,
    });
  });
  return (await projectSummary(ctx, projectId)).retention;
}

export interface SettlementInput {
  kind: SettlementKind;
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  settledOn: string;
  reference: string;
  note?: string | null;
}

/** An interim settlement of a period (SET-02) or the one final settlement, signed by both parties. */
export async function recordSettlement(ctx: Ctx, projectId: string, input: SettlementInput) {
  const project = await visibleProject(ctx, projectId);
  if (!maySettle(ctx.actor, parties(project))) throw new AppError('FORBIDDEN');
  const problems: FieldProblem[] = [];
  if (input.settledOn > today(ctx)) problems.push({ field: 'settledOn', message: { zh: '结算日期不能晚于今天', en: 'The settlement date cannot be in the future' } });
  if (input.periodFrom > input.periodTo) problems.push({ field: 'periodFrom', message: { zh: '结算期间的起始日不能晚于截止日', en: 'The period starts after it ends' } });
  if (input.periodTo > input.settledOn) problems.push({ field: 'periodTo', message: { zh: '结算期间须在结算日期之前结束', en: 'The period must end by the settlement date' } });
  if (problems.length) throw invalidFields(problems);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectPayments(tx, projectId);
    const existing = await repo.listSettlements(tx, projectId);
    if (existing.some((s) => s.kind === 'final')) {
      throw invalidFields([{ field: 'kind', message: { zh: '本项目已办理竣工结算', en: 'The project already has its final settlement' } }]);
    }
    if (input.kind === 'interim' && existing.some((s) => s.period_from <= input.periodTo && input.periodFrom <= s.period_to)) {
      throw invalidFields([{ field: 'periodFrom', message: { zh: '与已有过程结算的期间重叠', en: 'Overlaps an interim settlement already recorded' } }]);
    }
    await repo.insertSettlement(tx, projectId, { id, ...input, reference: input.reference.trim(), note: input.note ?? null, ...by(ctx) }, ctx.clock.now());
    await audit(tx, ctx, { action: `payments.settlement.${input.kind}`, objectType: 'payment_settlement', objectId: id, after: { projectId, ...input }, regionPath: project.regionPath });
  });
  return presentSettlement((await repo.listSettlements(ctx.db, projectId)).find((s) => s.id === id)!);
}

// ---- region ----

/** The rule ids a project breaks today, for lists and warnings. */
function regionFlags(f: { qualifies: boolean; progressMeets: boolean; retentionWithin: boolean; refundState: string; interimFlagged: boolean }): string[] {
  const flags: string[] = [];
  if (f.qualifies && !f.progressMeets) flags.push('SET-01.progress');
  if (!f.retentionWithin) flags.push('SET-01.retention');
  if (f.refundState === 'overdue') flags.push('SET-01.refund');
  if (f.interimFlagged) flags.push('SET-02');
  return flags;
}

/** Per project in scope: progress-payment shortfall against the minimum, retention above the cap, overdue refunds, SET-02. */
export async function regionPayments(ctx: Ctx, query: { regionCode?: string; flaggedOnly?: boolean }) {
  const regionPath = (await regionFilterPath(ctx.db, query.regionCode)) ?? null;
  const day = today(ctx);
  const rows = await repo.regionPayments(ctx.db, (params) => projectScope(ctx.actor, params), regionPath, day);
  const paramsByRegion = new Map<string, Promise<PaymentParams>>();
  const paramsOf = (code: string) => {
    if (!paramsByRegion.has(code)) paramsByRegion.set(code, paymentParams(ctx.db, code, day));
    return paramsByRegion.get(code)!;
  };
  const items = await Promise.all(
    rows.map(async (r) => {
      const params = await paramsOf(r.region_code);
      const qualifies = qualifiesForSet01(r.investment_type, r.ownership_tier);
      const completedFen = Number(r.completed_fen);
      const paidFen = Number(r.paid_fen);
      const progress = progressCheck(completedFen, paidFen, params.minProgressBp);
      const retentionFen = r.retention_fen === null ? 0 : Number(r.retention_fen);
      const retention = retentionCheck(retentionFen, Number(r.contract_price_fen), params.maxRetentionBp);
      const final = r.final_amount_fen === null ? null : { amountFen: Number(r.final_amount_fen), settledOn: r.final_settled_on! };
      const refund = refundStatus({ final, paidAtSettlementFen: Number(r.paid_at_settlement_fen), paidNowFen: paidFen, today: day, refundDays: params.refundDays });
      const interim = interimSettlementFlag({ start: r.start, plannedEnd: r.planned_end, coveredTo: r.interim_covered_to, finalSettled: final !== null, today: day, periodMonths: params.interimPeriodMonths });
      return {
        projectId: r.project_id,
        code: r.code,
        name: r.name,
        regionName: r.region_name,
        projectStatus: r.status,
        investmentType: r.investment_type,
        ownershipTier: r.ownership_tier,
        qualifies,
        completedFen,
        paidFen,
        ratioBp: progress.ratioBp,
        shortfallFen: qualifies ? progress.shortfallFen : 0,
        unconfirmedMonths: r.unconfirmed_months,
        retentionFen,
        retentionCapFen: retention.capFen,
        refundState: refund.state,
        refundOutstandingFen: refund.outstandingFen,
        refundDueOn: refund.dueOn,
        interimUnsettledFrom: interim.flagged ? interim.unsettledFrom : null,
        advanceCapFen: builderAdvanceCap({ completedFen, paidFen, finalSettlementFen: final?.amountFen ?? null }),
        flags: regionFlags({ qualifies, progressMeets: progress.meets, retentionWithin: retention.within, refundState: refund.state, interimFlagged: interim.flagged }),
      };
    }),
  );
  return query.flaggedOnly ? items.filter((i) => i.flags.length > 0) : items;
}
