import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { todayInShanghai } from '../../../lib/format';
import { type Bilingual, type Msg, useI18n } from '../../../lib/i18n';
import { labelOf, warningLevelLabels, warningStatusLabels } from '../../../lib/labels';
import type { LadderStep, WarningLevel, WarningStatus } from '../api/get-warnings';
import { LEVEL_TAG } from '../levels';
import { m } from '../messages';

const STATUS_COLOR: Record<WarningStatus, string> = {
  generated: 'default',
  dispatched: 'blue',
  acknowledged: 'processing',
  disposed: 'purple',
  closed: 'green',
  resolved: 'cyan',
};

export const LADDER_TEXT: Record<LadderStep, Msg> = {
  notice: m.ladderNotice,
  reminder: m.ladderReminder,
  escalated: m.ladderEscalated,
  consequences: m.ladderConsequences,
};

export function LevelTag({ level }: { level: WarningLevel }) {
  const { lang } = useI18n();
  return (
    <Tag color={LEVEL_TAG[level]} data-testid="warning-level" data-level={level}>
      {labelOf(warningLevelLabels, level, lang)}
    </Tag>
  );
}

/** The status as the server labelled it (or from the shared labels), coloured by where it stands. */
export function WarningStatusTag({ status, label }: { status: WarningStatus; label?: Bilingual }) {
  const { lang, pick } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="warning-status" data-status={status}>
      {label ? pick(label) : labelOf(warningStatusLabels, status, lang)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} data-testid="warning-overdue">
      {t(m.overdue)}
    </Tag>
  );
}

/** The deadline with what is left of it, or how far past it the warning is. */
export function DueCell({ dueOn, overdue, open }: { dueOn: string | null; overdue: boolean; open: boolean }) {
  const { t } = useI18n();
  if (!dueOn) return <Typography.Text type="secondary">{t(m.noDue)}</Typography.Text>;
  const days = dayjs(dueOn).diff(dayjs(todayInShanghai()), 'day');
  return (
    <>
      {dueOn}
      {open && overdue && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="warning-overdue-days">
          {t(m.overdueDays, { n: Math.max(1, -days) })}
        </Typography.Text>
      )}
      {open && !overdue && days >= 0 && (
        <Typography.Text type={days <= 2 ? 'warning' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
          {t(m.daysLeft, { n: days })}
        </Typography.Text>
      )}
    </>
  );
}

export const isOpenStatus = (s: WarningStatus) => s !== 'closed' && s !== 'resolved';
