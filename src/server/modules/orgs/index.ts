// What other modules may use from orgs.
export { findEnterpriseForScope } from './orgs.service';
export { ENCRYPTED_COLUMNS as ORGS_ENCRYPTED_COLUMNS } from './orgs.service';
export { findEnterpriseRefs, findEnterpriseParticulars, findGovUnitRefs, findBank, listBanks, matchEnterprises, type EnterpriseRef, type EnterpriseParticulars, type GovUnitRef, type BankRow } from './orgs.repo';
export { INDUSTRIES } from './orgs.rules';
