import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; network trouble and 5xx may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      staleTime: 15_000,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

interface PagedParams {
  page: number;
  pageSize: number;
}

/**
 * placeholderData for paged lists: while another page of the same search loads, keep showing the
 * rows on screen; when the search or a filter changes, show the loading state instead of rows that
 * no longer match. The list's query key must end with its parameters object.
 */
export function keepPreviousPage<T>(params: PagedParams) {
  const filters = (p: PagedParams) => JSON.stringify(Object.entries(p as object).filter(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== undefined).sort());
  return (previous: T | undefined, previousQuery: { queryKey: readonly unknown[] } | undefined): T | undefined => {
    const before = previousQuery?.queryKey.at(-1) as PagedParams | undefined;
    return before && filters(before) === filters(params) ? previous : undefined;
  };
}
