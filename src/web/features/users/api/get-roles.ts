import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScopeKind } from '../../../../server/platform/access/roles';
import { api } from '../../../lib/api-client';

export interface RoleInfo {
  role: string;
  zh: string;
  en: string;
  scopeKind: ScopeKind;
  permissions: string[];
}

export const rolesQuery = () => queryOptions({ queryKey: ['roles'], queryFn: () => api.get<RoleInfo[]>('/api/roles'), staleTime: Infinity });

export const useRoles = () => useQuery(rolesQuery());
