import { RadarChartOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useScanWarnings } from '../api/scan-warnings';
import { m } from '../messages';

/** 立即扫描 (wage office, warnings.scan): runs every rule now and says what it raised, updated and cleared. */
export function ScanButton() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const scan = useScanWarnings();
  const run = () =>
    scan.mutateAsync().then(
      (r) => void message.success({ content: t(m.scanDone, { raised: r.raised, updated: r.updated, resolved: r.resolved }), duration: 6 }),
      (err: unknown) => void message.error(`${t(m.scanFailed)}：${errorText(err, lang)}`),
    );
  return (
    <Popconfirm title={t(m.scan)} description={<div style={{ maxWidth: 300 }}>{t(m.scanConfirm)}</div>} onConfirm={run}>
      <Button type="primary" icon={<RadarChartOutlined />} loading={scan.isPending} data-testid="warnings-scan">
        {t(m.scan)}
      </Button>
    </Popconfirm>
  );
}
