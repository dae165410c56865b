import type { DbOrTx } from '../../db/client';
import { can } from '../../platform/access/actor';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { getParamDef } from '../../platform/params/params.registry';
import { findBank, findEnterpriseForScope } from '../orgs';
import { getParamValue } from '../params';
import { actsForGeneralContractor, findProjectForScope, projectScope } from '../projects';
import { regionFilterPath } from '../regions';
import * as repo from './deposits.repo';
import {
  type ArrearsSource,
  type DepositForm,
  type DepositParams,
  type DrawInput,
  type LodgingInput,
  type ReturnStatus,
  bankReturnDeadline,
  checkDraw,
  checkLodging,
  checkReturnApplication,
  checkReturnOrder,
  depositState,
  drawState,
  effectiveLodging,
  noticeUntil,
  requiredDeposit,
  topUpDeadline,
} from './deposits.rules';
import './deposits.params';
import { fenToYuanText } from '../../platform/money';

/**
 * 工资保证金 (DEP-01…11): the required amount from the contract and the contractor's arrears
 * history, what was lodged, draws on an HRSS decision and their top-ups, and the return.
 */

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

async function visibleProject(ctx: Ctx, db: DbOrTx, projectId: string) {
  const project = await findProjectForScope(db, ctx.actor, projectId);
  if (!project) throw notFound();
  return project;
}

/** The general contractor lodges and tops up; an official with the permission may record it for them. */
const mayKeep = (ctx: Ctx, generalContractorId: string) => can(ctx.actor, 'deposits.write') && actsForGeneralContractor(ctx.actor, generalContractorId);
const mayDecide = (ctx: Ctx) => can(ctx.actor, 'deposits.decide') && ctx.actor.scope.kind !== 'enterprise';

interface RegionParams extends DepositParams {
  forms: string[];
  topUpWithinWD: number;
  returnNoticeDays: number;
  bankReturnWD: number;
}

/** The parameters for a region on a date, cached for one request. */
function paramsLoader(db: DbOrTx) {
  const cache = new Map<string, Promise<RegionParams>>();
  return (regionCode: string, on: string) => {
    const key = `${regionCode}:${on}`;
    let hit = cache.get(key);
    if (!hit) {
      const v = <T>(id: string) => getParamValue<T>(db, id, regionCode, on);
      const band = getParamDef('DEP-01.ratio');
      hit = (async () => ({
        ratio: await v<number>('DEP-01.ratio'),
        ratioMin: band?.min ?? 0,
        ratioMax: band?.max ?? 1,
        capFen: await v<number>('DEP-02.cap'),
        forms: await v<string[]>('DEP-03.forms'),
        exemptBelowFen: await v<number>('DEP-04.exemptBelow'),
        durationBelowMonths: await v<number>('DEP-04.durationBelowMonths'),
        smallCleanYears: await v<number>('DEP-04.cleanYears'),
        concurrentRatio: await v<number>('DEP-04.concurrentRatio'),
        reducedCleanYears: await v<number>('DEP-05.cleanYears'),
        reducedRatio: await v<number>('DEP-05.reducedRatio'),
        exemptCleanYears: await v<number>('DEP-06.cleanYears'),
        lookbackYears: await v<number>('DEP-07.lookbackYears'),
        arrearsIncrease: await v<number>('DEP-07.increase'),
        listedIncrease: await v<number>('DEP-08.increase'),
        topUpWithinWD: await v<number>('DEP-10.topUpWithinWD'),
        returnNoticeDays: await v<number>('DEP-11.returnNoticeDays'),
        bankReturnWD: await v<number>('DEP-11.bankReturnWD'),
      }))();
      cache.set(key, hit);
    }
    return hit;
  };
}

