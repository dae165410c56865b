import { CHECKLIST, CHECKLIST_KEYS, CONCLUSIONS, PAYMENT_SOURCES, SUPERVISION } from '../../../server/modules/cases/cases.law';
import { CASE_ACTIONS, CASE_STATUSES, CLOSURE_KINDS, CLUE_CHANNELS, STAFF_CHANNELS } from '../../../server/modules/cases/cases.rules';
import { DOCUMENT_KINDS } from '../../../server/modules/cases/cases.templates';
import type { Msg } from '../../lib/i18n';

/*
 * The codes of the cases module with their labels. The server's pure rule modules are the source
 * (stages, moves, channels, the 附件4 checklist, conclusions, payment sources); the few code lists
 * the routes accept without a label table of their own are written here. No runtime import of
 * lib/i18n, so the pure helpers that use these tables are tested without a DOM.
 */
const defineMessages = <K extends string>(messages: Record<K, Msg>): Record<K, Msg> => messages;
export const caseStatusLabels: Record<string, Msg> = CASE_STATUSES;
export const caseActionLabels: Record<string, Msg> = CASE_ACTIONS;
export const clueChannelLabels: Record<string, Msg> = CLUE_CHANNELS;
export const closureKindLabels: Record<string, Msg> = CLOSURE_KINDS;
export const checklistLabels: Record<string, Msg> = CHECKLIST;
export const conclusionLabels: Record<string, Msg> = CONCLUSIONS;
export const paymentSourceLabels: Record<string, Msg> = PAYMENT_SOURCES;
export const supervisionLabels: Record<string, Msg> = SUPERVISION;
export { CHECKLIST_KEYS, STAFF_CHANNELS };

export type CaseStatus = keyof typeof CASE_STATUSES;
export type CaseAction = keyof typeof CASE_ACTIONS;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
export type Supervision = keyof typeof SUPERVISION;
export type PaymentSource = keyof typeof PAYMENT_SOURCES;

/** The stages in their order (the closed one last). */
export const CASE_STATUS_KEYS = Object.keys(CASE_STATUSES) as CaseStatus[];
export const SUPERVISION_KEYS = Object.keys(SUPERVISION) as Supervision[];
export const PAYMENT_SOURCE_KEYS = Object.keys(PAYMENT_SOURCES) as PaymentSource[];
export const CONCLUSION_KEYS = Object.keys(CONCLUSIONS);

/** Channels where someone complains: a complainant and at least one worker are required (the others are findings of our own). */
export const COMPLAINT_CHANNELS: readonly StaffChannel[] = ['hotline_12345', 'hotline_12333', 'petition', 'walk_in'];

/** POST /api/cases/:id/refuse `reason` (CASE-01, CASE-02). */
export const refuseReasonLabels = defineMessages({
  limitation: { zh: '超过投诉时效（《劳动保障监察条例》第20条）', en: 'Beyond the limitation period (Labour Security Inspection Regulation, Art. 20)' },
  no_employer_or_evidence: { zh: '无明确的用人单位或基本事实证据', en: 'No identifiable employer or basic evidence' },
  outside_scope: { zh: '不属于劳动保障监察职责范围', en: 'Outside the scope of labour inspection' },
});

/** POST /api/cases/:id/refer `to` (CASE-09), and where a worker's claim moved. */
export const referralLabels = defineMessages({
  arbitration: { zh: '引导申请劳动人事争议仲裁', en: 'Labour dispute arbitration' },
  court: { zh: '引导向人民法院提起诉讼', en: 'The courts' },
  other_department: { zh: '转其他部门处理', en: 'Another department' },
  police: { zh: '移送公安机关', en: 'The police' },
});

/** POST /api/cases/:id/close `satisfaction` (回访). */
export const satisfactionLabels = defineMessages({
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  unreachable: { zh: '无法联系', en: 'Could not be reached' },
});

/** A listed worker's claim. */
export const workerStatusLabels = defineMessages({
  open: { zh: '待支付', en: 'Unpaid' },
  paid: { zh: '已足额支付', en: 'Paid in full' },
  moved: { zh: '已转入其他程序', en: 'Moved to another procedure' },
});

/** GET /api/clues `status`. */
export const clueStatusLabels = defineMessages({
  open: { zh: '待处理', en: 'Open' },
  in_case: { zh: '已转为案件', en: 'In a case' },
  intelligence: { zh: '情报线索', en: 'Intelligence' },
});

/** How the clue's employer was matched to the enterprise registry. */
export const employerMatchLabels = defineMessages({
  unmatched: { zh: '未匹配企业库', en: 'Not in the registry' },
  proposed: { zh: '疑似匹配（待确认）', en: 'Proposed match' },
  confirmed: { zh: '已匹配企业库', en: 'Registry match' },
});

/** The documents a case issues (案件文书), titled as their templates (cases.templates.ts). */
export const documentKindLabels: Record<string, Msg> = DOCUMENT_KINDS;

/** A group incident's emergency response level. */
export const responseLevelLabels = defineMessages({
  i: { zh: 'Ⅰ级响应', en: 'Level I' },
  ii: { zh: 'Ⅱ级响应', en: 'Level II' },
  iii: { zh: 'Ⅲ级响应', en: 'Level III' },
  iv: { zh: 'Ⅳ级响应', en: 'Level IV' },
});

/** antd Tag colours of the stages: waiting grey, working blue, enforcement orange/red, done green. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'default',
  accepted: 'processing',
  mediating: 'cyan',
  investigating: 'blue',
  ordered: 'orange',
  enforcing: 'red',
  resolved: 'purple',
  closed: 'green',
};
