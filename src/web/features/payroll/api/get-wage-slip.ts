import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PayItem } from './get-payroll';

/** 工资清单 of a paid line (PAY-05, Reg. Art. 15), as GET /api/payrolls/:id/lines/:lineId/slip gives it. */
export interface WageSlip {
  slipNo: string;
  projectName: string;
  employerName: string;
  month: string;
  dueOn: string | null;
  workerName: string;
  idNumber: string;
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  grossFen: number;
  deductionFen: number;
  netFen: number;
  paidPriorFen: number;
  payments: { ref: string; amountFen: number; paidAt: string | null; card: string; bankTxnId: string | null }[];
}

export const wageSlipQuery = (payrollId: string, lineId: string) =>
  queryOptions({ queryKey: ['payroll', 'slip', payrollId, lineId], queryFn: () => api.get<WageSlip>(`/api/payrolls/${payrollId}/lines/${lineId}/slip`) });

export const useWageSlip = (payrollId: string, lineId: string | null) => useQuery({ ...wageSlipQuery(payrollId, lineId ?? ''), enabled: lineId !== null });
