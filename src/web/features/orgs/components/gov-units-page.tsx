import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { errorText } from '../../../lib/api-client';
import { common, useI18n } from '../../../lib/i18n';
import { useServerPagination } from '../../../lib/server-pagination';
import { govUnitKindLabels, labelOf, optionsOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { useDeleteGovUnit } from '../api/delete-gov-unit';
import { type GovUnit, type GovUnitQuery, useGovUnits } from '../api/get-gov-units';
import { m } from '../messages';
import { GovUnitDrawer } from './gov-unit-drawer';

export function GovUnitsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const [query, setQuery] = useState<GovUnitQuery>({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; unit: GovUnit | null }>({ open: false, unit: null });
  const list = useGovUnits(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const remove = useDeleteGovUnit();
  const filter = (patch: Partial<GovUnitQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const columns: TableColumnsType<GovUnit> = [
    { title: t(m.unitName), dataIndex: 'name' },
    { title: t(m.unitKind), dataIndex: 'kind', render: (v: string) => labelOf(govUnitKindLabels, v, lang) },
    { title: t(common.region), dataIndex: 'regionName' },
    { title: t(m.officePhone), dataIndex: 'officePhone', render: (v: string | null) => v ?? '—' },
    { title: t(common.address), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    {
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          {u.allowedActions.includes('update') && (
            <Button type="link" size="small" onClick={() => setDrawer({ open: true, unit: u })} data-testid="gov-unit-edit">
              {t(common.edit)}
            </Button>
          )}
          {u.allowedActions.includes('delete') && (
            <Popconfirm
              title={t(common.confirmDelete, { name: u.name })}
              onConfirm={() =>
                remove.mutateAsync(u.id).then(
                  () => void message.success(t(common.deleted)),
                  (err: unknown) => void message.error(errorText(err, lang)),
                )
              }
            >
              <Button type="link" size="small" danger data-testid="gov-unit-delete">
                {t(common.delete)}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t(m.govUnits)}
      extra={
        can('orgs.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, unit: null })} data-testid="gov-unit-create">
            {t(m.createGovUnit)}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t(m.searchGovUnit)} style={{ width: 240 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="gov-unit-search" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t(m.unitKind)} style={{ width: 240 }} options={optionsOf(govUnitKindLabels, lang)} onChange={(kind) => filter({ kind })} />
        <RegionTreeSelect allowClear placeholder={t(common.region)} style={{ width: 220 }} value={query.regionCode} onChange={(regionCode) => filter({ regionCode })} />
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<GovUnit>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 900 }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noGovUnits)} /> }}
        pagination={pagination}
      />
      <GovUnitDrawer open={drawer.open} unit={drawer.unit} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </Card>
  );
}
