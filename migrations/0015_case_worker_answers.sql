-- 农民工端 (issue 6): a signed-in worker answers each payment a case records to them: confirmed (the
-- money arrived) or disputed (it did not, or not all of it), saying what is wrong. An official's
-- record that the worker confirmed by phone or in person stays on case_workers.confirmed_at.
ALTER TABLE case_payments
  ADD COLUMN worker_answer      text CHECK (worker_answer IN ('confirmed', 'disputed')),
  ADD COLUMN worker_answered_at timestamptz,
  ADD COLUMN worker_note        text,
  ADD CONSTRAINT case_payments_answer_dated CHECK ((worker_answer IS NULL) = (worker_answered_at IS NULL)),
  ADD CONSTRAINT case_payments_dispute_says_why CHECK (worker_answer IS DISTINCT FROM 'disputed' OR worker_note IS NOT NULL);
