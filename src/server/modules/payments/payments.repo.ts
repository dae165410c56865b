import type { DbOrTx } from '../../db/client';

/**
 * Every query on the payments tables. A project is reached through `findProjectForScope` (scope in
 * its SQL) before any of these run; the region list applies the projects' scope in its own SQL.
 */

/** The classification SET-01 looks at, which the projects module's scoped lookup does not carry. */
export async function projectClass(db: DbOrTx, projectId: string): Promise<{ investment_type: string; ownership_tier: string; planned_end: string } | undefined> {
  const { rows } = await db.query<{ investment_type: string; ownership_tier: string; planned_end: string }>(
    'SELECT investment_type, ownership_tier, planned_end::text FROM projects WHERE id = $1',
    [projectId],
  );
  return rows[0];
}

/** Serialises the writes of one project whose checks read its totals (retention, releases, refunds). */
export async function lockProjectPayments(db: DbOrTx, projectId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended('payments:' || $1::text, 0))", [projectId]);
}

// ---- completed value ----

export interface CompletedValueRow {
  id: string;
  month: string;
  version: number;
  amount_fen: string;
  note: string | null;
  correction_reason: string | null;
  recorded_by_name: string;
  recorded_at: Date;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
  superseded_at: Date | null;
}

const CV_COLUMNS = `id, to_char(month, 'YYYY-MM') AS month, version, amount_fen::text, note, correction_reason, recorded_by_name, recorded_at,
  confirmed_by_name, confirmed_at, superseded_at`;

/** Every version of every month, by month then version. */
export async function listCompletedValues(db: DbOrTx, projectId: string): Promise<CompletedValueRow[]> {
  const { rows } = await db.query<CompletedValueRow>(`SELECT ${CV_COLUMNS} FROM completed_values WHERE project_id = $1 ORDER BY month, version`, [projectId]);
  return rows;
}

export async function currentCompletedValue(db: DbOrTx, projectId: string, month: string): Promise<CompletedValueRow | undefined> {
  const { rows } = await db.query<CompletedValueRow>(
    `SELECT ${CV_COLUMNS} FROM completed_values WHERE project_id = $1 AND month = ($2 || '-01')::date AND superseded_at IS NULL FOR UPDATE`,
    [projectId, month],
  );
  return rows[0];
}

export interface CompletedValueWrite {
  id: string;
  month: string;
  version: number;
  amountFen: number;
  note: string | null;
  correctionReason: string | null;
  byId: string | null;
  byName: string;
}

/** Supersedes the month's current version (if any) and inserts the new one. */
export async function insertCompletedValue(db: DbOrTx, projectId: string, w: CompletedValueWrite, now: Date): Promise<void> {
  // Two statements: the partial unique index must see the old version superseded before the new one arrives.
  await db.query("UPDATE completed_values SET superseded_at = $3 WHERE project_id = $1 AND month = ($2 || '-01')::date AND superseded_at IS NULL", [projectId, w.month, now]);
  await db.query(
    `INSERT INTO completed_values (project_id, id, month, version, amount_fen, note, correction_reason, recorded_by_id, recorded_by_name, recorded_at)
     VALUES ($1, $2, ($3 || '-01')::date, $4, $5, $6, $7, $8, $10, $9)`,
    [projectId, w.id, w.month, w.version, w.amountFen, w.note, w.correctionReason, w.byId, now, w.byName],
  );
}

