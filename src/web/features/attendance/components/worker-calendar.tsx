import { Badge, Calendar, Card, DatePicker, Flex, Spin, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatHours, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type WorkerDay, useWorkerMonth } from '../api/get-worker-month';
import { m } from '../messages';

/** A worker's month: each day shows the projects worked and the hours, corrections marked. */
export function WorkerAttendanceCalendar({ workerId }: { workerId: string }) {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(todayInShanghai().slice(0, 7));
  const days = useWorkerMonth(workerId, month);

  const byDate = useMemo(() => {
    const map = new Map<string, WorkerDay[]>();
    for (const d of days.data ?? []) map.set(d.date, [...(map.get(d.date) ?? []), d]);
    return map;
  }, [days.data]);
  const presentDays = new Set((days.data ?? []).filter((d) => d.present).map((d) => d.date)).size;
  const totalMinutes = (days.data ?? []).filter((d) => d.present).reduce((sum, d) => sum + d.minutes, 0);

  const cell = (date: Dayjs) => {
    if (date.format('YYYY-MM') !== month) return null;
    const entries = byDate.get(date.format('YYYY-MM-DD'));
    if (!entries) return null;
    return (
      <Flex vertical gap={2} data-testid="calendar-day">
        {entries.map((e) => (
          <Tooltip key={e.projectId} title={[e.projectName, e.corrected ? `${t(m.corrected)}：${e.correctionReason ?? ''}` : ''].filter(Boolean).join(' · ')}>
            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12, lineHeight: '20px' }}>
              <Badge status={e.present ? (e.corrected ? 'warning' : 'success') : 'default'} />
              {e.present ? formatHours(e.minutes, lang) : t(m.absent)} {e.projectName}
            </div>
          </Tooltip>
        ))}
      </Flex>
    );
  };

  // The calendar marks its value: today in the current month, else the month's first day.
  const today = todayInShanghai();
  const value = dayjs(today.startsWith(month) ? today : `${month}-01`);
  return (
    <Card
      title={t(m.calendar)}
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={value}
          disabledDate={(d) => d.format('YYYY-MM') > today.slice(0, 7)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="calendar-month"
        />
      }
    >
      {days.isError && <QueryError error={days.error} onRetry={() => days.refetch()} />}
      <Typography.Paragraph type="secondary" data-testid="calendar-summary">
        {days.data && (days.data.length === 0 ? t(m.noMonth) : t(m.monthSummary, { days: presentDays, hours: formatHours(totalMinutes, lang) }))}
      </Typography.Paragraph>
      <Spin spinning={days.isFetching}>
        <Calendar
          value={value}
          headerRender={() => null}
          cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
          onPanelChange={(d) => setMonth(d.format('YYYY-MM'))}
          onSelect={(d, { source }) => source === 'date' && d.format('YYYY-MM') !== month && setMonth(d.format('YYYY-MM'))}
        />
      </Spin>
    </Card>
  );
}
