import type { Tx } from '../../db/client';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { readStoredFile } from '../../platform/files/files';
import { newIds } from '../../platform/ids';
import { notifyResponsible } from '../notify';
import { getParamValues } from '../params';
import { checkCompensationRate, type FineRule } from './cases.law';
import {
  alreadyFined,
  checkFine,
  checkInstallments,
  checkPlanTotal,
  COMPENSATION_PARAM_IDS,
  compensationLines,
  compensationOpen,
  compensationRangeOf,
  FINE_PARAM_IDS,
  fineRangesOf,
  handlingDecisionOpen,
  type Installment,
  outstandingLines,
  penaltyOpen,
  settlementOpen,
} from './cases.decisions';
import { DOCX_MIME } from './cases.docx';
import { agreementProgress, type DocumentWrite, orderOf, recordCaseDocument, regenerateDocumentFile } from './cases.documents';
import * as docRepo from './cases.documents.repo';
import { mayDecide, mayRenderDocuments, mayWork } from './cases.policy';
import * as repo from './cases.repo';
import { stageDeadlineIfKnown } from './cases.rules';
import { forPolicy, getCase, stageParams, visibleCase } from './cases.service';
import { documentFileName } from './cases.templates';

/**
 * The use cases of a case's written decisions and their Word files: a penalty (行政处罚决定书,
 * PEN-01…04, 06), an order of additional compensation (加付赔偿金, PEN-05), a settlement with its
 * payment plan (和解协议), a handling decision (行政处理决定), making a document's file again, and
 * reading it. Each loads the case in the caller's scope, checks the policy and the
 * law, writes in one transaction with its event and its audit entry.
 */

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());


function decider(ctx: Ctx, c: repo.CaseRow) {
  if (mayDecide(ctx.actor, forPolicy(c))) return;
  throw c.status === 'closed' ? new AppError('BUSINESS_RULE', { detail: { zh: '案件已办结', en: 'The case is closed' } }) : new AppError('FORBIDDEN');
}

const taken = { zh: '文书编号已被使用', en: 'The document number is taken' };

/** What a decision writes: its document, what the event and the audit entry say of it, and any change to the case. */
interface Decision {
  document: DocumentWrite;
  summary: Record<string, unknown>;
  changes?: repo.CaseUpdate;
  before?: unknown;
}

/**
 * One decision in one transaction: the case locked at the version the official saw, the act's own
 * checks on the case and its documents (`act`), the document number free, then the document with
 * its Word file, the case's version moved on, the event `kind` and the audit entry `case.<kind>`.
 */
