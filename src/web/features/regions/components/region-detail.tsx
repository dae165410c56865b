import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Skeleton, Space } from 'antd';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf, regionLevelLabels } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { useRegion } from '../api/get-region';
import { m } from '../messages';

export function RegionDetail({ code, onAction }: { code: string | null; onAction: (mode: 'rename' | 'add', region: RegionDto) => void }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const detail = useRegion(code);
  const region = detail.data;

  return (
    <Card
      title={t(m.detail)}
      extra={
        region &&
        can('regions.write') && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onAction('rename', region)} data-testid="region-rename">
              {t(m.rename)}
            </Button>
            {region.level < 5 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('add', region)} data-testid="region-add-child">
                {t(m.addChild)}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!code ? (
        <Empty description={t(m.pick)} />
      ) : detail.isLoading ? (
        <Skeleton active />
      ) : detail.isError ? (
        <QueryError error={detail.error} onRetry={() => detail.refetch()} />
      ) : region ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          data-testid="region-detail"
          items={[
            { key: 'name', label: t(m.name), children: region.name },
            { key: 'code', label: t(m.code), children: region.code },
            { key: 'level', label: t(m.level), children: labelOf(regionLevelLabels, region.level, lang) },
            { key: 'parent', label: t(m.parent), children: region.parentCode ?? '—' },
            { key: 'children', label: t(m.childCount), children: region.childCount },
            { key: 'updated', label: t(m.updatedAt), children: formatDateTime(region.updatedAt, lang) },
            { key: 'version', label: t(m.version), children: region.version },
          ]}
        />
      ) : null}
    </Card>
  );
}
