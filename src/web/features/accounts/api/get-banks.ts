import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BankDto } from '../../../../server/modules/orgs/orgs.presenter';
import { api } from '../../../lib/api-client';

/** The bank catalogue, for the bank that holds the wage account. */
export const bankOptionsQuery = () => queryOptions({ queryKey: ['banks', 'list', ''], queryFn: () => api.get<BankDto[]>('/api/banks'), staleTime: 5 * 60_000 });

export const useBankOptions = (enabled = true) => useQuery({ ...bankOptionsQuery(), enabled });
