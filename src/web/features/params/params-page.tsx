import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useHasPermission } from '../../app/session';
import { RegionSelect } from '../../components/region-select';
import { api } from '../../lib/api-client';
import { applyServerErrors, problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

interface ParamDef {
  id: string;
  module: string;
  name: { zh: string; en: string };
  type: string;
  unit: { zh: string; en: string } | null;
  default: unknown;
  options: string[] | null;
  citation: { zh: string; en: string | null; source: string };
  regionOverridable: boolean;
  unverified: boolean;
}
type Source = 'default' | { regionCode: string; effectiveFrom: string };
interface ParamsView {
  regionCode: string;
  regionName: string;
  onDate: string;
  items: { def: ParamDef; value: unknown; source: Source }[];
}
interface Override {
  id: string;
  regionCode: string;
  regionName: string;
  value: unknown;
  effectiveFrom: string;
  reason: string;
  createdByName: string | null;
  createdAt: string;
}

/** Shows money in yuan and ratios as percentages; the server keeps fen and fractions. */
function formatValue(def: ParamDef, value: unknown, pick: (t: { zh: string; en: string } | null) => string): string {
  if (def.type === 'money_fen' && typeof value === 'number') return `¥${(value / 100).toLocaleString('zh-CN')}`;
  if (def.type === 'ratio' && typeof value === 'number') return `${+(value * 100).toFixed(4)}%`;
  if (typeof value === 'boolean') return value ? '是 / yes' : '否 / no';
  return `${String(value)}${def.unit ? ` ${pick(def.unit)}` : ''}`;
}

export function ParamsPage() {
  const { t, pick, lang } = useI18n();
  const can = useHasPermission();
  const client = useQueryClient();
  const [regionCode, setRegionCode] = useState<string>();
  const [onDate, setOnDate] = useState<string>();
  const [editing, setEditing] = useState<ParamDef | null>(null);
  const [history, setHistory] = useState<ParamDef | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const view = useQuery({ queryKey: ['params', regionCode, onDate], queryFn: () => api.get<ParamsView>('/api/params', { regionCode, onDate }) });
  const overrides = useQuery({
    queryKey: ['params', 'history', history?.id, regionCode],
    queryFn: () => api.get<{ overrides: Override[] }>(`/api/params/${history!.id}`, { regionCode }),
    enabled: !!history,
  });

  const submit = async (values: { value: number | string; effectiveFrom: dayjs.Dayjs; reason: string }) => {
    if (!editing || !view.data) return;
    // The form works in yuan and percent; the API takes fen and fractions.
    const value = editing.type === 'money_fen' ? Math.round(Number(values.value) * 100) : editing.type === 'ratio' ? Number(values.value) / 100 : values.value;
    try {
      await api.post(`/api/params/${editing.id}/overrides`, { regionCode: view.data.regionCode, value, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), reason: values.reason });
      await client.invalidateQueries({ queryKey: ['params'] });
      setEditing(null);
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };

  return (
    <Card
      title={t('规则参数（法律规定的期限、比例与阈值）', 'Rule parameters (legal deadlines, ratios, thresholds)')}
      extra={
        <Space>
          <div style={{ width: 240 }}>
            <RegionSelect value={regionCode} onChange={setRegionCode} placeholder={t('本人管辖区域', 'My region')} allowClear />
          </div>
          <DatePicker placeholder={t('生效日期（默认今天）', 'On date (today)')} onChange={(d) => setOnDate(d ? d.format('YYYY-MM-DD') : undefined)} />
        </Space>
      }
    >
      {view.isError && <Alert type="error" message={problemText(view.error, lang)} />}
      {view.data && (
        <Typography.Paragraph type="secondary">
          {t(`${view.data.regionName} 于 ${view.data.onDate} 适用的取值。地区设定优先于上级和全国默认值。`, `Values in force for ${view.data.regionName} on ${view.data.onDate}. A region's own value takes precedence over its parents' and the national default.`)}
        </Typography.Paragraph>
      )}
      <Table
        rowKey={(r) => r.def.id}
        size="small"
        loading={view.isFetching}
        dataSource={view.data?.items}
        pagination={false}
        locale={{ emptyText: <Empty /> }}
        columns={[
          { title: t('编号', 'Id'), render: (_, r) => <Typography.Text code>{r.def.id}</Typography.Text>, width: 230 },
          { title: t('名称', 'Name'), render: (_, r) => <>{pick(r.def.name)} {r.def.unverified && <Tooltip title={t('未经官方文本核实的默认值，请与本省确认', 'Default not verified against the official text; confirm with the province')}><Tag color="orange">†</Tag></Tooltip>}</> },
          { title: t('当前值', 'Value'), render: (_, r) => <b>{formatValue(r.def, r.value, pick)}</b> },
          { title: t('默认值', 'Default'), render: (_, r) => formatValue(r.def, r.def.default, pick) },
          { title: t('来源', 'Source'), render: (_, r) => (r.source === 'default' ? <Tag>{t('全国默认', 'National default')}</Tag> : <Tag color="blue">{r.source.regionCode} · {r.source.effectiveFrom}</Tag>) },
          { title: t('法律依据', 'Legal basis'), render: (_, r) => <Tooltip title={r.def.citation.source}>{r.def.citation.zh}</Tooltip> },
          {
            title: t('操作', 'Actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" type="link" onClick={() => setHistory(r.def)}>{t('记录', 'History')}</Button>
                {r.def.regionOverridable && can('params.write') && (
                  <Button size="small" type="link" onClick={() => { form.resetFields(); setError(null); setEditing(r.def); }}>
                    {t('调整', 'Set')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!editing} title={editing && `${t('调整', 'Set')} ${pick(editing.name)}`} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t(`适用于 ${view.data?.regionName ?? ''} 及其下级区划`, `Applies to ${view.data?.regionName ?? ''} and below`)}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="value" label={editing?.type === 'money_fen' ? t('金额（元）', 'Amount (yuan)') : editing?.type === 'ratio' ? t('比例（%）', 'Ratio (%)') : t('取值', 'Value')} rules={[{ required: true }]}>
            {editing?.type === 'enum' ? <Select options={(editing.options ?? []).map((o) => ({ value: o, label: o }))} /> : <InputNumber style={{ width: '100%' }} />}
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('生效日期', 'Effective from')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('调整依据（文件名称、文号）', 'Reason (document and number)')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={!!history} onClose={() => setHistory(null)} title={history && pick(history.name)} width={480}>
        {overrides.data?.overrides.length === 0 && <Empty description={t('尚无地区调整，适用全国默认值', 'No regional values; the national default applies')} />}
        <Timeline
          items={(overrides.data?.overrides ?? []).map((o) => ({
            children: (
              <>
                <b>{o.regionName}</b> {history && formatValue(history, o.value, pick)} · {t('自', 'from')} {o.effectiveFrom}
                <br />
                <Typography.Text type="secondary">{o.reason} — {o.createdByName ?? '—'} {new Date(o.createdAt).toLocaleString('zh-CN')}</Typography.Text>
              </>
            ),
          }))}
        />
      </Drawer>
    </Card>
  );
}
