// What other modules may use from projects.
export { findProjectForScope, ENCRYPTED_COLUMNS as PROJECTS_ENCRYPTED_COLUMNS } from './projects.service';
export { findProjectByCode, findProjectParties, findProjectsNamed, findProjectsParties, laborOfficerPhoneAad, projectScope, type ProjectPartiesRow } from './projects.repo';
export { actsForGeneralContractor } from './projects.policy';
export { type ComplianceSource, registerComplianceSource } from './projects.compliance';
