import { Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useParamHistory } from '../api/get-param-history';
import type { ParamDef } from '../api/get-params';
import { m } from '../messages';
import { formatParamValue, formatRange } from './param-value';

/** A parameter's definition and every regional value set for this region and those above it. */
export function ParamHistoryDrawer({ def, regionCode, onClose }: { def: ParamDef | null; regionCode?: string; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const history = useParamHistory(def?.id ?? null, regionCode);
  const overrides = history.data?.overrides ?? [];

  return (
    <Drawer open={def !== null} onClose={onClose} size={520} title={def && `${pick(def.name)} · ${t(m.history)}`} destroyOnHidden>
      {def && (
        <Descriptions
          column={1}
          size="small"
          bordered
          style={{ marginBottom: 24 }}
          items={[
            { key: 'id', label: t(m.id), children: <Typography.Text code>{def.id}</Typography.Text> },
            { key: 'default', label: t(m.default), children: formatParamValue(def, def.default, lang) },
            ...(formatRange(def, lang) ? [{ key: 'range', label: t(m.allowedRange), children: formatRange(def, lang) }] : []),
            { key: 'citation', label: t(m.citation), children: <>{pick(def.citation)}<br /><Typography.Text type="secondary">{def.citation.source}</Typography.Text></> },
            { key: 'overridable', label: t(m.overridable), children: def.regionOverridable ? t(m.yes) : t(m.no) },
          ]}
        />
      )}
      {history.isLoading ? (
        <Skeleton active />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => history.refetch()} />
      ) : overrides.length === 0 ? (
        <Empty description={t(m.noOverrides)} />
      ) : (
        <Timeline
          items={overrides.map((o) => ({
            key: o.id,
            title: o.effectiveFrom,
            content: (
              <>
                <Tag color="blue">{o.regionName}</Tag>
                <Typography.Text strong>{def ? formatParamValue(def, o.value, lang) : String(o.value)}</Typography.Text>
                <br />
                <Typography.Text>{o.reason}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(m.by, { name: o.createdByName ?? '—', time: formatDateTime(o.createdAt, lang) })}</Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
