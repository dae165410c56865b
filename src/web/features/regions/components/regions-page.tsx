import { Card, Col, Empty, Input, Row, Skeleton, Table, Tree } from 'antd';
import { useEffect, useState } from 'react';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { ancestorCodes } from '../../../../server/modules/regions/regions.rules';
import { QueryError } from '../../../components/query-error';
import { useRegionTree } from '../../../components/region-tree/use-region-tree';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf, regionLevelLabels } from '../../../lib/labels';
import { useSearchRegions } from '../api/search-regions';
import { m } from '../messages';
import { RegionDetail } from './region-detail';
import { type RegionDialog, RegionFormModal } from './region-form-modal';

/** The jurisdiction as a tree loaded a level at a time, a search, and the chosen region's detail. */
export function RegionsPage() {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState({ q: '', page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<RegionDialog>(null);
  const { tree, roots, load } = useRegionTree(selected);
  const results = useSearchRegions(search);
  const [expanded, setExpanded] = useState<string[]>([]);

  // Open the roots at first, and the path down to whatever gets selected (from the search too).
  const rootKeys = tree.map((n) => n.key).join(',');
  useEffect(() => {
    if (rootKeys) setExpanded((prev) => [...new Set([...prev, ...rootKeys.split(',')])]);
  }, [rootKeys]);
  useEffect(() => {
    if (selected) setExpanded((prev) => [...new Set([...prev, ...ancestorCodes(selected)])]);
  }, [selected]);

  const treeView = roots.isLoading ? (
    <Skeleton active />
  ) : roots.isError ? (
    <QueryError error={roots.error} onRetry={() => roots.refetch()} />
  ) : tree.length === 0 ? (
    <Empty description={t(m.noRegions)} />
  ) : (
    <Tree
      treeData={tree}
      loadData={(node) => load(String(node.key))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      showLine
      blockNode
      data-testid="region-tree"
    />
  );

  const searchView = results.isError ? (
    <QueryError error={results.error} onRetry={() => results.refetch()} />
  ) : (
    <Table<RegionDto>
      rowKey="code"
      size="small"
      loading={results.isFetching}
      dataSource={results.data?.items}
      locale={{ emptyText: <Empty description={t(m.noMatch)} /> }}
      onRow={(r) => ({ onClick: () => setSelected(r.code), style: { cursor: 'pointer' } })}
      rowClassName={(r) => (r.code === selected ? 'ant-table-row-selected' : '')}
      pagination={{
        current: search.page,
        pageSize: search.pageSize,
        total: results.data?.total,
        showTotal: (n) => t(common.total, { n }),
        onChange: (page, pageSize) => setSearch({ ...search, page, pageSize }),
      }}
      columns={[
        { title: t(m.name), dataIndex: 'name' },
        { title: t(m.code), dataIndex: 'code' },
        { title: t(m.level), dataIndex: 'level', render: (v: number) => labelOf(regionLevelLabels, v, lang) },
      ]}
    />
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t(m.tree)}>
          <Input.Search
            allowClear
            placeholder={t(m.search)}
            style={{ marginBottom: 16 }}
            data-testid="region-search"
            onSearch={(q) => setSearch({ ...search, q: q.trim(), page: 1 })}
          />
          {search.q ? searchView : treeView}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <RegionDetail code={selected} onAction={(mode, region) => setDialog({ mode, region })} />
      </Col>
      <RegionFormModal dialog={dialog} onClose={() => setDialog(null)} onCreated={(code) => setSelected(code)} />
    </Row>
  );
}
