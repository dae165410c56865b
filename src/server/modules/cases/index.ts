// What other modules may use from cases: the secret columns, for key rotation.
import { caseWorkerAad, clueAad } from './cases.repo';
import './cases.params';

export const CASES_ENCRYPTED_COLUMNS = [
  { table: 'clues', column: 'complainant_phone_enc', aad: clueAad },
  { table: 'case_workers', column: 'phone_enc', aad: caseWorkerAad },
];
