import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Spin, Tree } from 'antd';
import { useState } from 'react';
import type { RegionDto } from '../../../server/modules/regions/regions.presenter';
import { useHasPermission } from '../../app/session';
import { api, type Page } from '../../lib/api-client';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { REGION_LEVELS } from '../../lib/labels';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

const node = (r: RegionDto): TreeNode => ({ key: r.code, title: `${r.name}（${r.code}）`, isLeaf: r.childCount === 0 });

function attach(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: attach(n.children, key, children) } : n));
}

/** The jurisdiction as a tree, loaded a level at a time; rename a region or add one below it. */
export function RegionsPage() {
  const { t, pick, lang } = useI18n();
  const can = useHasPermission();
  const client = useQueryClient();
  const [tree, setTree] = useState<TreeNode[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'rename' | 'add' | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  const roots = useQuery({ queryKey: ['regions', 'roots'], queryFn: () => api.get<RegionDto[]>('/api/regions/roots') });
  const detail = useQuery({ queryKey: ['regions', 'detail', selected], queryFn: () => api.get<RegionDto>(`/api/regions/${selected}`), enabled: !!selected });
  const shown = tree ?? roots.data?.map(node) ?? [];

  const loadChildren = async (key: string) => {
    const page = await api.get<Page<RegionDto>>('/api/regions', { parentCode: key, pageSize: 200 });
    setTree((current) => attach(current ?? shown, key, page.items.map(node)));
  };

  const submit = async (values: { name: string; code?: string }) => {
    try {
      if (dialog === 'rename') await api.patch(`/api/regions/${selected}`, { name: values.name, version: detail.data!.version });
      else await api.post('/api/regions', { code: values.code, name: values.name, parentCode: selected });
      await client.invalidateQueries({ queryKey: ['regions'] });
      if (selected) await loadChildren(detail.data?.parentCode && dialog === 'rename' ? detail.data.parentCode : selected).catch(() => undefined);
      setDialog(null);
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };
  const open = (kind: 'rename' | 'add') => {
    setError(null);
    form.resetFields();
    if (kind === 'rename') form.setFieldsValue({ name: detail.data?.name });
    setDialog(kind);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Card title={t('行政区划', 'Regions')}>
          {roots.isLoading ? (
            <Spin />
          ) : shown.length === 0 ? (
            <Empty description={t('您的管辖范围内没有区划', 'No regions in your jurisdiction')} />
          ) : (
            <Tree<TreeNode> treeData={shown} loadData={(n) => loadChildren(String(n.key))} onSelect={(keys) => setSelected((keys[0] as string) ?? null)} data-testid="region-tree" />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card
          title={t('区划详情', 'Region')}
          extra={
            selected &&
            can('regions.write') && (
              <>
                <Button onClick={() => open('rename')} style={{ marginRight: 8 }}>{t('改名', 'Rename')}</Button>
                {detail.data && detail.data.level < 5 && <Button type="primary" onClick={() => open('add')}>{t('新增下级', 'Add below')}</Button>}
              </>
            )
          }
        >
          {!selected ? (
            <Empty description={t('在左侧选择一个区划', 'Choose a region on the left')} />
          ) : detail.isLoading ? (
            <Spin />
          ) : detail.data ? (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('名称', 'Name')}>{detail.data.name}</Descriptions.Item>
              <Descriptions.Item label={t('区划代码', 'Code')}>{detail.data.code}</Descriptions.Item>
              <Descriptions.Item label={t('层级', 'Level')}>{pick(REGION_LEVELS[detail.data.level as 1])}</Descriptions.Item>
              <Descriptions.Item label={t('下级区划数', 'Children')}>{detail.data.childCount}</Descriptions.Item>
              <Descriptions.Item label={t('更新时间', 'Updated')}>{new Date(detail.data.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </Card>
      </Col>
      <Modal open={dialog !== null} title={dialog === 'rename' ? t('区划改名', 'Rename region') : t('新增下级区划', 'Add a region below')} onCancel={() => setDialog(null)} onOk={() => form.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'add' && (
            <Form.Item name="code" label={t('区划代码', 'Code')} extra={t(`以 ${selected} 开头；乡镇9位，村社区12位`, `Starts with ${selected}; townships 9 digits, villages 12`)} rules={[{ required: true, pattern: /^\d{6}(\d{3})?(\d{3})?$/ }]}>
              <Input maxLength={12} />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
