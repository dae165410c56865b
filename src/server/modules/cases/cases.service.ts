import type { DbOrTx, Tx } from '../../db/client';
import { can } from '../../platform/access/actor';
import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import type { AuditEntry } from '../../platform/audit/audit';
import { type Ctx, audit } from '../../platform/context';
import { maskPhone } from '../../platform/crypto/masking';
import { filesStoredBy, readStoredFile, storeFile } from '../../platform/files/files';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { notifyResponsible } from '../notify';
import { findEnterpriseRefs, matchEnterprises } from '../orgs';
import { progressSummary } from '../payments';
import { getParamValue, getParamValues, type ParamSnapshot, snapshotOfValues } from '../params';
import { findProjectForScope, findProjectParties, type ProjectPartiesRow } from '../projects';
import { findRegion } from '../regions';
import { getWarning, linkWarningToCase, ROUTING_PARAM_IDS } from '../warnings';
import { visibleWorkerIds } from '../workforce';
import { documentsFacts, recordCaseDocument } from './cases.documents';
import * as repo from './cases.repo';
import type { DocumentKind } from './cases.templates';
import { caseTitle, closable, criminalThreshold, enoughInspectors, isMajorCase, type MajorCaseParams, nameSimilarity, normaliseEmployerName, withinLimitation } from './cases.law';
import { allowedActions, mayReadContacts, mayWork, maySupervise } from './cases.policy';
import { acceptBy, type CaseAction, type CaseStatus, closureOf, type ClueChannel, isOverdue, stageDeadlineIfKnown, type StageParams, transition } from './cases.rules';
import './cases.params';

/**
 * 线索 / 案件: a complaint from any channel becomes a clue; a clue with a complainant becomes (or
 * joins) a case routed to the responsible unit, which moves it through its stages within their
 * deadlines until every listed worker is paid or their claim has moved to another procedure.
 */

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());
const FINDING_CHANNELS: readonly ClueChannel[] = ['inspection', 'warning', 'opinion'];

const CASE_PARAM_IDS = [
  'CASE-06.respondWD', 'CASE-01.acceptWithinWD', 'CASE-06.verifyWD', 'CASE-06.closeWD', 'CASE-03.investigateWD', 'CASE-03.extensionWD', 'CASE.callbackWD',
  'CASE.major.workers', 'CASE.major.amountFen', 'CASE.major.incidentPeople',
  'CRM-01.oneWorkerAmount', 'CRM-01.tenWorkersAmount', 'CRM-01.oneWorkerMonths', 'CRM-01.minWorkers', 'CASE-02.limitationYears',
] as const;

interface CaseParams {
  stage: StageParams;
  major: MajorCaseParams;
  /** CRM-01's amounts and CASE-02's years, for what the law makes of a case. */
  law: { oneWorkerFen: number; tenWorkersFen: number; oneWorkerMonths: number; minWorkers: number; limitationYears: number };
}

/** The region's stage deadlines, major-case thresholds and case law, in one read of the parameters. */
async function caseParams(db: DbOrTx, regionCode: string, on: string): Promise<CaseParams> {
  return caseParamsOf(await getParamValues(db, CASE_PARAM_IDS, regionCode, on));
}

function caseParamsOf(v: Record<string, unknown>): CaseParams {
  const n = (id: (typeof CASE_PARAM_IDS)[number]) => Number(v[id]);
  return {
    stage: {
      respondWD: n('CASE-06.respondWD'),
      acceptWithinWD: n('CASE-01.acceptWithinWD'),
      verifyWD: n('CASE-06.verifyWD'),
      closeWD: n('CASE-06.closeWD'),
      investigateWD: n('CASE-03.investigateWD'),
      extensionWD: n('CASE-03.extensionWD'),
      callbackWD: n('CASE.callbackWD'),
    },
    major: { workers: n('CASE.major.workers'), amountFen: n('CASE.major.amountFen'), incidentPeople: n('CASE.major.incidentPeople') },
    law: {
      oneWorkerFen: n('CRM-01.oneWorkerAmount'),
      tenWorkersFen: n('CRM-01.tenWorkersAmount'),
      oneWorkerMonths: n('CRM-01.oneWorkerMonths'),
      minWorkers: n('CRM-01.minWorkers'),
      limitationYears: n('CASE-02.limitationYears'),
    },
  };
}

/** The region's stage deadlines (also for cases.documents.service.ts: a settlement's plan lengthens the mediation). */
export const stageParams = async (ctx: Ctx, regionCode: string, on: string) => (await caseParams(ctx.db, regionCode, on)).stage;

/**
 * Evidence offered with a step must be files the official uploaded themself (or, with `kept`,
 * files already on record there): one problem per other file, at `field/index`, from one read.
 */
async function ownFileProblems(ctx: Ctx, lists: readonly { field: string; fileIds?: readonly string[] }[], kept: ReadonlySet<string> = new Set()): Promise<FieldProblem[]> {
  const offered = [...new Set(lists.flatMap((l) => l.fileIds ?? []))].filter((id) => !kept.has(id));
  if (offered.length === 0) return [];
  const own = await filesStoredBy(ctx.db, offered, ctx.actor.name);
  return lists.flatMap((l) =>
    (l.fileIds ?? []).flatMap((id, i) => (own.has(id) || kept.has(id) ? [] : [{ field: `${l.field}/${i}`, message: { zh: '附件不存在或不是您上传的', en: 'No such file among your uploads' } }])),
  );
}

/** 证据: a photo or scan (欠条, 考勤记录, 聊天截图, 询问笔录) kept to be listed with a clue or a step. */
export async function storeEvidence(ctx: Ctx, file: { name: string; content: Buffer }) {
  return ctx.db.tx(async (tx) => {
    const stored = await storeFile(ctx, tx, file, ['image/jpeg', 'image/png', 'application/pdf']);
    await audit(tx, ctx, { action: 'case.evidence_upload', objectType: 'file', objectId: stored.id, after: { name: stored.name, mime: stored.mime, size: stored.size } });
    return { id: stored.id, name: stored.name, mime: stored.mime, size: stored.size };
  });
}

/** A piece of evidence listed on a case (with one of its clues, checklist items or steps), for those who may read the case; audited. */
export async function readEvidence(ctx: Ctx, caseId: string, fileId: string) {
  const c = await visibleCase(ctx, caseId);
  if (!(await repo.caseListsFile(ctx.db, caseId, fileId))) throw notFound();
  const file = await readStoredFile(ctx, ctx.db, fileId);
  if (!file) throw notFound();
  await ctx.db.tx((tx) => audit(tx, ctx, { action: 'case.evidence_read', objectType: 'file', objectId: fileId, after: { caseNo: c.case_no, name: file.name }, regionPath: c.region_path }));
  return file;
}

// ---- Intake ----------------------------------------------------------------------------------

export interface ClueInput {
  channel: ClueChannel;
  externalId?: string | null;
  receivedAt?: string | null;
  projectId?: string | null;
  /** The project by the code on its site board (the public's way to name it), instead of its id. */
  projectCode?: string | null;
  regionCode?: string | null;
  employerId?: string | null;
  employerName: string;
  employerCreditCode?: string | null;
  anonymous?: boolean;
  complainant?: { name: string; phone?: string | null; workerId?: string | null } | null;
  workers: { name: string; workerId?: string | null; phone?: string | null; claimedFen: number }[];
  /** How many workers the complaint speaks for, when more than it lists (a platform clue names one). */
  workerCount?: number;
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
  fileIds?: string[];
  dualAssignment?: boolean;
  assignedByUnitId?: string | null;
  warningId?: string | null;
}

