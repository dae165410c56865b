import type { Db, DbOrTx } from '../../db/client';
import { monthStartAfter } from '../../platform/calendar';

export const eventIdAad = (id: string) => `attendance_events:${id}:id_number`;

// Months whose partitions exist, per database: writers check memory, not the catalog.
const knownMonths = new WeakMap<object, Set<string>>();

const partitionSuffix = (month: string) => `y${month.slice(0, 4)}m${month.slice(5, 7)}`;

/** Creates the monthly partitions of both attendance tables for these months, once, under a lock. */
export async function ensureAttendancePartitions(db: Db, months: Iterable<string>): Promise<void> {
  let known = knownMonths.get(db);
  if (!known) knownMonths.set(db, (known = new Set()));
  const missing = [...new Set(months)].filter((m) => !known.has(m));
  if (missing.length === 0) return;
  await db.tx(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('attendance_partitions'))");
    for (const month of missing) {
      if (!/^\d{4}-\d{2}-01$/.test(month)) throw new RangeError(`bad partition month ${month}`);
      const { rows } = await tx.query('SELECT 1 FROM attendance_partitions WHERE month = $1', [month]);
      if (rows.length === 0) {
        const s = partitionSuffix(month);
        await tx.query(`CREATE TABLE IF NOT EXISTS attendance_events_${s} PARTITION OF attendance_events FOR VALUES FROM ('${month}') TO ('${monthStartAfter(month, 1)}')`);
        await tx.query(`CREATE TABLE IF NOT EXISTS attendance_daily_${s} PARTITION OF attendance_daily FOR VALUES FROM ('${month}') TO ('${monthStartAfter(month, 1)}')`);
        await tx.query('INSERT INTO attendance_partitions (month) VALUES ($1) ON CONFLICT DO NOTHING', [month]);
      }
    }
  });
  for (const m of missing) known.add(m);
}

/** Of these blind indexes, those of registered workers (the rest are kept encrypted on the event). */
export async function registeredBidx(db: DbOrTx, bidx: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id_bidx: string }>('SELECT id_bidx FROM workers WHERE id_bidx = ANY($1::text[])', [bidx]);
  return new Set(rows.map((r) => r.id_bidx));
}

/** The registered name behind each of these blind indexes. */
export async function registeredNames(db: DbOrTx, bidx: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id_bidx: string; name: string }>('SELECT id_bidx, name FROM workers WHERE id_bidx = ANY($1::text[])', [bidx]);
  return new Map(rows.map((r) => [r.id_bidx, r.name]));
}

export interface EventWrite {
  id: string;
  workDate: string;
  occurredAt: Date;
  direction: string;
  method: string;
  sourceEventId: string;
  idBidx: string;
  idEnc: string | null;
}

export interface IngestCounts {
  inserted: number;
  byStatus: Record<string, number>;
}

/**
 * One statement per batch: classify every event against the roster and the key staff, insert what
 * is new (a re-sent event hits the unique key and is skipped), and fold the inserted events into
 * the daily summaries. Set-based, so a 1,000-event batch costs one round trip.
 */
