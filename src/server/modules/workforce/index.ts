// What other modules may use from workforce.
export { ENCRYPTED_COLUMNS as WORKFORCE_ENCRYPTED_COLUMNS, getWorker } from './workforce.service';
export { employmentScope, visibleWorkerIds, workerCardAad, workerIdAad, workerPhoneAad } from './workforce.repo';
