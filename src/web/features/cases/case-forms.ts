import type { FieldProblem } from '../../lib/api-client';
import { yuanToFen } from '../../lib/format';
import type { Msg } from '../../lib/i18n';
import type { CaseWorker } from './api/get-case';
import type { ClueBody } from './api/record-clue';
import { COMPLAINT_CHANNELS, type CaseAction, type StaffChannel } from './labels';

/*
 * The pure half of the case forms: form values (yuan as text, dates as strings) to request bodies
 * (integer fen, nulls for blanks), and the server's field problems to the forms' field names. The
 * components turn Dayjs values into strings first, so all of this is tested without a browser.
 */

/** A problem the form itself finds, on the form's own field path. */
export interface LocalProblem {
  name: (string | number)[];
  message: Msg;
}
export type Built<T> = { ok: true; body: T } | { ok: false; problems: LocalProblem[] };

const AMOUNT_RULE: Msg = { zh: '请填写金额（元，最多两位小数）', en: 'Enter an amount in yuan, at most two decimals' };
const AMOUNT_POSITIVE: Msg = { zh: '金额应大于零', en: 'The amount must be more than zero' };
const INSPECTORS_RULE: Msg = { zh: '立案调查应有至少两名劳动保障监察员（《劳动保障监察条例》第16条）', en: 'An investigation needs at least two labour inspectors (Art. 16)' };

const text = (v: string | null | undefined) => v?.trim() || null;

export interface IntakeValues {
  channel: StaffChannel;
  externalId?: string;
  /** ISO instant. */
  receivedAt?: string | null;
  projectId?: string | null;
  regionCode?: string | null;
  employerName: string;
  employerCreditCode?: string;
  complainant?: { name?: string; phone?: string };
  workers?: { name?: string; phone?: string; claimed?: string | number | null }[];
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
  dualAssignment?: boolean;
  assignedByUnitId?: string | null;
}

export const isComplaintChannel = (channel: StaffChannel | undefined) => channel !== undefined && COMPLAINT_CHANNELS.includes(channel);

/**
 * 登记线索 → POST /api/clues. An anonymous tip-off carries no complainant; with a project the region
 * is the project's; blank worker rows are dropped; each claim in yuan becomes whole fen.
 */
export function buildClueBody(v: IntakeValues): Built<ClueBody> {
  const problems: LocalProblem[] = [];
  const anonymous = v.channel === 'anonymous_tip';
  const workers: ClueBody['workers'] = [];
  (v.workers ?? []).forEach((w, i) => {
    const name = text(w.name);
    const blank = !name && !text(w.phone) && (w.claimed === undefined || w.claimed === null || w.claimed === '');
    if (blank) return;
    const fen = yuanToFen(w.claimed ?? '0');
    if (fen === null) problems.push({ name: ['workers', i, 'claimed'], message: AMOUNT_RULE });
    workers.push({ name: name ?? '', phone: text(w.phone), claimedFen: fen ?? 0 });
  });
  if (problems.length) return { ok: false, problems };
  const complainantName = text(v.complainant?.name);
  return {
    ok: true,
    body: {
      channel: v.channel,
      externalId: text(v.externalId),
      receivedAt: v.receivedAt ?? null,
      projectId: v.projectId ?? null,
      regionCode: v.projectId ? null : (v.regionCode ?? null),
      employerName: v.employerName.trim(),
      employerCreditCode: text(v.employerCreditCode)?.toUpperCase() ?? null,
      complainant: anonymous || !complainantName ? null : { name: complainantName, phone: text(v.complainant?.phone) },
      workers,
      periodFrom: v.periodFrom ?? null,
      periodTo: v.periodTo ?? null,
      description: v.description.trim(),
      dualAssignment: v.dualAssignment ?? false,
      assignedByUnitId: v.dualAssignment ? (v.assignedByUnitId ?? null) : null,
    },
  };
}

/** The fields a move's modal may hold; dates already 'YYYY-MM-DD', the amount in yuan. */
export interface ActionValues {
  note?: string;
  unitId?: string;
  reason?: string;
  docNo?: string;
  to?: string;
  legalAid?: boolean;
  intoId?: string;
  inspectors?: string[];
  approvedBy?: string;
  dueOn?: string;
  amount?: string | number | null;
  conclusion?: string;
  satisfaction?: string;
}

