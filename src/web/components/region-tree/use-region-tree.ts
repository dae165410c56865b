import { queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { RegionDto } from '../../../server/modules/regions/regions.presenter';
import { ancestorCodes } from '../../../server/modules/regions/regions.rules';
import { type Page, api } from '../../lib/api-client';
import { common, useI18n } from '../../lib/i18n';

/** The most children one request brings; beyond that the node says to search. */
const CHILD_PAGE = 200;

export const regionRootsQuery = () =>
  queryOptions({ queryKey: ['regions', 'roots'], queryFn: () => api.get<RegionDto[]>('/api/regions/roots'), staleTime: 5 * 60_000 });

export const regionChildrenQuery = (parentCode: string) =>
  queryOptions({
    queryKey: ['regions', 'children', parentCode],
    queryFn: () => api.get<Page<RegionDto>>('/api/regions', { parentCode, pageSize: CHILD_PAGE }),
    staleTime: 5 * 60_000,
  });

export interface RegionNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  disabled?: boolean;
  selectable?: boolean;
  children?: RegionNode[];
}

export const regionTitle = (r: Pick<RegionDto, 'name' | 'code'>) => `${r.name}（${r.code}）`;

/**
 * The user's jurisdiction as a tree, loaded one level at a time through the query cache (so a
 * write that invalidates ['regions'] refreshes it). `expandTo` opens the path down to a region so
 * a form editing a record shows its region's name.
 */
export function useRegionTree(expandTo?: string | null) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [opened, setOpened] = useState<string[]>([]);
  const roots = useQuery(regionRootsQuery());

  const parents = useMemo(() => {
    const rootCodes = new Set((roots.data ?? []).map((r) => r.code));
    const chain = expandTo ? ancestorCodes(expandTo) : [];
    const from = chain.findIndex((code) => rootCodes.has(code));
    return [...new Set([...(from >= 0 ? chain.slice(from) : []), ...opened])];
  }, [roots.data, expandTo, opened]);

  const children = useQueries({ queries: parents.map((code) => regionChildrenQuery(code)) });
  const childPages = new Map<string, Page<RegionDto>>();
  parents.forEach((code, i) => {
    const data = children[i]?.data;
    if (data) childPages.set(code, data);
  });

  const build = (r: RegionDto): RegionNode => {
    const page = childPages.get(r.code);
    const node: RegionNode = { key: r.code, value: r.code, title: regionTitle(r), isLeaf: r.childCount === 0 };
    if (page) {
      node.children = page.items.map(build);
      const rest = page.total - page.items.length;
      if (rest > 0) node.children.push({ key: `${r.code}:more`, value: `${r.code}:more`, title: t(common.moreChildren, { n: rest }), isLeaf: true, disabled: true, selectable: false });
    }
    return node;
  };

  const load = useCallback(
    async (code: string) => {
      await client.fetchQuery(regionChildrenQuery(code));
      setOpened((prev) => (prev.includes(code) ? prev : [...prev, code]));
    },
    [client],
  );

  return { tree: (roots.data ?? []).map(build), roots, load };
}
