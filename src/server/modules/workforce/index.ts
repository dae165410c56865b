// What other modules may use from workforce.
export { ENCRYPTED_COLUMNS as WORKFORCE_ENCRYPTED_COLUMNS } from './workforce.service';
export { employmentScope } from './workforce.repo';
