import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TransactionKind } from '../../../../server/modules/accounts/accounts.rules';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

/** A line on the account (GET /api/wage-accounts/:id/transactions); debits negative, the counterparty's account masked. */
export interface AccountTransaction {
  id: string;
  bankTxnId: string;
  kind: TransactionKind;
  amountFen: number;
  bookedAt: string;
  balanceAfterFen: number | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  payoutRef: string | null;
  memo: string | null;
  /** 'ACC-05' when money left the account other than as wages to this project's workers. */
  flags: string[];
  source: string;
}

export interface TransactionQuery {
  page: number;
  pageSize: number;
  kind?: TransactionKind;
  flagged?: boolean;
}

export const transactionsQuery = (accountId: string, query: TransactionQuery) =>
  queryOptions({
    queryKey: ['wage-accounts', 'transactions', accountId, query],
    queryFn: () => api.get<Page<AccountTransaction>>(`/api/wage-accounts/${accountId}/transactions`, { ...query }),
    placeholderData: keepPreviousPage<Page<AccountTransaction>>(query),
  });

export const useTransactions = (accountId: string, query: TransactionQuery) => useQuery(transactionsQuery(accountId, query));
