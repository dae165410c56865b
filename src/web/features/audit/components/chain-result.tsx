import { Result } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { ChainReport } from '../api/verify-audit-chain';
import { m } from '../messages';

/** Green when every record and anchor checks out; red with the first broken record otherwise. */
export function ChainResult({ report }: { report: ChainReport }) {
  const { t } = useI18n();
  return report.ok ? (
    <Result
      status="success"
      title={t(m.ok)}
      subTitle={t(m.okDetail, { checked: report.checked, head: report.headSeq, anchors: report.anchorsChecked })}
      data-testid="audit-chain-ok"
      style={{ padding: 16 }}
    />
  ) : (
    <Result
      status="error"
      title={t(m.broken)}
      subTitle={t(m.brokenDetail, { seq: report.firstBrokenSeq ?? '?', problem: report.problem ?? '—' })}
      data-testid="audit-chain-broken"
      style={{ padding: 16 }}
    />
  );
}
