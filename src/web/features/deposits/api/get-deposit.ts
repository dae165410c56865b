import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/projects/:id/wage-deposit: the required amount with its computation, lodgings, draws, the return. */
export interface ComputationStep {
  rule: string;
  text: { zh: string; en: string };
}

export interface Lodging {
  id: string;
  form: string;
  amountFen: number;
  lodgedOn: string;
  bankName: string | null;
  accountNo: string | null;
  issuer: string | null;
  instrumentNo: string | null;
  validFrom: string | null;
  validUntil: string | null;
  effective: boolean;
  recordedBy: string;
  recordedAt: string;
}

export interface Draw {
  id: string;
  amountFen: number;
  drawnOn: string;
  orderNo: string;
  orderIssuedOn: string;
  orderDueOn: string;
  decisionNo: string;
  decisionOn: string;
  decisionAmountFen: number;
  caseRef: string;
  workersRef: string;
  /** null: beyond the official holiday calendar, not computable yet */
  topUpDueOn: string | null;
  outstandingFen: number;
  state: 'awaiting' | 'overdue' | 'deadline_unknown' | 'topped_up' | 'topped_up_late';
  topUps: { id: string; amountFen: number; toppedOn: string; form: string; reference: string }[];
}

export interface DepositReturn {
  status: 'applied' | 'noticed' | 'ordered' | 'returned' | 'rejected';
  appliedOn: string;
  appliedBy: string;
  approvedBy: string | null;
  noticeFrom: string | null;
  noticeUntil: string | null;
  noticeDays: number;
  orderedOn: string | null;
  orderedBy: string | null;
  bankDueOn: string | null;
  bankReturnWD: number;
  returnedOn: string | null;
  rejectReason: string | null;
  version: number;
}

export type DepositState = 'exempt' | 'missing' | 'short' | 'lodged' | 'awaiting_top_up' | 'top_up_overdue' | 'return_applied' | 'returned';

export interface Deposit {
  projectId: string;
  projectCode: string;
  projectName: string;
  projectStatus: string;
  generalContractorId: string;
  generalContractorName: string;
  contractPriceFen: number;
  assessedOn: string;
  required: {
    requiredFen: number;
    exempt: boolean;
    /** parts per million of the contract price */
    ratioPpm: number;
    baseRatioPpm: number;
    capFen: number;
    capApplied: boolean;
    capLifted: boolean;
    cleanYears: number;
    steps: ComputationStep[];
  };
  lodgedFen: number;
  drawnFen: number;
  toppedUpFen: number;
  heldFen: number;
  shortfallFen: number;
  state: DepositState;
  acceptedForms: string[];
  topUpWithinWD: number;
  lodgings: Lodging[];
  draws: Draw[];
  return: DepositReturn | null;
  actions: ('lodge' | 'top_up' | 'apply_return' | 'draw' | 'decide_return' | 'order_return' | 'confirm_return')[];
}

export const depositQuery = (projectId: string) => queryOptions({ queryKey: ['deposits', projectId], queryFn: () => api.get<Deposit>(`/api/projects/${projectId}/wage-deposit`) });
export const useDeposit = (projectId: string) => useQuery(depositQuery(projectId));
