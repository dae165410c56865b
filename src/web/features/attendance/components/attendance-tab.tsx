import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ImportModal } from '../../../components/import-modal';
import { QueryError } from '../../../components/query-error';
import { formatHours, formatTime, todayInShanghai } from '../../../lib/format';
import { common, type Msg, useI18n } from '../../../lib/i18n';
import { attendanceEventStatusLabels, attendanceMethodLabels, directionLabels, labelOf } from '../../../lib/labels';
import { type DayException, type DayRosterRow, useProjectDay } from '../api/get-project-day';
import { useProjectStats } from '../api/get-project-stats';
import { type AttendanceImportReport, downloadAttendanceTemplate, importAttendance } from '../api/import-attendance';
import { m } from '../messages';
import { CorrectionModal } from './correction-modal';

const KEY_STAFF: Record<string, Msg> = { project_manager: m.projectManager, chief_supervisor: m.chiefSupervisor };
const STATUS_COLORS: Record<string, string> = { unknown_worker: 'error', not_on_roster: 'warning', key_staff: 'blue', registered: 'default' };
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

interface Props {
  projectId: string;
  /** The caller may keep this project's attendance: correct a day, import a sheet. */
  canWrite: boolean;
}

/**
 * A project's attendance: the rates of the period (key staff on site, real-name rate, gate
 * violations), one day's roster with present and absent workers and the exception events, and
 * for sites without gate devices the import of an attendance sheet.
 */
