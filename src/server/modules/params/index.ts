// What other modules may use from params: the value of a legal parameter for a region on a date.
export { getParamValue, getParamValues, getParamValuesAt, paramSnapshot, snapshotOfValues, type ParamSnapshot } from './params.service';