export async function insertEvents(
  db: DbOrTx,
  batch: { projectId: string; source: 'device' | 'import' | 'manual'; sourceId: string; deviceCode: string | null; allowedMethods: string[]; receivedAt: Date },
  events: EventWrite[],
): Promise<IngestCounts> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS t(id, work_date, occurred_at, direction, method, source_event_id, id_bidx, id_enc)
     ),
     classified AS (
       SELECT i.*, w.id AS worker_id,
              CASE WHEN i.id_bidx = p.project_manager_id_bidx THEN 'project_manager'
                   WHEN i.id_bidx = p.chief_supervisor_id_bidx THEN 'chief_supervisor' END AS key_staff_role,
              EXISTS (SELECT 1 FROM employments e WHERE e.project_id = p.id AND e.worker_id = w.id
                        AND e.entry_date <= i.work_date AND (e.exit_date IS NULL OR e.exit_date >= i.work_date)) AS on_roster
         FROM input i
         JOIN projects p ON p.id = $9
         LEFT JOIN workers w ON w.id_bidx = i.id_bidx
     ),
     ins AS (
       INSERT INTO attendance_events (project_id, id, work_date, occurred_at, direction, method, method_allowed, source, source_id,
                                      source_event_id, device_code, id_bidx, id_enc, worker_id, key_staff_role, status, received_at)
       SELECT $9, c.id, c.work_date, c.occurred_at, c.direction, c.method, c.method = ANY($13::text[]), $10, $11, c.source_event_id, $12,
              c.id_bidx, CASE WHEN c.worker_id IS NULL THEN c.id_enc END, c.worker_id, c.key_staff_role,
              CASE WHEN c.key_staff_role IS NOT NULL THEN 'key_staff'
                   WHEN c.worker_id IS NULL THEN 'unknown_worker'
                   WHEN NOT c.on_roster THEN 'not_on_roster'
                   ELSE 'registered' END,
              $14
         FROM classified c
       ON CONFLICT (project_id, source_id, source_event_id, work_date) DO NOTHING
       RETURNING worker_id, work_date, occurred_at, status
     ),
     daily AS (
       INSERT INTO attendance_daily AS d (project_id, work_date, worker_id, first_at, last_at, event_count)
       SELECT $9, work_date, worker_id, min(occurred_at), max(occurred_at), count(*)
         FROM ins WHERE status = 'registered' GROUP BY work_date, worker_id
       ON CONFLICT (project_id, work_date, worker_id) DO UPDATE
         SET first_at = least(d.first_at, excluded.first_at),
             last_at = greatest(d.last_at, excluded.last_at),
             event_count = d.event_count + excluded.event_count
       RETURNING 1
     )
     SELECT status, count(*)::int AS n FROM ins GROUP BY status`,
    [
      events.map((e) => e.id),
      events.map((e) => e.workDate),
      events.map((e) => e.occurredAt),
      events.map((e) => e.direction),
      events.map((e) => e.method),
      events.map((e) => e.sourceEventId),
      events.map((e) => e.idBidx),
      events.map((e) => e.idEnc),
      batch.projectId,
      batch.source,
      batch.sourceId,
      batch.deviceCode,
      batch.allowedMethods,
      batch.receivedAt,
    ],
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { inserted: rows.reduce((a, r) => a + r.n, 0), byStatus };
}

export interface DayRow {
  worker_id: string;
  name: string;
  id_mask: string;
  team_name: string | null;
  employer_name: string;
  first_at: Date | null;
  last_at: Date | null;
  event_count: number | null;
  present_override: boolean | null;
  minutes_override: number | null;
  correction_reason: string | null;
}

/** Everyone on the roster that day, with their summary if they came. */
export async function rosterDay(db: DbOrTx, projectId: string, date: string): Promise<DayRow[]> {
  const { rows } = await db.query<DayRow>(
    `SELECT e.worker_id, w.name, w.id_mask, t.name AS team_name, en.name AS employer_name, d.first_at, d.last_at, d.event_count,
            d.present_override, d.minutes_override, d.correction_reason
       FROM employments e
       JOIN workers w ON w.id = e.worker_id
       JOIN enterprises en ON en.id = e.employer_id
       LEFT JOIN teams t ON t.project_id = e.project_id AND t.id = e.team_id
       LEFT JOIN attendance_daily d ON d.project_id = e.project_id AND d.work_date = $2 AND d.worker_id = e.worker_id
      WHERE e.project_id = $1 AND e.entry_date <= $2 AND (e.exit_date IS NULL OR e.exit_date >= $2)
      ORDER BY en.name, t.name NULLS LAST, w.name`,
    [projectId, date],
  );
  return rows;
}

export interface ExceptionRow {
  occurred_at: Date;
  direction: string;
  method: string;
  method_allowed: boolean;
  status: string;
  key_staff_role: string | null;
  worker_name: string | null;
  device_code: string | null;
}

/** That day's events that are not a registered worker's clean clock-in: gate violations and disallowed methods. */
export async function exceptionsOfDay(db: DbOrTx, projectId: string, date: string): Promise<ExceptionRow[]> {
  const { rows } = await db.query<ExceptionRow>(
    `SELECT a.occurred_at, a.direction, a.method, a.method_allowed, a.status, a.key_staff_role, w.name AS worker_name, a.device_code
       FROM attendance_events a LEFT JOIN workers w ON w.id = a.worker_id
      WHERE a.project_id = $1 AND a.work_date = $2 AND (a.status IN ('unknown_worker', 'not_on_roster') OR NOT a.method_allowed)
      ORDER BY a.occurred_at LIMIT 500`,
    [projectId, date],
  );
  return rows;
}

export interface WorkerDayRow {
  project_id: string;
  project_name: string;
  work_date: string;
  first_at: Date | null;
  last_at: Date | null;
  event_count: number;
  present_override: boolean | null;
  minutes_override: number | null;
  correction_reason: string | null;
}

export async function workerMonth(db: DbOrTx, workerId: string, from: string, to: string, visibleProjectIds: string[] | null): Promise<WorkerDayRow[]> {
  const { rows } = await db.query<WorkerDayRow>(
    `SELECT d.project_id, p.name AS project_name, d.work_date::text, d.first_at, d.last_at, d.event_count, d.present_override,
            d.minutes_override, d.correction_reason
       FROM attendance_daily d JOIN projects p ON p.id = d.project_id
      WHERE d.worker_id = $1 AND d.work_date >= $2 AND d.work_date < $3 AND ($4::uuid[] IS NULL OR d.project_id = ANY($4::uuid[]))
      ORDER BY d.work_date, p.name`,
    [workerId, from, to, visibleProjectIds],
  );
  return rows;
}

export async function upsertCorrection(
  db: DbOrTx,
  c: { projectId: string; workerId: string; date: string; present: boolean; minutes: number | null; reason: string; by: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO attendance_daily (project_id, work_date, worker_id, present_override, minutes_override, correction_reason, corrected_by, corrected_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (project_id, work_date, worker_id) DO UPDATE
       SET present_override = excluded.present_override, minutes_override = excluded.minutes_override,
           correction_reason = excluded.correction_reason, corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at`,
    [c.projectId, c.date, c.workerId, c.present, c.minutes, c.reason, c.by, c.at],
  );
}

