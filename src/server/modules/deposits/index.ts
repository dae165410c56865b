// What other modules may use from deposits.
export { arrearsHistoryOf, depositStatesOf, openArrearsOfSource, recordArrearsIn as recordArrears, resolveArrearsIn as resolveArrears, type ArrearsInput } from './deposits.service';