async function decide(ctx: Ctx, id: string, input: { version: number; note?: string | null }, kind: string, act: (tx: Tx, c: repo.CaseRow, documents: Awaited<ReturnType<typeof repo.documentsOf>>) => Promise<Decision>) {
  await ctx.db.tx(async (tx) => {
    const c = await repo.findCaseInScope(tx, ctx.actor, id, true);
    if (!c || c.row_version !== input.version) throw new AppError('VERSION_CONFLICT');
    const d = await act(tx, c, await repo.documentsOf(tx, id));
    if (await repo.documentNoTaken(tx, d.document.kind, d.document.docNo)) throw invalidFields([{ field: 'docNo', message: taken }]);
    const doc = await recordCaseDocument(ctx, tx, c, d.document);
    if (!(await repo.updateCase(tx, id, c.row_version, d.changes ?? {}, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    const summary = { documentId: doc.id, docNo: d.document.docNo, ...d.summary };
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: id, at: ctx.clock.now(), kind, actorName: ctx.actor.name, data: { ...summary, note: input.note ?? null } });
    await audit(tx, ctx, { action: `case.${kind}`, objectType: 'case', objectId: id, ...(d.before !== undefined && { before: d.before }), after: { ...summary, fileId: doc.fileId }, regionPath: c.region_path });
  });
  return getCase(ctx, id);
}

// ---- 行政处罚 --------------------------------------------------------------------------------

export interface PenaltyInput {
  version: number;
  ruleId: FineRule;
  /** The unit, or (PEN-01) its legal representative or another directly responsible person. */
  party: 'unit' | 'individual';
  personName?: string | null;
  personRole?: string | null;
  /** 违法事实: what the unit did, as the decision states it. */
  violation: string;
  amountFen: number;
  docNo: string;
  issuedOn: string;
  note?: string | null;
}

/**
 * PEN-01…04, 06: a fine within the range the parameters give the article and the party, decided
 * only where the law allows it — the Regulation's after an order to correct whose time ran out
 * (the case recorded unmet), 监察条例 Art. 30 from filing — and once per party and article.
 * Recorded as a 行政处罚决定书 with its Word file; the case stays in its stage.
 */
export async function imposePenalty(ctx: Ctx, id: string, input: PenaltyInput) {
  const c0 = await visibleCase(ctx, id);
  decider(ctx, c0);
  const person = input.party === 'individual' ? input.personName?.trim() || null : null;
  const problems: FieldProblem[] = [];
  if (input.issuedOn > today(ctx)) problems.push({ field: 'issuedOn', message: { zh: '决定日期不能晚于今天', en: 'The decision cannot be dated in the future' } });
  if (input.party === 'individual' && !person) problems.push({ field: 'personName', message: { zh: '请填写被处罚人姓名', en: 'Name the person fined' } });
  if (input.party === 'individual' && !input.personRole?.trim()) problems.push({ field: 'personRole', message: { zh: '请填写被处罚人的职务（法定代表人、主要负责人或直接责任人员）', en: 'Give the person’s role (legal representative, principal or responsible person)' } });
  if (!input.violation.trim()) problems.push({ field: 'violation', message: { zh: '请写明违法事实', en: 'State the violation' } });
  // The parameters are read before the transaction: the embedded engine runs one statement stream at a time.
  const ranges = fineRangesOf(await getParamValues(ctx.db, FINE_PARAM_IDS, c0.region_code, input.issuedOn > today(ctx) ? today(ctx) : input.issuedOn))[input.ruleId];
  const verdict = checkFine(input.ruleId, input.party, input.amountFen, ranges);
  if (!verdict.ok) problems.push(verdict.problem);
  if (problems.length) throw invalidFields(problems);

  return decide(ctx, id, input, 'penalty', async (_tx, c, documents) => {
    const open = penaltyOpen(input.ruleId, { status: c.status, order: orderOf(documents), decidedOn: input.issuedOn });
    if (!open.ok) throw new AppError('BUSINESS_RULE', { detail: open.reason });
    const fined = documents.filter((d) => d.kind === 'penalty_decision').map((d) => d.data as { ruleId?: unknown; party?: unknown; personName?: unknown });
    if (alreadyFined(fined, { ruleId: input.ruleId, party: input.party, personName: person })) {
      throw new AppError('BUSINESS_RULE', { detail: { zh: `已就同一违法行为对该当事人作出${input.ruleId}罚款决定，不得重复罚款`, en: `This party was already fined under ${input.ruleId} for this violation` } });
    }
    const data = { ruleId: input.ruleId, party: input.party, personName: person, personRole: person ? input.personRole!.trim() : null, violation: input.violation.trim(), stoppage: ranges.stoppage, note: input.note ?? null };
    return {
      document: { kind: 'penalty_decision', docNo: input.docNo, issuedOn: input.issuedOn, dueOn: null, amountFen: input.amountFen, data },
      summary: { ruleId: input.ruleId, party: input.party, personName: person, amountFen: input.amountFen, stoppage: ranges.stoppage },
    };
  });
}

// ---- 加付赔偿金 ------------------------------------------------------------------------------

export interface CompensationInput {
  version: number;
  /** 0.5–1: the share of the wages unpaid at the order's deadline (监察条例 Art. 26). */
  rate: number;
  docNo: string;
  issuedOn: string;
  /** The day by which the compensation is to be paid. */
  dueOn: string;
  note?: string | null;
}

/**
 * PEN-05: the order's time ran out with wages unpaid; the employer pays each worker the rate of
 * what was still unpaid at the deadline (computed here from the findings and the payments, never
 * typed). Once per order; recorded as a 加付赔偿金决定书 with its Word file.
 */
export async function orderCompensation(ctx: Ctx, id: string, input: CompensationInput) {
  const c0 = await visibleCase(ctx, id);
  decider(ctx, c0);
  const problems: FieldProblem[] = [];
  if (input.issuedOn > today(ctx)) problems.push({ field: 'issuedOn', message: { zh: '决定日期不能晚于今天', en: 'The decision cannot be dated in the future' } });
  if (input.dueOn <= input.issuedOn) problems.push({ field: 'dueOn', message: { zh: '支付期限应晚于决定日期', en: 'The deadline lies after the decision' } });
  const range = compensationRangeOf(await getParamValues(ctx.db, COMPENSATION_PARAM_IDS, c0.region_code, input.issuedOn > today(ctx) ? today(ctx) : input.issuedOn));
  const rate = checkCompensationRate(input.rate, range);
  if (!rate.ok) problems.push(rate.problem);
  if (problems.length) throw invalidFields(problems);

  return decide(ctx, id, input, 'compensation', async (tx, c, documents) => {
    const order = orderOf(documents);
    const open = compensationOpen({ status: c.status, order, decidedOn: input.issuedOn });
    if (!open.ok) throw new AppError('BUSINESS_RULE', { detail: open.reason });
    const earlier = documents.find((d) => d.kind === 'compensation_order' && (d.data as { orderDocNo?: string }).orderDocNo === order!.docNo);
    if (earlier) throw new AppError('BUSINESS_RULE', { detail: { zh: `已就该责令支付作出加付赔偿金决定（${earlier.doc_no}）`, en: `Additional compensation was already ordered for this order (${earlier.doc_no})` } });
    const [workers, payments] = await Promise.all([repo.workersOf(tx, id), repo.paymentsOf(tx, id)]);
    const lines = compensationLines(
      workers.map((w) => ({ id: w.id, name: w.name, owedFen: Number(w.found_owed_fen ?? w.claimed_fen), status: w.status })),
      payments.map((p) => ({ caseWorkerId: p.case_worker_id, amountFen: Number(p.amount_fen), paidOn: p.paid_on })),
      order!.dueOn!,
      input.rate,
    );
    if (lines.length === 0) throw new AppError('BUSINESS_RULE', { detail: { zh: '责令支付期限届满时已无未支付的工资，不适用加付赔偿金', en: 'Nothing was unpaid when the order ran out: no additional compensation' } });
    const totalFen = lines.reduce((s, l) => s + l.compensationFen, 0);
    const baseFen = lines.reduce((s, l) => s + l.baseFen, 0);
    const data = { rate: input.rate, orderDocNo: order!.docNo, orderDueOn: order!.dueOn, baseFen, workers: lines, note: input.note ?? null };
    return {
      document: { kind: 'compensation_order', docNo: input.docNo, issuedOn: input.issuedOn, dueOn: input.dueOn, amountFen: totalFen, data },
      summary: { rate: input.rate, baseFen, amountFen: totalFen, dueOn: input.dueOn, workers: lines.length },
    };
  });
}

// ---- 和解协议 and 行政处理决定 ------------------------------------------------------------------

/** Still owed to the workers not yet paid or moved, per worker, from the case as it stands in `tx`. */
async function outstandingOf(tx: Tx, caseId: string) {
  const workers = await repo.workersOf(tx, caseId);
  const lines = outstandingLines(workers.map((w) => ({ id: w.id, name: w.name, owedFen: Number(w.found_owed_fen ?? w.claimed_fen), recoveredFen: Number(w.recovered_fen), status: w.status })));
  return { lines, totalFen: lines.reduce((s, l) => s + l.unpaidFen, 0) };
}

const nothingOwed = { zh: '本案已无尚欠的工资，请办理完毕', en: 'Nothing is owed any more: mark the case handled' };

export interface SettlementInput {
  version: number;
  docNo: string;
  /** The day the parties signed. */
  signedOn: string;
  installments: Installment[];
  note?: string | null;
}

/**
 * 和解协议 in mediation: the employer agrees to pay what is still owed to the workers not yet paid
 * or moved (computed here, never typed) by a plan of 1–12 installments whose sum is exactly that,
 * due in order and none before the signing. One per case. Recorded as a `settlement_agreement`
 * with its Word file, the plan in `data.installments`, `due_on` the last installment; the case
 * stays in mediation, its deadline running to the last installment when that is later. The
 * payments recorded afterwards (POST …/payments) fulfil it; the case page shows each installment
 * met or missed (cases.documents.ts).
 */
export async function recordSettlement(ctx: Ctx, id: string, input: SettlementInput) {
  const c0 = await visibleCase(ctx, id);
  if (!mayWork(ctx.actor, forPolicy(c0))) throw c0.status === 'closed' ? new AppError('BUSINESS_RULE', { detail: { zh: '案件已办结', en: 'The case is closed' } }) : new AppError('FORBIDDEN');
  const on = today(ctx);
  const problems: FieldProblem[] = [];
  if (input.signedOn > on) problems.push({ field: 'signedOn', message: { zh: '签订日期不能晚于今天', en: 'The agreement cannot be dated in the future' } });
  else if (input.signedOn < c0.received_on) problems.push({ field: 'signedOn', message: { zh: `签订日期不能早于案件接收日期（${c0.received_on}）`, en: `The agreement cannot predate the case (${c0.received_on})` } });
  problems.push(...checkInstallments(input.installments, input.signedOn));
  if (problems.length) throw invalidFields(problems);
  // Read before the transaction: the embedded engine runs one statement stream at a time.
  const params = await stageParams(ctx, c0.region_code, on);

  return decide(ctx, id, input, 'settlement', async (tx, c, documents) => {
    const earlier = documents.find((d) => d.kind === 'settlement_agreement');
    const open = settlementOpen({ status: c.status, agreement: earlier ? { docNo: earlier.doc_no } : null });
    if (!open.ok) throw new AppError('BUSINESS_RULE', { detail: open.reason });
    const { lines, totalFen } = await outstandingOf(tx, id);
    if (totalFen === 0) throw new AppError('BUSINESS_RULE', { detail: nothingOwed });
    const total = checkPlanTotal(input.installments, totalFen);
    if (!total.ok) throw invalidFields([total.problem]);
    // The payments already in the amount: what is paid after them goes toward the plan.
    const covered = new Set(lines.map((l) => l.caseWorkerId));
    const countedPaymentIds = (await repo.paymentsOf(tx, id)).filter((p) => covered.has(p.case_worker_id)).map((p) => p.id);
    const installments = input.installments.map((x) => ({ dueOn: x.dueOn, amountFen: x.amountFen }));
    const lastDueOn = installments.at(-1)!.dueOn;
    const data = { installments, owedFen: totalFen, workers: lines, countedPaymentIds, note: input.note ?? null };
    // The mediation now runs until the last installment when that is later than its own limit (cases.rules.ts, `settlementDueOn`).
    const dates = { receivedOn: c.received_on, acceptedOn: c.accepted_on, filedOn: c.filed_on, extended: c.extended, orderDueOn: c.order_due_on, resolvedOn: c.resolved_on, settlementDueOn: lastDueOn };
    const stageDueOn = stageDeadlineIfKnown('mediating', dates, params) ?? c.stage_due_on;
    return {
      document: { kind: 'settlement_agreement', docNo: input.docNo, issuedOn: input.signedOn, dueOn: lastDueOn, amountFen: totalFen, data },
      summary: { signedOn: input.signedOn, amountFen: totalFen, installments, stageDueOn },
      changes: { stageDueOn },
      before: { stageDueOn: c.stage_due_on },
    };
  });
}

/**
 * The daily check of payment plans: each installment of an open case's 和解协议 that passed its day
 * unpaid is reported once, as an event on the case and a notice to the handling unit's officials
 * and the employer's users, so the mediation does not wait for the case to fall overdue.
 */
export async function noticeMissedInstallments(ctx: Ctx) {
  const on = today(ctx);
  return ctx.db.tx(async (tx) => {
    const missed = [];
    for (const a of await repo.agreementsWithInstallmentsDue(tx, on)) {
      const progress = agreementProgress(a.data, a.payments, on);
      const noticed = new Set(a.noticed);
      for (const [k, x] of progress.installments.entries()) {
        if (x.state === 'missed' && !noticed.has(x.dueOn)) missed.push({ a, installment: k + 1, ...x });
      }
    }
    for (const m of missed) {
      const data = { docNo: m.a.doc_no, installment: m.installment, dueOn: m.dueOn, amountFen: m.amountFen, cumulativeFen: m.cumulativeFen, paidByDueFen: m.paidByDueFen };
      await repo.insertEvent(tx, { id: newIds(1)[0], caseId: m.a.case_id, at: ctx.clock.now(), kind: 'installment_missed', actorName: ctx.actor.name, data });
    }
    await notifyResponsible(
      tx,
      missed.map((m) => ({
        refId: m.a.case_id,
        kind: `case.installment_missed.${m.dueOn}`,
        titleZh: `【和解协议未按期履行】${m.a.case_no} 第${m.installment}期（${m.dueOn}）`,
        titleEn: `Settlement installment ${m.installment} (${m.dueOn}) unpaid: ${m.a.case_no}`,
        link: `/cases/${m.a.case_id}`,
        unitId: m.a.handling_unit_id,
        industry: m.a.industry,
        alsoUpOne: false,
        enterpriseIds: m.a.employer_id ? [m.a.employer_id] : [],
      })),
      ctx.clock.now(),
    );
    return missed.map((m) => ({ caseId: m.a.case_id, installment: m.installment, dueOn: m.dueOn }));
  });
}

export interface HandlingDecisionInput {
  version: number;
  docNo: string;
  issuedOn: string;
  /** The day by which the wages are to be paid. */
  dueOn: string;
  note?: string | null;
}

/**
 * 行政处理决定 (监察条例 Art. 18 ¶1 (二), Art. 26): once filed (investigating) or after an order ran
 * out unmet (enforcing), the inspection decides that the employer pays what is still owed to the
 * workers not yet paid or moved (computed here, never typed) by a day after the decision. One per
 * case; labour inspection of the handling unit decides, as for an order. Recorded as a
 * `handling_decision` with its Word file; the case stays in its stage.
 */
export async function issueHandlingDecision(ctx: Ctx, id: string, input: HandlingDecisionInput) {
  const c0 = await visibleCase(ctx, id);
  decider(ctx, c0);
  const problems: FieldProblem[] = [];
  if (input.issuedOn > today(ctx)) problems.push({ field: 'issuedOn', message: { zh: '决定日期不能晚于今天', en: 'The decision cannot be dated in the future' } });
  if (input.dueOn <= input.issuedOn) problems.push({ field: 'dueOn', message: { zh: '支付期限应晚于决定日期', en: 'The deadline lies after the decision' } });
  if (problems.length) throw invalidFields(problems);

  return decide(ctx, id, input, 'handling_decision', async (tx, c, documents) => {
    const earlier = documents.find((d) => d.kind === 'handling_decision');
    const open = handlingDecisionOpen({ status: c.status, decision: earlier ? { docNo: earlier.doc_no } : null });
    if (!open.ok) throw new AppError('BUSINESS_RULE', { detail: open.reason });
    const { lines, totalFen } = await outstandingOf(tx, id);
    if (totalFen === 0) throw new AppError('BUSINESS_RULE', { detail: nothingOwed });
    return {
      document: { kind: 'handling_decision', docNo: input.docNo, issuedOn: input.issuedOn, dueOn: input.dueOn, amountFen: totalFen, data: { workers: lines, note: input.note ?? null } },
      summary: { issuedOn: input.issuedOn, dueOn: input.dueOn, amountFen: totalFen, workers: lines.length },
    };
  });
}

// ---- The Word files --------------------------------------------------------------------------

/** 生成文书: the document's file made (again) from its template, for a document without one or after a template changed. */
export async function renderCaseDocument(ctx: Ctx, caseId: string, documentId: string) {
  const c = await visibleCase(ctx, caseId);
  if (!mayRenderDocuments(ctx.actor, forPolicy(c))) throw new AppError('FORBIDDEN');
  if (!(await docRepo.findDocumentOfCase(ctx.db, caseId, documentId))) throw notFound();
  await ctx.db.tx(async (tx) => {
    const doc = (await docRepo.findDocumentOfCase(tx, caseId, documentId, true))!;
    const r = await regenerateDocumentFile(ctx, tx, c, doc);
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId, at: ctx.clock.now(), kind: 'document_rendered', actorName: ctx.actor.name, data: { documentId, kind: doc.kind, docNo: doc.doc_no, factsFrom: r.factsFrom } });
    await audit(tx, ctx, { action: 'case.document_render', objectType: 'case', objectId: caseId, before: { fileId: r.previousFileId }, after: { documentId, kind: doc.kind, docNo: doc.doc_no, fileId: r.fileId, factsFrom: r.factsFrom }, regionPath: c.region_path });
  });
  return getCase(ctx, caseId);
}

/**
 * A document's Word file, for whoever may read the case. The file names the workers and what they
 * are owed, so each read is on the record (as a labour contract's is).
 */
export async function readCaseDocumentFile(ctx: Ctx, caseId: string, documentId: string) {
  const c = await visibleCase(ctx, caseId);
  const doc = await docRepo.findDocumentOfCase(ctx.db, caseId, documentId);
  if (!doc) throw notFound();
  if (!doc.file_id) throw new AppError('NOT_FOUND', { detail: { zh: '该文书尚未生成文件，请先“生成文书”', en: 'The document has no file yet: generate it first' } });
  const file = await readStoredFile(ctx, ctx.db, doc.file_id);
  if (!file) throw notFound();
  await ctx.db.tx((tx) => audit(tx, ctx, { action: 'case.document_read', objectType: 'case', objectId: caseId, after: { documentId, kind: doc.kind, docNo: doc.doc_no, fileId: doc.file_id }, regionPath: c.region_path }));
  return { fileName: documentFileName(doc.doc_no), mime: DOCX_MIME, content: file.content };
}
