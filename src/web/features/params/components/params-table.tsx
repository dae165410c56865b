import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { ParamDef, ParamItem, ParamsView } from '../api/get-params';
import { m } from '../messages';
import { formatParamValue } from './param-value';

interface Props {
  view: ParamsView;
  items: ParamItem[];
  canWrite: boolean;
  onAdjust: (item: ParamItem) => void;
  onHistory: (def: ParamDef) => void;
}

/** One module's parameters: value in force, default, where the value comes from, and the law behind it. */
export function ParamsTable({ view, items, canWrite, onAdjust, onHistory }: Props) {
  const { t, lang, pick } = useI18n();

  const columns: TableColumnsType<ParamItem> = [
    { title: t(m.id), key: 'id', width: 190, render: (_, r) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{r.def.id}</Typography.Text> },
    {
      title: t(m.name),
      key: 'name',
      width: 220,
      render: (_, r) => (
        <>
          {pick(r.def.name)}{' '}
          {r.def.unverified && (
            <Tooltip title={t(m.unverifiedTip)}>
              <Tag color="orange" data-testid="param-unverified">{t(m.unverified)}</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    { title: t(m.value), key: 'value', width: 130, render: (_, r) => <Typography.Text strong>{formatParamValue(r.def, r.value, lang)}</Typography.Text> },
    { title: t(m.default), key: 'default', width: 120, render: (_, r) => formatParamValue(r.def, r.def.default, lang) },
    {
      title: t(m.source),
      key: 'source',
      width: 180,
      render: (_, r) =>
        r.source === 'default' ? (
          <Tag>{t(m.sourceDefault)}</Tag>
        ) : (
          <Tag color="blue">
            {t(m.sourceRegion, { region: r.source.regionCode === view.regionCode ? t(m.thisRegion) : r.source.regionCode, date: r.source.effectiveFrom })}
          </Tag>
        ),
    },
    {
      title: t(m.citation),
      key: 'citation',
      width: 260,
      render: (_, r) => (
        <>
          {pick(r.def.citation)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.def.citation.source}
          </Typography.Text>
        </>
      ),
    },
    { title: t(m.overridable), key: 'overridable', width: 110, render: (_, r) => (r.def.regionOverridable ? <Tag color="green">{t(m.yes)}</Tag> : <Tag>{t(m.no)}</Tag>) },
    {
      title: '',
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onHistory(r.def)} data-testid="param-history">
            {t(m.history)}
          </Button>
          {canWrite && r.def.regionOverridable && (
            <Button type="link" size="small" onClick={() => onAdjust(r)} data-testid="param-adjust">
              {t(m.adjust)}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return <Table<ParamItem> rowKey={(r) => r.def.id} size="small" dataSource={items} columns={columns} pagination={false} scroll={{ x: 1350 }} tableLayout="fixed" />;
}