/** A clue checked and looked up, ready to be written: `recordClue` writes it. */
export interface CluePlan {
  clue: Omit<repo.ClueWrite, 'complainantPhoneEnc' | 'complainantPhoneBidx' | 'complainantPhoneMask'>;
  complainantPhone: string | null;
  workers: { id: string; workerId: string | null; name: string; phone: string | null; claimedFen: number }[];
  /** Null for an anonymous tip-off, kept as intelligence. */
  case: repo.CaseWrite | null;
  routing: ParamSnapshot;
  stage: StageParams;
}

/**
 * Records a clue and, unless it is an anonymous tip-off (kept as intelligence that can start an
 * inspection), opens its case: titled, routed by project class and region, the receiver's unit
 * answerable until the handling unit accepts. A clue from a channel with its external id already
 * recorded returns what was recorded then and changes nothing.
 */
export async function receiveClue(ctx: Ctx, input: ClueInput): Promise<{ clueId: string; caseId: string | null; duplicate: boolean }> {
  if (input.externalId) {
    const seen = await repo.findClueByExternalId(ctx.db, input.channel, input.externalId);
    if (seen) return { clueId: seen.id, caseId: seen.case_id, duplicate: true };
  }
  const plan = await planClue(ctx, input);
  const done = await ctx.db.tx((tx) => recordClue(tx, ctx, plan));
  // Lost the race to the same external id: the one recorded first stands.
  return done ?? duplicateOf(ctx, input);
}

/**
 * Checks a clue and looks up what its recording needs (the project and its parties, the place,
 * the employer in the registry, the region's parameters), writing nothing: bad input is refused
 * here with every problem at once.
 */
export async function planClue(ctx: Ctx, input: ClueInput): Promise<CluePlan> {
  const on = today(ctx);
  const problems: FieldProblem[] = [];
  const project = input.projectId
    ? await findProjectParties(ctx.db, ctx.actor, { id: input.projectId })
    : input.projectCode
      ? await findProjectParties(ctx.db, ctx.actor, { code: input.projectCode })
      : undefined;
  if (input.projectId && !project) problems.push({ field: 'projectId', message: { zh: '项目不存在或不在您的管辖范围内', en: 'No such project in your jurisdiction' } });
  if (!input.projectId && input.projectCode && !project) problems.push({ field: 'projectCode', message: { zh: '未找到该项目，请核对告示牌上的项目编号', en: 'No such project; check the code on the board' } });
  const region = project
    ? { code: project.region_code, path: project.region_path }
    : input.regionCode
      ? await findRegion(ctx.db, input.regionCode)
      : undefined;
  if (!project && !input.projectCode && (!region || !regionInScope(ctx.actor, region.path))) problems.push({ field: 'regionCode', message: { zh: '请选择欠薪发生地（本辖区内）', en: 'Choose where the arrears happened, in your jurisdiction' } });
  const anonymous = input.channel === 'anonymous_tip' || input.anonymous === true;
  // A complaint has a complainant and the workers it speaks for; a finding of our own (an
  // inspection, a warning, a public-opinion item) may start before anyone has complained.
  const complaint = !anonymous && !FINDING_CHANNELS.includes(input.channel);
  if (anonymous && input.complainant) problems.push({ field: 'complainant', message: { zh: '匿名举报不登记举报人信息', en: 'An anonymous tip-off records no complainant' } });
  if (complaint && !input.complainant) problems.push({ field: 'complainant', message: { zh: '请填写投诉人及联系方式', en: 'Enter the complainant and a contact' } });
  if (complaint && input.workers.length === 0) problems.push({ field: 'workers', message: { zh: '请至少列明一名被拖欠工资的农民工', en: 'List at least one unpaid worker' } });
  if (input.receivedAt && new Date(input.receivedAt) > ctx.clock.now()) problems.push({ field: 'receivedAt', message: { zh: '接收时间不能晚于现在', en: 'Received in the future' } });
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) problems.push({ field: 'periodTo', message: { zh: '欠薪期间的结束早于开始', en: 'The period ends before it starts' } });
  if (input.periodTo && input.periodTo > on) problems.push({ field: 'periodTo', message: { zh: '欠薪期间不能晚于今天', en: 'The period cannot end in the future' } });
  // Every named worker checked against the registry in one statement.
  const named = [input.complainant?.workerId, ...input.workers.map((w) => w.workerId)].filter((id): id is string => Boolean(id));
  const known = named.length ? await visibleWorkerIds(ctx.db, ctx.actor, named) : new Set<string>();
  const unknownWorker = { zh: '实名制登记中无此农民工', en: 'No such worker in the registry' };
  if (input.complainant?.workerId && !known.has(input.complainant.workerId)) problems.push({ field: 'complainant/workerId', message: unknownWorker });
  input.workers.forEach((w, i) => w.workerId && !known.has(w.workerId) && problems.push({ field: `workers/${i}/workerId`, message: unknownWorker }));
  problems.push(...(await ownFileProblems(ctx, [{ field: 'fileIds', fileIds: input.fileIds }])));
  if (input.assignedByUnitId && !(await repo.findUnit(ctx.db, input.assignedByUnitId))) problems.push({ field: 'assignedByUnitId', message: { zh: '交办单位不存在', en: 'No such assigning unit' } });
  let employer: PlanEmployer;
  if (input.employerId) {
    const [e] = await findEnterpriseRefs(ctx.db, { ids: [input.employerId] });
    if (!e) problems.push({ field: 'employerId', message: { zh: '企业库中无此单位', en: 'No such enterprise in the registry' } });
    employer = { id: input.employerId, name: e?.name ?? input.employerName.trim(), match: 'confirmed' };
  } else employer = await proposedEmployer(ctx.db, input, project?.parties ?? []);
  if (problems.length) throw invalidFields(problems);

  // The case's parameters and the routing's, in one read.
  const params = await getParamValues(ctx.db, CLUE_PARAM_IDS, region!.code, on);
  return composePlan(ctx, input, { project, place: region!, employer, params });
}

/** What a clue's plan is made from, once looked up: the project with its parties, the place, the employer, the region's parameters (`CLUE_PARAM_IDS`). */
export interface PlanLookups {
  project: ProjectPartiesRow | undefined;
  place: { code: string; path: string };
  employer: PlanEmployer;
  params: Record<string, unknown>;
}

interface PlanEmployer {
  id: string | null;
  name: string;
  match: 'unmatched' | 'proposed' | 'confirmed';
}

/** The parameters a clue's plan reads: the case's and the routing's. */
export const CLUE_PARAM_IDS = [...CASE_PARAM_IDS, ...ROUTING_PARAM_IDS];

/** The employer a clue names, matched to the registry: confirmed on an exact match, else proposed for staff to confirm. */
export async function proposedEmployer(db: DbOrTx, input: Pick<ClueInput, 'employerName' | 'employerCreditCode'>, parties: ProjectPartiesRow['parties']): Promise<PlanEmployer> {
  const name = input.employerName.trim();
  const best = await proposeEmployer(db, name, input.employerCreditCode ?? null, parties);
  return best ? { id: best.id, name, match: best.exact ? 'confirmed' : 'proposed' } : { id: null, name, match: 'unmatched' };
}

/**
 * The plan of a checked clue from what was looked up for it (`planClue` for one clue, the intake
 * drainer for a batch): ids, title, routing snapshot, first deadline and major-case flags.
 */
