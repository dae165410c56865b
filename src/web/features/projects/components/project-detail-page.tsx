import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import type { TabsProps } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { common, useI18n } from '../../../lib/i18n';
import { type ProjectDetail, useProject } from '../api/get-project';
import { m } from '../messages';
import { ComplianceTab } from './compliance-tab';
import { ProjectDrawer } from './project-drawer';
import { ProjectInfoTab } from './project-info-tab';
import { ProjectStatusTag } from './project-status-tag';
import { StatusModal } from './status-modal';
import { StatusTab } from './status-tab';
import { SubcontractsTab } from './subcontracts-tab';

export type ProjectTab = NonNullable<TabsProps['items']>[number];

/**
 * One project: the ledger record and its compliance, subcontract chain and status history. Other
 * modules' tabs (roster, attendance) are passed in by the route, so this feature does not import
 * theirs. The open tab is kept in the address (`?tab=`), so a tab can be linked to.
 */
export function ProjectDetailPage({ extraTabs }: { extraTabs?: (project: ProjectDetail) => ProjectTab[] }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const project = useProject(id);
  const p = project.data;

  if (project.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (project.isError || !p) {
    const missing = project.error instanceof ApiError && project.error.status === 404;
    return (
      <Card>
        {missing ? (
          <Result status="404" title="404" subTitle={t(m.notFound)} extra={<Link to={paths.projects}><Button type="primary">{t(m.backToLedger)}</Button></Link>} />
        ) : (
          <QueryError error={project.error} onRetry={() => project.refetch()} />
        )}
      </Card>
    );
  }

  const can = (action: string) => p.actions.includes(action);
  const items: ProjectTab[] = [
    { key: 'info', label: t(m.tabInfo), children: <ProjectInfoTab project={p} /> },
    { key: 'compliance', label: t(m.tabCompliance), children: <ComplianceTab items={p.compliance} /> },
    { key: 'subcontracts', label: t(m.tabSubcontracts), children: <SubcontractsTab project={p} /> },
    { key: 'status', label: t(m.tabStatus), children: <StatusTab project={p} onChange={can('status') ? () => setChangingStatus(true) : undefined} /> },
    ...(extraTabs?.(p) ?? []),
  ];
  const requested = search.get('tab');
  const active = items.some((i) => i.key === requested) ? requested! : 'info';

  return (
    <Card
      title={
        <Space wrap>
          <Link to={paths.projects} aria-label={t(m.backToLedger)}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="project-title">{p.name}</span>
          <ProjectStatusTag status={p.status} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {p.code}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {can('status') && (
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="project-change-status">
              {t(m.changeStatus)}
            </Button>
          )}
          {can('update') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
              {t(common.edit)}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={active}
        items={items}
        onChange={(key) =>
          setSearch(
            (current) => {
              const next = new URLSearchParams(current);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        data-testid="project-tabs"
      />
      <ProjectDrawer open={editing} project={p} onClose={() => setEditing(false)} />
      <StatusModal open={changingStatus} project={p} onClose={() => setChangingStatus(false)} />
    </Card>
  );
}
