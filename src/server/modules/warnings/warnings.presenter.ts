import type { Bilingual } from '../../platform/errors';
import { fenToYuanText } from '../../platform/money';
import { ruleOf } from './rules';
import { EVIDENCE_LABELS } from './warnings.evidence';
import type { EventRow, ProposalRow, WarningRow } from './warnings.repo';
import { CONSEQUENCES, LADDER_STEPS, RISK_FACTORS, WARNING_STATUSES } from './warnings.rules';
import type { getWarning } from './warnings.service';

const EVENT_KINDS: Record<string, Bilingual> = {
  raised: { zh: '生成预警', en: 'Raised' },
  level_changed: { zh: '预警等级变化', en: 'Level changed' },
  resolved: { zh: '条件消除，自动解除', en: 'Condition cleared; resolved' },
  dispatched: { zh: '分派', en: 'Dispatched' },
  acknowledged: { zh: '签收', en: 'Acknowledged' },
  disposal_recorded: { zh: '记录处置措施', en: 'Disposal recorded' },
  response_recorded: { zh: '企业整改反馈', en: 'Company response' },
  verified: { zh: '核验通过，整改销号', en: 'Verified and closed' },
  disposal_rejected: { zh: '核验不通过，退回', en: 'Disposal rejected' },
  reminded: { zh: '催办', en: 'Reminder' },
  escalated: { zh: '逾期升级至上一级', en: 'Escalated one level up for being overdue' },
  consequences_proposed: { zh: '提出处理建议', en: 'Consequences proposed' },
  proposal_decided: { zh: '处理建议决定', en: 'Proposal decided' },
  file_attached: { zh: '上传附件', en: 'Attachment uploaded' },
  converted_to_case: { zh: '转为案件办理', en: 'Turned into a case' },
};

const labelOf = (key: string): Bilingual => EVIDENCE_LABELS[key] ?? { zh: key, en: key };

function valueText(key: string, value: unknown): string {
  if (typeof value === 'number' && key.endsWith('Fen')) return fenToYuanText(value);
  if (typeof value === 'number' && /(Ratio|Share|Rate)$/.test(key)) return `${Math.round(value * 1000) / 10}%`;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every key of the evidence, nested breakdowns included (per employer, per kind …). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** One line from the first figures of the evidence, for lists and notifications. */
function summaryOf(evidence: Record<string, unknown>): Bilingual {
  const parts = Object.entries(evidence)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .slice(0, 3)
    .map(([k, v]) => ({ zh: `${labelOf(k).zh}：${valueText(k, v)}`, en: `${labelOf(k).en}: ${valueText(k, v)}` }));
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

export function presentWarningItem(w: WarningRow) {
  const rule = ruleOf(w.rule_code);
  return {
    id: w.id,
    ruleCode: w.rule_code,
    ruleName: rule?.name ?? { zh: w.rule_code, en: w.rule_code },
    level: w.level,
    status: w.status,
    statusLabel: WARNING_STATUSES[w.status],
    subjectKind: w.subject_kind,
    projectId: w.project_id,
    projectName: w.project_name,
    enterpriseId: w.enterprise_id,
    enterpriseName: w.enterprise_name,
    regionCode: w.region_code,
    regionName: w.region_name,
    raisedAt: w.raised_at.toISOString(),
    dueOn: w.due_on,
    overdue: w.overdue,
    escalations: w.escalations,
    ladderStep: w.ladder_step,
    ladderStepLabel: LADDER_STEPS[w.ladder_step],
    handlingUnitName: w.handling_unit_name,
    summary: summaryOf(w.evidence),
  };
}

const presentEvent = (e: EventRow) => ({
  id: e.id,
  at: e.at.toISOString(),
  kind: e.kind,
  kindLabel: EVENT_KINDS[e.kind] ?? { zh: e.kind, en: e.kind },
  actorName: e.actor_name,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  note: e.note,
  data: e.data,
  files: e.files,
});

const presentProposal = (p: ProposalRow) => ({
  id: p.id,
  consequence: p.consequence,
  consequenceLabel: CONSEQUENCES[p.consequence as keyof typeof CONSEQUENCES],
  proposedAt: p.proposed_at.toISOString(),
  status: p.status,
  decidedBy: p.decided_by,
  decidedAt: p.decided_at?.toISOString() ?? null,
  note: p.note,
});

export function presentWarningDetail(d: Awaited<ReturnType<typeof getWarning>>) {
  const w = d.warning;
  const evidenceLabels = Object.fromEntries([...keysOf(w.evidence), ...keysOf(w.resolution?.evidence)].map((k) => [k, labelOf(k)]));
  const unit = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  return {
    ...presentWarningItem(w),
    watches: d.rule.watches,
    source: d.rule.source,
    ruleRef: d.rule.ruleRef,
    evidence: w.evidence,
    evidenceLabels,
    resolution: w.resolution,
    leadUnit: unit(w.lead_unit_id, w.lead_unit_name),
    assistUnits: d.assistUnits.map((u) => ({ id: u.id, name: u.name })),
    handlingUnit: unit(w.handling_unit_id, w.handling_unit_name),
    acknowledgedAt: w.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: w.acknowledged_by,
    disposedAt: w.disposed_at?.toISOString() ?? null,
    closedAt: w.closed_at?.toISOString() ?? null,
    closedBy: w.closed_by,
    resolvedAt: w.resolved_at?.toISOString() ?? null,
    rowVersion: w.row_version,
    events: d.events.map(presentEvent),
    proposals: d.proposals.map(presentProposal),
    allowedActions: d.actions,
  };
}

export const presentFactors = (factors: { code: string; count: number; points: number }[]) =>
  factors.map((f) => ({ code: f.code, label: RISK_FACTORS[f.code as keyof typeof RISK_FACTORS] ?? { zh: f.code, en: f.code }, count: f.count, points: f.points }));