export function composePlan(ctx: Ctx, input: ClueInput, found: PlanLookups): CluePlan {
  const { project, place, params } = found;
  const { id: employerId, name: employerName, match: employerMatch } = found.employer;
  const anonymous = input.channel === 'anonymous_tip' || input.anonymous === true;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.clock.now();
  const receivedOn = shanghaiDate(receivedAt);
  const [clueId, caseId] = newIds(2);
  const claimedFen = input.workers.reduce((s, w) => s + w.claimedFen, 0);
  const workerCount = Math.max(input.workers.length, input.workerCount ?? 0);
  const cp = caseParamsOf(params);
  const major = isMajorCase({ workers: workerCount, claimedFen, groupIncident: null, extremeIncident: false }, cp.major);
  const workerIds = newIds(input.workers.length);
  return {
    clue: {
      id: clueId,
      channel: input.channel,
      externalId: input.externalId ?? null,
      receivedAt,
      receivedOn,
      receivedBy: ctx.actor.name,
      // 首问负责: the receiving official's unit; for the public, the place's wage office.
      receiverPath: ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionPath : place.path,
      regionCode: place.code,
      regionPath: place.path,
      projectId: project?.id ?? null,
      employerId,
      employerName,
      employerCreditCode: input.employerCreditCode?.toUpperCase() ?? null,
      employerMatch,
      anonymous,
      complainantName: anonymous ? null : (input.complainant?.name ?? null),
      complainantWorkerId: anonymous ? null : (input.complainant?.workerId ?? null),
      workerCount: Math.max(1, workerCount),
      claimedFen,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      description: input.description,
      fileIds: input.fileIds ?? [],
      warningId: input.warningId ?? null,
      status: anonymous ? 'intelligence' : 'in_case',
      caseId: anonymous ? null : caseId,
    },
    complainantPhone: anonymous ? null : input.complainant?.phone?.trim() || null,
    workers: input.workers.map((w, i) => ({ id: workerIds[i], workerId: w.workerId ?? null, name: w.name, phone: w.phone?.trim() || null, claimedFen: w.claimedFen })),
    case: anonymous
      ? null
      : {
          id: caseId,
          title: caseTitle({ projectName: project?.name ?? null, employerName, firstWorkerName: input.workers[0]?.name ?? null, workerCount }),
          industry: project?.supervising_industry ?? null,
          partyIds: [...new Set([...(project?.party_ids ?? []), ...(employerId ? [employerId] : [])])],
          stageDueOn: stageDeadlineIfKnown('received', { receivedOn, acceptedOn: null, filedOn: null, extended: false, orderDueOn: null, resolvedOn: null }, cp.stage),
          assignedByUnitId: input.assignedByUnitId ?? null,
          dualAssignment: input.dualAssignment ?? false,
          major: major.major,
          majorReasons: major.reasons,
        },
    routing: snapshotOfValues(params, ROUTING_PARAM_IDS),
    stage: cp.stage,
  };
}

/** What recording a clue wrote, with the audit entry that must go with it in the same transaction. */
type ClueWritten = { clueId: string; caseId: string | null; caseNo: string | null; handlingUnitName: string | null; duplicate: false; entry: AuditEntry };

/**
 * Writes a planned clue, its case, workers and first event (one statement) and the audit record,
 * in the caller's transaction. Null when a clue from the same channel with the same external id
 * was recorded first, and then nothing is written.
 */
export async function recordClue(tx: Tx, ctx: Ctx, plan: CluePlan): Promise<Omit<ClueWritten, 'entry'> | null> {
  const written = await writeClue(tx, ctx, plan);
  if (!written) return null;
  const { entry, ...result } = written;
  await audit(tx, ctx, entry);
  return result;
}

/** `recordClue` but for the audit record, which it returns for the caller to append. */
export async function writeClue(tx: Tx, ctx: Ctx, plan: CluePlan): Promise<ClueWritten | null> {
  return (await writeClues(tx, [{ ctx, plan }]))[0];
}

/**
 * Writes planned clues, each with its own context (who received it, from where), and the cases
 * they open in one statement; each one's result and audit entry, or null where the same external
 * id was recorded first. The intake drainer writes a batch so and appends the entries at once.
 */
export async function writeClues(tx: Tx, planned: readonly { ctx: Ctx; plan: CluePlan }[]): Promise<(ClueWritten | null)[]> {
  const written = planned.map(({ ctx, plan }) => {
    const { clue } = plan;
    const phone = plan.complainantPhone;
    return {
      ...clue,
      complainantPhoneEnc: phone ? ctx.cipher.encrypt(phone, repo.clueAad(clue.id)) : null,
      complainantPhoneBidx: phone ? ctx.cipher.blindIndex('phone', phone) : null,
      complainantPhoneMask: phone ? maskPhone(phone) : null,
    } satisfies repo.ClueWrite;
  });
  // Tip-offs, kept as intelligence, open no case: one at a time (they are few).
  const anonymous = new Map<string, ClueWritten | null>();
  for (const [k, { ctx, plan }] of planned.entries()) {
    if (plan.case) continue;
    const { clue } = plan;
    const entry = { action: 'clue.receive', objectType: 'clue', objectId: clue.id, after: { channel: clue.channel, anonymous: true }, regionPath: clue.regionPath };
    anonymous.set(clue.id, (await repo.insertClue(tx, written[k], ctx.clock.now())) ? { clueId: clue.id, caseId: null, caseNo: null, handlingUnitName: null, duplicate: false, entry } : null);
  }
  const items = planned.flatMap(({ ctx, plan }, k): repo.ClueWithCase[] =>
    plan.case
      ? [
          {
            clue: written[k],
            kase: plan.case,
            routing: { snapshot: plan.routing, year: plan.clue.receivedOn.slice(0, 4) },
            workers: plan.workers.map((w) => ({
              id: w.id,
              workerId: w.workerId,
              name: w.name,
              phoneEnc: w.phone ? ctx.cipher.encrypt(w.phone, repo.caseWorkerAad(w.id)) : null,
              phoneBidx: w.phone ? ctx.cipher.blindIndex('phone', w.phone) : null,
              phoneMask: w.phone ? maskPhone(w.phone) : null,
              claimedFen: w.claimedFen,
            })),
            event: { id: newIds(1)[0], actorName: ctx.actor.name, data: { channel: plan.clue.channel, clueId: plan.clue.id } },
          },
        ]
      : [],
  );
  const opened = await repo.insertCluesWithCases(tx, items, planned[0]?.ctx.clock.now() ?? new Date());
  return planned.map(({ plan }) => {
    if (!plan.case) return anonymous.get(plan.clue.id)!;
    const c = opened.get(plan.case.id);
    if (!c) return null;
    const { clue } = plan;
    const entry = {
      action: 'case.receive',
      objectType: 'case',
      objectId: plan.case.id,
      after: { caseNo: c.case_no, clueId: clue.id, channel: clue.channel, workers: plan.workers.length, claimedFen: clue.claimedFen },
      regionPath: clue.regionPath,
    };
    return { clueId: clue.id, caseId: plan.case.id, caseNo: c.case_no, handlingUnitName: c.handling_unit_name, duplicate: false as const, entry };
  });
}

/** What the complainant is told once a complaint is in: the case number, the unit and the day it must be accepted by (CASE-01). */
export async function receiptOfCase(ctx: Ctx, caseId: string) {
  const r = await repo.receiptOf(ctx.db, caseId);
  const acceptWithinWD = await getParamValue<number>(ctx.db, 'CASE-01.acceptWithinWD', r.region_code, r.received_on);
  return { caseNo: r.case_no, title: r.title, handlingUnitName: r.handling_unit_name, receivedOn: r.received_on, acceptBy: acceptBy(r.received_on, acceptWithinWD) };
}

