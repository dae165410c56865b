// What other modules may use from payments: the owner's advance cap (LIA-02) for arrears cases and funds.
export { builderAdvanceCap, qualifiesForSet01 } from './payments.rules';