export function AttendanceTab({ projectId, canWrite }: Props) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [importing, setImporting] = useState(false);
  const today = todayInShanghai();
  const [date, setDate] = useState(today);
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 8)}01`, today]);
  const [correcting, setCorrecting] = useState<DayRosterRow | null>(null);
  const day = useProjectDay(projectId, date);
  const stats = useProjectStats(projectId, range[0], range[1]);
  const s = stats.data;

  // New events change the day view, the period's rates, worker calendars and the region's rates.
  const refresh = () => client.invalidateQueries({ queryKey: ['attendance'] });

  // What the written events did: new and repeated records, and those that became exceptions.
  const importSummary = ({ events: e }: AttendanceImportReport) => {
    const exceptions = [
      e.unknownWorkers > 0 && t(m.importUnknown, { n: e.unknownWorkers }),
      e.notOnRoster > 0 && t(m.importNotOnRoster, { n: e.notOnRoster }),
      e.keyStaff > 0 && t(m.importKeyStaff, { n: e.keyStaff }),
    ].filter((part) => part !== false);
    return (
      <span data-testid="attendance-import-events">
        {t(m.importEvents, { accepted: e.accepted, duplicates: e.duplicates })}
        {exceptions.length > 0 && t(m.importExceptions, { list: exceptions.join(t(m.listSeparator)) })}
      </span>
    );
  };

  const roster = day.data?.roster ?? [];
  const presentCount = roster.filter((r) => r.present).length;

  const columns: TableColumnsType<DayRosterRow> = [
    { title: t(m.name), dataIndex: 'name', width: 100 },
    { title: t(m.idNumber), dataIndex: 'idNumber', width: 190 },
    { title: t(m.team), dataIndex: 'teamName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true },
    {
      title: t(m.state),
      dataIndex: 'present',
      width: 150,
      render: (present: boolean, r) => (
        <Space size={4}>
          {present ? <Tag color="green">{t(m.present)}</Tag> : <Tag color="red">{t(m.absent)}</Tag>}
          {r.corrected && (
            <Tooltip title={r.correctionReason}>
              <Tag color="orange">{t(m.corrected)}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t(m.hours), dataIndex: 'minutes', width: 100, render: (v: number, r) => (r.present ? formatHours(v, lang) : '—') },
    { title: t(m.firstAt), dataIndex: 'firstAt', width: 90, render: (v: string | null) => formatTime(v) },
    { title: t(m.lastAt), dataIndex: 'lastAt', width: 90, render: (v: string | null) => formatTime(v) },
    ...(canWrite
      ? [
          {
            title: t(common.actions),
            key: 'actions',
            width: 80,
            render: (_: unknown, r: DayRosterRow) => (
              <Button type="link" size="small" onClick={() => setCorrecting(r)} data-testid="attendance-correct">
                {t(m.correct)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const exceptionColumns: TableColumnsType<DayException & { key: number }> = [
    { title: t(m.time), dataIndex: 'at', width: 80, render: (v: string) => formatTime(v) },
    { title: t(m.direction), dataIndex: 'direction', width: 70, render: (v: string) => labelOf(directionLabels, v, lang) },
    {
      title: t(m.method),
      dataIndex: 'method',
      width: 170,
      render: (v: string, e) => (
        <>
          {labelOf(attendanceMethodLabels, v, lang)}
          {!e.methodAllowed && <Tag color="red" style={{ marginInlineStart: 6 }}>{t(m.methodNotAllowed)}</Tag>}
        </>
      ),
    },
    {
      title: t(m.status),
      dataIndex: 'status',
      render: (v: string, e) => (
        <Tag color={STATUS_COLORS[v] ?? 'default'}>
          {labelOf(attendanceEventStatusLabels, v, lang)}
          {e.keyStaffRole && KEY_STAFF[e.keyStaffRole] ? `：${t(KEY_STAFF[e.keyStaffRole])}` : ''}
        </Tag>
      ),
    },
    { title: t(m.person), dataIndex: 'workerName', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t(m.unknownPerson)}</Typography.Text> },
    { title: t(m.device), dataIndex: 'deviceCode', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  const rate = (title: string, value: number | null, hint: string, testId: string) => (
    <Col xs={24} sm={12} xl={6}>
      <Card size="small">
        <Statistic title={title} value={value ?? t(m.noRate)} suffix={value === null ? undefined : '%'} precision={value === null ? undefined : 1} loading={stats.isLoading} data-testid={testId} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t(m.range)}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
            data-testid="attendance-range"
          />
        </Flex>
        {canWrite && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="attendance-import">
            {t(m.importAttendance)}
          </Button>
        )}
      </Flex>
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      <Row gutter={[16, 16]}>
        {rate(t(m.pmRate), s ? percent(s.projectManagerRate) : null, s ? t(m.daysOf, { days: s.projectManagerDays, working: s.workingDays }) : '', 'attendance-pm-rate')}
        {rate(t(m.csRate), s ? percent(s.chiefSupervisorRate) : null, s ? t(m.daysOf, { days: s.chiefSupervisorDays, working: s.workingDays }) : '', 'attendance-cs-rate')}
        {rate(t(m.realNameRate), s ? percent(s.realNameRate) : null, s ? t(m.realNameHint, { onSite: s.onSite, registered: s.registered }) : '', 'attendance-real-name-rate')}
        <Col xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic
              title={t(m.gateViolations)}
              value={s?.gateViolations ?? 0}
              loading={stats.isLoading}
              styles={{ content: { color: s && s.gateViolations > 0 ? '#cf1322' : undefined } }}
              data-testid="attendance-gate-violations"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(m.gateHint)}</Typography.Text>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={
          <Space wrap>
            {t(m.dayTitle)}
            <DatePicker
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
              data-testid="attendance-date"
            />
            {day.data && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t(m.daySummary, { total: roster.length, present: presentCount, absent: roster.length - presentCount })}
              </Typography.Text>
            )}
          </Space>
        }
      >
        {day.isError && <QueryError error={day.error} onRetry={() => day.refetch()} />}
        <Table<DayRosterRow>
          rowKey="workerId"
          size="small"
          loading={day.isFetching}
          dataSource={roster}
          columns={columns}
          scroll={{ x: 1000 }}
          pagination={roster.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: day.isLoading ? ' ' : <Empty description={t(m.emptyRoster)} /> }}
          data-testid="attendance-day"
        />
      </Card>

      <Card size="small" title={t(m.exceptions)}>
        <Table
          rowKey="key"
          size="small"
          loading={day.isFetching}
          dataSource={(day.data?.exceptions ?? []).map((e, key) => ({ ...e, key }))}
          columns={exceptionColumns}
          scroll={{ x: 800 }}
          pagination={(day.data?.exceptions.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: day.isLoading ? ' ' : <Empty description={t(m.noExceptions)} /> }}
          data-testid="attendance-exceptions"
        />
      </Card>
      <CorrectionModal projectId={projectId} date={date} row={correcting} onClose={() => setCorrecting(null)} />
      <ImportModal<AttendanceImportReport>
        open={importing}
        title={t(m.importTitle)}
        send={(file, mode) => importAttendance(projectId, file, mode)}
        onTemplate={() => downloadAttendanceTemplate(projectId)}
        committedDetail={importSummary}
        onImported={refresh}
        onClose={() => setImporting(false)}
      />
    </Space>
  );
}
