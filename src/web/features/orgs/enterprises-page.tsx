import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EnterpriseDto } from '../../../server/modules/orgs/orgs.presenter';
import { useHasPermission } from '../../app/session';
import { problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { ENTERPRISE_TYPES, INDUSTRIES, options } from '../../lib/labels';
import { type EnterpriseQuery, revealEnterpriseField, useEnterprises } from './api';
import { EnterpriseForm } from './enterprise-form';

export function EnterprisesPage() {
  const { t, lang, pick } = useI18n();
  const { modal, message } = App.useApp();
  const can = useHasPermission();
  const [query, setQuery] = useState<EnterpriseQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<EnterpriseDto | null>(null);
  const [open, setOpen] = useState(false);
  const list = useEnterprises(query);

  const reveal = (e: EnterpriseDto) => {
    let reason = '';
    modal.confirm({
      title: t('查看完整身份证号', 'Reveal the full ID number'),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('查看将被记录在审计日志中，请填写事由。', 'This is recorded in the audit log; give the reason.')}</Typography.Text>
          <Input.TextArea rows={2} onChange={(ev) => (reason = ev.target.value)} data-testid="reveal-reason" />
        </Space>
      ),
      onOk: async () => {
        try {
          const r = await revealEnterpriseField(e.id, 'legalRepIdNumber', reason);
          modal.info({ title: e.legalRepName, content: <Typography.Text copyable>{r.value ?? t('未登记', 'Not on file')}</Typography.Text> });
        } catch (err) {
          message.error(problemText(err, lang));
          throw err;
        }
      },
    });
  };

  return (
    <Card
      title={t('企业', 'Enterprises')}
      extra={
        can('orgs.write') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="enterprise-create" onClick={() => { setEditing(null); setOpen(true); }}>
            {t('登记企业', 'Register')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('企业名称或统一社会信用代码', 'Name or credit code')}
          style={{ width: 280 }}
          onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })}
          data-testid="enterprise-search"
        />
        <Select allowClear placeholder={t('企业类型', 'Type')} style={{ width: 160 }} options={options(ENTERPRISE_TYPES, lang)} onChange={(type) => setQuery({ ...query, type, page: 1 })} />
        <Select allowClear placeholder={t('行业', 'Industry')} style={{ width: 140 }} options={options(INDUSTRIES, lang)} onChange={(industry) => setQuery({ ...query, industry, page: 1 })} />
      </Space>
      {list.isError && <Typography.Text type="danger">{problemText(list.error, lang)}</Typography.Text>}
      <Table<EnterpriseDto>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={t('暂无企业。可点击“登记企业”添加，或调整查询条件。', 'No enterprises yet. Register one, or change the filters.')} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showTotal: (n) => t(`共 ${n} 家`, `${n} in all`),
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
        columns={[
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'creditCode', width: 190 },
          { title: t('企业名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Type'), dataIndex: 'type', render: (v: string) => pick(ENTERPRISE_TYPES[v as keyof typeof ENTERPRISE_TYPES]) },
          { title: t('行业', 'Industry'), dataIndex: 'industry', render: (v: string) => pick(INDUSTRIES[v as keyof typeof INDUSTRIES]) },
          { title: t('所在区划', 'Region'), dataIndex: 'regionName' },
          { title: t('法定代表人', 'Legal rep.'), dataIndex: 'legalRepName' },
          { title: t('身份证号', 'ID number'), dataIndex: 'legalRepIdNumber', render: (v: string | null) => v ?? '—' },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (v: string) => (v === 'active' ? <Tag color="green">{t('存续', 'Active')}</Tag> : <Tag>{t('注销', 'Deregistered')}</Tag>) },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_, e) => (
              <Space>
                {e.allowedActions.includes('update') && (
                  <Button size="small" type="link" onClick={() => { setEditing(e); setOpen(true); }}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {e.allowedActions.includes('reveal') && e.legalRepIdNumber && (
                  <Button size="small" type="link" onClick={() => reveal(e)}>
                    {t('查看完整信息', 'Reveal')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <EnterpriseForm open={open} enterprise={editing} onClose={() => setOpen(false)} />
    </Card>
  );
}
