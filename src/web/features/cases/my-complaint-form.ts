import { yuanToFen } from '../../lib/format';
import type { Msg } from '../../lib/i18n';
import type { MyComplaintCase, MyPayment, WorkerComplaintBody } from './api/my-complaints';
import type { LocalProblem } from './case-forms';

/*
 * The worker's complaint form and complaint list as pure functions: the form's values to the
 * request (yuan to fen, empty co-worker rows left out, the employer only when it differs from the
 * registry's), and what a payment or a case is waiting for. No DOM, so they are tested alone.
 */

export interface ComplaintFormValues {
  projectId?: string;
  employerName?: string;
  claimed?: string | number | null;
  period?: [{ format(f: string): string }, { format(f: string): string }] | null;
  description?: string;
  coWorkers?: ({ name?: string; claimed?: string | number | null } | undefined)[];
}

const AMOUNT_RULE: Msg = { zh: '请填写被拖欠的金额（元，最多两位小数）', en: 'Enter the amount owed (yuan, up to two decimals)' };

/** 128 random bits as hex, made once per complaint form: the server's idempotency key for it. */
export const newComplaintKey = () => `wc-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** The request for the form's values, or the problems to mark on its fields. */
export function complaintBody(
  values: ComplaintFormValues,
  o: { idempotencyKey: string; defaultEmployerName: string | null; fileIds: string[] },
): { body: WorkerComplaintBody; problems: [] } | { body: null; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const claimedFen = yuanToFen(values.claimed);
  if (!values.projectId) problems.push({ name: ['projectId'], message: { zh: '请选择项目', en: 'Choose the project' } });
  if (claimedFen === null || claimedFen < 1) problems.push({ name: ['claimed'], message: AMOUNT_RULE });
  const coWorkers: { name: string; claimedFen: number }[] = [];
  (values.coWorkers ?? []).forEach((row, i) => {
    const name = row?.name?.trim() ?? '';
    const hasAmount = row?.claimed !== undefined && row?.claimed !== null && row?.claimed !== '';
    if (!name && !hasAmount) return;
    const fen = yuanToFen(row?.claimed);
    if (!name) problems.push({ name: ['coWorkers', i, 'name'], message: { zh: '请填写工友姓名', en: 'Enter the co-worker’s name' } });
    if (fen === null || fen < 1) problems.push({ name: ['coWorkers', i, 'claimed'], message: AMOUNT_RULE });
    else if (name) coWorkers.push({ name, claimedFen: fen });
  });
  const description = values.description?.trim() ?? '';
  if (!description) problems.push({ name: ['description'], message: { zh: '请简要说明情况', en: 'Describe what happened' } });
  if (problems.length) return { body: null, problems };
  const employerName = values.employerName?.trim();
  return {
    body: {
      idempotencyKey: o.idempotencyKey,
      projectId: values.projectId!,
      ...(employerName && employerName !== o.defaultEmployerName && { employerName }),
      claimedFen: claimedFen!,
      coWorkers,
      periodFrom: values.period?.[0].format('YYYY-MM-DD') ?? null,
      periodTo: values.period?.[1].format('YYYY-MM-DD') ?? null,
      description,
      fileIds: o.fileIds,
    },
    problems: [],
  };
}

export type PaymentState = 'awaiting' | 'confirmed' | 'disputed' | 'confirmed_for_you' | 'closed';

/** Where a payment to the worker stands: waiting for their answer, answered, confirmed by the official's call, or past answering (the case closed). */
export function paymentState(p: MyPayment, caseStatus: MyComplaintCase['status']): PaymentState {
  if (p.awaiting) return 'awaiting';
  if (p.answer === 'confirmed') return 'confirmed';
  if (p.answer === 'disputed') return 'disputed';
  return caseStatus === 'closed' ? 'closed' : 'confirmed_for_you';
}

/** The deadline the worker is shown: acceptance while received, else the stage's, none once closed. */
export function deadlineOf(c: Pick<MyComplaintCase, 'status' | 'acceptBy' | 'stageDueOn'>): { kind: 'accept' | 'stage'; on: string } | null {
  if (c.status === 'closed') return null;
  if (c.status === 'received' && c.acceptBy) return { kind: 'accept', on: c.acceptBy };
  return c.stageDueOn ? { kind: 'stage', on: c.stageDueOn } : null;
}

/** How many payments across the worker's cases wait for their answer. */
export const awaitingCount = (cases: readonly MyComplaintCase[]) => cases.reduce((n, c) => n + c.payments.filter((p) => p.awaiting).length, 0);
