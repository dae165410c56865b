import { labels } from '../../platform/labels';
import type { Consequence, WarningLevel } from './warnings.catalogue';

export const LADDER_STEPS = labels({
  notice: ['已通知', 'Notified'],
  reminder: ['已催办', 'Reminded'],
  escalated: ['已逾期升级', 'Escalated for being overdue'],
  consequences: ['已提出处理建议', 'Consequences proposed'],
});
export type LadderStep = keyof typeof LADDER_STEPS;

/** Points of the risk score (风险分). Platform weights, not law: a red warning outweighs any history. */
export const RISK_POINTS = {
  red: 30,
  orange: 15,
  yellow: 6,
  history: 2,
  historyCap: 10,
  complaint: 3,
  complaintCap: 15,
  listed: 20,
  listedCap: 20,
  selfListed: 40,
  arrears: 5,
  arrearsCap: 20,
  /** A subcontractor's or team's warning weighs this much on each contractor above it. */
  chainShare: 0.5,
} as const;

export const WARNING_LEVELS = labels({ yellow: ['黄色', 'Yellow'], orange: ['橙色', 'Orange'], red: ['红色', 'Red'] });

export const WARNING_STATUSES = labels({
  generated: ['待分派', 'Awaiting dispatch'],
  dispatched: ['已分派', 'Dispatched'],
  acknowledged: ['已签收', 'Acknowledged'],
  disposed: ['已处置待核验', 'Disposed, awaiting verification'],
  closed: ['已整改销号', 'Verified and closed'],
  resolved: ['已自动解除', 'Cleared automatically'],
});
export type WarningStatus = keyof typeof WARNING_STATUSES;

export const CONSEQUENCES = labels({
  order_to_correct: ['责令限期改正', 'Order to correct within a time limit'],
  payment_suspension: ['暂停拨付工程款 / 停工整改', 'Suspend progress payments / stop works for correction'],
  credit_downgrade: ['降低信用等级', 'Downgrade the credit grade'],
});

export const RISK_FACTORS = labels({
  open_red: ['在办红色预警', 'Open red warnings'],
  open_orange: ['在办橙色预警', 'Open orange warnings'],
  open_yellow: ['在办黄色预警', 'Open yellow warnings'],
  own_warnings: ['本企业在办预警', 'Open warnings on the enterprise'],
  gc_project_warnings: ['总承包项目在办预警', 'Open warnings on projects it contracts generally'],
  chain_warnings: ['下游分包/班组在办预警', 'Open warnings of its subcontractors and teams'],
  history: ['近一年已办结预警', 'Warnings in the past year'],
  complaints: ['近90天投诉', 'Complaints in the past 90 days'],
  party_listed: ['参建单位列入失信名单', 'A party is on the dishonesty list'],
  party_arrears: ['参建单位欠薪记录未结', 'Open arrears findings of a party'],
  listed: ['列入失信联合惩戒名单', 'On the dishonesty list'],
  arrears: ['欠薪记录未结', 'Open arrears findings'],
});

export const OPEN_STATUSES: readonly WarningStatus[] = ['generated', 'dispatched', 'acknowledged', 'disposed'];
export const isOpen = (status: WarningStatus) => OPEN_STATUSES.includes(status);

/** The lifecycle by hand; the scan resolves from any open status on its own. */
const TRANSITIONS: Record<string, { from: readonly WarningStatus[]; to: WarningStatus }> = {
  dispatch: { from: ['generated'], to: 'dispatched' },
  acknowledge: { from: ['dispatched'], to: 'acknowledged' },
  dispose: { from: ['dispatched', 'acknowledged'], to: 'disposed' },
  verify: { from: ['disposed'], to: 'closed' },
  reject: { from: ['disposed'], to: 'acknowledged' },
};
export type WarningAction = keyof typeof TRANSITIONS | 'respond' | 'escalate';

export function transition(action: keyof typeof TRANSITIONS, from: WarningStatus): WarningStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Consequences are proposed only while the warning is undisposed and serious enough to act on. */
export function proposedConsequences(level: WarningLevel, ruleConsequences: readonly Consequence[]): Consequence[] {
  return level === 'yellow' ? ruleConsequences.filter((c) => c === 'order_to_correct') : [...ruleConsequences];
}
