import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Timeline, Typography } from 'antd';
import { downloadFile, errorText } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type Lang, type Msg, useI18n } from '../../../lib/i18n';
import { labelOf, warningLevelLabels, warningStatusLabels } from '../../../lib/labels';
import type { WarningDetail, WarningEvent } from '../api/get-warning';
import { warningFilePath } from '../api/handle-warning';
import { evidenceRows } from '../evidence';
import { m } from '../messages';

/** Closing green, escalation red, a rejected disposal orange, the rest blue (not the theme's red). */
const colorOf = (e: WarningEvent) => {
  if (e.toStatus === 'closed' || e.toStatus === 'resolved') return '#52c41a';
  if (/escalat|overdue|consequence/i.test(e.kind)) return '#cf1322';
  if (e.toStatus === 'acknowledged' && e.fromStatus === 'disposed') return '#fa8c16';
  return '#1677ff';
};

const LEVEL = /^(red|orange|yellow)$/;

/** An event's data as lines: a level change reads 橙色 → 红色; other figures as the evidence does. */
function dataLines(e: WarningEvent, labels: WarningDetail['evidenceLabels'], lang: Lang, t: (msg: Msg, vars?: Record<string, string>) => string): string[] {
  if (!e.data) return [];
  const level = (v: unknown) => (typeof v === 'string' && LEVEL.test(v) ? labelOf(warningLevelLabels, v, lang) : null);
  const { level: lv, from, to, ...rest } = e.data;
  const lines: string[] = [];
  if (level(from) && level(to)) lines.push(`${t(m.level)}: ${t(m.statusChange, { from: level(from)!, to: level(to)! })}`);
  else Object.assign(rest, { from, to });
  if (level(lv)) lines.push(`${t(m.level)}: ${level(lv)}`);
  else if (lv !== undefined) Object.assign(rest, { level: lv });
  const shown = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return [...lines, ...evidenceRows(shown, labels, lang).map((r) => `${r.label}: ${r.lines.join('；')}`)];
}

/** What happened to the warning, oldest first: who, when, the status change, the note, any data and files. */
export function WarningTimeline({ warning }: { warning: WarningDetail }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  if (warning.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noEvents)} />;
  const download = (fileId: string, name: string) => downloadFile(warningFilePath(warning.id, fileId), undefined, name).catch((err: unknown) => message.error(errorText(err, lang)));
  const events = [...warning.events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      data-testid="warning-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: colorOf(e),
        title: formatDateTime(e.at, lang),
        content: (
          <div data-testid="warning-event" data-kind={e.kind}>
            <Space size={8} wrap>
              <Typography.Text strong>{pick(e.kindLabel) || e.kind}</Typography.Text>
              <Typography.Text type="secondary">{e.actorName}</Typography.Text>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <Typography.Text type="secondary">
                  {t(m.statusChange, { from: e.fromStatus ? labelOf(warningStatusLabels, e.fromStatus, lang) : '—', to: labelOf(warningStatusLabels, e.toStatus, lang) })}
                </Typography.Text>
              )}
            </Space>
            {e.note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
            {dataLines(e, warning.evidenceLabels, lang, t).map((line, i) => (
              <Typography.Text key={i} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {line}
              </Typography.Text>
            ))}
            {e.files.length > 0 && (
              <Space size={4} wrap style={{ marginTop: 4 }}>
                {e.files.map((f) => (
                  <Button key={f.id} size="small" type="link" icon={<PaperClipOutlined />} onClick={() => download(f.id, f.name)} data-testid="warning-file">
                    {f.name}
                  </Button>
                ))}
              </Space>
            )}
          </div>
        ),
      }))}
    />
  );
}
