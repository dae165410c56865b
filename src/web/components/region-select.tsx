import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useState } from 'react';
import type { RegionDto } from '../../server/modules/regions/regions.presenter';
import { api, type Page } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toNode = (r: RegionDto): Node => ({ id: r.code, pId: r.parentCode ?? undefined, value: r.code, title: `${r.name}（${r.code}）`, isLeaf: r.childCount === 0 });

/** Picks a region of the user's jurisdiction, loading the tree one level at a time. */
export function RegionSelect(props: { value?: string; onChange?: (code: string) => void; placeholder?: string; allowClear?: boolean; id?: string }) {
  const { t } = useI18n();
  const [extra, setExtra] = useState<Node[]>([]);
  const roots = useQuery({ queryKey: ['regions', 'roots'], queryFn: () => api.get<RegionDto[]>('/api/regions/roots') });
  const nodes = [...(roots.data ?? []).map(toNode), ...extra];
  const load = async (node: { value?: string | number }) => {
    const page = await api.get<Page<RegionDto>>('/api/regions', { parentCode: String(node.value), pageSize: 200 });
    setExtra((prev) => [...prev.filter((n) => !page.items.some((i) => i.code === n.id)), ...page.items.map(toNode)]);
  };
  return (
    <TreeSelect
      id={props.id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={load}
      value={props.value}
      onChange={(v) => props.onChange?.(v as string)}
      placeholder={props.placeholder ?? t('选择区划', 'Choose a region')}
      allowClear={props.allowClear}
      loading={roots.isLoading}
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
    />
  );
}