async function duplicateOf(ctx: Ctx, input: ClueInput) {
  const seen = await repo.findClueByExternalId(ctx.db, input.channel, input.externalId!);
  return { clueId: seen!.id, caseId: seen!.case_id, duplicate: true };
}

/**
 * The registry entry a complaint's employer most likely is: the credit code when it matches, else
 * the most similar name among those sharing a stretch of it; a proposal for staff to confirm.
 */
async function proposeEmployer(db: DbOrTx, name: string, creditCode: string | null, parties: { id: string; name: string; credit_code: string }[]) {
  // On a known project the employer is almost always one of its parties: look there first.
  const core = normaliseEmployerName(name);
  const fragments = core.length >= 4 ? [core.slice(0, 4), core.slice(-4)] : [core];
  const inParties = parties.some((c) => (creditCode && c.credit_code === creditCode.toUpperCase()) || nameSimilarity(name, c.name) >= 0.8);
  const candidates = inParties ? parties : await matchEnterprises(db, { creditCode, nameFragments: fragments, limit: 50 });
  const exact = candidates.find((c) => creditCode && c.credit_code === creditCode.toUpperCase());
  if (exact) return { id: exact.id, exact: true };
  const scored = candidates.map((c) => ({ id: c.id, score: nameSimilarity(name, c.name) })).sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (!top || top.score < 0.8) return null;
  return { id: top.id, exact: top.score === 1 };
}

async function majorOf(ctx: Ctx, regionCode: string, on: string, facts: { workers: number; claimedFen: number; groupIncident: { people: number } | null; extremeIncident: boolean }) {
  return isMajorCase(facts, (await caseParams(ctx.db, regionCode, on)).major);
}

/**
 * 预警转案件: a warning becomes a case about its project and employer, routed like any other, the
 * warning keeping the case's reference. Converting the same warning again returns the same case.
 */
export async function caseFromWarning(ctx: Ctx, warningId: string, input: { note?: string | null }) {
  const { warning: w, rule } = await getWarning(ctx, warningId);
  if (!w.project_id && !w.enterprise_id) throw new AppError('BUSINESS_RULE', { detail: { zh: '该预警没有可立案的项目或单位', en: 'The warning names no project or employer' } });
  // A project warning without an employer of its own is the general contractor's to answer.
  const project = w.project_id ? await findProjectForScope(ctx.db, ctx.actor, w.project_id) : undefined;
  const r = await receiveClue(ctx, {
    channel: 'warning',
    externalId: w.id,
    projectId: w.project_id,
    regionCode: w.region_code,
    employerId: w.enterprise_id ?? project?.generalContractorId ?? null,
    employerName: w.enterprise_name ?? project?.generalContractorName ?? '',
    workers: [],
    description: `【预警转办】${w.rule_code} ${rule?.name.zh ?? ''}${input.note ? `：${input.note}` : ''}`,
    warningId: w.id,
  });
  const c = await visibleCase(ctx, r.caseId!);
  await linkWarningToCase(ctx, w.id, { id: c.id, caseNo: c.case_no });
  return r;
}

// ---- Reading ---------------------------------------------------------------------------------

export async function listCases(ctx: Ctx, f: repo.CaseFilter & { overdue?: boolean }, page: { page: number; pageSize: number }) {
  const result = await repo.listCases(ctx.db, ctx.actor, { ...f, overdueOn: f.overdue ? today(ctx) : undefined }, page);
  const on = today(ctx);
  return { ...result, items: result.items.map((row) => ({ row, overdue: row.status !== 'closed' && isOverdue(row.stage_due_on, on) })) };
}

export async function listClues(ctx: Ctx, f: { status?: string; channel?: string }, page: { page: number; pageSize: number }) {
  return repo.listClues(ctx.db, ctx.actor, f, page);
}

