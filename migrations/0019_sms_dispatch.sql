-- The SMS dispatcher (modules/notify/sms.ts): each take of a message counts an attempt and holds it
-- until next_attempt_at (a lease, then the pause before a retry); one the gateway refused, or out of
-- tries, is failed. last_error keeps the failure's kind only (an HTTP status or an error name).
ALTER TABLE sms_outbox
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN failed_at       timestamptz,
  ADD COLUMN last_error      text;
DROP INDEX sms_outbox_unsent;
CREATE INDEX sms_outbox_due ON sms_outbox (created_at) WHERE sent_at IS NULL AND failed_at IS NULL;
