import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/emergency-funds and /api/emergency-funds/:id. */
export interface FundSize {
  minimumFen: number;
  balanceFen: number;
  shortfallFen: number;
  meets: boolean;
}

export interface FundSummary {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  level: 'city' | 'county';
  balanceFen: number;
  size: FundSize;
}

export interface Advance {
  id: string;
  decisionNo: string;
  decisionOn: string;
  caseRef: string;
  employerId: string;
  employerName: string;
  projectId: string | null;
  arrearsFen: number;
  totalFen: number;
  depositShortfallNote: string;
  higherApprovalRef: string | null;
  paidOn: string;
  recoveredFen: number;
  outstandingFen: number;
  lines: { workerId: string; workerName: string; amountFen: number }[];
  recoveries: { id: string; amountFen: number; recoveredOn: string; reference: string; recordedBy: string }[];
}

export interface Movement {
  id: string;
  kind: 'injection' | 'interest' | 'advance' | 'recovery';
  amountFen: number;
  onDate: string;
  reference: string;
  advanceId: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Fund extends FundSummary {
  reconciliation: {
    injectionsFen: number;
    interestFen: number;
    advancesFen: number;
    recoveriesFen: number;
    balanceFen: number;
    recordedAdvancesFen: number;
    recordedRecoveriesFen: number;
    matched: boolean;
  };
  movements: Movement[];
  advances: Advance[];
}

export const fundsQuery = () => queryOptions({ queryKey: ['funds', 'list'], queryFn: () => api.get<FundSummary[]>('/api/emergency-funds') });
export const useFunds = () => useQuery(fundsQuery());

export const fundQuery = (id: string) => queryOptions({ queryKey: ['funds', id], queryFn: () => api.get<Fund>(`/api/emergency-funds/${id}`) });
export const useFund = (id: string | undefined) => useQuery({ ...fundQuery(id ?? ''), enabled: !!id });
