// What other modules may use from accounts.
import { counterpartyAad } from './accounts.repo';

export { bookedPayoutRefs, payoutAccountOf } from './accounts.repo';

/** The secret columns of this module, for key rotation. */
export const ACCOUNTS_ENCRYPTED_COLUMNS = [{ table: 'account_transactions', column: 'counterparty_account_enc', aad: counterpartyAad }];
