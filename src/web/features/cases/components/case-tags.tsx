import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatYuan, todayInShanghai } from '../../../lib/format';
import { type Bilingual, useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { majorReasonTexts } from '../case-facts';
import { type CaseStatus, STATUS_COLOR, caseStatusLabels, supervisionLabels } from '../labels';
import { m } from '../messages';

/** The stage as the server labelled it (or from the rule table), coloured by where it stands. */
export function CaseStatusTag({ status, label }: { status: CaseStatus; label?: Bilingual }) {
  const { pick, lang } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="case-status" data-status={status}>
      {label ? pick(label) : labelOf(caseStatusLabels, status, lang)}
    </Tag>
  );
}

/** 逾期, with the escalation level once the deadline job has escalated it. */
export function OverdueTag({ level }: { level: number }) {
  const { t } = useI18n();
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} data-testid="case-overdue">
      {level > 0 ? t(m.escalation, { n: level }) : t(m.overdue)}
    </Tag>
  );
}

/** The stage deadline: red with the days past it when overdue, the days left otherwise. */
export function DueCell({ dueOn, overdue, level, open, status }: { dueOn: string | null; overdue: boolean; level: number; open: boolean; status: string }) {
  const { t } = useI18n();
  // An open stage without a deadline: enforcement waits on no deadline of ours; any other ran past
  // the published holiday calendar and is counted once the next year's notice is out.
  if (!dueOn) return <Typography.Text type="secondary">{t(!open || status === 'enforcing' ? m.noDue : m.dueAwaitsCalendar)}</Typography.Text>;
  const days = dayjs(dueOn).diff(dayjs(todayInShanghai()), 'day');
  if (open && overdue) {
    return (
      <Typography.Text type="danger" data-testid="case-due-overdue">
        {dueOn}
        <span style={{ display: 'block', fontSize: 12 }}>
          {t(m.overdueDays, { n: Math.max(1, -days) })}
          {level > 0 && ` · ${t(m.escalation, { n: level })}`}
        </span>
      </Typography.Text>
    );
  }
  return (
    <>
      {dueOn}
      {open && days >= 0 && (
        <Typography.Text type={days <= 2 ? 'warning' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
          {t(m.daysLeft, { n: days })}
        </Typography.Text>
      )}
    </>
  );
}

/** 重大 / 挂牌督办 / 领导包案 / 专案组; the major tag explains itself on hover when the server gave reasons. */
export function CaseMarks({ major, supervision, majorReasons, leaderName }: { major: boolean; supervision: readonly string[]; majorReasons?: readonly unknown[]; leaderName?: string | null }) {
  const { t, pick, lang } = useI18n();
  if (!major && supervision.length === 0) return null;
  const reasons = majorReasonTexts(majorReasons ?? []);
  const majorTag = (
    <Tag color="red" data-testid="case-major">
      {t(m.majorCase)}
    </Tag>
  );
  return (
    <Space size={4} wrap>
      {major && (reasons.length > 0 ? <Tooltip title={reasons.map((r) => pick(r)).join(lang === 'zh' ? '；' : '; ')}>{majorTag}</Tooltip> : majorTag)}
      {supervision.map((s) => (
        <Tag key={s} color="volcano" data-testid="case-supervision" data-kind={s}>
          {labelOf(supervisionLabels, s, lang)}
          {s === 'leader' && leaderName ? `：${leaderName}` : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** 请求金额 / 认定欠薪 / 已追发 stacked in one cell. */
export function MoneyCell({ claimedFen, foundOwedFen, recoveredFen }: { claimedFen: number; foundOwedFen: number; recoveredFen: number }) {
  const { t } = useI18n();
  const line = (label: string, fen: number, strong?: boolean) => (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}{' '}
      </Typography.Text>
      <Typography.Text strong={strong}>{formatYuan(fen)}</Typography.Text>
    </div>
  );
  return (
    <>
      {line(t(m.claimed), claimedFen)}
      {line(t(m.foundOwed), foundOwedFen)}
      {line(t(m.recovered), recoveredFen, true)}
    </>
  );
}