/** The case in the caller's scope, else not found. */
export async function visibleCase(ctx: Ctx, id: string) {
  const c = await repo.findCaseInScope(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  return c;
}

/** What the policy looks at in a case. */
export const forPolicy = (c: repo.CaseRow) => ({
  status: c.status,
  handlingUnitPath: c.handling_unit_path,
  accountableUnitPath: c.accountable_unit_path,
  extended: c.extended,
});

/** Everything an official needs on one page: the case, its workers and money, the timeline, what the law says now. */
export async function getCase(ctx: Ctx, id: string) {
  const c = await visibleCase(ctx, id);
  const on = today(ctx);
  const policy = forPolicy(c);
  const [workers, clues, payments, checklist, documents, events, incidents, candidates, params] = await Promise.all([
    repo.workersOf(ctx.db, id),
    repo.cluesOfCase(ctx.db, id),
    repo.paymentsOf(ctx.db, id),
    repo.checklistOf(ctx.db, id),
    repo.documentsOf(ctx.db, id),
    repo.eventsOf(ctx.db, id),
    repo.incidentsOfCase(ctx.db, id),
    c.status === 'received' || c.status === 'accepted' ? repo.mergeCandidates(ctx.db, ctx.actor, { id, projectId: c.project_id, employerId: c.employer_id, employerName: c.employer_name }) : Promise.resolve([]),
    caseParams(ctx.db, c.region_code, on),
  ]);
  // What the law makes of the case, and for the documents tab: making files, the decisions (PEN-01…06) open to it.
  const facts = { ...caseFacts(c, { workers, clues, documents }, params.law, on), documents: await documentsFacts(ctx.db, ctx.actor, c, policy, { documents, workers, payments }, on) };
  return {
    row: c,
    workers,
    clues,
    payments,
    checklist,
    documents,
    events,
    incidents,
    mergeCandidates: candidates,
    deadlines: { stageDueOn: c.stage_due_on, overdue: c.status !== 'closed' && isOverdue(c.stage_due_on, on), acceptBy: acceptBy(c.received_on, params.stage.acceptWithinWD) },
    facts,
    actions: allowedActions(ctx.actor, policy),
    mayWork: mayWork(ctx.actor, policy),
    maySupervise: maySupervise(ctx.actor, policy),
    mayReadContacts: can(ctx.actor, 'pii.view_full') && mayReadContacts(ctx.actor, policy),
  };
}

/** What the law makes of the case today: limitation, the criminal threshold, whether it may close. */
function caseFacts(
  c: repo.CaseRow,
  { workers, clues, documents }: { workers: repo.CaseWorkerRow[]; clues: repo.ClueRow[]; documents: Awaited<ReturnType<typeof repo.documentsOf>> },
  { oneWorkerFen, tenWorkersFen, oneWorkerMonths, minWorkers, limitationYears }: CaseParams['law'],
  on: string,
) {
  const periodEnd = clues.map((l) => l.period_to).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const periodStart = clues.map((l) => l.period_from).filter((d): d is string => d !== null).sort()[0] ?? null;
  const months = periodStart && periodEnd ? monthsBetween(periodStart, periodEnd) : 0;
  const order = documents.find((d) => d.kind === 'order_to_correct');
  const orderUnmet = Boolean(order?.due_on && order.due_on < on && workers.some((w) => w.status === 'open'));
  const claims = workers.map((w) => ({ workerName: w.name, foundOwedFen: Number(w.found_owed_fen ?? w.claimed_fen), recoveredFen: Number(w.recovered_fen), status: w.status, confirmedByWorker: w.confirmed_at !== null }));
  return {
    limitation: periodEnd ? { within: withinLimitation(periodEnd, c.received_on, limitationYears), periodEnd, years: limitationYears } : null,
    criminal: {
      ...criminalThreshold({
        workers: claims.filter((w) => w.status === 'open').map((w) => ({ owedFen: Math.max(0, w.foundOwedFen - w.recoveredFen), monthsUnpaid: months })),
        oneWorkerFen,
        tenWorkersFen,
        oneWorkerMonths,
        minWorkers,
        orderUnmet,
      }),
      // The region's figures and the order, so the page can show what was measured against what.
      thresholds: { oneWorkerFen, tenWorkersFen, monthsUnpaid: months },
      orderUnmet,
    },
    closable: closable(claims),
  };
}

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

// ---- Moving a case ---------------------------------------------------------------------------

interface MoveInput {
  version: number;
  note?: string | null;
  fileIds?: string[];
}

/**
 * The one way a case changes stage: loads it in scope, checks the action is open to this official
 * from this stage, lets `apply` check the law and write its own rows, then moves the case, sets
 * the new stage's deadline and records the event and the audit entry, all in one transaction.
 */
async function move(
  ctx: Ctx,
  id: string,
  action: CaseAction,
  input: MoveInput,
  apply: (tx: Tx, c: repo.CaseRow, on: string) => Promise<repo.CaseUpdate & { eventData?: unknown }> = async () => ({}),
) {
  const c0 = await visibleCase(ctx, id);
  if (!allowedActions(ctx.actor, forPolicy(c0)).includes(action)) {
    if (!transition(action, c0.status)) throw new AppError('BUSINESS_RULE', { detail: { zh: `案件当前阶段不能${ACTION_ZH[action]}`, en: `The case cannot ${action} at this stage` } });
    throw new AppError('FORBIDDEN');
  }
  const evidence = await ownFileProblems(ctx, [{ field: 'fileIds', fileIds: input.fileIds }]);
  if (evidence.length) throw invalidFields(evidence);
  const on = today(ctx);
  const params = await stageParams(ctx, c0.region_code, on);
  await ctx.db.tx(async (tx) => {
    const c = await repo.findCaseInScope(tx, ctx.actor, id, true);
    if (!c || c.row_version !== input.version) throw new AppError('VERSION_CONFLICT');
    const { eventData, ...changes } = await apply(tx, c, on);
    const to = changes.status ?? transition(action, c.status)!;
    const dates = {
      receivedOn: c.received_on,
      acceptedOn: changes.acceptedOn ?? c.accepted_on,
      filedOn: changes.filedOn ?? c.filed_on,
      extended: changes.extended ?? c.extended,
      orderDueOn: changes.orderDueOn ?? c.order_due_on,
      resolvedOn: changes.resolvedOn ?? c.resolved_on,
    };
    const stageDueOn = to === 'closed' ? null : stageDeadlineIfKnown(to, dates, params);
    if (!(await repo.updateCase(tx, id, c.row_version, { ...changes, status: to, stageDueOn, ...(to === 'closed' && { closedOn: on }) }, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind: action, actorName: ctx.actor.name, fromStatus: c.status, toStatus: to, data: { note: input.note ?? null, ...(eventData as object) }, fileIds: input.fileIds });
    await audit(tx, ctx, { action: `case.${action}`, objectType: 'case', objectId: id, before: { status: c.status }, after: { status: to, note: input.note ?? null }, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

const ACTION_ZH: Record<CaseAction, string> = {
  accept: '受理', transfer: '转办', refuse: '不予受理', refer: '转出', merge: '并案', mediate: '调解', file: '立案', extend: '延期',
  order: '责令支付', enforce: '记录逾期未改正', transfer_police: '移送公安', unfounded: '按不属实办结', settle: '办理完毕', close: '办结',
};

export const acceptCase = (ctx: Ctx, id: string, input: MoveInput) => move(ctx, id, 'accept', input, async (_tx, _c, on) => ({ acceptedOn: on }));

/** 首问负责: hands the case to the right unit; the receiver stays answerable until that unit accepts. */
export const transferCase = (ctx: Ctx, id: string, input: MoveInput & { unitId: string }) =>
  move(ctx, id, 'transfer', input, async (tx, c) => {
    const unit = await repo.findUnit(tx, input.unitId);
    if (!unit) throw invalidFields([{ field: 'unitId', message: { zh: '单位不存在', en: 'No such unit' } }]);
    if (unit.id === c.handling_unit_id) throw invalidFields([{ field: 'unitId', message: { zh: '案件已在该单位', en: 'The case is with that unit already' } }]);
    return { handlingUnitId: unit.id, eventData: { fromUnitId: c.handling_unit_id, toUnitId: unit.id, toUnitName: unit.name } };
  });

/** CASE-01/02: a written refusal (不予受理决定书), numbered; the complaint is beyond the limitation or outside inspection. */
export const refuseCase = (ctx: Ctx, id: string, input: MoveInput & { reason: 'limitation' | 'no_employer_or_evidence' | 'outside_scope'; docNo: string }) =>
  move(ctx, id, 'refuse', input, async (tx, c, on) => {
    await issueDocument(ctx, tx, c, { kind: 'not_accepted_notice', docNo: input.docNo, issuedOn: on, data: { reason: input.reason, note: input.note ?? null } });
    return { closureKind: 'not_accepted', conclusion: input.reason, eventData: { reason: input.reason, docNo: input.docNo } };
  });

/** CASE-09: matters for labour arbitration or the courts (or another department) move there, with legal-aid referral. */
export const referCase = (ctx: Ctx, id: string, input: MoveInput & { to: 'arbitration' | 'court' | 'other_department'; legalAid: boolean; docNo: string }) =>
  move(ctx, id, 'refer', input, async (tx, c, on) => {
    const open = (await repo.workersOf(tx, id)).filter((w) => w.status === 'open');
    await repo.setWorkerStatus(tx, open.map((w) => w.id), 'moved', input.to);
    await issueDocument(ctx, tx, c, { kind: 'referral_notice', docNo: input.docNo, issuedOn: on, data: { to: input.to, legalAid: input.legalAid } });
    return { closureKind: closureOf('refer', false), conclusion: input.to === 'other_department' ? 'transferred_to_department' : 'referred_to_arbitration', eventData: { to: input.to, legalAid: input.legalAid, workers: open.length } };
  });

/** Merges this case into another open case about the same project or employer (its clues and workers move). */
export const mergeCase = (ctx: Ctx, id: string, input: MoveInput & { intoId: string }) =>
  move(ctx, id, 'merge', input, async (tx, c) => {
    const candidates = await repo.mergeCandidates(tx, ctx.actor, { id, projectId: c.project_id, employerId: c.employer_id, employerName: c.employer_name });
    const into = candidates.find((x) => x.id === input.intoId);
    if (!into) throw invalidFields([{ field: 'intoId', message: { zh: '只能并入同一项目或同一用人单位的在办案件', en: 'Merge only into an open case about the same project or employer' } }]);
    await repo.mergeInto(tx, id, into.id);
    await retitle(ctx, tx, into.id);
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: into.id, at: ctx.clock.now(), kind: 'merged_in', actorName: ctx.actor.name, data: { fromCaseId: id, fromCaseNo: c.case_no } });
    return { closureKind: 'merged', mergedInto: into.id, conclusion: 'duplicate_merged', eventData: { intoId: into.id, intoCaseNo: into.case_no } };
  });

/** A merged case's title counts its workers anew. */
async function retitle(ctx: Ctx, tx: Tx, caseId: string) {
  const c = (await repo.findCaseInScope(tx, ctx.actor, caseId))!;
  const workers = await repo.workersOf(tx, caseId);
  const title = caseTitle({ projectName: c.project_name, employerName: c.employer_name, firstWorkerName: workers[0]?.name ?? '', workerCount: workers.length });
  await repo.setTitle(tx, caseId, title, ctx.clock.now());
}

export const mediateCase = (ctx: Ctx, id: string, input: MoveInput) => move(ctx, id, 'mediate', input);

/** CASE-03/04: filed for investigation by at least two named inspectors; 60 working days from filing. */
export const fileCase = (ctx: Ctx, id: string, input: MoveInput & { inspectors: string[] }) =>
  move(ctx, id, 'file', input, async (tx, c, on) => {
    const enough = enoughInspectors(input.inspectors.map((s) => s.trim()).filter(Boolean), await getParamValue<number>(tx, 'CASE-04.minInspectors', c.region_code, on));
    if (!enough.ok) throw invalidFields([{ ...enough.problem, field: 'inspectors' }]);
    return { filedOn: on, eventData: { inspectors: input.inspectors } };
  });

/** CASE-03: one extension of 30 working days, approved by the head of the department. */
export const extendCase = (ctx: Ctx, id: string, input: MoveInput & { approvedBy: string }) =>
  move(ctx, id, 'extend', input, async () => ({ extended: true, eventData: { approvedBy: input.approvedBy } }));

/** 责令改正 / 限期支付: the order with its number, deadline and the amount to pay. */
export const orderCase = (ctx: Ctx, id: string, input: MoveInput & { docNo: string; dueOn: string; amountFen: number }) =>
  move(ctx, id, 'order', input, async (tx, c, on) => {
    if (input.dueOn <= on) throw invalidFields([{ field: 'dueOn', message: { zh: '限期应晚于今天', en: 'The deadline lies after today' } }]);
    await issueDocument(ctx, tx, c, { kind: 'order_to_correct', docNo: input.docNo, issuedOn: on, dueOn: input.dueOn, amountFen: input.amountFen });
    return { orderDueOn: input.dueOn, eventData: { docNo: input.docNo, dueOn: input.dueOn, amountFen: input.amountFen } };
  });

/** The order's deadline passed with workers unpaid: decisions, penalties and compensation follow (PEN-05). */
export const enforceCase = (ctx: Ctx, id: string, input: MoveInput) =>
  move(ctx, id, 'enforce', input, async (tx, c, on) => {
    if (!c.order_due_on || c.order_due_on >= on) throw new AppError('BUSINESS_RULE', { detail: { zh: '责令支付的期限尚未届满', en: 'The order’s deadline has not passed' } });
    if (!(await repo.workersOf(tx, id)).some((w) => w.status === 'open')) throw new AppError('BUSINESS_RULE', { detail: { zh: '工资已全部支付，请办理完毕', en: 'Every worker is paid; mark the case handled' } });
    return {};
  });

/** CRM-02: transfer to the police when CRM-01 is met; the unpaid claims move to the criminal procedure. */
export const transferToPolice = (ctx: Ctx, id: string, input: MoveInput & { docNo: string }) =>
  move(ctx, id, 'transfer_police', input, async (tx, c, on) => {
    const workers = await repo.workersOf(tx, id);
    const [clues, documents, params] = await Promise.all([repo.cluesOfCase(tx, id), repo.documentsOf(tx, id), caseParams(tx, c.region_code, on)]);
    const facts = caseFacts(c, { workers, clues, documents }, params.law, on);
    if (!facts.criminal.met)
      throw new AppError('BUSINESS_RULE', { detail: { zh: '未达到拒不支付劳动报酬罪的移送标准（CRM-01）', en: 'The threshold of the crime of refusing to pay wages is not met (CRM-01)' } });
    const open = workers.filter((w) => w.status === 'open');
    await repo.setWorkerStatus(tx, open.map((w) => w.id), 'moved', 'police');
    await issueDocument(ctx, tx, c, { kind: 'police_transfer', docNo: input.docNo, issuedOn: on, data: { threshold: facts.criminal } });
    return { resolvedOn: on, conclusion: 'transferred_to_police', eventData: { docNo: input.docNo, by: facts.criminal.by } };
  });

/** CASE-07: a conclusion from the list the case's region uses. */
async function checkConclusion(tx: Tx, c: repo.CaseRow, on: string, conclusion: string) {
  const inUse = await getParamValue<string[]>(tx, 'CASE-07.conclusions', c.region_code, on);
  if (!inUse.includes(conclusion)) throw invalidFields([{ field: 'conclusion', message: { zh: '本地区不使用该核处结论，请从规定的结论中选择', en: 'This region does not use that conclusion; choose one of its list' } }]);
}

export const unfoundedCase = (ctx: Ctx, id: string, input: MoveInput & { conclusion: string }) =>
  move(ctx, id, 'unfounded', input, async (tx, c, on) => {
    await checkConclusion(tx, c, on, input.conclusion);
    return { closureKind: 'unfounded', conclusion: input.conclusion };
  });

/** Handled: every listed worker paid in full or moved to another procedure; then the call-back. */
export const settleCase = (ctx: Ctx, id: string, input: MoveInput & { conclusion: string }) =>
  move(ctx, id, 'settle', input, async (tx, c, on) => {
    await checkConclusion(tx, c, on, input.conclusion);
    const workers = await repo.workersOf(tx, id);
    const check = closable(workers.map((w) => ({ workerName: w.name, foundOwedFen: Number(w.found_owed_fen ?? w.claimed_fen), recoveredFen: Number(w.recovered_fen), status: w.status, confirmedByWorker: w.confirmed_at !== null })));
    if (!check.closable) throw new AppError('BUSINESS_RULE', { detail: { zh: `尚有${check.blocking.length}名农民工工资未结清：${check.blocking.map((b) => b.workerName).join('、')}`, en: `${check.blocking.length} workers are not yet paid or moved` } });
    return { resolvedOn: on, conclusion: input.conclusion };
  });

/** 回访: the complainant called back, the satisfaction recorded; the case closes. */
export const closeCase = (ctx: Ctx, id: string, input: MoveInput & { satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable' }) =>
  move(ctx, id, 'close', input, async (tx, _c, on) => {
    const workers = await repo.workersOf(tx, id);
    return { callbackOn: on, satisfaction: input.satisfaction, closureKind: closureOf('close', workers.every((w) => w.status === 'paid')), eventData: { satisfaction: input.satisfaction } };
  });

async function issueDocument(
  ctx: Ctx,
  tx: Tx,
  c: repo.CaseRow,
  d: { kind: DocumentKind; docNo: string; issuedOn: string; dueOn?: string; amountFen?: number; data?: Record<string, unknown> },
) {
  if (await repo.documentNoTaken(tx, d.kind, d.docNo)) throw invalidFields([{ field: 'docNo', message: { zh: '文书编号已被使用', en: 'The document number is taken' } }]);
  // The Word file is made from the template in the same transaction (cases.documents.ts).
  await recordCaseDocument(ctx, tx, c, { kind: d.kind, docNo: d.docNo, issuedOn: d.issuedOn, dueOn: d.dueOn ?? null, amountFen: d.amountFen ?? null, data: d.data ?? {} });
}

// ---- Working a case: findings, payments, checklist, supervision ------------------------------

async function workable(ctx: Ctx, id: string) {
  const c = await visibleCase(ctx, id);
  if (!mayWork(ctx.actor, forPolicy(c))) throw new AppError(c.status === 'closed' ? 'BUSINESS_RULE' : 'FORBIDDEN', c.status === 'closed' ? { detail: { zh: '案件已办结', en: 'The case is closed' } } : {});
  return c;
}

/** 核查: what verification found each worker is owed (kept beside the claim). */
export async function recordFindings(ctx: Ctx, id: string, input: { findings: { caseWorkerId: string; foundOwedFen: number }[] }) {
  const c = await workable(ctx, id);
  const workers = await repo.workersOf(ctx.db, id);
  const unknown = input.findings.findIndex((f) => !workers.some((w) => w.id === f.caseWorkerId));
  if (unknown >= 0) throw invalidFields([{ field: `findings/${unknown}/caseWorkerId`, message: { zh: '该农民工不在本案', en: 'Not a worker of this case' } }]);
  await ctx.db.tx(async (tx) => {
    await repo.updateWorkerFinding(tx, id, input.findings.map((f) => ({ id: f.caseWorkerId, foundOwedFen: f.foundOwedFen })));
    // A finding at or below what was recovered settles the worker's claim.
    const paid = (await repo.workersOf(tx, id)).filter((w) => w.status === 'open' && w.found_owed_fen !== null && Number(w.recovered_fen) >= Number(w.found_owed_fen));
    await repo.setWorkerStatus(tx, paid.map((w) => w.id), 'paid', null);
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind: 'findings', actorName: ctx.actor.name, data: { findings: input.findings } });
    await audit(tx, ctx, { action: 'case.findings', objectType: 'case', objectId: id, after: input, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

export interface PaymentInput {
  caseWorkerId: string;
  amountFen: number;
  paidOn: string;
  source: 'employer' | 'general_contractor' | 'owner' | 'deposit' | 'emergency_fund';
  reference: string;
}

/**
 * 追发: a payment to one worker, by whom and under what reference (a bank slip, a deposit draw, a
 * fund advance). The same reference for the same worker and source is recorded once. A worker
 * paid what verification found owed (or, before any finding, what they claimed) is paid.
 */
export async function recordCasePayment(ctx: Ctx, id: string, input: PaymentInput) {
  const c = await workable(ctx, id);
  const worker = (await repo.workersOf(ctx.db, id)).find((w) => w.id === input.caseWorkerId);
  if (!worker) throw invalidFields([{ field: 'caseWorkerId', message: { zh: '该农民工不在本案', en: 'Not a worker of this case' } }]);
  if (input.paidOn > today(ctx)) throw invalidFields([{ field: 'paidOn', message: { zh: '支付日期不能晚于今天', en: 'Paid in the future' } }]);
  if (worker.status === 'moved') throw invalidFields([{ field: 'caseWorkerId', message: { zh: '该农民工的请求已转入其他程序', en: 'This claim moved to another procedure' } }]);
  await ctx.db.tx(async (tx) => {
    const paymentId = newIds(1)[0];
    if (!(await repo.insertPayment(tx, { id: paymentId, caseId: id, ...input, recordedBy: ctx.actor.name }, ctx.clock.now()))) return;
    const w = (await repo.workersOf(tx, id)).find((x) => x.id === input.caseWorkerId)!;
    if (w.status === 'open' && Number(w.recovered_fen) >= Number(w.found_owed_fen ?? w.claimed_fen)) await repo.setWorkerStatus(tx, [w.id], 'paid', null);
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind: 'payment', actorName: ctx.actor.name, data: { paymentId, ...input, workerName: w.name } });
    await audit(tx, ctx, { action: 'case.payment', objectType: 'case', objectId: id, after: { paymentId, ...input }, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

/** The worker confirms the money arrived (by phone or in person), or could not be reached. */
export async function confirmWorkerPaid(ctx: Ctx, id: string, caseWorkerId: string, input: { reached: boolean }) {
  const c = await workable(ctx, id);
  const worker = (await repo.workersOf(ctx.db, id)).find((w) => w.id === caseWorkerId);
  if (!worker) throw notFound();
  await ctx.db.tx((tx) => writeWorkerConfirmation(ctx, tx, c, worker, input));
  return getCase(ctx, id);
}

/**
 * The worker's confirmation (or that they could not be reached) with its event and audit entry, in
 * the caller's transaction: recorded by the official above, or given by the worker themself on the
 * worker pages (audited `via: 'worker_app'`; cases.worker.ts).
 */
export async function writeWorkerConfirmation(ctx: Ctx, tx: Tx, c: { id: string; region_path: string }, worker: { id: string; name: string }, input: { reached: boolean; via?: 'worker_app' }) {
  const via = input.via ? { via: input.via } : {};
  await repo.confirmWorker(tx, worker.id, input.reached ? ctx.clock.now() : null, !input.reached);
  await repo.insertEvent(tx, { id: newIds(1)[0], caseId: c.id, at: ctx.clock.now(), kind: input.reached ? 'worker_confirmed' : 'worker_unreachable', actorName: ctx.actor.name, data: { caseWorkerId: worker.id, workerName: worker.name } });
  await audit(tx, ctx, { action: 'case.worker_confirm', objectType: 'case', objectId: c.id, after: { caseWorkerId: worker.id, reached: input.reached, ...via }, regionPath: c.region_path });
}

/** 一案双查: answers to the items of 附件4, each with its note and evidence; refused when someone changed the case since the form was filled. */
export async function answerChecklist(ctx: Ctx, id: string, input: { version: number; items: { item: string; violation: boolean; note?: string | null; fileIds?: string[] }[] }) {
  const c = await workable(ctx, id);
  // Evidence already on the checklist (a colleague's) stays; anything new must be one's own upload.
  const attached = new Set((await repo.checklistOf(ctx.db, id)).flatMap((i) => i.file_ids));
  const problems = await ownFileProblems(ctx, input.items.map((i, n) => ({ field: `items/${n}/fileIds`, fileIds: i.fileIds })), attached);
  if (problems.length) throw invalidFields(problems);
  await ctx.db.tx(async (tx) => {
    if (!(await repo.updateCase(tx, id, input.version, {}, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await repo.upsertChecklist(tx, id, input.items.map((i) => ({ item: i.item, violation: i.violation, note: i.note ?? null, fileIds: i.fileIds ?? [] })), ctx.actor.name, ctx.clock.now());
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind: 'checklist', actorName: ctx.actor.name, data: { items: input.items.map((i) => ({ item: i.item, violation: i.violation })) } });
    await audit(tx, ctx, { action: 'case.checklist', objectType: 'case', objectId: id, after: { items: input.items.length }, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

/** 挂牌督办 / 领导包案 / 专案组: the supervision a major case is under, with the leader and the task force's units. */
export async function superviseCase(ctx: Ctx, id: string, input: { version: number; supervision: ('listed' | 'leader' | 'task_force')[]; leaderName?: string | null; taskForceUnitIds?: string[] }) {
  const c = await visibleCase(ctx, id);
  if (!maySupervise(ctx.actor, forPolicy(c))) throw new AppError('FORBIDDEN');
  const problems: FieldProblem[] = [];
  if (input.supervision.includes('leader') && !input.leaderName?.trim()) problems.push({ field: 'leaderName', message: { zh: '领导包案须写明包案领导', en: 'Name the leader' } });
  const units = input.taskForceUnitIds ?? [];
  if (input.supervision.includes('task_force') && units.length < 2) problems.push({ field: 'taskForceUnitIds', message: { zh: '专案组须由两个以上单位组成', en: 'A task force has two or more units' } });
  for (const [i, u] of units.entries()) if (!(await repo.findUnit(ctx.db, u))) problems.push({ field: `taskForceUnitIds/${i}`, message: { zh: '单位不存在', en: 'No such unit' } });
  if (problems.length) throw invalidFields(problems);
  await ctx.db.tx(async (tx) => {
    const changed = await repo.updateCase(
      tx,
      id,
      input.version,
      { supervision: [...new Set(input.supervision)], leaderName: input.supervision.includes('leader') ? input.leaderName!.trim() : null, taskForceUnitIds: input.supervision.includes('task_force') ? units : [], major: c.major || input.supervision.length > 0 },
      ctx.clock.now(),
    );
    if (!changed) throw new AppError('VERSION_CONFLICT');
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind: 'supervision', actorName: ctx.actor.name, data: input });
    await audit(tx, ctx, { action: 'case.supervise', objectType: 'case', objectId: id, before: { supervision: c.supervision }, after: input, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

/** Whoever reads a complainant's or worker's full phone number does so on the record. */
export async function revealPhone(ctx: Ctx, id: string, target: { clueId?: string; caseWorkerId?: string; reason: string }) {
  const c = await visibleCase(ctx, id);
  if (!mayReadContacts(ctx.actor, forPolicy(c))) throw new AppError('FORBIDDEN');
  let enc: string | null = null;
  let aad = '';
  if (target.clueId) {
    const clue = (await repo.cluesOfCase(ctx.db, id)).find((l) => l.id === target.clueId);
    if (!clue) throw notFound();
    enc = clue.complainant_phone_enc;
    aad = repo.clueAad(clue.id);
  } else if (target.caseWorkerId) {
    const w = (await repo.workersOf(ctx.db, id)).find((x) => x.id === target.caseWorkerId);
    if (!w) throw notFound();
    enc = w.phone_enc;
    aad = repo.caseWorkerAad(w.id);
  }
  const value = enc ? ctx.cipher.decrypt(enc, aad) : null;
  await ctx.db.tx((tx) => audit(tx, ctx, { action: 'pii.reveal', objectType: 'case', objectId: id, after: { field: 'phone', ...target }, regionPath: c.region_path }));
  return { phone: value };
}

// ---- Incidents and deadlines -----------------------------------------------------------------

/** 群体性事件: recorded with its cases; a big or extreme incident makes them major cases. */
export async function recordIncident(
  ctx: Ctx,
  input: { projectId?: string | null; regionCode?: string | null; occurredAt: string; place: string; people: number; responseLevel: 'i' | 'ii' | 'iii' | 'iv'; extreme: boolean; measures: string; caseIds: string[] },
) {
  const problems: FieldProblem[] = [];
  const project = input.projectId ? await findProjectForScope(ctx.db, ctx.actor, input.projectId) : undefined;
  if (input.projectId && !project) problems.push({ field: 'projectId', message: { zh: '项目不存在或不在您的管辖范围内', en: 'No such project in your jurisdiction' } });
  const region = project ? await findRegion(ctx.db, project.regionCode) : input.regionCode ? await findRegion(ctx.db, input.regionCode) : undefined;
  if (!region || !regionInScope(ctx.actor, region.path)) problems.push({ field: 'regionCode', message: { zh: '请选择事发地（本辖区内）', en: 'Choose where it happened, in your jurisdiction' } });
  if (new Date(input.occurredAt) > ctx.clock.now()) problems.push({ field: 'occurredAt', message: { zh: '事发时间不能晚于现在', en: 'In the future' } });
  const cases = await Promise.all(input.caseIds.map((id) => repo.findCaseInScope(ctx.db, ctx.actor, id)));
  cases.forEach((c, i) => !c && problems.push({ field: `caseIds/${i}`, message: { zh: '案件不存在或不在您的管辖范围内', en: 'No such case in your jurisdiction' } }));
  if (problems.length) throw invalidFields(problems);
  const id = newIds(1)[0];
  const on = today(ctx);
  // The owner's progress payments already cover the wages: the arrears are the contractor's, and the
  // project is marked for suspending the contractor's payments.
  const progress = project ? (await progressSummary(ctx, project.id)).totals : null;
  const suspensionMarked = Boolean(progress && progress.completedFen > 0 && progress.meets);
  const majors = await Promise.all(cases.map((c) => majorOf(ctx, c!.region_code, on, { workers: c!.worker_count, claimedFen: Number(c!.claimed_fen), groupIncident: { people: input.people }, extremeIncident: input.extreme })));
  await ctx.db.tx(async (tx) => {
    await repo.insertIncident(tx, { id, regionCode: region!.code, regionPath: region!.path, projectId: project?.id ?? null, occurredAt: new Date(input.occurredAt), place: input.place, people: input.people, responseLevel: input.responseLevel, extreme: input.extreme, measures: input.measures, caseIds: input.caseIds, suspensionMarked, recordedBy: ctx.actor.name }, ctx.clock.now());
    for (const [i, c] of cases.entries()) {
      const major = majors[i];
      if (major.major && !c!.major) await repo.markMajor(tx, c!.id, major.reasons, ctx.clock.now());
      await repo.insertEvent(tx, { id: newIds(1)[0], caseId: c!.id, at: ctx.clock.now(), kind: 'incident', actorName: ctx.actor.name, data: { incidentId: id, people: input.people, place: input.place } });
    }
    await audit(tx, ctx, { action: 'incident.record', objectType: 'incident', objectId: id, after: { ...input, suspensionMarked }, regionPath: region!.path });
  });
  return { id, suspensionMarked };
}

export const listIncidents = (ctx: Ctx, page: { page: number; pageSize: number }) => repo.listIncidents(ctx.db, ctx.actor, page);

/**
 * The daily deadline job: deadlines left open because they ran past the holiday calendar are
 * computed once the calendar covers them; then each overdue case is escalated once per stage, and
 * the unit above is told.
 */
export async function escalateOverdueCases(ctx: Ctx) {
  const on = today(ctx);
  const byRegion = new Map<string, Promise<StageParams>>();
  for (const c of await repo.casesAwaitingDeadline(ctx.db)) {
    if (!byRegion.has(c.region_code)) byRegion.set(c.region_code, stageParams(ctx, c.region_code, on));
    const due = stageDeadlineIfKnown(c.status as CaseStatus, { receivedOn: c.received_on, acceptedOn: c.accepted_on, filedOn: c.filed_on, extended: c.extended, orderDueOn: c.order_due_on, resolvedOn: c.resolved_on, settlementDueOn: c.settlement_due_on }, await byRegion.get(c.region_code)!);
    if (due) await repo.setStageDue(ctx.db, c.id, due);
  }
  return ctx.db.tx(async (tx) => {
    const moved = await repo.escalateOverdue(tx, today(ctx), ctx.clock.now());
    for (const m of moved) {
      await repo.insertEvent(tx, { id: newIds(1)[0], caseId: m.id, at: ctx.clock.now(), kind: 'escalated', actorName: ctx.actor.name, data: { level: m.escalation_level, supervisorUnitId: m.supervisor_unit_id } });
    }
    await notifyResponsible(
      tx,
      moved.map((m) => ({
        refId: m.id,
        // Once per escalation: a case overdue again at its next stage is news again.
        kind: `case.overdue.${m.escalation_level}`,
        titleZh: `【案件逾期督办】${m.case_no} ${m.title}`,
        titleEn: `Overdue case ${m.case_no}`,
        link: `/cases/${m.id}`,
        unitId: m.supervisor_unit_id,
        industry: null,
        alsoUpOne: false,
        enterpriseIds: [],
      })),
      ctx.clock.now(),
    );
    return moved;
  });
}

