import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { workerPath } from '../../../config/paths';
import { common, useI18n } from '../../../lib/i18n';
import { genderLabels, labelOf, tradeLabels } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { type WorkerQuery, type WorkerSummary, useWorkers } from '../api/get-workers';
import { useSearchWorkers } from '../api/search-workers';
import { m } from '../messages';

type ExactKind = 'idNumber' | 'phone';

/**
 * 农民工查询: a list by name or masked ID number, and an exact lookup by the full ID number or
 * phone (the number never enters the address bar or the query cache).
 */
export function WorkersPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState<WorkerQuery>({ page: 1, pageSize: 20 });
  const [kind, setKind] = useState<ExactKind>('idNumber');
  const [exactForm] = Form.useForm<{ value: string }>();
  const list = useWorkers(query);
  const exact = useSearchWorkers();
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const showingExact = exact.isSuccess || exact.isError || exact.isPending;

  const columns: TableColumnsType<WorkerSummary> = [
    { title: t(m.name), dataIndex: 'name', width: 110, render: (v: string, w) => <Link to={workerPath(w.id)} data-testid="worker-link">{v}</Link> },
    { title: t(m.idNumber), dataIndex: 'idNumber', width: 200, render: (v: string) => <span data-testid="worker-id-masked">{v}</span> },
    { title: t(m.gender), dataIndex: 'gender', width: 70, render: (v: string) => labelOf(genderLabels, v, lang) },
    { title: t(m.birthDate), dataIndex: 'birthDate', width: 120 },
    { title: t(m.phone), dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t(m.trade), dataIndex: 'trade', render: (v: string | null) => labelOf(tradeLabels, v, lang) },
    { title: t(m.nativePlace), dataIndex: 'nativePlace', render: (v: string | null) => v ?? '—' },
    {
      title: t(m.openEmployments),
      dataIndex: 'openEmployments',
      width: 110,
      render: (v: number) => (v > 0 ? <Tag color="green">{v}</Tag> : <Tag>0</Tag>),
    },
    {
      title: t(common.actions),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, w) => (
        <Button type="link" size="small" onClick={() => navigate(workerPath(w.id))}>
          {t(m.view)}
        </Button>
      ),
    },
  ];

  const lookUp = ({ value }: { value: string }) => {
    const v = value.trim().toUpperCase();
    exact.mutate(kind === 'idNumber' ? { idNumber: v } : { phone: v });
  };

  const exactRules =
    kind === 'idNumber'
      ? [{ required: true, pattern: /^\s*(\d{17}[\dXx]|\d{15})\s*$/, message: t(m.exactRule) }]
      : [{ required: true, pattern: /^\s*1\d{10}\s*$/, message: t(m.phoneRule) }];

  return (
    <Card title={t(m.workers)}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          enterButton
          placeholder={t(m.searchHint)}
          style={{ maxWidth: 520 }}
          onSearch={(q) => {
            exact.reset();
            setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }));
          }}
          data-testid="workers-search"
        />
        <Card size="small" type="inner" title={t(m.exactTitle)}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t(m.exactHint)}</Typography.Paragraph>
          <Form form={exactForm} name="exact" layout="inline" onFinish={lookUp} autoComplete="off">
            <Form.Item>
              <Segmented<ExactKind>
                value={kind}
                onChange={(k) => {
                  setKind(k);
                  exactForm.resetFields();
                }}
                options={[
                  { value: 'idNumber', label: t(m.byIdNumber) },
                  { value: 'phone', label: t(m.byPhone) },
                ]}
                data-testid="worker-exact-kind"
              />
            </Form.Item>
            <Form.Item name="value" rules={exactRules}>
              <Input
                style={{ width: 240 }}
                maxLength={kind === 'idNumber' ? 18 : 11}
                inputMode={kind === 'phone' ? 'numeric' : undefined}
                placeholder={kind === 'idNumber' ? t(m.byIdNumber) : t(m.byPhone)}
                data-testid="worker-exact-input"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={exact.isPending} data-testid="worker-exact-submit">
                {t(m.exactSubmit)}
              </Button>
            </Form.Item>
          </Form>
        </Card>

        {showingExact ? (
          <>
            <Space>
              <Button icon={<ArrowLeftOutlined />} onClick={() => (exact.reset(), exactForm.resetFields())} data-testid="worker-exact-clear">
                {t(m.backToList)}
              </Button>
              <Typography.Text strong>{t(m.exactResult)}</Typography.Text>
            </Space>
            {exact.isError && <QueryError error={exact.error} />}
            <Table<WorkerSummary>
              rowKey="id"
              size="middle"
              loading={exact.isPending}
              dataSource={exact.data?.items}
              columns={columns}
              scroll={{ x: 1100 }}
              pagination={false}
              locale={{ emptyText: exact.isPending ? ' ' : <Empty description={t(m.noExact)} /> }}
              data-testid="worker-table"
            />
          </>
        ) : (
          <>
            {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
            {!query.q && list.data?.total === 0 && <Alert type="info" showIcon title={t(m.startSearch)} />}
            <Table<WorkerSummary>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items}
              columns={columns}
              scroll={{ x: 1100 }}
              pagination={pagination}
              locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noWorkers)} /> }}
              data-testid="worker-table"
            />
          </>
        )}
      </Space>
    </Card>
  );
}
