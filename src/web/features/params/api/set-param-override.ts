import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface SetOverrideInput {
  id: string;
  regionCode: string;
  value: unknown;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  reason: string;
}

/** A region's own value from a date on; the server checks the range and audits the change. */
export const setParamOverride = ({ id, ...body }: SetOverrideInput) => api.post<{ id: string }>(`/api/params/${encodeURIComponent(id)}/overrides`, body);

export function useSetParamOverride() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setParamOverride, onSuccess: () => client.invalidateQueries({ queryKey: ['params'] }) });
}