/** The body of POST /api/cases/:id/<action>: the version always, the note when given, and the move's own fields. */
export function buildActionBody(action: CaseAction, v: ActionValues, version: number): Built<Record<string, unknown> & { version: number }> {
  const body: Record<string, unknown> & { version: number } = { version };
  const note = text(v.note);
  if (note) body.note = note;
  switch (action) {
    case 'transfer':
      body.unitId = v.unitId;
      break;
    case 'refuse':
      Object.assign(body, { reason: v.reason, docNo: text(v.docNo) });
      break;
    case 'refer':
      Object.assign(body, { to: v.to, legalAid: v.legalAid ?? false, docNo: text(v.docNo) });
      break;
    case 'merge':
      body.intoId = v.intoId;
      break;
    case 'file': {
      const inspectors = [...new Set((v.inspectors ?? []).map((s) => s.trim()).filter(Boolean))];
      if (inspectors.length < 2) return { ok: false, problems: [{ name: ['inspectors'], message: INSPECTORS_RULE }] };
      body.inspectors = inspectors;
      break;
    }
    case 'extend':
      body.approvedBy = text(v.approvedBy);
      break;
    case 'order': {
      const fen = yuanToFen(v.amount);
      if (fen === null) return { ok: false, problems: [{ name: ['amount'], message: AMOUNT_RULE }] };
      if (fen < 1) return { ok: false, problems: [{ name: ['amount'], message: AMOUNT_POSITIVE }] };
      Object.assign(body, { docNo: text(v.docNo), dueOn: v.dueOn, amountFen: fen });
      break;
    }
    case 'transfer_police':
      body.docNo = text(v.docNo);
      break;
    case 'unfounded':
    case 'settle':
      body.conclusion = v.conclusion;
      break;
    case 'close':
      body.satisfaction = v.satisfaction;
      break;
    case 'accept':
    case 'mediate':
    case 'enforce':
      break;
  }
  return { ok: true, body };
}

/** What a worker is still owed: what verification found (or, before a finding, what was claimed) less what reached them. */
export const owedFen = (w: Pick<CaseWorker, 'foundOwedFen' | 'claimedFen' | 'recoveredFen'>) => Math.max(0, (w.foundOwedFen ?? w.claimedFen) - w.recoveredFen);

/** The case's outstanding wages: the open claims only (a claim moved to another procedure is not ours to collect). */
export const outstandingFen = (workers: readonly CaseWorker[]) => workers.filter((w) => w.status === 'open').reduce((s, w) => s + owedFen(w), 0);

/** 登记核查结果: each worker's finding in yuan → fen, in the workers' order. */
export function buildFindings(workers: readonly Pick<CaseWorker, 'id'>[], amounts: readonly (string | number | null | undefined)[]): Built<{ caseWorkerId: string; foundOwedFen: number }[]> {
  const problems: LocalProblem[] = [];
  const findings: { caseWorkerId: string; foundOwedFen: number }[] = [];
  workers.forEach((w, i) => {
    const fen = yuanToFen(amounts[i]);
    if (fen === null) problems.push({ name: ['findings', i, 'foundOwed'], message: AMOUNT_RULE });
    else findings.push({ caseWorkerId: w.id, foundOwedFen: fen });
  });
  return problems.length ? { ok: false, problems } : { ok: true, body: findings };
}

/** The money fields the forms hold in yuan under a name without `Fen`. */
const RENAMED: Record<string, string> = { claimedFen: 'claimed', amountFen: 'amount', foundOwedFen: 'foundOwed' };

/**
 * The server names a field 'workers.0.claimedFen' (schema validation) or 'workers/0/claimedFen'
 * (the service's own checks); the forms name it workers → 0 → claimed. Both become 'workers.0.claimed',
 * which is how lib/form-errors finds a registered field.
 */
export function formFieldName(field: string, rename: Record<string, string> = RENAMED): string {
  return field
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => rename[part] ?? part)
    .join('.');
}

export const renameFieldProblems = (problems: readonly FieldProblem[], rename?: Record<string, string>): FieldProblem[] => problems.map((p) => ({ ...p, field: formFieldName(p.field, rename) }));
