// What other modules may use from payroll.
import { registerComplianceSource } from '../projects';
import { payoutCardAad, payoutFacts } from './payroll.repo';

// 5+1: wages paid by the general contractor through the account (总包代发).
registerComplianceSource(async (db, projectId, today) => ({ payouts: await payoutFacts(db, projectId, today) }));

export { unpaidWagesOf } from './payroll.repo';

/** The secret columns of this module, for key rotation. */
export const PAYROLL_ENCRYPTED_COLUMNS = [{ table: 'payouts', column: 'card_enc', aad: payoutCardAad }];
