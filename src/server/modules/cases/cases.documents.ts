import type { DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import type { Ctx } from '../../platform/context';
import { storeGeneratedFile } from '../../platform/files/files';
import { newIds } from '../../platform/ids';
import { findEnterpriseParticulars } from '../orgs';
import { getParamValues } from '../params';
import { renderDocx, DOCX_MIME } from './cases.docx';
import {
  COMPENSATION_PARAM_IDS,
  compensationLines,
  compensationOpen,
  compensationRangeOf,
  FINE_PARAM_IDS,
  FINE_RULES,
  fineRangesOf,
  handlingDecisionOpen,
  type InstallmentProgress,
  installmentProgress,
  type OrderOfCase,
  type OutstandingLine,
  outstandingLines,
  penaltyOpen,
  SETTLEMENT_MAX_INSTALLMENTS,
  type SettlementData,
  settlementOpen,
} from './cases.decisions';
import { mayDecide, mayRenderDocuments, mayWork } from './cases.policy';
import * as docRepo from './cases.documents.repo';
import * as repo from './cases.repo';
import { type DocumentFacts, type DocumentKind, type DocumentRecord, layoutOf } from './cases.templates';

/**
 * The Word files of a case's documents: the facts a document states, gathered from the case when
 * it is recorded and kept in its `data` (so a file made again later says what the first said),
 * the file rendered from the template and stored through platform/files, linked by `file_id`.
 * Also what the decisions (PEN-01…06, 和解协议, 行政处理决定) look like for the case page. No
 * HTTP, no audit of its own: the use case that calls it audits, in its transaction.
 */

type DocumentRow = Awaited<ReturnType<typeof repo.documentsOf>>[number];
type StoredDocument = Pick<docRepo.CaseDocumentRow, 'id' | 'kind' | 'doc_no' | 'issued_on' | 'due_on' | 'amount_fen' | 'data' | 'file_id'>;

/** The latest order to correct the case issued. */
export function orderOf(documents: readonly DocumentRow[]): OrderOfCase | null {
  const order = documents.filter((d) => d.kind === 'order_to_correct').at(-1);
  return order ? { docNo: order.doc_no, issuedOn: order.issued_on, dueOn: order.due_on } : null;
}

/** What a document states about its case now: the authority, the employer, the workers by name and amount. */
export async function documentFacts(db: DbOrTx, c: repo.CaseRow): Promise<DocumentFacts> {
  const [workers, clues, documents, employer] = await Promise.all([
    repo.workersOf(db, c.id),
    repo.cluesOfCase(db, c.id),
    repo.documentsOf(db, c.id),
    c.employer_id ? findEnterpriseParticulars(db, c.employer_id) : Promise.resolve(undefined),
  ]);
  const order = documents.filter((d) => d.kind === 'order_to_correct').at(-1);
  return {
    // The handling unit issues; a case not yet routed to one speaks for the unit that received it.
    authority: c.handling_unit_name ?? c.accountable_unit_name ?? `${c.region_name}人力资源和社会保障局`,
    caseNo: c.case_no,
    caseTitle: c.title,
    regionName: c.region_name,
    projectName: c.project_name,
    employer: { name: c.employer_name, creditCode: employer?.credit_code ?? null, legalRepName: employer?.legal_rep_name ?? null, address: employer?.address ?? null },
    complainants: [...new Set(clues.map((l) => l.complainant_name).filter((n): n is string => Boolean(n?.trim())))],
    receivedOn: c.received_on,
    workers: workers.map((w) => ({ name: w.name, owedFen: Number(w.found_owed_fen ?? w.claimed_fen), recoveredFen: Number(w.recovered_fen), status: w.status, movedTo: w.moved_to })),
    order: order ? { docNo: order.doc_no, issuedOn: order.issued_on, dueOn: order.due_on, amountFen: order.amount_fen === null ? null : Number(order.amount_fen) } : null,
  };
}

const factsIn = (data: unknown): DocumentFacts | null => {
  const f = (data as { facts?: DocumentFacts } | null)?.facts;
  return f && typeof f === 'object' && Array.isArray(f.workers) ? f : null;
};

/** Renders the document and stores it: the new file's id. */
async function storeFileOf(ctx: Ctx, tx: Tx, record: DocumentRecord, facts: DocumentFacts): Promise<string> {
  const layout = layoutOf(record, facts);
  const content = await renderDocx(layout, { authority: facts.authority, caseNo: facts.caseNo });
  return (await storeGeneratedFile(ctx, tx, { name: layout.fileName, mime: DOCX_MIME, content })).id;
}

/** A document as an action records it: the record its layout is made from. */
export type DocumentWrite = DocumentRecord;

/**
 * Records a document of the case with its Word file, in the caller's transaction: the facts as
 * they stand now go into `data.facts`, the file is rendered from them and linked. The caller has
 * checked the number is free and audits the act that issued it.
 */
export async function recordCaseDocument(ctx: Ctx, tx: Tx, c: repo.CaseRow, d: DocumentWrite): Promise<{ id: string; fileId: string }> {
  const facts = await documentFacts(tx, c);
  const data = { ...d.data, facts };
  const fileId = await storeFileOf(ctx, tx, { ...d, data }, facts);
  const id = newIds(1)[0];
  await repo.insertDocument(tx, { id, caseId: c.id, kind: d.kind, docNo: d.docNo, issuedOn: d.issuedOn, dueOn: d.dueOn, amountFen: d.amountFen, data, fileId, issuedBy: ctx.actor.name }, ctx.clock.now());
  return { id, fileId };
}

/**
 * Makes a document's file again (a document recorded before files were made has none): from the
 * facts it was issued with, or, when it has none kept, from the case as it stands now, which are
 * then kept with it. Returns the new file and the one it replaces.
 */
export async function regenerateDocumentFile(ctx: Ctx, tx: Tx, c: repo.CaseRow, doc: StoredDocument): Promise<{ fileId: string; previousFileId: string | null; factsFrom: 'issue' | 'now' }> {
  const kept = factsIn(doc.data);
  const facts = kept ?? (await documentFacts(tx, c));
  const data = { ...((doc.data as Record<string, unknown> | null) ?? {}), facts };
  const record: DocumentRecord = { kind: doc.kind as DocumentKind, docNo: doc.doc_no, issuedOn: doc.issued_on, dueOn: doc.due_on, amountFen: doc.amount_fen === null ? null : Number(doc.amount_fen), data };
  const fileId = await storeFileOf(ctx, tx, record, facts);
  await docRepo.setDocumentFile(tx, doc.id, fileId, kept ? null : data);
  return { fileId, previousFileId: doc.file_id, factsFrom: kept ? 'issue' : 'now' };
}

// ---------------------------------------------------------------------------------------------
// What the case page shows of the decisions

export interface DecisionFacts {
  /** The caller may decide penalties and compensation on this case (labour inspection of the handling unit). */
  mayDecide: boolean;
  penalty: Record<string, { open: boolean; reason: { zh: string; en: string } | null; unit: { minFen: number; maxFen: number }; individual: { minFen: number; maxFen: number } | null; stoppage: boolean }>;
  compensation: {
    open: boolean;
    reason: { zh: string; en: string } | null;
    rate: { min: number; max: number };
    order: OrderOfCase | null;
    /** Per worker, still unpaid at the order's deadline: the base of the compensation. */
    lines: { caseWorkerId: string; name: string; baseFen: number }[];
    baseFen: number;
  };
}

const DECIDING: readonly string[] = ['investigating', 'ordered', 'enforcing'];

/** 和解协议: while mediating, what a plan must cover; once signed, each installment met or missed. */
export interface SettlementFacts {
  open: boolean;
  reason: { zh: string; en: string } | null;
  /** The caller may record it (the handling unit's officials, as for the other steps of mediation). */
  mayRecord: boolean;
  /** What the plan must add up to now: still owed to the workers not yet paid or moved. */
  owedFen: number;
  lines: OutstandingLine[];
  maxInstallments: number;
  agreement: {
    documentId: string;
    docNo: string;
    signedOn: string;
    amountFen: number;
    /** Paid toward the agreement so far (payments recorded after it, to the workers it covers). */
    paidFen: number;
    installments: InstallmentProgress[];
  } | null;
}

/** 行政处理决定: its amount as it would be today, or the one issued. */
export interface HandlingDecisionFacts {
  open: boolean;
  reason: { zh: string; en: string } | null;
  mayDecide: boolean;
  amountFen: number;
  lines: OutstandingLine[];
  decision: { documentId: string; docNo: string; issuedOn: string; dueOn: string | null; amountFen: number } | null;
}

/** What the documents tab may offer: making files, and the decisions with their legal ranges (null outside the deciding stages). */
export interface DocumentsFacts {
  mayRender: boolean;
  decisions: DecisionFacts | null;
  /** Null unless mediating or an agreement was signed. */
  settlement: SettlementFacts | null;
  /** Null unless the case is where a decision may be taken, or one was issued. */
  handlingDecision: HandlingDecisionFacts | null;
}

type PaymentRow = { id: string; case_worker_id: string; amount_fen: number; paid_on: string };

/** How a stored 和解协议 stands on `on`, from the case's payments as stored (installmentProgress on the rows). */
export function agreementProgress(data: SettlementData, payments: readonly PaymentRow[], on: string) {
  return installmentProgress(
    (data.installments ?? []).map((x) => ({ dueOn: x.dueOn, amountFen: Number(x.amountFen) })),
    payments.map((p) => ({ id: p.id, caseWorkerId: p.case_worker_id, amountFen: Number(p.amount_fen), paidOn: p.paid_on })),
    { caseWorkerIds: (data.workers ?? []).map((w) => w.caseWorkerId), countedPaymentIds: data.countedPaymentIds ?? [] },
    on,
  );
}

function settlementFacts(
  actor: Actor,
  c: repo.CaseRow,
  policy: Parameters<typeof mayWork>[1],
  documents: readonly DocumentRow[],
  lines: OutstandingLine[],
  payments: readonly PaymentRow[],
  on: string,
): SettlementFacts | null {
  const doc = documents.find((d) => d.kind === 'settlement_agreement');
  if (!doc && c.status !== 'mediating') return null;
  const open = settlementOpen({ status: c.status, agreement: doc ? { docNo: doc.doc_no } : null });
  let agreement: SettlementFacts['agreement'] = null;
  if (doc) {
    const progress = agreementProgress((doc.data ?? {}) as SettlementData, payments, on);
    agreement = { documentId: doc.id, docNo: doc.doc_no, signedOn: doc.issued_on, amountFen: Number(doc.amount_fen ?? 0), ...progress };
  }
  return {
    open: open.ok,
    reason: open.ok ? null : open.reason,
    mayRecord: mayWork(actor, policy),
    owedFen: lines.reduce((s, l) => s + l.unpaidFen, 0),
    lines,
    maxInstallments: SETTLEMENT_MAX_INSTALLMENTS,
    agreement,
  };
}

function handlingDecisionFacts(actor: Actor, c: repo.CaseRow, policy: Parameters<typeof mayDecide>[1], documents: readonly DocumentRow[], lines: OutstandingLine[]): HandlingDecisionFacts | null {
  const doc = documents.find((d) => d.kind === 'handling_decision');
  if (!doc && !DECIDING.includes(c.status)) return null;
  const open = handlingDecisionOpen({ status: c.status, decision: doc ? { docNo: doc.doc_no } : null });
  return {
    open: open.ok,
    reason: open.ok ? null : open.reason,
    mayDecide: mayDecide(actor, policy),
    amountFen: lines.reduce((s, l) => s + l.unpaidFen, 0),
    lines,
    decision: doc ? { documentId: doc.id, docNo: doc.doc_no, issuedOn: doc.issued_on, dueOn: doc.due_on, amountFen: Number(doc.amount_fen ?? 0) } : null,
  };
}

/**
 * The documents tab's facts as they stand today: whether the caller may make files, the
 * decisions with the legal range of each article and the base of the compensation, the 和解协议
 * (what a plan must cover; once signed, each installment met or missed) and the 行政处理决定 (its
 * computed amount). Outside the stages that lead to a decision no parameter is read.
 */
export async function documentsFacts(
  db: DbOrTx,
  actor: Actor,
  c: repo.CaseRow,
  policy: { status: repo.CaseRow['status']; handlingUnitPath: string | null; accountableUnitPath: string | null; extended: boolean },
  { documents, workers, payments }: { documents: readonly DocumentRow[]; workers: readonly repo.CaseWorkerRow[]; payments: readonly { id: string; case_worker_id: string; amount_fen: number; paid_on: string }[] },
  on: string,
): Promise<DocumentsFacts> {
  const mayRender = mayRenderDocuments(actor, policy);
  const owed = outstandingLines(workers.map((w) => ({ id: w.id, name: w.name, owedFen: Number(w.found_owed_fen ?? w.claimed_fen), recoveredFen: Number(w.recovered_fen), status: w.status })));
  const settlement = settlementFacts(actor, c, policy, documents, owed, payments, on);
  const handlingDecision = handlingDecisionFacts(actor, c, policy, documents, owed);
  if (!DECIDING.includes(c.status)) return { mayRender, decisions: null, settlement, handlingDecision };
  const values = await getParamValues(db, [...FINE_PARAM_IDS, ...COMPENSATION_PARAM_IDS], c.region_code, on);
  const ranges = fineRangesOf(values);
  const order = orderOf(documents);
  const penalty = Object.fromEntries(
    FINE_RULES.map((r) => {
      const open = penaltyOpen(r, { status: c.status, order, decidedOn: on });
      return [r, { open: open.ok, reason: open.ok ? null : open.reason, ...ranges[r] }];
    }),
  );
  const comp = compensationOpen({ status: c.status, order, decidedOn: on });
  const lines = order?.dueOn
    ? compensationLines(
        workers.map((w) => ({ id: w.id, name: w.name, owedFen: Number(w.found_owed_fen ?? w.claimed_fen), status: w.status })),
        payments.map((p) => ({ caseWorkerId: p.case_worker_id, amountFen: Number(p.amount_fen), paidOn: p.paid_on })),
        order.dueOn,
        1,
      ).map(({ caseWorkerId, name, baseFen }) => ({ caseWorkerId, name, baseFen }))
    : [];
  return {
    mayRender,
    settlement,
    handlingDecision,
    decisions: {
      mayDecide: mayDecide(actor, policy),
      penalty,
      compensation: { open: comp.ok, reason: comp.ok ? null : comp.reason, rate: compensationRangeOf(values), order, lines, baseFen: lines.reduce((s, l) => s + l.baseFen, 0) },
    },
  };
}
