import type { DbOrTx } from '../../db/client';

export interface DueSms {
  id: string;
  phone_enc: string;
  template: string;
  params_enc: string;
  /** Counting this one. */
  attempts: number;
}

/**
 * Takes up to `limit` messages due to be sent, oldest first, and holds them for `leaseSeconds`: a
 * message whose sender died is due again when its lease runs out. Each take counts an attempt; one
 * taken `maxAttempts` times whose last lease ran out (its sender died each time) is failed instead.
 */
export async function leaseDue(db: DbOrTx, now: Date, leaseSeconds: number, limit: number, maxAttempts: number): Promise<DueSms[]> {
  await db.query(
    `UPDATE sms_outbox SET failed_at = $1, next_attempt_at = NULL, last_error = coalesce(last_error, 'out of tries')
      WHERE sent_at IS NULL AND failed_at IS NULL AND attempts >= $2 AND next_attempt_at <= $1`,
    [now, maxAttempts],
  );
  const { rows } = await db.query<DueSms>(
    `UPDATE sms_outbox o SET attempts = o.attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
       FROM (SELECT id FROM sms_outbox
              WHERE sent_at IS NULL AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
              ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED) AS due
      WHERE o.id = due.id
     RETURNING o.id, o.phone_enc, o.template, o.params_enc, o.attempts`,
    [now, leaseSeconds, limit],
  );
  return rows;
}

export async function markSent(db: DbOrTx, id: string, at: Date) {
  await db.query(`UPDATE sms_outbox SET sent_at = $2, next_attempt_at = NULL, last_error = NULL WHERE id = $1`, [id, at]);
}

/** A failure worth another try, at `retryAt`; the error is its kind (a status or an error name), never the message. */
export async function markRetry(db: DbOrTx, id: string, retryAt: Date, error: string) {
  await db.query(`UPDATE sms_outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1 AND sent_at IS NULL`, [id, retryAt, error]);
}

export async function markFailed(db: DbOrTx, id: string, at: Date, error: string) {
  await db.query(`UPDATE sms_outbox SET failed_at = $2, next_attempt_at = NULL, last_error = $3 WHERE id = $1 AND sent_at IS NULL`, [id, at, error]);
}

/** Deletes the messages sent or given up before `before`: their phone and code are of no more use (PIPL: kept no longer than needed). */
export async function purgeDone(db: DbOrTx, before: Date): Promise<number> {
  const { rowCount } = await db.query(`DELETE FROM sms_outbox WHERE sent_at < $1 OR failed_at < $1`, [before]);
  return rowCount;
}
