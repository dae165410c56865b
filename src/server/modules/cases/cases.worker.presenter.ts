import { PAYMENT_SOURCES, type PaymentSource } from './cases.law';
import { CASE_STATUSES, CLOSURE_KINDS } from './cases.rules';
import type { ComplaintProject, WorkerCase } from './cases.worker';

/** What a worker is shown of their cases: their own claim, findings and payments; nobody else's name, phone or money. */

export const presentWorkerCase = ({ row: c, acceptBy, recoveredFen, payments }: WorkerCase) => ({
  id: c.id,
  caseNo: c.case_no,
  title: c.title,
  status: c.status,
  statusLabel: CASE_STATUSES[c.status],
  closureLabel: c.closure_kind ? CLOSURE_KINDS[c.closure_kind] : null,
  projectName: c.project_name,
  employerName: c.employer_name,
  handlingUnitName: c.handling_unit_name,
  receivedOn: c.received_on,
  stageDueOn: c.status === 'closed' ? null : c.stage_due_on,
  acceptBy,
  closedOn: c.closed_on,
  complainant: c.complainant,
  mine:
    c.case_worker_id === null
      ? null
      : {
          claimedFen: Number(c.claimed_fen),
          foundOwedFen: c.found_owed_fen === null ? null : Number(c.found_owed_fen),
          recoveredFen,
          status: c.worker_status!,
          movedTo: c.moved_to,
          confirmedAt: c.confirmed_at?.toISOString() ?? null,
        },
  payments: payments.map(({ row: p, awaiting }) => ({
    id: p.id,
    amountFen: Number(p.amount_fen),
    paidOn: p.paid_on,
    sourceLabel: PAYMENT_SOURCES[p.source as PaymentSource],
    reference: p.reference,
    answer: p.worker_answer,
    answeredAt: p.worker_answered_at?.toISOString() ?? null,
    note: p.worker_note,
    awaiting,
  })),
  awaitingConfirmation: payments.some((p) => p.awaiting),
});

export const presentComplaintProject = (p: ComplaintProject) => ({
  projectId: p.projectId,
  projectName: p.projectName,
  projectCode: p.projectCode,
  employerId: p.employerId,
  employerName: p.employerName,
  teamName: p.teamName,
  entryDate: p.entryDate,
  exitDate: p.exitDate,
});
