import { Flex, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { m } from '../messages';

/** Basis points as a percent with two decimals: the server rounds down, so a share short of the rule never reads as met. */
export const bpText = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

/** The paid share as a bar, with the minimum marked as a line; red below it on a project the rule covers. */
export function RatioBar({ ratioBp, minBp, covered }: { ratioBp: number | null; minBp: number; covered: boolean }) {
  const { t } = useI18n();
  if (ratioBp === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const short = covered && ratioBp < minBp;
  const width = Math.min(ratioBp, 10_000) / 100;
  return (
    <Flex align="center" gap={8}>
      <Tooltip title={t(m.minLine, { min: bpText(minBp) })}>
        <div style={{ position: 'relative', width: 120, height: 10, background: '#f0f0f0', borderRadius: 5 }} aria-hidden>
          <div style={{ width: `${width}%`, height: '100%', borderRadius: 5, background: short ? '#cf1322' : '#52c41a' }} />
          <div style={{ position: 'absolute', left: `${minBp / 100}%`, top: -3, width: 2, height: 16, background: '#1f1f1f' }} />
        </div>
      </Tooltip>
      <Typography.Text type={short ? 'danger' : undefined} strong={short}>
        {bpText(ratioBp)}
      </Typography.Text>
    </Flex>
  );
}