/** The owner's confirmation of a current, unconfirmed version; false when it is not (any more). */
export async function confirmCompletedValue(db: DbOrTx, projectId: string, id: string, by: { id: string | null; name: string }, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE completed_values SET confirmed_by_id = $3, confirmed_by_name = $4, confirmed_at = $5
      WHERE project_id = $1 AND id = $2 AND superseded_at IS NULL AND confirmed_at IS NULL`,
    [projectId, id, by.id, by.name, now],
  );
  return rowCount === 1;
}

// ---- payments ----

export interface PaymentRow {
  id: string;
  paid_on: string;
  amount_fen: string;
  kind: string;
  reference: string;
  note: string | null;
  recorded_by_name: string;
  recorded_at: Date;
}

export async function listPayments(db: DbOrTx, projectId: string): Promise<PaymentRow[]> {
  const { rows } = await db.query<PaymentRow>(
    'SELECT id, paid_on::text, amount_fen::text, kind, reference, note, recorded_by_name, recorded_at FROM owner_payments WHERE project_id = $1 ORDER BY paid_on, recorded_at, id',
    [projectId],
  );
  return rows;
}

export async function paymentReferenceTaken(db: DbOrTx, projectId: string, kind: string, reference: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM owner_payments WHERE project_id = $1 AND kind = $2 AND reference = $3', [projectId, kind, reference]);
  return rows.length > 0;
}

export async function insertPayment(
  db: DbOrTx,
  projectId: string,
  w: { id: string; paidOn: string; amountFen: number; kind: string; reference: string; note: string | null; byId: string | null; byName: string },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO owner_payments (project_id, id, paid_on, amount_fen, kind, reference, note, recorded_by_id, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [projectId, w.id, w.paidOn, w.amountFen, w.kind, w.reference, w.note, w.byId, w.byName, now],
  );
}

// ---- retention ----

export interface RetentionRow {
  id: string;
  version: number;
  amount_fen: string;
  held_from: string;
  note: string | null;
  recorded_by_name: string;
  recorded_at: Date;
}

export async function currentRetention(db: DbOrTx, projectId: string): Promise<RetentionRow | undefined> {
  const { rows } = await db.query<RetentionRow>(
    'SELECT id, version, amount_fen::text, held_from::text, note, recorded_by_name, recorded_at FROM payment_retentions WHERE project_id = $1 AND superseded_at IS NULL',
    [projectId],
  );
  return rows[0];
}

export async function insertRetention(
  db: DbOrTx,
  projectId: string,
  w: { id: string; version: number; amountFen: number; heldFrom: string; note: string | null; byId: string | null; byName: string },
  now: Date,
): Promise<void> {
  await db.query('UPDATE payment_retentions SET superseded_at = $2 WHERE project_id = $1 AND superseded_at IS NULL', [projectId, now]);
  await db.query(
    `INSERT INTO payment_retentions (project_id, id, version, amount_fen, held_from, note, recorded_by_id, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $8)`,
    [projectId, w.id, w.version, w.amountFen, w.heldFrom, w.note, w.byId, now, w.byName],
  );
}

// ---- settlements ----

export interface SettlementRow {
  id: string;
  kind: string;
  period_from: string;
  period_to: string;
  amount_fen: string;
  settled_on: string;
  reference: string;
  note: string | null;
  recorded_by_name: string;
  recorded_at: Date;
}

export async function listSettlements(db: DbOrTx, projectId: string): Promise<SettlementRow[]> {
  const { rows } = await db.query<SettlementRow>(
    `SELECT id, kind, period_from::text, period_to::text, amount_fen::text, settled_on::text, reference, note, recorded_by_name, recorded_at
       FROM payment_settlements WHERE project_id = $1 ORDER BY period_from, kind, id`,
    [projectId],
  );
  return rows;
}

export async function insertSettlement(
  db: DbOrTx,
  projectId: string,
  w: { id: string; kind: string; periodFrom: string; periodTo: string; amountFen: number; settledOn: string; reference: string; note: string | null; byId: string | null; byName: string },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO payment_settlements (project_id, id, kind, period_from, period_to, amount_fen, settled_on, reference, note, recorded_by_id, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [projectId, w.id, w.kind, w.periodFrom, w.periodTo, w.amountFen, w.settledOn, w.reference, w.note, w.byId, w.byName, now],
  );
}

// ---- region ----

export interface RegionPaymentRow {
  project_id: string;
  code: string;
  name: string;
  region_code: string;
  region_name: string;
  status: string;
  investment_type: string;
  ownership_tier: string;
  contract_price_fen: string;
  start: string;
  planned_end: string;
  completed_fen: string;
  paid_fen: string;
  unconfirmed_months: number;
  retention_fen: string | null;
  final_amount_fen: string | null;
  final_settled_on: string | null;
  paid_at_settlement_fen: string;
  interim_covered_to: string | null;
}

/**
 * Per project in scope that is under way or has any payments record: its totals to date, in one
 * statement. Net paid counts a refund against the owner's payments.
 */
export async function regionPayments(db: DbOrTx, projectScopeSql: (params: unknown[]) => string, regionPath: string | null, today: string): Promise<RegionPaymentRow[]> {
  const params: unknown[] = [today, regionPath === null ? null : `${regionPath}%`];
  const scope = projectScopeSql(params);
  const { rows } = await db.query<RegionPaymentRow>(
    `WITH cv AS (
       SELECT project_id, sum(amount_fen) AS completed_fen, count(*) FILTER (WHERE confirmed_at IS NULL)::int AS unconfirmed
         FROM completed_values WHERE superseded_at IS NULL GROUP BY project_id
     ),
     pay AS (
       SELECT project_id, sum(CASE WHEN kind = 'refund' THEN -amount_fen ELSE amount_fen END) AS paid_fen
         FROM owner_payments WHERE paid_on <= $1 GROUP BY project_id
     ),
     fin AS (SELECT project_id, amount_fen, settled_on FROM payment_settlements WHERE kind = 'final'),
     interim AS (SELECT project_id, max(period_to) AS covered_to FROM payment_settlements WHERE kind = 'interim' GROUP BY project_id)
     SELECT p.id AS project_id, p.code, p.name, p.region_code, r.name AS region_name, p.status, p.investment_type, p.ownership_tier,
            p.contract_price_fen::text, coalesce(p.actual_start, p.planned_start)::text AS start, p.planned_end::text,
            coalesce(cv.completed_fen, 0)::text AS completed_fen, coalesce(pay.paid_fen, 0)::text AS paid_fen,
            coalesce(cv.unconfirmed, 0) AS unconfirmed_months,
            (SELECT amount_fen::text FROM payment_retentions t WHERE t.project_id = p.id AND t.superseded_at IS NULL) AS retention_fen,
            fin.amount_fen::text AS final_amount_fen, fin.settled_on::text AS final_settled_on,
            coalesce((SELECT sum(CASE WHEN o.kind = 'refund' THEN -o.amount_fen ELSE o.amount_fen END) FROM owner_payments o
                       WHERE o.project_id = p.id AND o.paid_on <= fin.settled_on), 0)::text AS paid_at_settlement_fen,
            interim.covered_to::text AS interim_covered_to
       FROM projects p
       JOIN regions r ON r.code = p.region_code
       LEFT JOIN cv ON cv.project_id = p.id
       LEFT JOIN pay ON pay.project_id = p.id
       LEFT JOIN fin ON fin.project_id = p.id
       LEFT JOIN interim ON interim.project_id = p.id
      WHERE ${scope} AND ($2::text IS NULL OR p.region_path LIKE $2)
        AND (p.status = 'in_progress' OR cv.project_id IS NOT NULL OR pay.project_id IS NOT NULL)
      ORDER BY p.region_code, p.name`,
    params,
  );
  return rows;
}
