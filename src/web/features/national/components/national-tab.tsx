import { Card, Skeleton, Space } from 'antd';
import { QueryError } from '../../../components/query-error';
import { useNationalLink } from '../api/get-national-link';
import { ExportCard } from './export-card';
import { LinkCard } from './link-card';

interface Props {
  projectId: string;
  /** The caller may set the link and export (`actions` has 'national': the general contractor, or an official with national.export). */
  canWrite: boolean;
}

/**
 * 全国平台对接 (RN-06): the project's code, secret and team numbers at 全国建筑工人管理服务信息平台,
 * and the export of its data in the platform's structures for upload.
 */
export function NationalTab({ projectId, canWrite }: Props) {
  const link = useNationalLink(projectId);

  if (link.isLoading) {
    return (
      <Card size="small" data-testid="national-loading">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (link.isError || !link.data) return <QueryError error={link.error} onRetry={() => link.refetch()} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="national-tab">
      <LinkCard projectId={projectId} link={link.data} canWrite={canWrite} />
      {canWrite && <ExportCard projectId={projectId} secretSet={link.data.secretSet} />}
    </Space>
  );
}
