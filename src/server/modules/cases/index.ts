// What other modules may use from cases: the secret columns, for key rotation.
import { caseWorkerAad, clueAad, smsParamsAad, smsPhoneAad, verificationAad } from './cases.repo';
import './cases.params';

export const CASES_ENCRYPTED_COLUMNS = [
  { table: 'clues', column: 'complainant_phone_enc', aad: clueAad },
  { table: 'case_workers', column: 'phone_enc', aad: caseWorkerAad },
  { table: 'phone_verifications', column: 'phone_enc', aad: verificationAad },
  { table: 'sms_outbox', column: 'phone_enc', aad: smsPhoneAad },
  { table: 'sms_outbox', column: 'params_enc', aad: smsParamsAad },
];
