import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n';
import type { AuditQuery } from '../api/get-audit-log';
import { m } from '../messages';

interface Values {
  actorName?: string;
  action?: string;
  objectType?: string;
  result?: AuditQuery['result'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

export function AuditFilters({ onChange }: { onChange: (filters: Filters) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onChange({
      actorName: v.actorName?.trim() || undefined,
      action: v.action?.trim() || undefined,
      objectType: v.objectType?.trim() || undefined,
      result: v.result,
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
    });

  return (
    <Form form={form} name="auditFilter" layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="actorName">
        <Input allowClear placeholder={t(m.actor)} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action">
        <Input allowClear placeholder={t(m.action)} style={{ width: 230 }} />
      </Form.Item>
      <Form.Item name="objectType">
        <Input allowClear placeholder={t(m.objectType)} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="result">
        <Select
          allowClear
          placeholder={t(m.result)}
          style={{ width: 110 }}
          options={[
            { value: 'success', label: t(m.success) },
            { value: 'failure', label: t(m.failure) },
          ]}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t(m.search)}
        </Button>
        <Button onClick={() => (form.resetFields(), apply({}))}>{t(m.reset)}</Button>
      </Space>
    </Form>
  );
}
