// What other modules may use from warnings.
import './warnings.params';

export { markChanged } from './warnings.scan';
export { ROUTING_PARAM_IDS } from './warnings.params';
export { getWarning, linkWarningToCase } from './warnings.service';
