// What other modules may use from national.
import { nationalSecretAad } from './national.repo';

/** The secret columns of this module, for key rotation. */
export const NATIONAL_ENCRYPTED_COLUMNS = [{ table: 'projects', column: 'national_secret_enc', aad: nationalSecretAad }];
