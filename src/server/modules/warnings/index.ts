// What other modules may use from warnings.
import './warnings.params';

export { markChanged } from './warnings.scan';
