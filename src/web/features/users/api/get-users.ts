import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserDto } from '../../../../server/modules/auth/auth.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export type User = UserDto;

export interface UserQuery {
  q?: string;
  role?: string;
  status?: User['status'];
  page: number;
  pageSize: number;
}

export const usersQuery = (query: UserQuery) => queryOptions({ queryKey: ['users', 'list', query], queryFn: () => api.get<Page<User>>('/api/users', { ...query }) });

export const useUsers = (query: UserQuery) => useQuery({ ...usersQuery(query), placeholderData: keepPreviousPage(query) });
