-- SECURITY.md 26 (T21, T22): payment and refund commands carry an Idempotency-Key. The first
-- request with a key runs; a retry with the same key and body gets the stored answer and causes
-- nothing; the same key with another body is refused; a retry while the first still runs gets 409.
-- Keys belong to the caller (a user or a machine key) and are purged after a day.
CREATE TABLE idempotency_keys (
  actor_key   text NOT NULL,
  key         text NOT NULL,
  route       text NOT NULL,
  body_hash   text NOT NULL,
  state       text NOT NULL CHECK (state IN ('running', 'done')),
  status_code integer,
  response    text,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (actor_key, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
