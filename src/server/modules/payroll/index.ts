// What other modules may use from payroll.
import { payoutCardAad } from './payroll.repo';

export { unpaidWagesOf } from './payroll.repo';

/** The secret columns of this module, for key rotation. */
export const PAYROLL_ENCRYPTED_COLUMNS = [{ table: 'payouts', column: 'card_enc', aad: payoutCardAad }];
