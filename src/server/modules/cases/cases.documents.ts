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
  type OrderOfCase,
  penaltyOpen,
} from './cases.decisions';
import { mayDecide, mayRenderDocuments } from './cases.policy';
import * as docRepo from './cases.documents.repo';
import * as repo from './cases.repo';
import { type DocumentFacts, type DocumentKind, type DocumentRecord, layoutOf } from './cases.templates';

/**
 * The Word files of a case's documents: the facts a document states, gathered from the case when
 * it is recorded and kept in its `data` (so a file made again later says what the first said),
 * the file rendered from the template and stored through platform/files, linked by `file_id`.
 * Also what the decisions (PEN-01…06) look like for the case page. No HTTP, no audit of its own:
 * the use case that calls it audits, in its transaction.
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

/** What the documents tab may offer: making files, and the decisions with their legal ranges (null outside the deciding stages). */
export interface DocumentsFacts {
  mayRender: boolean;
  decisions: DecisionFacts | null;
}

/**
 * The documents tab's facts as they stand today: whether the caller may make files, and the
 * decisions with the legal range of each article and the base of the compensation. Outside the
 * stages that lead to a decision nothing is read.
 */
export async function documentsFacts(
  db: DbOrTx,
  actor: Actor,
  c: repo.CaseRow,
  policy: { status: repo.CaseRow['status']; handlingUnitPath: string | null; accountableUnitPath: string | null; extended: boolean },
  { documents, workers, payments }: { documents: readonly DocumentRow[]; workers: readonly repo.CaseWorkerRow[]; payments: readonly { case_worker_id: string; amount_fen: number; paid_on: string }[] },
  on: string,
): Promise<DocumentsFacts> {
  const mayRender = mayRenderDocuments(actor, policy);
  if (!DECIDING.includes(c.status)) return { mayRender, decisions: null };
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
    decisions: {
      mayDecide: mayDecide(actor, policy),
      penalty,
      compensation: { open: comp.ok, reason: comp.ok ? null : comp.reason, rate: compensationRangeOf(values), order, lines, baseFen: lines.reduce((s, l) => s + l.baseFen, 0) },
    },
  };
}