/** Everything about the deposits of some projects, computed from their rows (set-based reads). */
async function assess(db: DbOrTx, projectIds: string[], on: string) {
  const facts = await repo.projectFacts(db, projectIds);
  const gcIds = [...new Set(facts.map((f) => f.general_contractor_id))];
  // One statement after another: `db` may be a transaction, whose client takes one at a time.
  const arrears = await repo.arrearsOf(db, gcIds);
  const listings = await repo.listingsOf(db, gcIds);
  const coverage = await repo.coverageOf(db, gcIds);
  const lodgings = await repo.lodgingsOf(db, projectIds);
  const draws = await repo.drawsOf(db, projectIds);
  const topUps = await repo.topUpsOf(db, projectIds);
  const returns = await repo.returnsOf(db, projectIds);
  const params = paramsLoader(db);
  const paramsOf: Awaited<ReturnType<typeof params>>[] = [];
  for (const f of facts) paramsOf.push(await params(f.region_code, f.planned_start));
  return facts.map((f, i) => {
    const assessedOn = f.planned_start;
    const p = paramsOf[i];
    const required = requiredDeposit(
      {
        contractPriceFen: Number(f.contract_price_fen),
        plannedStart: f.planned_start,
        plannedEnd: f.planned_end,
        assessedOn,
        arrears: arrears.filter((a) => a.enterprise_id === f.general_contractor_id).map((a) => ({ foundOn: a.found_on, resolvedOn: a.resolved_on })),
        listings: listings.filter((l) => l.enterprise_id === f.general_contractor_id).map((l) => ({ listedOn: l.listed_on, removedOn: l.removed_on })),
        coveredFrom: coverage.get(f.general_contractor_id)?.coveredFrom ?? assessedOn,
        earlierConcurrentProjects: f.earlier_concurrent,
        realNameInPlace: f.has_roster,
        wageAccountInPlace: f.has_wage_account,
      },
      p,
    );
    const ls = lodgings.filter((l) => l.project_id === f.id).map((l) => ({ ...l, effective: effectiveLodging({ form: l.form, amountFen: Number(l.amount_fen), validUntil: l.valid_until }, on) }));
    const ds = draws
      .filter((d) => d.project_id === f.id)
      .map((d) => {
        const tops = topUps.filter((t) => t.draw_id === d.id);
        const s = drawState({ amountFen: Number(d.amount_fen), topUpDueOn: d.top_up_due_on, topUps: tops.map((t) => ({ amountFen: Number(t.amount_fen), toppedOn: t.topped_on })) }, on);
        return { ...d, topUps: tops, ...s };
      });
    const ret = returns.find((r) => r.project_id === f.id) ?? null;
    const lodgedFen = ls.filter((l) => l.effective).reduce((s, l) => s + Number(l.amount_fen), 0);
    const drawnFen = ds.reduce((s, d) => s + Number(d.amount_fen), 0);
    const toppedUpFen = topUps.filter((t) => t.project_id === f.id).reduce((s, t) => s + Number(t.amount_fen), 0);
    const heldFen = ret?.status === 'returned' ? 0 : lodgedFen - drawnFen + toppedUpFen;
    const state = depositState({ requiredFen: required.requiredFen, exempt: required.exempt, heldFen, draws: ds.map((d) => d.state), returnStatus: (ret?.status as ReturnStatus) ?? null });
    return {
      facts: f,
      params: p,
      assessedOn,
      required,
      lodgings: ls,
      draws: ds,
      ret,
      lodgedFen,
      drawnFen,
      toppedUpFen,
      heldFen,
      shortfallFen: ret?.status === 'returned' ? 0 : Math.max(0, required.requiredFen - heldFen),
      state,
    };
  });
}

export async function getDeposit(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  const [a] = await assess(ctx.db, [projectId], today(ctx));
  const ret = a.ret;
  const actions: string[] = [];
  if (mayKeep(ctx, project.generalContractorId)) actions.push('lodge', 'top_up', 'apply_return');
  if (mayDecide(ctx)) actions.push('draw', 'decide_return', 'order_return', 'confirm_return');
  return { ...a, returnInfo: ret && { ...ret, noticeDays: a.params.returnNoticeDays, bankReturnWD: a.params.bankReturnWD }, actions };
}

