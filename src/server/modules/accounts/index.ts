// What other modules may use from accounts.
import { registerComplianceSource } from '../projects';
import { counterpartyAad, openAccountState } from './accounts.repo';

// 5+1: the project's dedicated wage account.
registerComplianceSource(async (db, projectId) => ({ wageAccount: await openAccountState(db, projectId) }));

export { bookedPayoutRefs, payoutAccountOf } from './accounts.repo';

/** The secret columns of this module, for key rotation. */
export const ACCOUNTS_ENCRYPTED_COLUMNS = [{ table: 'account_transactions', column: 'counterparty_account_enc', aad: counterpartyAad }];
