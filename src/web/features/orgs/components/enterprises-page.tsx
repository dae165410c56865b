import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { RevealFieldModal, type RevealOption } from '../../../components/reveal-field-modal';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { common, useI18n } from '../../../lib/i18n';
import { useServerPagination } from '../../../lib/server-pagination';
import { enterpriseTypeLabels, industryLabels, labelOf, optionsOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { type Enterprise, type EnterpriseQuery, useEnterprises } from '../api/get-enterprises';
import { type RevealableField, revealEnterpriseField } from '../api/reveal-enterprise-field';
import { m } from '../messages';
import { EnterpriseDrawer } from './enterprise-drawer';

/** Enterprises in the user's jurisdiction: search, filters, server paging; buttons follow `allowedActions`. */
export function EnterprisesPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [query, setQuery] = useState<EnterpriseQuery>({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; enterprise: Enterprise | null }>({ open: false, enterprise: null });
  // The enterprise stays set while the modal closes, so its title and fields do not change under the animation.
  const [revealing, setRevealing] = useState<{ open: boolean; enterprise: Enterprise | null }>({ open: false, enterprise: null });
  const list = useEnterprises(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const filter = (patch: Partial<EnterpriseQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const columns: TableColumnsType<Enterprise> = [
    { title: t(m.creditCode), dataIndex: 'creditCode', width: 200 },
    { title: t(m.enterpriseName), dataIndex: 'name' },
    { title: t(m.type), dataIndex: 'type', render: (v: string) => labelOf(enterpriseTypeLabels, v, lang) },
    { title: t(m.industry), dataIndex: 'industry', render: (v: string) => labelOf(industryLabels, v, lang) },
    { title: t(common.region), dataIndex: 'regionName' },
    { title: t(m.legalRep), dataIndex: 'legalRepName' },
    { title: t(m.legalRepIdNumber), dataIndex: 'legalRepIdNumber', render: (v: string | null) => v ?? '—' },
    {
      title: t(common.status),
      dataIndex: 'status',
      render: (v: Enterprise['status']) => (v === 'active' ? <Tag color="green">{t(m.statusActive)}</Tag> : <Tag>{t(m.statusDeregistered)}</Tag>),
    },
    {
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      render: (_, e) => (
        <Space size={0}>
          {e.allowedActions.includes('update') && (
            <Button type="link" size="small" onClick={() => setDrawer({ open: true, enterprise: e })} data-testid="enterprise-edit">
              {t(common.edit)}
            </Button>
          )}
          {e.allowedActions.includes('reveal') && (e.legalRepIdNumber || e.legalRepPhone) && (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealing({ open: true, enterprise: e })} data-testid="enterprise-reveal">
              {t(m.revealAction)}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const shown = revealing.enterprise;
  const revealable: RevealOption<RevealableField>[] = shown
    ? [
        shown.legalRepIdNumber !== null && { value: 'legalRepIdNumber' as const, label: t(m.legalRepIdNumber) },
        shown.legalRepPhone !== null && { value: 'legalRepPhone' as const, label: t(m.legalRepPhone) },
      ].filter((f) => f !== false)
    : [];

  return (
    <Card
      title={t(m.enterprises)}
      extra={
        can('orgs.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, enterprise: null })} data-testid="enterprise-create">
            {t(m.createEnterprise)}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t(m.searchEnterprise)}
          style={{ width: 300 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="enterprise-search"
        />
        <Select allowClear placeholder={t(m.enterpriseType)} style={{ width: 160 }} options={optionsOf(enterpriseTypeLabels, lang)} onChange={(type) => filter({ type })} data-testid="enterprise-filter-type" />
        <Select allowClear placeholder={t(m.industry)} style={{ width: 140 }} options={optionsOf(industryLabels, lang)} onChange={(industry) => filter({ industry })} data-testid="enterprise-filter-industry" />
        <RegionTreeSelect allowClear placeholder={t(common.region)} style={{ width: 220 }} value={query.regionCode} onChange={(regionCode) => filter({ regionCode })} />
        <Select
          allowClear
          placeholder={t(common.status)}
          style={{ width: 110 }}
          options={[
            { value: 'active', label: t(m.statusActive) },
            { value: 'deregistered', label: t(m.statusDeregistered) },
          ]}
          onChange={(status) => filter({ status })}
        />
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 1200 }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noEnterprises)} /> }}
        pagination={pagination}
        data-testid="enterprise-table"
      />
      <EnterpriseDrawer open={drawer.open} enterprise={drawer.enterprise} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
      {shown && (
        <RevealFieldModal
          open={revealing.open}
          title={t(m.revealTitle, { name: shown.name })}
          fields={revealable}
          reveal={(body) => revealEnterpriseField(shown.id, body)}
          onClose={() => setRevealing((r) => ({ ...r, open: false }))}
        />
      )}
    </Card>
  );
}
