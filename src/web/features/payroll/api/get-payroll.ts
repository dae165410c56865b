import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PayrollAction } from '../../../../server/modules/payroll/payroll.policy';
import type { PayItem, PayStatus } from '../../../../server/modules/payroll/payroll.rules';
import { api } from '../../../lib/api-client';
import type { PayrollSummary } from './get-payrolls';

export type { PayItem, PayrollAction };

/** A line of a payroll (GET /api/payrolls/:id), ID number and card masked by the server. */
export interface PayrollLine {
  id: string;
  workerId: string;
  workerName: string;
  idNumber: string;
  bankCard: string | null;
  teamName: string | null;
  wageType: string;
  wageAmountFen: number;
  attendanceDays: number;
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  grossFen: number;
  deductionFen: number;
  netFen: number;
  /** Paid on the versions this one corrects. */
  paidPriorFen: number;
  payableFen: number;
  /** The checks the line fails, with their text; an overridable one passes with a reason. */
  checks: { code: string; zh: string; en: string; overridable: boolean }[];
  overrideReason: string | null;
  cleared: boolean;
  confirmation: 'pending' | 'confirmed' | 'disputed';
  confirmedVia: string | null;
  confirmationNote: string | null;
  confirmedAt: string | null;
  payStatus: PayStatus;
  paidFen: number;
  attempts: number;
  lastFailure: string | null;
  version: number;
}

export interface PayoutBatch {
  id: string;
  batchNo: string;
  kind: string;
  status: string;
  accountNo: string;
  lineCount: number;
  totalFen: number;
  paidCount: number;
  failedCount: number;
  submittedBy: string;
  submittedAt: string;
  fetchedAt: string | null;
  completedAt: string | null;
}

export interface PayrollDetail extends PayrollSummary {
  lines: PayrollLine[];
  batches: PayoutBatch[];
  /** The buttons to show: the server's policy for this caller and this payroll's state. */
  actions: PayrollAction[];
}

export const payrollDetailKey = (id: string) => ['payroll', 'detail', id] as const;

export const payrollQuery = (id: string) => queryOptions({ queryKey: payrollDetailKey(id), queryFn: () => api.get<PayrollDetail>(`/api/payrolls/${id}`) });

/** One payroll; while its payouts are with the bank it is read again every few seconds, so results show as they come. */
export const usePayroll = (id: string | null) =>
  useQuery({ ...payrollQuery(id ?? ''), enabled: id !== null, refetchInterval: (q) => (q.state.data?.status === 'paying' ? 5_000 : false) });
