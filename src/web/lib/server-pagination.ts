import type { TablePaginationConfig } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { common, useI18n } from './i18n';

interface PagedQuery {
  page: number;
  pageSize: number;
}

/** Table paging driven by the server: the page lives in the query, the total comes back with it. */
export function useServerPagination<Q extends PagedQuery>(query: Q, setQuery: Dispatch<SetStateAction<Q>>, total: number | undefined): TablePaginationConfig {
  const { t } = useI18n();
  return {
    current: query.page,
    pageSize: query.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t(common.total, { n }),
    onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
  };
}
