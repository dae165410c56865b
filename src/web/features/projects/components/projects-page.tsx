import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ImportModal } from '../../../components/import-modal';
import { QueryError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { projectPath } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { investmentTypeLabels, labelOf, optionsOf, ownershipTierLabels, projectIndustryLabels, projectStatusLabels } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { useCan } from '../../../lib/session';
import { exportProjects } from '../api/export-projects';
import { type ProjectQuery, type ProjectSummary, useProjects } from '../api/get-projects';
import { importProjects } from '../api/import-projects';
import { m } from '../messages';
import { ProjectDrawer } from './project-drawer';
import { ProjectStatusTag } from './project-status-tag';

/** 在建项目台账: filters, server paging, export with the same filters, import with a row-by-row report. */
export function ProjectsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [query, setQuery] = useState<ProjectQuery>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useProjects(query);
  const pagination = useServerPagination(query, setQuery, list.data?.total);
  const filter = (patch: Partial<ProjectQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const download = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...filters } = query;
      await exportProjects(filters);
    } catch (err) {
      message.error(`${t(m.exportFailed)}：${errorText(err, lang)}`);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<ProjectSummary> = [
    { title: t(m.code), dataIndex: 'code', width: 170 },
    {
      title: t(m.name),
      dataIndex: 'name',
      render: (name: string, p) => (
        <>
          <Link to={projectPath(p.id)} data-testid="project-link">{name}</Link>
          {p.commonName && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.commonName}</Typography.Text>}
        </>
      ),
    },
    { title: t(common.region), dataIndex: 'regionName', width: 120 },
    { title: t(m.industry), dataIndex: 'industry', width: 100, render: (v: string) => labelOf(projectIndustryLabels, v, lang) },
    { title: t(m.ownershipTier), dataIndex: 'ownershipTier', width: 90, render: (v: string) => labelOf(ownershipTierLabels, v, lang) },
    { title: t(common.status), dataIndex: 'status', width: 100, render: (v: string) => <ProjectStatusTag status={v} /> },
    { title: t(m.contractPriceShort), dataIndex: 'contractPriceFen', width: 160, align: 'right', render: (v: number) => formatYuan(v) },
    { title: t(m.owner), dataIndex: 'ownerName', ellipsis: true },
    { title: t(m.generalContractorShort), dataIndex: 'generalContractorName', ellipsis: true },
    {
      title: t(m.laborOfficer),
      dataIndex: 'laborOfficerName',
      width: 140,
      render: (v: string | null, p) => (v ? <>{v}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.laborOfficerPhone ?? ''}</Typography.Text></> : '—'),
    },
    { title: t(m.openEmployments), dataIndex: 'openEmployments', width: 90, align: 'right' },
    { title: t(m.plannedPeriod), key: 'period', width: 190, render: (_, p) => `${p.plannedStart} ~ ${p.plannedEnd}` },
    {
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => navigate(projectPath(p.id))}>
          {t(m.view)}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t(m.ledger)}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="project-export">
            {t(m.exportLedger)}
          </Button>
          {can('projects.write') && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="project-import">
                {t(m.importLedger)}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
                {t(m.create)}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t(m.search)} style={{ width: 280 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="project-search" />
        <RegionTreeSelect allowClear placeholder={t(common.region)} style={{ width: 200 }} value={query.regionCode} onChange={(regionCode) => filter({ regionCode })} />
        <Select allowClear placeholder={t(m.industry)} style={{ width: 130 }} options={optionsOf(projectIndustryLabels, lang)} onChange={(industry) => filter({ industry })} data-testid="project-filter-industry" />
        <Select allowClear placeholder={t(m.investmentType)} style={{ width: 170 }} options={optionsOf(investmentTypeLabels, lang)} onChange={(investmentType) => filter({ investmentType })} />
        <Select allowClear placeholder={t(m.ownershipTier)} style={{ width: 120 }} options={optionsOf(ownershipTierLabels, lang)} onChange={(ownershipTier) => filter({ ownershipTier })} data-testid="project-filter-tier" />
        <Select allowClear placeholder={t(common.status)} style={{ width: 130 }} options={optionsOf(projectStatusLabels, lang)} onChange={(status) => filter({ status })} data-testid="project-filter-status" />
      </Space>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<ProjectSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 1700 }}
        locale={{ emptyText: list.isLoading ? ' ' : <Empty description={t(m.noProjects)} /> }}
        pagination={pagination}
        data-testid="project-table"
      />
      <ProjectDrawer open={creating} project={null} onClose={() => setCreating(false)} onSaved={(p) => navigate(projectPath(p.id))} />
      <ImportModal
        open={importing}
        title={t(m.importTitle)}
        send={importProjects}
        onImported={() => client.invalidateQueries({ queryKey: ['projects'] })}
        onClose={() => setImporting(false)}
      />
    </Card>
  );
}
