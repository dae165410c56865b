import type { Actor } from '../../platform/access/actor';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { notifyResponsible } from '../notify';
import { getParamValue } from '../params';
import { getWorker, workerPhoneAad } from '../workforce';
import * as repo from './cases.repo';
import { acceptBy } from './cases.rules';
import { receiptOfCase, receiveClue, storeEvidence, writeWorkerConfirmation } from './cases.service';
import * as mine from './cases.worker.repo';

/**
 * 农民工端: a signed-in worker complains about their own wages and follows their complaints. The
 * complainant and the first worker concerned are the worker as the real-name registry knows them,
 * never what the request says; the project is one the registry has them on. The complaint is then
 * received like any other clue (`receiveClue`), routed to the unit responsible. The worker sees the
 * cases they are in, what was found owed and recovered for them, and answers each payment recorded
 * to them: confirmed, or disputed with what is wrong, which the handling unit is told of.
 */

const ownWorker = (ctx: Ctx) => {
  if (ctx.actor.scope.kind !== 'worker') throw new AppError('FORBIDDEN');
  return ctx.actor.scope.workerId;
};

export interface ComplaintProject {
  projectId: string;
  projectName: string;
  projectCode: string;
  employerId: string;
  employerName: string;
  teamName: string | null;
  entryDate: string;
  exitDate: string | null;
}

/** The projects the registry has the worker on (now or before), each with their employer there: the open employment, else the latest. */
async function registryOf(ctx: Ctx) {
  const workerId = ownWorker(ctx);
  const { worker, employments } = await getWorker(ctx, workerId);
  const byProject = new Map<string, ComplaintProject>();
  const rank = (e: { exitDate: string | null; entryDate: string }) => `${e.exitDate === null ? '1' : '0'}${e.entryDate}`;
  for (const e of employments) {
    const p: ComplaintProject = {
      projectId: e.project_id,
      projectName: e.project_name,
      projectCode: e.project_code,
      employerId: e.employer_id,
      employerName: e.employer_name,
      teamName: e.team_name,
      entryDate: e.entry_date,
      exitDate: e.exit_date,
    };
    const seen = byProject.get(p.projectId);
    if (!seen || rank(p) > rank(seen)) byProject.set(p.projectId, p);
  }
  const projects = [...byProject.values()].sort((a, b) => rank(b).localeCompare(rank(a)) || a.projectName.localeCompare(b.projectName));
  return { workerId, worker, projects };
}

export const complaintProjects = async (ctx: Ctx) => (await registryOf(ctx)).projects;

/** 上传证据: a photo or scan (欠条, 考勤记录, 聊天截图) kept for the complaint the worker is writing, as officials keep theirs. */
export async function uploadComplaintEvidence(ctx: Ctx, file: { name: string; content: Buffer }) {
  ownWorker(ctx);
  return storeEvidence(ctx, file);
}

export interface WorkerComplaintInput {
  /** Made by the page once per complaint form: sending it again (a double tap, a retry) returns the first complaint. */
  idempotencyKey: string;
  projectId: string;
  /** Another employer than the registry's (a labour boss, a subcontractor); by default the worker's employer on the project. */
  employerName?: string | null;
  claimedFen: number;
  coWorkers?: { name: string; claimedFen: number }[];
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
  fileIds?: string[];
}

/**
 * 我要投诉: received as a `worker_app` clue in the worker's own name (the audit shows who). The worker's
 * own scope sees no project, so the intake looks through the one project the registry has just shown
 * they worked on, and nothing else. The key is the clue's external id, prefixed with the worker's id,
 * so one worker's key never finds another's complaint.
 */
export async function submitWorkerComplaint(ctx: Ctx, input: WorkerComplaintInput) {
  const { workerId, worker, projects } = await registryOf(ctx);
  const project = projects.find((p) => p.projectId === input.projectId);
  if (!project) throw invalidFields([{ field: 'projectId', message: { zh: '请选择您在实名制登记中做过工的项目', en: 'Choose a project the real-name registry has you on' } }]);

  const phone = worker.phone_enc ? ctx.cipher.decrypt(worker.phone_enc, workerPhoneAad(worker.id)) : null;
  const otherEmployer = input.employerName?.trim();
  const ownEmployer = !otherEmployer || otherEmployer === project.employerName;
  const intake: Ctx = { ...ctx, actor: { ...ctx.actor, scope: { kind: 'project', projectId: project.projectId, enterpriseId: project.employerId } } satisfies Actor };
  const received = await receiveClue(intake, {
    channel: 'worker_app',
    externalId: `${workerId}:${input.idempotencyKey}`,
    projectId: project.projectId,
    employerId: ownEmployer ? project.employerId : null,
    employerName: ownEmployer ? project.employerName : otherEmployer,
    complainant: { name: worker.name, phone, workerId },
    workers: [{ name: worker.name, workerId, phone, claimedFen: input.claimedFen }, ...(input.coWorkers ?? []).map((w) => ({ name: w.name.trim(), claimedFen: w.claimedFen }))],
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    description: input.description.trim(),
    // receiveClue takes only the files the worker uploaded themself.
    fileIds: input.fileIds ?? [],
  });
  return { caseId: received.caseId!, ...(await receiptOfCase(ctx, received.caseId!)), duplicate: received.duplicate };
}

