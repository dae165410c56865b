import { CHECKLIST, CHECKLIST_KEYS, CONCLUSIONS, PAYMENT_SOURCES } from './cases.law';
import type * as repo from './cases.repo';
import { CASE_ACTIONS, CASE_STATUSES, CLOSURE_KINDS, CLUE_CHANNELS, type CaseStatus, type ClueChannel } from './cases.rules';
import type { getCase, listCases } from './cases.service';

/** Rows → responses with explicit fields. Phones leave masked; the full number only through the audited reveal. */

type Item = Awaited<ReturnType<typeof listCases>>['items'][number];

export const presentCaseItem = ({ row: c, overdue }: Item) => ({
  id: c.id,
  caseNo: c.case_no,
  title: c.title,
  status: c.status,
  statusLabel: CASE_STATUSES[c.status],
  regionCode: c.region_code,
  regionName: c.region_name,
  projectId: c.project_id,
  projectName: c.project_name,
  employerName: c.employer_name,
  handlingUnitName: c.handling_unit_name,
  receivedOn: c.received_on,
  stageDueOn: c.stage_due_on,
  overdue,
  escalationLevel: c.escalation_level,
  major: c.major,
  supervision: c.supervision,
  workerCount: c.worker_count,
  claimedFen: Number(c.claimed_fen),
  foundOwedFen: Number(c.found_owed_fen),
  recoveredFen: Number(c.recovered_fen),
});

export const presentClue = (l: repo.ClueRow) => ({
  id: l.id,
  channel: l.channel,
  channelLabel: CLUE_CHANNELS[l.channel as ClueChannel],
  externalId: l.external_id,
  receivedAt: l.received_at.toISOString(),
  receivedBy: l.received_by,
  regionCode: l.region_code,
  projectId: l.project_id,
  projectName: l.project_name,
  employerId: l.employer_id,
  employerName: l.employer_name,
  employerMatch: l.employer_match,
  anonymous: l.anonymous,
  complainantName: l.complainant_name,
  complainantPhone: l.complainant_phone_mask,
  workerCount: l.worker_count,
  claimedFen: Number(l.claimed_fen),
  periodFrom: l.period_from,
  periodTo: l.period_to,
  description: l.description,
  fileIds: l.file_ids,
  status: l.status,
  caseId: l.case_id,
});

type Detail = Awaited<ReturnType<typeof getCase>>;

