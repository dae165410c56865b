import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { WageAccountSummary } from './get-wage-accounts';

/** GET /api/wage-accounts/:id: the account with its reconciliation, status history and what the caller may do. */
export interface WageAccountDetail extends WageAccountSummary {
  /** ACC-02: days past the opening deadline (0 when on time). */
  openingDelayDays: number;
  openWithinDays: number;
  /** ACC-03: the tripartite agreement on file before works start. */
  agreementState: 'on_file' | 'late' | 'missing' | 'overdue';
  reconciliation: {
    ledgerBalanceFen: number;
    /** The balance recomputed from the lines; differs from the ledger only on a defect. */
    linesBalanceFen: number;
    bankBalanceFen: number | null;
    bankBalanceAt: string | null;
    differenceFen: number | null;
    state: 'matched' | 'mismatch' | 'no_bank_balance';
  };
  history: { from: string | null; to: string; date: string; reason: string | null; by: string; at: string }[];
  /** 'status', 'agreement', 'statement', 'close_notice': the buttons to show. */
  actions: string[];
}

export const wageAccountKey = (id: string) => ['wage-accounts', 'detail', id] as const;

export const wageAccountQuery = (id: string) => queryOptions({ queryKey: wageAccountKey(id), queryFn: () => api.get<WageAccountDetail>(`/api/wage-accounts/${id}`) });

export const useWageAccount = (id: string) => useQuery(wageAccountQuery(id));
