import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BankDto, EnterpriseDto, GovUnitDto } from '../../../server/modules/orgs/orgs.presenter';
import { api, type Page } from '../../lib/api-client';

export interface EnterpriseQuery {
  q?: string;
  type?: string;
  industry?: string;
  page: number;
  pageSize: number;
}

export const useEnterprises = (query: EnterpriseQuery) =>
  useQuery({ queryKey: ['enterprises', query], queryFn: () => api.get<Page<EnterpriseDto>>('/api/enterprises', { ...query }), placeholderData: keepPreviousData });

export type EnterpriseInput = Omit<EnterpriseDto, 'id' | 'regionName' | 'bankName' | 'updatedAt' | 'allowedActions' | 'version' | 'status'> & {
  version?: number;
  status?: 'active' | 'deregistered';
};

export function useSaveEnterprise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EnterpriseInput & { id?: string }) =>
      id ? api.put<EnterpriseDto>(`/api/enterprises/${id}`, body) : api.post<EnterpriseDto>('/api/enterprises', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['enterprises'] }),
  });
}

export const revealEnterpriseField = (id: string, field: 'legalRepIdNumber' | 'legalRepPhone', reason: string) =>
  api.post<{ field: string; value: string | null }>(`/api/enterprises/${id}/reveal`, { field, reason });

export const useGovUnits = (query: { q?: string; kind?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: ['gov-units', query], queryFn: () => api.get<Page<GovUnitDto>>('/api/gov-units', { ...query }), placeholderData: keepPreviousData });

export function useSaveGovUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Record<string, unknown> & { id?: string }) =>
      id ? api.put<GovUnitDto>(`/api/gov-units/${id}`, body) : api.post<GovUnitDto>('/api/gov-units', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['gov-units'] }),
  });
}

export function useDeleteGovUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/gov-units/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: ['gov-units'] }) });
}

export const useBanks = (q?: string) => useQuery({ queryKey: ['banks', q], queryFn: () => api.get<BankDto[]>('/api/banks', { q }) });

export function useSaveBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string; name: string; bankCode: string; version?: number }) =>
      id ? api.put<BankDto>(`/api/banks/${id}`, body) : api.post<BankDto>('/api/banks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['banks'] }),
  });
}