export function presentCaseDetail(d: Detail) {
  const c = d.row;
  const recoveredOf = (id: string) => d.payments.filter((p) => p.case_worker_id === id).reduce((s, p) => s + Number(p.amount_fen), 0);
  const answered = new Map(d.checklist.map((i) => [i.item, i]));
  return {
    ...presentCaseItem({ row: c, overdue: d.deadlines.overdue }),
    industry: c.industry,
    employerId: c.employer_id,
    accountableUnitName: c.accountable_unit_name,
    handlingUnitId: c.handling_unit_id,
    assistUnitIds: c.assist_unit_ids,
    dualAssignment: c.dual_assignment,
    acceptedOn: c.accepted_on,
    filedOn: c.filed_on,
    extended: c.extended,
    orderDueOn: c.order_due_on,
    resolvedOn: c.resolved_on,
    closedOn: c.closed_on,
    closureKind: c.closure_kind,
    closureLabel: c.closure_kind ? CLOSURE_KINDS[c.closure_kind] : null,
    conclusion: c.conclusion,
    conclusionLabel: c.conclusion && c.conclusion in CONCLUSIONS ? CONCLUSIONS[c.conclusion as keyof typeof CONCLUSIONS] : null,
    mergedInto: c.merged_into,
    majorReasons: c.major_reasons,
    leaderName: c.leader_name,
    taskForceUnitIds: c.task_force_unit_ids,
    callbackOn: c.callback_on,
    satisfaction: c.satisfaction,
    rowVersion: c.row_version,
    acceptBy: d.deadlines.acceptBy,
    workers: d.workers.map((w) => ({
      id: w.id,
      workerId: w.worker_id,
      name: w.name,
      phone: w.phone_mask,
      claimedFen: Number(w.claimed_fen),
      foundOwedFen: w.found_owed_fen === null ? null : Number(w.found_owed_fen),
      recoveredFen: recoveredOf(w.id),
      status: w.status,
      movedTo: w.moved_to,
      confirmedAt: w.confirmed_at?.toISOString() ?? null,
      unreachable: w.unreachable,
    })),
    clues: d.clues.map(presentClue),
    payments: d.payments.map((p) => ({
      id: p.id,
      caseWorkerId: p.case_worker_id,
      amountFen: Number(p.amount_fen),
      paidOn: p.paid_on,
      source: p.source,
      sourceLabel: PAYMENT_SOURCES[p.source as keyof typeof PAYMENT_SOURCES],
      reference: p.reference,
      recordedBy: p.recorded_by,
      workerAnswer: p.worker_answer,
      workerNote: p.worker_note,
    })),
    checklist: CHECKLIST_KEYS.map((key) => {
      const a = answered.get(key);
      return { item: key, label: CHECKLIST[key], violation: a ? a.violation : null, note: a?.note ?? null, fileIds: a?.file_ids ?? [], checkedBy: a?.checked_by ?? null };
    }),
    documents: d.documents.map((x) => ({ id: x.id, kind: x.kind, docNo: x.doc_no, issuedOn: x.issued_on, dueOn: x.due_on, amountFen: x.amount_fen === null ? null : Number(x.amount_fen), issuedBy: x.issued_by, hasFile: x.file_id !== null })),
    events: d.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      kindLabel: CASE_ACTIONS[e.kind as keyof typeof CASE_ACTIONS] ?? EVENT_LABELS[e.kind] ?? { zh: e.kind, en: e.kind },
      actorName: e.actor_name,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      toStatusLabel: e.to_status ? CASE_STATUSES[e.to_status as CaseStatus] : null,
      data: (e.data as Record<string, unknown> | null) ?? null,
      fileIds: e.file_ids,
    })),
    incidents: d.incidents.map((i) => ({ id: i.id, occurredAt: i.occurred_at.toISOString(), place: i.place, people: i.people, responseLevel: i.response_level, suspensionMarked: i.suspension_marked })),
    mergeCandidates: d.mergeCandidates.map((m) => ({ id: m.id, caseNo: m.case_no, title: m.title, status: m.status, receivedOn: m.received_on })),
    facts: d.facts,
    actions: d.actions,
    mayWork: d.mayWork,
    maySupervise: d.maySupervise,
    mayReadContacts: d.mayReadContacts,
  };
}

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  received: { zh: '接收线索', en: 'Clue received' },
  merged_in: { zh: '并入案件', en: 'Another case merged in' },
  findings: { zh: '登记核查结果', en: 'Findings recorded' },
  payment: { zh: '登记工资支付', en: 'Payment recorded' },
  worker_confirmed: { zh: '农民工确认收到', en: 'Worker confirmed receipt' },
  worker_unreachable: { zh: '农民工无法联系', en: 'Worker unreachable' },
  worker_payment_confirmed: { zh: '农民工本人确认收到一笔支付', en: 'Worker confirmed a payment' },
  worker_disputed: { zh: '农民工对支付提出异议', en: 'Worker disputed a payment' },
  checklist: { zh: '填写核查表', en: 'Checklist answered' },
  supervision: { zh: '督办设置', en: 'Supervision set' },
  incident: { zh: '关联群体性事件', en: 'Group incident linked' },
  escalated: { zh: '逾期升级督办', en: 'Escalated for being overdue' },
  penalty: { zh: '作出行政处罚决定', en: 'Penalty decided' },
  compensation: { zh: '责令加付赔偿金', en: 'Additional compensation ordered' },
  settlement: { zh: '签订和解协议', en: 'Settlement agreement signed' },
  installment_missed: { zh: '和解协议分期未按期履行', en: 'Settlement installment missed' },
  handling_decision: { zh: '作出行政处理决定', en: 'Handling decision issued' },
  document_rendered: { zh: '生成文书', en: 'Document file made' },
};
