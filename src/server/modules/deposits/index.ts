// What other modules may use from deposits.
import { registerComplianceSource } from '../projects';
import { depositStatesOf } from './deposits.service';

export { arrearsHistoryOf, depositStatesOf, openArrearsOfSource, recordArrearsIn as recordArrears, resolveArrearsIn as resolveArrears, type ArrearsInput } from './deposits.service';

// 5+1: the project's wage deposit, as assessed today.
registerComplianceSource(async (db, projectId, today) => {
  const d = (await depositStatesOf(db, [projectId], today)).get(projectId);
  return d ? { deposit: { state: d.state, shortfallFen: d.shortfallFen } } : {};
});
