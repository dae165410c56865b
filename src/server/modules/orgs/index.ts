// What other modules may use from orgs.
export { findEnterpriseForScope } from './orgs.service';
