import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Page } from '../../lib/api-client';
import { problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

interface AuditRecord {
  seq: number;
  at: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBrokenSeq: number | null;
  problem: string | null;
  anchorsChecked: number;
}

/** The audit log (audit administrators only) and the hash chain's state. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => api.get<Page<AuditRecord>>('/api/audit', query), placeholderData: keepPreviousData });
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: () => api.get<ChainReport>('/api/audit/verify'), enabled: false });
  const set = (patch: Record<string, string | number | undefined>) => setQuery({ ...query, ...patch, page: 1 });

  return (
    <Card
      title={t('审计日志', 'Audit log')}
      extra={
        <Button onClick={() => verify.refetch()} loading={verify.isFetching} data-testid="audit-verify">
          {t('校验审计链', 'Verify the chain')}
        </Button>
      }
    >
      {verify.data && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          message={
            verify.data.ok
              ? t(`审计链完整：已校验 ${verify.data.checked} 条记录，外部锚点 ${verify.data.anchorsChecked} 个`, `Chain intact: ${verify.data.checked} records, ${verify.data.anchorsChecked} anchors checked`)
              : t(`审计链被篡改：第 ${verify.data.firstBrokenSeq} 条起异常（${verify.data.problem}）`, `Chain broken at record ${verify.data.firstBrokenSeq}: ${verify.data.problem}`)
          }
        />
      )}
      {verify.isError && <Alert type="error" message={problemText(verify.error, lang)} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('操作人', 'Actor')} style={{ width: 160 }} onSearch={(v) => set({ actorName: v || undefined })} />
        <Input.Search allowClear placeholder={t('操作（前缀，如 enterprise.）', 'Action prefix')} style={{ width: 220 }} onSearch={(v) => set({ action: v || undefined })} />
        <Select allowClear placeholder={t('结果', 'Result')} style={{ width: 120 }} onChange={(v) => set({ result: v })} options={[{ value: 'success', label: t('成功', 'Success') }, { value: 'failure', label: t('失败', 'Failure') }]} />
        <DatePicker.RangePicker showTime onChange={(r) => set({ from: r?.[0]?.toISOString(), to: r?.[1]?.toISOString() })} />
      </Space>
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={t('没有符合条件的审计记录', 'No matching audit records')} /> }}
        pagination={{ current: Number(query.page), pageSize: Number(query.pageSize), total: list.data?.total, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify({ before: r.before, after: r.after, reason: r.reason, requestId: r.requestId, hash: r.hash }, null, 2)}</pre>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('时间', 'Time'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
          { title: t('操作人', 'Actor'), dataIndex: 'actorName' },
          { title: t('操作', 'Action'), dataIndex: 'action' },
          { title: t('对象', 'Object'), render: (_, r) => `${r.objectType}${r.objectId ? ` ${r.objectId.slice(0, 13)}` : ''}` },
          { title: t('结果', 'Result'), dataIndex: 'result', render: (v: string) => <Tag color={v === 'success' ? 'green' : 'red'}>{v === 'success' ? t('成功', 'Success') : t('失败', 'Failure')}</Tag> },
          { title: 'IP', dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
