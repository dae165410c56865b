import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { type NationalExportSummary, useExportNational } from '../api/export-national';
import { m } from '../messages';

/** The server's limit on one export's attendance period, in days (`MAX_EXPORT_DAYS`). */
const MAX_DAYS = 31;
const DATE = 'YYYY-MM-DD';

interface ExportValues {
  period: [Dayjs, Dayjs];
  reason: string;
}

/** The previous full calendar month in Beijing time (never more than 31 days). */
function previousMonth(today: string): [Dayjs, Dayjs] {
  const first = dayjs(today).startOf('month').subtract(1, 'month');
  return [first, first.endOf('month').startOf('day')];
}

const spanDays = ([from, to]: [Dayjs, Dayjs]) => to.startOf('day').diff(from.startOf('day'), 'day') + 1;

interface Props {
  projectId: string;
  /** Without the platform's secret the server refuses: ID numbers cannot be encrypted. */
  secretSet: boolean;
}

/** 按数据标准导出: the platform's structures for a period, saved as a JSON file, and what it held. */
export function ExportCard({ projectId, secretSet }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExportValues>();
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<NationalExportSummary | null>(null);
  const run = useExportNational();
  const today = todayInShanghai();

  const submit = ({ period: [from, to], reason }: ExportValues) => {
    setError(null);
    setSummary(null);
    const body = { projectId, from: from.format(DATE), to: to.format(DATE), reason: reason.trim() };
    run.mutate(body, {
      onSuccess: ({ fileName, summary: counts }) => {
        setSummary(counts);
        message.success(t(m.exported, { file: fileName }));
      },
      onError: (err) => setError(applyProblemToForm(form, err, lang)),
    });
  };

  const stat = (title: string, value: number, testId: string) => (
    <Col xs={12} md={8} xl={4}>
      <Statistic title={title} value={value} data-testid={testId} />
    </Col>
  );

  return (
    <Card size="small" title={t(m.exportTitle)} data-testid="national-export">
      <Typography.Paragraph type="secondary">{t(m.exportHint)}</Typography.Paragraph>
      {!secretSet && <Alert type="info" showIcon title={t(m.needsSecret)} style={{ marginBottom: 16 }} data-testid="national-export-needs-secret" />}
      <FormError text={error} testId="national-export-error" />
      <Form form={form} name="nationalExport" layout="vertical" initialValues={{ period: previousMonth(today) }} onFinish={submit} disabled={!secretSet || run.isPending}>
        <Flex wrap gap={16} align="start">
          <Form.Item
            name="period"
            label={t(m.period)}
            rules={[
              { required: true, message: t(m.periodRule) },
              { validator: async (_, v?: [Dayjs, Dayjs]) => (!v || spanDays(v) <= MAX_DAYS ? undefined : Promise.reject(new Error(t(m.periodTooLong)))) },
            ]}
          >
            <DatePicker.RangePicker
              allowClear={false}
              disabledDate={(d, info) => d.format(DATE) > today || (!!info?.from && Math.abs(d.startOf('day').diff(info.from.startOf('day'), 'day')) >= MAX_DAYS)}
              data-testid="national-export-period"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t(m.reason)}
            style={{ flex: '1 1 320px' }}
            rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t(m.reasonRule) }]}
          >
            <Input maxLength={200} showCount placeholder={t(m.reasonPlaceholder)} data-testid="national-export-reason" />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={run.isPending} disabled={!secretSet} data-testid="national-export-submit">
              {t(m.export)}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      {summary && (
        <div data-testid="national-export-summary">
          <Typography.Title level={5}>{t(m.summaryTitle)}</Typography.Title>
          <Row gutter={[16, 16]}>
            {stat(t(m.participants), summary.participants, 'national-summary-participants')}
            {stat(t(m.teams), summary.teams, 'national-summary-teams')}
            {stat(t(m.workers), summary.workers, 'national-summary-workers')}
            {stat(t(m.entryExits), summary.entryExits, 'national-summary-entry-exits')}
            {stat(t(m.attendance), summary.attendance, 'national-summary-attendance')}
          </Row>
          {summary.teamsWithoutSysNo > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t(m.teamsWithoutSysNo, { n: summary.teamsWithoutSysNo })} data-testid="national-teams-without-sysno" />
          )}
        </div>
      )}
    </Card>
  );
}
