// What other modules may use from deposits.
export { arrearsHistoryOf, depositStatesOf, recordArrearsIn as recordArrears, type ArrearsInput } from './deposits.service';