export async function lodgeDeposit(ctx: Ctx, projectId: string, input: LodgingInput) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayKeep(ctx, project.generalContractorId)) throw new AppError('FORBIDDEN');
  const forms = await getParamValue<string[]>(ctx.db, 'DEP-03.forms', project.regionCode, input.lodgedOn);
  const problems = checkLodging(input, forms, today(ctx));
  if (input.bankId && !(await findBank(ctx.db, input.bankId))) problems.push({ field: 'bankId', message: { zh: '存储银行不在银行目录中', en: 'The bank is not in the catalogue' } });
  if (problems.length) throw invalidFields(problems);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.insertLodging(
      tx,
      {
        id,
        projectId,
        generalContractorId: project.generalContractorId,
        form: input.form,
        amountFen: input.amountFen,
        lodgedOn: input.lodgedOn,
        bankId: input.bankId ?? null,
        accountNo: input.accountNo ?? null,
        issuer: input.issuer ?? null,
        instrumentNo: input.instrumentNo ?? null,
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        recordedBy: ctx.actor.name,
      },
      ctx.clock.now(),
    );
    await audit(tx, ctx, { action: 'deposit.lodge', objectType: 'wage_deposit', objectId: id, after: { projectId, ...input }, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

export interface DrawDepositInput extends DrawInput {
  orderNo: string;
  decisionNo: string;
  caseRef: string;
  workersRef: string;
}

/** DEP-09 then DEP-10: a draw on an HRSS decision after an unmet order, with its top-up deadline. */
export async function drawDeposit(ctx: Ctx, projectId: string, input: DrawDepositInput) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectDeposit(tx, projectId);
    const [a] = await assess(tx, [projectId], today(ctx));
    const problems = checkDraw(input, a.heldFen, today(ctx));
    if (problems.length) throw invalidFields(problems);
    const topUpDueOn = topUpDeadline(input.drawnOn, a.params.topUpWithinWD);
    await repo.insertDraw(tx, { id, projectId, ...input, topUpDueOn, recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: 'deposit.draw', objectType: 'wage_deposit_draw', objectId: id, after: { projectId, ...input, topUpDueOn }, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

export async function topUpDraw(ctx: Ctx, drawId: string, input: { amountFen: number; toppedOn: string; form: DepositForm; reference: string }) {
  const draw = await repo.findDrawInScope(ctx.db, (params) => projectScope(ctx.actor, params), drawId);
  if (!draw) throw notFound();
  const project = await visibleProject(ctx, ctx.db, draw.project_id);
  if (!mayKeep(ctx, project.generalContractorId)) throw new AppError('FORBIDDEN');
  if (input.toppedOn > today(ctx)) throw invalidFields([{ field: 'toppedOn', message: { zh: '补足日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  if (input.toppedOn < draw.drawn_on) throw invalidFields([{ field: 'toppedOn', message: { zh: '补足日期不能早于动用日期', en: 'The top-up cannot precede the draw' } }]);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.lockProjectDeposit(tx, draw.project_id);
    const [a] = await assess(tx, [draw.project_id], today(ctx));
    const outstanding = a.draws.find((d) => d.id === drawId)?.outstandingFen ?? 0;
    if (input.amountFen > outstanding) {
      throw invalidFields([{ field: 'amountFen', message: { zh: `补足金额超过待补足的 ${fenToYuanText(outstanding)} 元`, en: `More than the ${fenToYuanText(outstanding)} yuan outstanding` } }]);
    }
    await repo.insertTopUp(tx, { id, drawId, projectId: draw.project_id, ...input, recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: 'deposit.top_up', objectType: 'wage_deposit_draw', objectId: drawId, after: { topUpId: id, ...input }, regionPath: project.regionPath });
  });
  return getDeposit(ctx, draw.project_id);
}

// ---- DEP-11 return ----

async function returnRow(tx: DbOrTx, projectId: string) {
  const [r] = await repo.returnsOf(tx, [projectId], true);
  if (!r) throw invalidFields([{ field: 'version', message: { zh: '尚无返还申请', en: 'No return has been applied for' } }]);
  return r;
}

export async function applyForReturn(ctx: Ctx, projectId: string, input: { appliedOn: string }) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayKeep(ctx, project.generalContractorId)) throw new AppError('FORBIDDEN');
  if (input.appliedOn > today(ctx)) throw invalidFields([{ field: 'appliedOn', message: { zh: '申请日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    const [a] = await assess(tx, [projectId], today(ctx));
    const refused = checkReturnApplication({
      projectStatus: project.status,
      openArrearsOnProject: await repo.openArrearsOnProject(tx, projectId),
      returnStatus: (a.ret?.status as ReturnStatus) ?? null,
      heldFen: a.heldFen,
    });
    if (refused) throw invalidFields([{ field: 'appliedOn', message: refused }]);
    await repo.applyReturn(tx, projectId, input.appliedOn, ctx.actor.name, ctx.clock.now());
    await audit(tx, ctx, { action: 'deposit.return_apply', objectType: 'wage_deposit', objectId: projectId, after: { ...input, heldFen: a.heldFen }, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

/** The wage office checks the application: approved, it goes on public notice from `noticeFrom`; or refused with a reason. */
export async function decideReturn(ctx: Ctx, projectId: string, input: { approve: boolean; noticeFrom?: string; reason?: string; version: number }) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const problems: FieldProblem[] = [];
  if (input.approve && !input.noticeFrom) problems.push({ field: 'noticeFrom', message: { zh: '审核通过须填写公示开始日期', en: 'Give the first day of the public notice' } });
  if (!input.approve && !input.reason) problems.push({ field: 'reason', message: { zh: '不予返还须说明理由', en: 'Give the reason for refusing' } });
  if (problems.length) throw invalidFields(problems);
  await ctx.db.tx(async (tx) => {
    const r = await returnRow(tx, projectId);
    if (r.status !== 'applied') throw invalidFields([{ field: 'approve', message: { zh: '该申请不在待审核状态', en: 'The application is not awaiting a decision' } }]);
    if (input.approve && (await repo.openArrearsOnProject(tx, projectId)) > 0) {
      throw invalidFields([{ field: 'approve', message: { zh: '本项目尚有未结清的欠薪，不予返还（DEP-11）', en: 'Wages are still owed on the project (DEP-11)' } }]);
    }
    const days = await getParamValue<number>(tx, 'DEP-11.returnNoticeDays', project.regionCode, input.noticeFrom ?? today(ctx));
    const change = input.approve
      ? { status: 'noticed', approvedById: ctx.actor.id, approvedBy: ctx.actor.name, noticeFrom: input.noticeFrom!, noticeUntil: noticeUntil(input.noticeFrom!, days) }
      : { status: 'rejected', rejectReason: input.reason! };
    if (!(await repo.updateReturn(tx, projectId, input.version, change, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: input.approve ? 'deposit.return_approve' : 'deposit.return_reject', objectType: 'wage_deposit', objectId: projectId, reason: input.reason ?? null, after: change, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

/** After the notice, another official issues the return notice; the bank's deadline runs in working days (DEP-11). */
export async function orderReturn(ctx: Ctx, projectId: string, input: { orderedOn: string; version: number }) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  if (input.orderedOn > today(ctx)) throw invalidFields([{ field: 'orderedOn', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    const r = await returnRow(tx, projectId);
    const problems = checkReturnOrder({ status: r.status as ReturnStatus, noticeUntil: r.notice_until, orderedOn: input.orderedOn, approverId: r.approved_by_id, actorId: ctx.actor.id ?? '' });
    if (problems.length) throw invalidFields(problems);
    const wd = await getParamValue<number>(tx, 'DEP-11.bankReturnWD', project.regionCode, input.orderedOn);
    const change = { status: 'ordered', orderedOn: input.orderedOn, orderedBy: ctx.actor.name, bankDueOn: bankReturnDeadline(input.orderedOn, wd) };
    if (!(await repo.updateReturn(tx, projectId, input.version, change, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'deposit.return_order', objectType: 'wage_deposit', objectId: projectId, after: change, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

export async function confirmReturned(ctx: Ctx, projectId: string, input: { returnedOn: string; version: number }) {
  const project = await visibleProject(ctx, ctx.db, projectId);
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  if (input.returnedOn > today(ctx)) throw invalidFields([{ field: 'returnedOn', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    const r = await returnRow(tx, projectId);
    if (r.status !== 'ordered') throw invalidFields([{ field: 'returnedOn', message: { zh: '须先出具返还通知书', en: 'Issue the return notice first' } }]);
    if (input.returnedOn < r.ordered_on!) throw invalidFields([{ field: 'returnedOn', message: { zh: '退还日期不能早于返还通知书', en: 'The return cannot precede the notice' } }]);
    if (!(await repo.updateReturn(tx, projectId, input.version, { status: 'returned', returnedOn: input.returnedOn }, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'deposit.returned', objectType: 'wage_deposit', objectId: projectId, after: input, regionPath: project.regionPath });
  });
  return getDeposit(ctx, projectId);
}

// ---- region view ----

/** Projects under construction in scope whose deposit is missing or short, or whose top-up is overdue. */
export async function regionDeposits(ctx: Ctx, query: { regionCode?: string }) {
  const regionPath = (await regionFilterPath(ctx.db, query.regionCode)) ?? null;
  const ids = await repo.projectsUnderConstruction(ctx.db, (params) => projectScope(ctx.actor, params), regionPath);
  const all = await assess(ctx.db, ids, today(ctx));
  return all
    .filter((a) => a.state === 'missing' || a.state === 'short' || a.state === 'top_up_overdue')
    .map((a) => ({
      projectId: a.facts.id,
      code: a.facts.code,
      name: a.facts.name,
      regionName: a.facts.region_name,
      generalContractorName: a.facts.general_contractor_name,
      requiredFen: a.required.requiredFen,
      heldFen: a.heldFen,
      shortfallFen: a.shortfallFen,
      state: a.state,
      overdueDraws: a.draws.filter((d) => d.state === 'overdue').map((d) => ({ drawId: d.id, outstandingFen: d.outstandingFen, topUpDueOn: d.top_up_due_on! })),
    }));
}

/** For other modules (the PRJ-06 checklist, warnings): each project's deposit state on a day, without scope. */
export async function depositStatesOf(db: DbOrTx, projectIds: string[], on: string) {
  const all = await assess(db, projectIds, on);
  return new Map(all.map((a) => [a.facts.id, { state: a.state, requiredFen: a.required.requiredFen, heldFen: a.heldFen, shortfallFen: a.shortfallFen }]));
}

// ---- arrears history ----

/** An enterprise's arrears findings, listing periods and the start of the record (for other modules: no scope). */
export async function arrearsHistoryOf(db: DbOrTx, enterpriseId: string) {
  const arrears = await repo.arrearsOf(db, [enterpriseId]);
  const listings = await repo.listingsOf(db, [enterpriseId]);
  const coverage = await repo.coverageOf(db, [enterpriseId]);
  return { arrears, listings, coverage: coverage.get(enterpriseId) ?? null };
}

async function visibleEnterprise(ctx: Ctx, enterpriseId: string) {
  const e = await findEnterpriseForScope(ctx.db, ctx.actor, enterpriseId);
  if (!e) throw notFound();
  return e;
}

export async function arrearsHistory(ctx: Ctx, enterpriseId: string) {
  const e = await visibleEnterprise(ctx, enterpriseId);
  return { enterprise: e, ...(await arrearsHistoryOf(ctx.db, enterpriseId)), actions: mayDecide(ctx) ? ['record'] : [] };
}

export interface ArrearsInput {
  projectId?: string | null;
  foundOn: string;
  amountFen: number;
  resolvedOn?: string | null;
  source: ArrearsSource;
  reference: string;
}

/** For payroll and cases later: records a finding in the caller's transaction, audited. */
export async function recordArrearsIn(ctx: Ctx, tx: DbOrTx, enterpriseId: string, input: ArrearsInput, regionPath: string) {
  const id = newIds(1)[0];
  await repo.insertArrears(tx, { id, enterpriseId, projectId: input.projectId ?? null, foundOn: input.foundOn, amountFen: input.amountFen, resolvedOn: input.resolvedOn ?? null, source: input.source, reference: input.reference, recordedBy: ctx.actor.name }, ctx.clock.now());
  await audit(tx, ctx, { action: 'arrears.record', objectType: 'enterprise_arrears', objectId: id, after: { enterpriseId, ...input }, regionPath });
  return id;
}

/** Settles a finding another module recorded, in the caller's transaction, audited. */
export async function resolveArrearsIn(ctx: Ctx, tx: DbOrTx, arrearsId: string, resolvedOn: string) {
  if (await repo.resolveArrears(tx, arrearsId, resolvedOn)) {
    await audit(tx, ctx, { action: 'arrears.resolve', objectType: 'enterprise_arrears', objectId: arrearsId, after: { resolvedOn } });
  }
}

/** Unsettled findings of one source (payroll, cases…), for that source to keep them in step. */
export const openArrearsOfSource = (db: DbOrTx, source: ArrearsSource) => repo.openArrearsOfSource(db, source);

export async function recordArrears(ctx: Ctx, enterpriseId: string, input: ArrearsInput) {
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const e = await visibleEnterprise(ctx, enterpriseId);
  const problems: FieldProblem[] = [];
  if (input.foundOn > today(ctx)) problems.push({ field: 'foundOn', message: { zh: '发现日期不能晚于今天', en: 'The date cannot be in the future' } });
  if (input.resolvedOn && input.resolvedOn < input.foundOn) problems.push({ field: 'resolvedOn', message: { zh: '结清日期不能早于发现日期', en: 'Settlement cannot precede the finding' } });
  if (input.projectId) {
    const project = await findProjectForScope(ctx.db, ctx.actor, input.projectId);
    if (!project || !project.partyIds.includes(enterpriseId)) problems.push({ field: 'projectId', message: { zh: '该企业不是此项目的参建单位，或项目不在管辖范围内', en: 'The enterprise is not a party to a project in your jurisdiction' } });
  }
  if (problems.length) throw invalidFields(problems);
  await ctx.db.tx((tx) => recordArrearsIn(ctx, tx, enterpriseId, input, e.regionPath));
  return arrearsHistory(ctx, enterpriseId);
}

export async function resolveArrears(ctx: Ctx, arrearsId: string, input: { resolvedOn: string }) {
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const a = await repo.findArrears(ctx.db, arrearsId);
  const e = a && (await findEnterpriseForScope(ctx.db, ctx.actor, a.enterprise_id));
  if (!a || !e) throw notFound();
  if (input.resolvedOn < a.found_on || input.resolvedOn > today(ctx)) {
    throw invalidFields([{ field: 'resolvedOn', message: { zh: '结清日期应在发现日期与今天之间', en: 'Settlement lies between the finding and today' } }]);
  }
  await ctx.db.tx(async (tx) => {
    if (!(await repo.resolveArrears(tx, arrearsId, input.resolvedOn))) throw invalidFields([{ field: 'resolvedOn', message: { zh: '该欠薪已登记结清', en: 'Already settled' } }]);
    await audit(tx, ctx, { action: 'arrears.resolve', objectType: 'enterprise_arrears', objectId: arrearsId, after: input, regionPath: e.regionPath });
  });
  return arrearsHistory(ctx, a.enterprise_id);
}

export async function recordListing(ctx: Ctx, enterpriseId: string, input: { listedOn: string; removedOn?: string | null; decisionNo: string }) {
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const e = await visibleEnterprise(ctx, enterpriseId);
  if (input.removedOn && input.removedOn <= input.listedOn) throw invalidFields([{ field: 'removedOn', message: { zh: '移出日期须晚于列入日期', en: 'Removal must follow the listing' } }]);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    await repo.insertListing(tx, { id, enterpriseId, listedOn: input.listedOn, removedOn: input.removedOn ?? null, decisionNo: input.decisionNo, recordedBy: ctx.actor.name }, ctx.clock.now());
    await audit(tx, ctx, { action: 'arrears.dishonesty_listing', objectType: 'enterprise', objectId: enterpriseId, after: input, regionPath: e.regionPath });
  });
  return arrearsHistory(ctx, enterpriseId);
}

export async function setArrearsCoverage(ctx: Ctx, enterpriseId: string, input: { coveredFrom: string; reason: string }) {
  if (!mayDecide(ctx)) throw new AppError('FORBIDDEN');
  const e = await visibleEnterprise(ctx, enterpriseId);
  if (input.coveredFrom > today(ctx)) throw invalidFields([{ field: 'coveredFrom', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    await repo.setCoverage(tx, enterpriseId, input.coveredFrom, ctx.actor.name, ctx.clock.now());
    await audit(tx, ctx, { action: 'arrears.coverage', objectType: 'enterprise', objectId: enterpriseId, reason: input.reason, after: { coveredFrom: input.coveredFrom }, regionPath: e.regionPath });
  });
  return arrearsHistory(ctx, enterpriseId);
}
