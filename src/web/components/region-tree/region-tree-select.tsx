import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { common, useI18n } from '../../lib/i18n';
import { useRegionTree } from './use-region-tree';

interface Props {
  /** Set by Form.Item so the input gets the field's id (e.g. `enterprise_regionCode`). */
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

/** Picks a region of the user's jurisdiction; the tree loads one level at a time. */
export function RegionTreeSelect({ id, value, onChange, placeholder, allowClear, disabled, style }: Props) {
  const { t } = useI18n();
  const { tree, roots, load } = useRegionTree(value);
  return (
    <TreeSelect
      id={id}
      treeData={tree}
      loadData={(node) => load(String(node.value))}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? undefined)}
      placeholder={placeholder ?? t(common.selectRegion)}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isLoading}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
    />
  );
}
