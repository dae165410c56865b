import { SwapOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Space, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { ProjectDetail } from '../api/get-project';
import { m } from '../messages';
import { ProjectStatusTag } from './project-status-tag';

/** The status history, newest first; a change always keeps who made it and why. */
export function StatusTab({ project, onChange }: { project: ProjectDetail; onChange?: () => void }) {
  const { t, lang } = useI18n();
  const history = [...project.statusHistory].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text type="secondary">{t(m.currentStatus)}</Typography.Text>
          <ProjectStatusTag status={project.status} />
        </Space>
        {onChange && (
          <Button icon={<SwapOutlined />} onClick={onChange} data-testid="status-change">
            {t(m.changeStatus)}
          </Button>
        )}
      </Flex>
      {history.length === 0 ? (
        <Empty description={t(m.noHistory)} />
      ) : (
        <Timeline
          data-testid="status-history"
          items={history.map((h, i) => ({
            key: `${h.at}-${i}`,
            color: i === 0 ? 'blue' : 'gray',
            title: formatDateTime(h.at, lang),
            content: (
              <>
                <Space size={4} wrap>
                  {h.fromStatus && (
                    <>
                      <ProjectStatusTag status={h.fromStatus} />→
                    </>
                  )}
                  <ProjectStatusTag status={h.toStatus} />
                </Space>
                {h.reason && <div>{h.reason}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(m.byActor, { name: h.actorName })}</Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </>
  );
}
