// What other modules may use from payments: the owner's advance cap (LIA-02) for arrears cases and funds.
export { builderAdvanceCap, qualifiesForSet01 } from './payments.rules';
// The owner's progress payments against the completed value (SET-01), for the cases' group incidents.
export { projectSummary as progressSummary } from './payments.service';