export type WorkerCase = Awaited<ReturnType<typeof casesWithPayments>>[number];

async function casesWithPayments(ctx: Ctx, workerId: string, caseId: string | null) {
  const rows = await mine.casesOfWorker(ctx.db, workerId, caseId);
  const payments = await mine.paymentsToWorker(ctx.db, rows.map((c) => c.case_worker_id).filter((id): id is string => id !== null));
  const acceptWithin = new Map<string, number>();
  for (const c of rows.filter((x) => x.status === 'received')) {
    if (!acceptWithin.has(c.region_code)) acceptWithin.set(c.region_code, await getParamValue<number>(ctx.db, 'CASE-01.acceptWithinWD', c.region_code, shanghaiDate(ctx.clock.now())));
  }
  return rows.map((c) => {
    const own = payments.filter((p) => p.case_worker_id === c.case_worker_id);
    // Awaiting the worker: not answered by them, not confirmed on their behalf since it was recorded, the case still open.
    const awaiting = (p: mine.WorkerPaymentRow) => c.status !== 'closed' && p.worker_answer === null && (c.confirmed_at === null || c.confirmed_at < p.created_at);
    return {
      row: c,
      acceptBy: c.status === 'received' ? acceptBy(c.received_on, acceptWithin.get(c.region_code)!) : null,
      recoveredFen: own.reduce((s, p) => s + Number(p.amount_fen), 0),
      payments: own.map((p) => ({ row: p, awaiting: awaiting(p) })),
    };
  });
}

/** 我的投诉: the cases the worker is in, open ones first. */
export const listWorkerComplaints = (ctx: Ctx) => casesWithPayments(ctx, ownWorker(ctx), null);

export interface PaymentAnswerInput {
  paymentId: string;
  answer: 'confirm' | 'dispute';
  note?: string | null;
}

/**
 * The worker answers a payment recorded to them. Confirmed: once every payment to them is, the
 * worker has confirmed receipt, as an official records after a call (`writeWorkerConfirmation`).
 * Disputed: their confirmation is withdrawn and the handling unit is told, with what is wrong.
 * A case that is not theirs, or a payment to someone else, is not found.
 */
export async function answerWorkerPayment(ctx: Ctx, caseId: string, input: PaymentAnswerInput) {
  const workerId = ownWorker(ctx);
  const note = input.note?.trim() || null;
  if (input.answer === 'dispute' && !note) throw invalidFields([{ field: 'note', message: { zh: '请说明哪里不对（如未收到、金额不符）', en: 'Say what is wrong (not received, wrong amount)' } }]);
  await ctx.db.tx(async (tx) => {
    const p = await mine.findPaymentToWorkerForUpdate(tx, workerId, caseId, input.paymentId);
    if (!p) throw notFound();
    if (p.status === 'closed') throw new AppError('BUSINESS_RULE', { detail: { zh: '案件已办结；如仍未拿到工资，请重新投诉', en: 'The case is closed; if you are still unpaid, complain again' } });
    const now = ctx.clock.now();
    const answer = input.answer === 'confirm' ? 'confirmed' : 'disputed';
    await mine.answerPayment(tx, p.id, answer, note, now);
    const c = { id: p.case_id, region_path: p.region_path };
    const worker = { id: p.case_worker_id, name: p.worker_name };
    const about = { caseWorkerId: worker.id, workerName: worker.name, paymentId: p.id, amountFen: Number(p.amount_fen), paidOn: p.paid_on, reference: p.reference };
    await audit(tx, ctx, { action: `case.payment_${input.answer}`, objectType: 'case', objectId: p.case_id, reason: note, before: { answer: p.worker_answer }, after: { paymentId: p.id, answer, via: 'worker_app' }, regionPath: p.region_path });
    if (answer === 'confirmed') {
      await repo.insertEvent(tx, { id: newIds(1)[0], caseId: p.case_id, at: now, kind: 'worker_payment_confirmed', actorName: ctx.actor.name, data: about });
      if (await mine.allPaymentsConfirmed(tx, worker.id)) await writeWorkerConfirmation(ctx, tx, c, worker, { reached: true, via: 'worker_app' });
      return;
    }
    await repo.confirmWorker(tx, worker.id, null, false);
    await repo.insertEvent(tx, { id: newIds(1)[0], caseId: p.case_id, at: now, kind: 'worker_disputed', actorName: ctx.actor.name, data: { ...about, note } });
    await notifyResponsible(
      tx,
      [
        {
          refId: p.case_id,
          kind: `case.payment_disputed.${p.id}`,
          titleZh: `【农民工对追发工资有异议】${p.case_no} ${p.title}`,
          titleEn: `A worker disputes a payment in case ${p.case_no}`,
          link: `/cases/${p.case_id}`,
          unitId: p.handling_unit_id,
          industry: p.industry,
          alsoUpOne: false,
          enterpriseIds: [],
        },
      ],
      now,
    );
  });
  const [answered] = await casesWithPayments(ctx, workerId, caseId);
  return answered;
}