export interface StatsRow {
  pm_dates: string[];
  cs_dates: string[];
  on_site: number;
  registered: number;
  violations: number;
}

/**
 * For projects and a period: the dates the project manager and chief supervisor clocked in, people
 * seen on site (distinct ID blind indexes, key staff excluded), of whom registered on this roster,
 * and gate-violation events.
 */
const STATS_COLUMNS = `
            coalesce(array_agg(DISTINCT work_date::text) FILTER (WHERE key_staff_role = 'project_manager'), '{}') AS pm_dates,
            coalesce(array_agg(DISTINCT work_date::text) FILTER (WHERE key_staff_role = 'chief_supervisor'), '{}') AS cs_dates,
            count(DISTINCT id_bidx) FILTER (WHERE key_staff_role IS NULL)::int AS on_site,
            count(DISTINCT id_bidx) FILTER (WHERE status = 'registered')::int AS registered,
            count(*) FILTER (WHERE status IN ('unknown_worker', 'not_on_roster'))::int AS violations`;

export async function projectStats(db: DbOrTx, projectIds: string[], from: string, to: string): Promise<(StatsRow & { project_id: string })[]> {
  const { rows } = await db.query<StatsRow & { project_id: string }>(
    `SELECT project_id, ${STATS_COLUMNS}
       FROM attendance_events
      WHERE project_id = ANY($1::uuid[]) AND work_date >= $2 AND work_date <= $3
      GROUP BY project_id`,
    [projectIds, from, to],
  );
  return rows;
}

export interface RegionStatsRow extends StatsRow {
  project_id: string;
  code: string;
  name: string;
  region_code: string;
  region_name: string;
  status: string;
}

/**
 * The same figures for every project the scope condition admits under a region: projects under
 * construction, and any other project with events in the period. One statement, grouped once.
 */
export async function regionStats(db: DbOrTx, scope: (params: unknown[]) => string, regionPath: string | null, from: string, to: string): Promise<RegionStatsRow[]> {
  const params: unknown[] = [from, to, regionPath === null ? null : `${regionPath}%`];
  const condition = scope(params);
  const { rows } = await db.query<RegionStatsRow>(
    `WITH scoped AS (
       SELECT p.id, p.code, p.name, p.region_code, p.status FROM projects p
        WHERE ${condition} AND ($3::text IS NULL OR p.region_path LIKE $3)
     ), s AS (
       SELECT project_id, ${STATS_COLUMNS}
         FROM attendance_events
        WHERE project_id IN (SELECT id FROM scoped) AND work_date >= $1 AND work_date <= $2
        GROUP BY project_id
     )
     SELECT sc.id AS project_id, sc.code, sc.name, sc.region_code, r.name AS region_name, sc.status,
            coalesce(s.pm_dates, '{}') AS pm_dates, coalesce(s.cs_dates, '{}') AS cs_dates,
            coalesce(s.on_site, 0) AS on_site, coalesce(s.registered, 0) AS registered, coalesce(s.violations, 0) AS violations
       FROM scoped sc JOIN regions r ON r.code = sc.region_code LEFT JOIN s ON s.project_id = sc.id
      WHERE sc.status = 'in_progress' OR s.project_id IS NOT NULL
      ORDER BY sc.region_code, sc.name, sc.id`,
    params,
  );
  return rows;
}
