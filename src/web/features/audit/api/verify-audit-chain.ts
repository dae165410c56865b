import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/audit/verify: the chain recomputed from the first record, and the external anchors checked. */
export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBrokenSeq: number | null;
  problem: string | null;
  anchorsChecked: number;
}

export const verifyAuditChain = () => api.get<ChainReport>('/api/audit/verify');

// Run on request (it reads the whole chain), so a mutation rather than a cached query.
export const useVerifyAuditChain = () => useMutation({ mutationFn: verifyAuditChain });
