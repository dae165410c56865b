import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { labelOf, projectStatusLabels } from '../../../lib/labels';

const COLORS: Record<string, string> = { not_started: 'default', in_progress: 'processing', suspended: 'warning', completed: 'success', accepted: 'cyan' };

export function ProjectStatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return <Tag color={COLORS[status] ?? 'default'}>{labelOf(projectStatusLabels, status, lang)}</Tag>;
}
