import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/warnings/scan: the wage office runs every rule now (立即扫描); the answer counts what changed. */
export interface ScanResult {
  id: string;
  kind: string;
  raised: number;
  updated: number;
  resolved: number;
  rules: { code: string; raised: number; updated: number; resolved: number; ms: number }[];
}

export const scanWarnings = () => api.command<ScanResult>('/api/warnings/scan', {});

export function useScanWarnings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: scanWarnings,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['warnings'] }), client.invalidateQueries({ queryKey: ['risk-scores'] }), client.invalidateQueries({ queryKey: ['notifications'] })]),
  });
}
