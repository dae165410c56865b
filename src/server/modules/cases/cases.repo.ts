import type { DbOrTx, Tx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import type { SettlementData } from './cases.decisions';
import type { CaseStatus, ClosureKind } from './cases.rules';

/** An official sees the cases of their region's subtree (an industry department, its industry's); nobody else yet. */
const caseScope = (actor: Actor, params: unknown[], alias = 'c') => scopeCondition(actor, { regionPath: `${alias}.region_path`, industry: `${alias}.industry` }, params);

export const clueAad = (id: string) => `clues:${id}:complainant_phone`;
export const caseWorkerAad = (id: string) => `case_workers:${id}:phone`;

// ---- Clues -----------------------------------------------------------------------------------

export interface ClueWrite {
  id: string;
  channel: string;
  externalId: string | null;
  receivedAt: Date;
  receivedOn: string;
  receivedBy: string;
  /** The receiving official's region (or the place's): the wage office nearest up from it is the receiver's unit. */
  receiverPath: string;
  regionCode: string;
  regionPath: string;
  projectId: string | null;
  employerId: string | null;
  employerName: string;
  employerCreditCode: string | null;
  employerMatch: 'unmatched' | 'proposed' | 'confirmed';
  anonymous: boolean;
  complainantName: string | null;
  complainantPhoneEnc: string | null;
  complainantPhoneBidx: string | null;
  complainantPhoneMask: string | null;
  complainantWorkerId: string | null;
  workerCount: number;
  claimedFen: number;
  periodFrom: string | null;
  periodTo: string | null;
  description: string;
  fileIds: string[];
  warningId: string | null;
  status: 'open' | 'in_case' | 'intelligence';
  caseId: string | null;
}

const CLUE_COLUMNS_WRITTEN = `id, channel, external_id, received_at, received_on, received_by, receiver_unit_id, region_code, region_path, project_id,
  employer_id, employer_name, employer_credit_code, employer_match, anonymous, complainant_name, complainant_phone_enc,
  complainant_phone_bidx, complainant_phone_mask, complainant_worker_id, worker_count, claimed_fen, period_from, period_to,
  description, file_ids, warning_id, status, case_id, created_at`;
// $1…$30 in the order of CLUE_COLUMNS_WRITTEN; the receiver's unit is found from the receiver's path ($7).
const CLUE_VALUES = `($1, $2, $3, $4, $5, $6, nearest_unit($7, ARRAY['wage_office', 'hrss']), $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
  $22, $23, $24, $25, $26, $27, $28, $29, $30)`;
const clueParams = (c: ClueWrite, now: Date) => [
  c.id, c.channel, c.externalId, c.receivedAt, c.receivedOn, c.receivedBy, c.receiverPath, c.regionCode, c.regionPath, c.projectId,
  c.employerId, c.employerName, c.employerCreditCode, c.employerMatch, c.anonymous, c.complainantName, c.complainantPhoneEnc,
  c.complainantPhoneBidx, c.complainantPhoneMask, c.complainantWorkerId, c.workerCount, c.claimedFen, c.periodFrom, c.periodTo,
  c.description, c.fileIds, c.warningId, c.status, c.caseId, now,
];

/** Inserts the clue unless one from the same channel with the same external id exists; returns whether it did. */
export async function insertClue(db: DbOrTx, c: ClueWrite, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO clues (${CLUE_COLUMNS_WRITTEN})
     VALUES ${CLUE_VALUES}
     ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
    clueParams(c, now),
  );
  return rowCount > 0;
}

export interface ClueRow {
  id: string;
  channel: string;
  external_id: string | null;
  received_at: Date;
  received_on: string;
  received_by: string;
  region_code: string;
  region_path: string;
  project_id: string | null;
  project_name: string | null;
  employer_id: string | null;
  employer_name: string;
  employer_credit_code: string | null;
  employer_match: string;
  anonymous: boolean;
  complainant_name: string | null;
  complainant_phone_enc: string | null;
  complainant_phone_mask: string | null;
  worker_count: number;
  claimed_fen: number;
  period_from: string | null;
  period_to: string | null;
  description: string;
  file_ids: string[];
  status: string;
  case_id: string | null;
}

// Dates leave as 'YYYY-MM-DD' text (the columns after l.* replace theirs).
const CLUE_COLUMNS = `l.*, l.received_on::text AS received_on, l.period_from::text AS period_from, l.period_to::text AS period_to, p.name AS project_name`;
const CLUE_SELECT = `SELECT ${CLUE_COLUMNS} FROM clues l LEFT JOIN projects p ON p.id = l.project_id`;

export async function findClueByExternalId(db: DbOrTx, channel: string, externalId: string): Promise<ClueRow | undefined> {
  const { rows } = await db.query<ClueRow>(`${CLUE_SELECT} WHERE l.channel = $1 AND l.external_id = $2`, [channel, externalId]);
  return rows[0];
}

export async function listClues(db: DbOrTx, actor: Actor, f: { status?: string; channel?: string }, page: PageRequest): Promise<Page<ClueRow>> {
  const where = new Where();
  where
    .and(scopeCondition(actor, { regionPath: 'l.region_path' }, where.params))
    .when(f.status, (p) => `l.status = ${p}`)
    .when(f.channel, (p) => `l.channel = ${p}`);
  return selectPage<ClueRow>(db, page, {
    sql: `SELECT ${CLUE_COLUMNS}, count(*) OVER () AS total_count FROM clues l LEFT JOIN projects p ON p.id = l.project_id WHERE ${where} ORDER BY l.received_at DESC, l.id`,
    countSql: `SELECT count(*)::int AS n FROM clues l WHERE ${where}`,
    params: where.params,
  });
}

export const cluesOfCase = async (db: DbOrTx, caseId: string) =>
  (await db.query<ClueRow>(`${CLUE_SELECT} WHERE l.case_id = $1 ORDER BY l.received_at`, [caseId])).rows;

// ---- Cases -----------------------------------------------------------------------------------

/** What a new case has beyond its clue (the place, project, employer and date are the clue's). */
export interface CaseWrite {
  id: string;
  title: string;
  industry: string | null;
  partyIds: string[];
  stageDueOn: string | null;
  assignedByUnitId: string | null;
  dualAssignment: boolean;
  major: boolean;
  majorReasons: unknown[];
  /** Drawn already when the complaint was received (a public complaint's receipt names it); else drawn here. */
  caseNo?: string | null;
}

export interface CaseWorkerWrite {
  id: string;
  workerId: string | null;
  name: string;
  phoneEnc: string | null;
  phoneBidx: string | null;
  phoneMask: string | null;
  claimedFen: number;
}

/** A clue that opens a case, with the case, its workers and its first event: one item of `insertCluesWithCases`. */
export interface ClueWithCase {
  clue: ClueWrite;
  kase: CaseWrite;
  routing: { snapshot: unknown; year: string };
  workers: CaseWorkerWrite[];
  event: { id: string; actorName: string; data: Record<string, unknown> };
}

export interface OpenedCase {
  case_id: string;
  case_no: string;
  handling_unit_id: string | null;
  handling_unit_name: string | null;
  assist_unit_ids: string[];
}

// One input row per item: [column, type, value]. Arrays inside a row travel as jsonb (unnest would flatten them).
const ITEM_COLUMNS: [string, string, (i: ClueWithCase) => unknown][] = [
  ['clue_id', 'uuid', (i) => i.clue.id],
  ['channel', 'text', (i) => i.clue.channel],
  ['external_id', 'text', (i) => i.clue.externalId],
  ['received_at', 'timestamptz', (i) => i.clue.receivedAt],
  ['received_on', 'date', (i) => i.clue.receivedOn],
  ['received_by', 'text', (i) => i.clue.receivedBy],
  ['receiver_path', 'text', (i) => i.clue.receiverPath],
  ['region_code', 'text', (i) => i.clue.regionCode],
  ['region_path', 'text', (i) => i.clue.regionPath],
  ['project_id', 'uuid', (i) => i.clue.projectId],
  ['employer_id', 'uuid', (i) => i.clue.employerId],
  ['employer_name', 'text', (i) => i.clue.employerName],
  ['employer_credit_code', 'text', (i) => i.clue.employerCreditCode],
  ['employer_match', 'text', (i) => i.clue.employerMatch],
  ['anonymous', 'boolean', (i) => i.clue.anonymous],
  ['complainant_name', 'text', (i) => i.clue.complainantName],
  ['complainant_phone_enc', 'text', (i) => i.clue.complainantPhoneEnc],
  ['complainant_phone_bidx', 'text', (i) => i.clue.complainantPhoneBidx],
  ['complainant_phone_mask', 'text', (i) => i.clue.complainantPhoneMask],
  ['complainant_worker_id', 'uuid', (i) => i.clue.complainantWorkerId],
  ['worker_count', 'integer', (i) => i.clue.workerCount],
  ['claimed_fen', 'bigint', (i) => i.clue.claimedFen],
  ['period_from', 'date', (i) => i.clue.periodFrom],
  ['period_to', 'date', (i) => i.clue.periodTo],
  ['description', 'text', (i) => i.clue.description],
  ['file_ids', 'jsonb', (i) => JSON.stringify(i.clue.fileIds)],
  ['warning_id', 'uuid', (i) => i.clue.warningId],
  ['clue_status', 'text', (i) => i.clue.status],
  ['case_id', 'uuid', (i) => i.kase.id],
  ['case_no', 'text', (i) => i.kase.caseNo ?? null],
  ['year', 'text', (i) => i.routing.year],
  ['routing', 'jsonb', (i) => JSON.stringify(i.routing.snapshot)],
  ['title', 'text', (i) => i.kase.title],
  ['industry', 'text', (i) => i.kase.industry],
  ['party_ids', 'jsonb', (i) => JSON.stringify(i.kase.partyIds)],
  ['stage_due_on', 'date', (i) => i.kase.stageDueOn],
  ['assigned_by_unit_id', 'uuid', (i) => i.kase.assignedByUnitId],
  ['dual_assignment', 'boolean', (i) => i.kase.dualAssignment],
  ['major', 'boolean', (i) => i.kase.major],
  ['major_reasons', 'jsonb', (i) => JSON.stringify(i.kase.majorReasons)],
  ['event_id', 'uuid', (i) => i.event.id],
  ['event_actor', 'text', (i) => i.event.actorName],
  ['event_data', 'jsonb', (i) => JSON.stringify(i.event.data)],
];
const WORKER_COLUMNS: [string, string, (w: CaseWorkerWrite & { caseId: string }) => unknown][] = [
  ['id', 'uuid', (w) => w.id],
  ['case_id', 'uuid', (w) => w.caseId],
  ['worker_id', 'uuid', (w) => w.workerId],
  ['name', 'text', (w) => w.name],
  ['phone_enc', 'text', (w) => w.phoneEnc],
  ['phone_bidx', 'text', (w) => w.phoneBidx],
  ['phone_mask', 'text', (w) => w.phoneMask],
  ['claimed_fen', 'bigint', (w) => w.claimedFen],
];
const unnestOf = (columns: readonly [string, string, unknown][], from: number) =>
  `unnest(${columns.map(([, type], k) => `$${from + k}::${type}[]`).join(', ')}) WITH ORDINALITY AS t (${columns.map(([name]) => name).join(', ')}, ord)`;
const uuids = (json: string) => `ARRAY(SELECT jsonb_array_elements_text(${json}))::uuid[]`;

const INSERT_CLUES_WITH_CASES = `WITH item AS (
       SELECT * FROM ${unnestOf(ITEM_COLUMNS, 1)}
     ),
     clue AS (
       INSERT INTO clues (${CLUE_COLUMNS_WRITTEN})
       SELECT clue_id, channel, external_id, received_at, received_on, received_by, nearest_unit(receiver_path, ARRAY['wage_office', 'hrss']), region_code, region_path,
              project_id, employer_id, employer_name, employer_credit_code, employer_match, anonymous, complainant_name, complainant_phone_enc,
              complainant_phone_bidx, complainant_phone_mask, complainant_worker_id, worker_count, claimed_fen, period_from, period_to,
              description, ${uuids('file_ids')}, warning_id, clue_status, case_id, $${ITEM_COLUMNS.length + WORKER_COLUMNS.length + 1}
         FROM item ORDER BY ord
       ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING id, receiver_unit_id
     ),
     routed AS (
       SELECT item.*, clue.receiver_unit_id,
              coalesce(r.lead_unit_id, nearest_unit(item.region_path, ARRAY['wage_office', 'hrss'])) AS lead, coalesce(r.assist_unit_ids, '{}') AS assist
         FROM item JOIN clue ON clue.id = item.clue_id LEFT JOIN LATERAL route_project(item.routing, item.project_id) AS r ON true
     ),
     kase AS (
       INSERT INTO cases (id, case_no, title, region_code, region_path, industry, project_id, employer_id, employer_name, party_ids, status, stage_due_on,
                          accountable_unit_id, handling_unit_id, assist_unit_ids, assigned_by_unit_id, dual_assignment, received_on, major, major_reasons,
                          created_at, updated_at)
       SELECT case_id, coalesce(case_no, region_code || '-' || year || '-' || lpad(nextval('case_no_seq')::text, 6, '0')), title, region_code, region_path,
              industry, project_id, employer_id, employer_name, ${uuids('party_ids')}, 'received', stage_due_on,
              receiver_unit_id, lead, assist, assigned_by_unit_id, dual_assignment, received_on, major, major_reasons,
              $${ITEM_COLUMNS.length + WORKER_COLUMNS.length + 1}, $${ITEM_COLUMNS.length + WORKER_COLUMNS.length + 1}
         FROM routed ORDER BY ord
       RETURNING id, case_no, handling_unit_id, assist_unit_ids
     ),
     workers AS (
       INSERT INTO case_workers (id, case_id, worker_id, name, phone_enc, phone_bidx, phone_mask, claimed_fen, created_at)
       SELECT t.id, t.case_id, t.worker_id, t.name, t.phone_enc, t.phone_bidx, t.phone_mask, t.claimed_fen, $${ITEM_COLUMNS.length + WORKER_COLUMNS.length + 1}
         FROM ${unnestOf(WORKER_COLUMNS, ITEM_COLUMNS.length + 1)} JOIN kase ON kase.id = t.case_id
        ORDER BY t.ord
     ),
     event AS (
       INSERT INTO case_events (id, case_id, at, kind, actor_name, from_status, to_status, data, file_ids)
       SELECT item.event_id, kase.id, $${ITEM_COLUMNS.length + WORKER_COLUMNS.length + 1}, 'received', item.event_actor, NULL, 'received',
              item.event_data || jsonb_build_object('caseNo', kase.case_no, 'handlingUnitId', kase.handling_unit_id, 'assistUnitIds', to_jsonb(kase.assist_unit_ids)), '{}'
         FROM kase JOIN item ON item.case_id = kase.id
     )
     SELECT kase.id AS case_id, kase.case_no, kase.handling_unit_id, u.name AS handling_unit_name, kase.assist_unit_ids
       FROM kase LEFT JOIN gov_units u ON u.id = kase.handling_unit_id`;

/**
 * Records clues with the cases they open, the cases' workers and first events in one statement,
 * routing each case on the way (`route_project` on its region's routing parameters; without a
 * project, or when no unit answers, the wage office of the place) and numbering it from the
 * sequence unless it has its number. The receiver's unit answers for a case until it is accepted
 * (首问负责). An item whose clue's channel and external id are recorded already writes nothing
 * (the one recorded first stands) and is missing from the answer, which is keyed by case id.
 */
export async function insertCluesWithCases(db: DbOrTx, items: readonly ClueWithCase[], now: Date): Promise<Map<string, OpenedCase>> {
  if (items.length === 0) return new Map();
  const workers = items.flatMap((i) => i.workers.map((w) => ({ ...w, caseId: i.kase.id })));
  const { rows } = await db.query<OpenedCase>(
    INSERT_CLUES_WITH_CASES,
    [...ITEM_COLUMNS.map(([, , value]) => items.map(value)), ...WORKER_COLUMNS.map(([, , value]) => workers.map(value)), now],
    { prepare: true },
  );
  return new Map(rows.map((r) => [r.case_id, r]));
}

export interface CaseRow {
  id: string;
  case_no: string;
  title: string;
  region_code: string;
  region_path: string;
  region_name: string;
  industry: string | null;
  project_id: string | null;
  project_name: string | null;
  employer_id: string | null;
  employer_name: string;
  party_ids: string[];
  status: CaseStatus;
  stage_due_on: string | null;
  escalated_at: Date | null;
  escalation_level: number;
  accountable_unit_id: string | null;
  accountable_unit_name: string | null;
  accountable_unit_path: string | null;
  handling_unit_id: string | null;
  handling_unit_name: string | null;
  handling_unit_path: string | null;
  assist_unit_ids: string[];
  assigned_by_unit_id: string | null;
  dual_assignment: boolean;
  received_on: string;
  accepted_on: string | null;
  filed_on: string | null;
  extended: boolean;
  order_due_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  closure_kind: ClosureKind | null;
  conclusion: string | null;
  merged_into: string | null;
  major: boolean;
  major_reasons: unknown[];
  supervision: string[];
  leader_name: string | null;
  task_force_unit_ids: string[];
  callback_on: string | null;
  satisfaction: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
  worker_count: number;
  claimed_fen: number;
  found_owed_fen: number;
  recovered_fen: number;
}

const CASE_SELECT = `
  SELECT c.*, c.stage_due_on::text AS stage_due_on, c.received_on::text AS received_on, c.accepted_on::text AS accepted_on, c.filed_on::text AS filed_on,
         c.order_due_on::text AS order_due_on, c.resolved_on::text AS resolved_on, c.closed_on::text AS closed_on, c.callback_on::text AS callback_on,
         r.name AS region_name, p.name AS project_name,
         au.name AS accountable_unit_name, au.region_path AS accountable_unit_path, hu.name AS handling_unit_name, hu.region_path AS handling_unit_path,
         coalesce(w.n, 0) AS worker_count, coalesce(w.claimed, 0) AS claimed_fen, coalesce(w.found, 0) AS found_owed_fen, coalesce(pay.n, 0) AS recovered_fen
    FROM cases c
    JOIN regions r ON r.code = c.region_code
    LEFT JOIN projects p ON p.id = c.project_id
    LEFT JOIN gov_units au ON au.id = c.accountable_unit_id
    LEFT JOIN gov_units hu ON hu.id = c.handling_unit_id
    LEFT JOIN LATERAL (SELECT count(*)::int AS n, sum(cw.claimed_fen)::bigint AS claimed, sum(coalesce(cw.found_owed_fen, 0))::bigint AS found
                         FROM case_workers cw WHERE cw.case_id = c.id) w ON true
    LEFT JOIN LATERAL (SELECT sum(cp.amount_fen)::bigint AS n FROM case_payments cp WHERE cp.case_id = c.id) pay ON true`;

export async function findCaseInScope(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const params: unknown[] = [id];
  const scope = caseScope(actor, params);
  const { rows } = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF c' : ''}`, params);
  return rows[0];
}

export interface CaseFilter {
  status?: string;
  open?: boolean;
  overdueOn?: string;
  supervised?: boolean;
  major?: boolean;
  projectId?: string;
  q?: string;
}

export async function listCases(db: DbOrTx, actor: Actor, f: CaseFilter, page: PageRequest): Promise<Page<CaseRow>> {
  const where = new Where();
  where
    .and(caseScope(actor, where.params))
    .when(f.status, (p) => `c.status = ${p}`)
    .when(f.open === undefined ? undefined : f.open, (p) => `(c.status <> 'closed') = ${p}`)
    .when(f.overdueOn, (p) => `c.stage_due_on < ${p}::date AND c.status <> 'closed'`)
    .when(f.supervised === undefined ? undefined : f.supervised, (p) => `(cardinality(c.supervision) > 0) = ${p}`)
    .when(f.major === undefined ? undefined : f.major, (p) => `c.major = ${p}`)
    .when(f.projectId, (p) => `c.project_id = ${p}`)
    .when(f.q && `%${f.q}%`, (p) => `(c.title LIKE ${p} OR c.case_no LIKE ${p} OR c.employer_name LIKE ${p})`);
  return selectPage<CaseRow>(db, page, {
    sql: `${CASE_SELECT.replace('SELECT c.*,', 'SELECT c.*, count(*) OVER () AS total_count,')} WHERE ${where}
          ORDER BY (c.status = 'closed'), c.stage_due_on NULLS LAST, c.received_on DESC, c.id`,
    countSql: `SELECT count(*)::int AS n FROM cases c WHERE ${where}`,
    params: where.params,
  });
}

/** What a complainant is told on receipt: the number, the title, the unit that has it. */
export async function receiptOf(db: DbOrTx, caseId: string) {
  const { rows } = await db.query<{ case_no: string; title: string; handling_unit_name: string | null; received_on: string; region_code: string }>(
    `SELECT c.case_no, c.title, u.name AS handling_unit_name, c.received_on::text AS received_on, c.region_code
       FROM cases c LEFT JOIN gov_units u ON u.id = c.handling_unit_id WHERE c.id = $1`,
    [caseId],
  );
  return rows[0];
}

/** Open cases about the same project, or (without a project) the same employer: the merge candidates. */
export async function mergeCandidates(db: DbOrTx, actor: Actor, c: { id: string; projectId: string | null; employerId: string | null; employerName: string }) {
  const params: unknown[] = [c.id, c.projectId, c.employerId, c.employerName];
  const scope = caseScope(actor, params);
  const { rows } = await db.query<{ id: string; case_no: string; title: string; status: CaseStatus; received_on: string; project_id: string | null; employer_id: string | null; employer_name: string }>(
    `SELECT c.id, c.case_no, c.title, c.status, c.received_on::text AS received_on, c.project_id, c.employer_id, c.employer_name FROM cases c
      WHERE c.id <> $1 AND c.status IN ('received', 'accepted', 'mediating', 'investigating', 'ordered', 'enforcing') AND ${scope}
        AND (c.project_id = $2 OR ($2::uuid IS NULL AND (c.employer_id = $3 OR c.employer_name = $4)))
      ORDER BY c.received_on, c.id`,
    params,
  );
  return rows;
}

export interface CaseUpdate {
  status?: CaseStatus;
  stageDueOn?: string | null;
  handlingUnitId?: string | null;
  assistUnitIds?: string[];
  acceptedOn?: string | null;
  filedOn?: string | null;
  extended?: boolean;
  orderDueOn?: string | null;
  resolvedOn?: string | null;
  closedOn?: string | null;
  closureKind?: ClosureKind | null;
  conclusion?: string | null;
  mergedInto?: string | null;
  major?: boolean;
  majorReasons?: unknown[];
  supervision?: string[];
  leaderName?: string | null;
  taskForceUnitIds?: string[];
  callbackOn?: string | null;
  satisfaction?: string | null;
  title?: string;
}

const UPDATE_COLUMNS: Record<keyof CaseUpdate, string> = {
  status: 'status',
  stageDueOn: 'stage_due_on',
  handlingUnitId: 'handling_unit_id',
  assistUnitIds: 'assist_unit_ids',
  acceptedOn: 'accepted_on',
  filedOn: 'filed_on',
  extended: 'extended',
  orderDueOn: 'order_due_on',
  resolvedOn: 'resolved_on',
  closedOn: 'closed_on',
  closureKind: 'closure_kind',
  conclusion: 'conclusion',
  mergedInto: 'merged_into',
  major: 'major',
  majorReasons: 'major_reasons',
  supervision: 'supervision',
  leaderName: 'leader_name',
  taskForceUnitIds: 'task_force_unit_ids',
  callbackOn: 'callback_on',
  satisfaction: 'satisfaction',
  title: 'title',
};

/** Applies the change if the case is still at `rowVersion`; false when someone changed it meanwhile. */
export async function updateCase(db: DbOrTx, id: string, rowVersion: number, u: CaseUpdate, now: Date): Promise<boolean> {
  const params: unknown[] = [id, rowVersion, now];
  const sets = (Object.entries(u) as [keyof CaseUpdate, unknown][])
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      params.push(k === 'majorReasons' ? JSON.stringify(v) : v);
      return `${UPDATE_COLUMNS[k]} = $${params.length}`;
    });
  const { rowCount } = await db.query(
    `UPDATE cases SET ${[...sets, 'updated_at = $3', 'row_version = row_version + 1'].join(', ')} WHERE id = $1 AND row_version = $2`,
    params,
  );
  return rowCount === 1;
}

/** Changes made by the platform, not by an official's move: a merged case's new title, a major flag from an incident. */
export async function setTitle(db: DbOrTx, id: string, title: string, now: Date) {
  await db.query(`UPDATE cases SET title = $2, row_version = row_version + 1, updated_at = $3 WHERE id = $1`, [id, title, now]);
}

export async function markMajor(db: DbOrTx, id: string, reasons: unknown[], now: Date) {
  await db.query(`UPDATE cases SET major = true, major_reasons = $2, row_version = row_version + 1, updated_at = $3 WHERE id = $1`, [id, JSON.stringify(reasons), now]);
}

export async function insertEvent(
  db: DbOrTx,
  e: { id: string; caseId: string; at: Date; kind: string; actorName: string; fromStatus?: string | null; toStatus?: string | null; data?: unknown; fileIds?: string[] },
) {
  await db.query(
    `INSERT INTO case_events (id, case_id, at, kind, actor_name, from_status, to_status, data, file_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.caseId, e.at, e.kind, e.actorName, e.fromStatus ?? null, e.toStatus ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.fileIds ?? []],
  );
}

export const eventsOf = async (db: DbOrTx, caseId: string) =>
  (
    await db.query<{ id: string; at: Date; kind: string; actor_name: string; from_status: string | null; to_status: string | null; data: unknown; file_ids: string[] }>(
      `SELECT id, at, kind, actor_name, from_status, to_status, data, file_ids FROM case_events WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    )
  ).rows;

// ---- Workers, payments, checklist, documents ---------------------------------------------------

export interface CaseWorkerRow {
  id: string;
  case_id: string;
  worker_id: string | null;
  name: string;
  phone_enc: string | null;
  phone_mask: string | null;
  claimed_fen: number;
  found_owed_fen: number | null;
  status: 'open' | 'paid' | 'moved';
  moved_to: string | null;
  confirmed_at: Date | null;
  unreachable: boolean;
  recovered_fen: number;
}

export const workersOf = async (db: DbOrTx, caseId: string) =>
  (
    await db.query<CaseWorkerRow>(
      `SELECT cw.*, coalesce((SELECT sum(cp.amount_fen) FROM case_payments cp WHERE cp.case_worker_id = cw.id), 0)::bigint AS recovered_fen
         FROM case_workers cw WHERE cw.case_id = $1 ORDER BY cw.ord`,
      [caseId],
    )
  ).rows;

export async function updateWorkerFinding(db: DbOrTx, caseId: string, findings: { id: string; foundOwedFen: number }[]) {
  const { rowCount } = await db.query(
    `UPDATE case_workers cw SET found_owed_fen = f.found FROM unnest($2::uuid[], $3::bigint[]) AS f (id, found) WHERE cw.id = f.id AND cw.case_id = $1`,
    [caseId, findings.map((f) => f.id), findings.map((f) => f.foundOwedFen)],
  );
  return rowCount;
}

export async function setWorkerStatus(db: DbOrTx, ids: string[], status: 'open' | 'paid' | 'moved', movedTo: string | null) {
  await db.query(`UPDATE case_workers SET status = $2, moved_to = $3 WHERE id = ANY ($1::uuid[])`, [ids, status, movedTo]);
}

export async function confirmWorker(db: DbOrTx, id: string, at: Date | null, unreachable: boolean) {
  await db.query(`UPDATE case_workers SET confirmed_at = $2, unreachable = $3 WHERE id = $1`, [id, at, unreachable]);
}

export async function insertPayment(
  db: DbOrTx,
  p: { id: string; caseId: string; caseWorkerId: string; amountFen: number; paidOn: string; source: string; reference: string; recordedBy: string },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO case_payments (id, case_id, case_worker_id, amount_fen, paid_on, source, reference, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id, source, reference, case_worker_id) DO NOTHING`,
    [p.id, p.caseId, p.caseWorkerId, p.amountFen, p.paidOn, p.source, p.reference, p.recordedBy, now],
  );
  return rowCount === 1;
}

/** An open case's 和解协议 with an installment already due before `on`, and the installments the daily job already reported missed. */
export interface AgreementDueRow {
  case_id: string;
  case_no: string;
  title: string;
  handling_unit_id: string | null;
  industry: string | null;
  employer_id: string | null;
  doc_no: string;
  data: SettlementData;
  noticed: string[];
  payments: { id: string; case_worker_id: string; amount_fen: number; paid_on: string }[];
}

export async function agreementsWithInstallmentsDue(db: DbOrTx, on: string): Promise<AgreementDueRow[]> {
  const { rows } = await db.query<AgreementDueRow>(
    `SELECT c.id AS case_id, c.case_no, c.title, c.handling_unit_id, c.industry, c.employer_id, d.doc_no, d.data,
            coalesce((SELECT array_agg(e.data ->> 'dueOn') FROM case_events e WHERE e.case_id = c.id AND e.kind = 'installment_missed'), '{}') AS noticed,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'case_worker_id', p.case_worker_id, 'amount_fen', p.amount_fen, 'paid_on', p.paid_on::text))
                        FROM case_payments p WHERE p.case_id = c.id), '[]') AS payments
       FROM case_documents d JOIN cases c ON c.id = d.case_id
      WHERE d.kind = 'settlement_agreement' AND c.status <> 'closed'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(d.data -> 'installments') AS x WHERE x ->> 'dueOn' < $1)`,
    [on],
  );
  return rows;
}

export const paymentsOf = async (db: DbOrTx, caseId: string) =>
  (
    // worker_answer / worker_note: the worker's own answer on the worker pages (cases.worker.ts).
    await db.query<{ id: string; case_worker_id: string; amount_fen: number; paid_on: string; source: string; reference: string; recorded_by: string; created_at: Date; worker_answer: 'confirmed' | 'disputed' | null; worker_note: string | null }>(
      `SELECT id, case_worker_id, amount_fen, paid_on::text AS paid_on, source, reference, recorded_by, created_at, worker_answer, worker_note
         FROM case_payments WHERE case_id = $1 ORDER BY paid_on, created_at`,
      [caseId],
    )
  ).rows;

export async function upsertChecklist(db: DbOrTx, caseId: string, items: { item: string; violation: boolean; note: string | null; fileIds: string[] }[], by: string, now: Date) {
  await db.query(
    `INSERT INTO case_checklist (case_id, item, violation, note, file_ids, checked_by, checked_at)
     SELECT $1, i.item, i.violation, i.note, coalesce(i.file_ids, '{}'), $3, $4
       FROM jsonb_to_recordset($2::jsonb) AS i (item text, violation boolean, note text, file_ids uuid[])
     ON CONFLICT (case_id, item) DO UPDATE
       SET violation = excluded.violation, note = excluded.note, file_ids = excluded.file_ids, checked_by = excluded.checked_by, checked_at = excluded.checked_at`,
    [caseId, JSON.stringify(items.map((i) => ({ item: i.item, violation: i.violation, note: i.note, file_ids: i.fileIds }))), by, now],
  );
}

/** Whether a file is listed on the case: with one of its clues, its checklist or a step of its timeline. */
export async function caseListsFile(db: DbOrTx, caseId: string, fileId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM clues WHERE case_id = $1 AND $2 = ANY (file_ids)
     UNION ALL SELECT 1 FROM case_checklist WHERE case_id = $1 AND $2 = ANY (file_ids)
     UNION ALL SELECT 1 FROM case_events WHERE case_id = $1 AND $2 = ANY (file_ids)
     LIMIT 1`,
    [caseId, fileId],
  );
  return rows.length > 0;
}

export const checklistOf = async (db: DbOrTx, caseId: string) =>
  (
    await db.query<{ item: string; violation: boolean; note: string | null; file_ids: string[]; checked_by: string; checked_at: Date }>(
      `SELECT item, violation, note, file_ids, checked_by, checked_at FROM case_checklist WHERE case_id = $1`,
      [caseId],
    )
  ).rows;

export async function insertDocument(
  db: DbOrTx,
  d: { id: string; caseId: string; kind: string; docNo: string; issuedOn: string; dueOn: string | null; amountFen: number | null; data: unknown; fileId: string | null; issuedBy: string },
  now: Date,
) {
  await db.query(
    `INSERT INTO case_documents (id, case_id, kind, doc_no, issued_on, due_on, amount_fen, data, file_id, issued_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [d.id, d.caseId, d.kind, d.docNo, d.issuedOn, d.dueOn, d.amountFen, JSON.stringify(d.data ?? {}), d.fileId, d.issuedBy, now],
  );
}

export const documentNoTaken = async (db: DbOrTx, kind: string, docNo: string) =>
  (await db.query(`SELECT 1 FROM case_documents WHERE kind = $1 AND doc_no = $2`, [kind, docNo])).rows.length > 0;

export const documentsOf = async (db: DbOrTx, caseId: string) =>
  (
    await db.query<{ id: string; kind: string; doc_no: string; issued_on: string; due_on: string | null; amount_fen: number | null; data: unknown; file_id: string | null; issued_by: string }>(
      `SELECT id, kind, doc_no, issued_on::text AS issued_on, due_on::text AS due_on, amount_fen, data, file_id, issued_by FROM case_documents WHERE case_id = $1 ORDER BY issued_on, created_at`,
      [caseId],
    )
  ).rows;

/** Moves a case's clues and workers into another (a worker already listed there keeps that entry). */
export async function mergeInto(db: DbOrTx, fromId: string, intoId: string) {
  await db.query(`UPDATE clues SET case_id = $2 WHERE case_id = $1`, [fromId, intoId]);
  await db.query(
    `UPDATE case_workers cw SET case_id = $2
      WHERE cw.case_id = $1 AND (cw.worker_id IS NULL OR NOT EXISTS (SELECT 1 FROM case_workers x WHERE x.case_id = $2 AND x.worker_id = cw.worker_id))`,
    [fromId, intoId],
  );
}

// ---- Routing and deadlines -------------------------------------------------------------------

export async function findUnit(db: DbOrTx, id: string) {
  const { rows } = await db.query<{ id: string; name: string; kind: string; region_code: string; region_path: string }>(
    `SELECT id, name, kind, region_code, region_path FROM gov_units WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Open cases in a stage with a deadline that could not yet be counted (it ran past the holiday calendar). */
export async function casesAwaitingDeadline(db: DbOrTx) {
  // settlement_due_on: the 和解协议's last installment, which a mediation's deadline waits for (cases.rules.ts).
  const { rows } = await db.query<{ id: string; status: string; region_code: string; received_on: string; accepted_on: string | null; filed_on: string | null; extended: boolean; order_due_on: string | null; resolved_on: string | null; settlement_due_on: string | null }>(
    `SELECT id, status, region_code, received_on::text, accepted_on::text, filed_on::text, extended, order_due_on::text, resolved_on::text,
            (SELECT max(d.due_on) FROM case_documents d WHERE d.case_id = cases.id AND d.kind = 'settlement_agreement')::text AS settlement_due_on
       FROM cases WHERE stage_due_on IS NULL AND status NOT IN ('enforcing', 'closed')`,
  );
  return rows;
}

export async function setStageDue(db: DbOrTx, id: string, dueOn: string) {
  await db.query(`UPDATE cases SET stage_due_on = $2 WHERE id = $1 AND stage_due_on IS NULL`, [id, dueOn]);
}

/**
 * Overdue open cases not escalated since they fell due: each moves to the wage unit one region up
 * (the handling unit stays; the superior supervises), in one statement. Returns what moved.
 */
export async function escalateOverdue(db: DbOrTx, today: string, now: Date) {
  const { rows } = await db.query<{ id: string; case_no: string; title: string; region_path: string; escalation_level: number; supervisor_unit_id: string | null }>(
    `WITH due AS (
       SELECT c.id, hu.region_path AS unit_path FROM cases c LEFT JOIN gov_units hu ON hu.id = c.handling_unit_id
        WHERE c.status <> 'closed' AND c.stage_due_on < $1::date
          AND (c.escalated_at IS NULL OR (c.escalated_at AT TIME ZONE 'Asia/Shanghai')::date <= c.stage_due_on)
        FOR UPDATE OF c
     )
     UPDATE cases c SET escalated_at = $2, escalation_level = c.escalation_level + 1, row_version = c.row_version + 1, updated_at = $2
       FROM due
      WHERE c.id = due.id
     RETURNING c.id, c.case_no, c.title, c.region_path, c.escalation_level,
               nearest_unit(regexp_replace(coalesce(due.unit_path, c.region_path), '[^/]+/$', ''), ARRAY['wage_office', 'hrss']) AS supervisor_unit_id`,
    [today, now],
  );
  return rows;
}

// ---- Incidents -------------------------------------------------------------------------------

export async function insertIncident(
  db: DbOrTx,
  i: { id: string; regionCode: string; regionPath: string; projectId: string | null; occurredAt: Date; place: string; people: number; responseLevel: string; extreme: boolean; measures: string; caseIds: string[]; suspensionMarked: boolean; recordedBy: string },
  now: Date,
) {
  await db.query(
    `INSERT INTO incidents (id, region_code, region_path, project_id, occurred_at, place, people, response_level, extreme, measures, case_ids, suspension_marked, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [i.id, i.regionCode, i.regionPath, i.projectId, i.occurredAt, i.place, i.people, i.responseLevel, i.extreme, i.measures, i.caseIds, i.suspensionMarked, i.recordedBy, now],
  );
}

export interface IncidentRow {
  id: string;
  region_code: string;
  region_path: string;
  project_id: string | null;
  project_name: string | null;
  occurred_at: Date;
  place: string;
  people: number;
  response_level: string;
  extreme: boolean;
  measures: string;
  case_ids: string[];
  suspension_marked: boolean;
  recorded_by: string;
}

export async function listIncidents(db: DbOrTx, actor: Actor, page: PageRequest): Promise<Page<IncidentRow>> {
  const where = new Where();
  where.and(scopeCondition(actor, { regionPath: 'i.region_path' }, where.params));
  return selectPage<IncidentRow>(db, page, {
    sql: `SELECT i.*, p.name AS project_name, count(*) OVER () AS total_count FROM incidents i LEFT JOIN projects p ON p.id = i.project_id WHERE ${where} ORDER BY i.occurred_at DESC, i.id`,
    countSql: `SELECT count(*)::int AS n FROM incidents i WHERE ${where}`,
    params: where.params,
  });
}

export async function incidentsOfCase(db: DbOrTx, caseId: string) {
  return (await db.query<IncidentRow>(`SELECT i.*, p.name AS project_name FROM incidents i LEFT JOIN projects p ON p.id = i.project_id WHERE $1 = ANY (i.case_ids) ORDER BY i.occurred_at`, [caseId])).rows;
}

// ---- Phone verification and the SMS outbox (public complaints) -------------------------------

export const verificationAad = (id: string) => `phone_verifications:${id}:phone`;
// The outbox is the notify module's: its dispatcher decrypts with the same associated data.
export { smsParamsAad, smsPhoneAad } from '../notify';

/** How many codes went to this phone, and to this address, since `since`; and when the last one went to the phone. */
export async function recentVerifications(db: DbOrTx, phoneBidx: string, ip: string | null, since: Date) {
  const { rows } = await db.query<{ by_phone: number; by_ip: number; last_at: Date | null }>(
    `SELECT count(*) FILTER (WHERE phone_bidx = $1)::int AS by_phone,
            count(*) FILTER (WHERE ip = $2)::int AS by_ip,
            max(created_at) FILTER (WHERE phone_bidx = $1) AS last_at
       FROM phone_verifications WHERE created_at >= $3 AND (phone_bidx = $1 OR ip = $2)`,
    [phoneBidx, ip, since],
  );
  return rows[0];
}

export async function insertVerification(
  db: DbOrTx,
  v: { id: string; phoneEnc: string; phoneBidx: string; codeMac: string; expiresAt: Date; ip: string | null },
  sms: { id: string; phoneEnc: string; template: string; paramsEnc: string },
  now: Date,
) {
  await db.query(
    `INSERT INTO phone_verifications (id, purpose, phone_enc, phone_bidx, code_mac, expires_at, ip, created_at) VALUES ($1, 'complaint', $2, $3, $4, $5, $6, $7)`,
    [v.id, v.phoneEnc, v.phoneBidx, v.codeMac, v.expiresAt, v.ip, now],
  );
  await db.query(`INSERT INTO sms_outbox (id, ref_id, phone_enc, template, params_enc, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [sms.id, v.id, sms.phoneEnc, sms.template, sms.paramsEnc, now]);
}

/** Locks the verification for the check, so two submissions with one code are decided one after the other. */
/**
 * Tries a code against a verification still open to tries, in one statement under its row lock: a
 * wrong code counts a try, a right one marks it used. Undefined when the verification is unknown,
 * expired, out of tries or (with `once`) used. The MAC is compared in SQL: it is keyed, so its
 * timing tells a guesser nothing about the code.
 */
export async function tryVerificationCode(db: DbOrTx, v: { id: string; codeMac: string; now: Date; maxAttempts: number; once: boolean }) {
  const { rows } = await db.query<{ phone_enc: string; phone_bidx: string; matches: boolean }>(
    `UPDATE phone_verifications
        SET attempts = attempts + CASE WHEN code_mac = $2 THEN 0 ELSE 1 END,
            used_at = CASE WHEN code_mac = $2 THEN coalesce(used_at, $3) ELSE used_at END
      WHERE id = $1 AND expires_at >= $3 AND attempts < $4 AND NOT ($5 AND used_at IS NOT NULL)
      RETURNING phone_enc, phone_bidx, code_mac = $2 AS matches`,
    [v.id, v.codeMac, v.now, v.maxAttempts, v.once],
    { prepare: true },
  );
  return rows[0];
}

/** What a public complaint's one statement found: whether the place exists, the code's verdict, and the case number if it was stored now. */
export interface SubmissionOutcome {
  places: number;
  project_name: string | null;
  region_code: string | null;
  /** Null when the verification is unknown, expired or out of tries. */
  matches: boolean | null;
  /** Null unless the complaint was stored by this statement. */
  case_no: string | null;
}

/**
 * 受理: a public complaint in one statement. The place it names (the project by its board code, or
 * the region) is looked up; only if it exists is the code tried, as `tryVerificationCode` does,
 * under the verification's row lock; a right code stores the complaint with its case number drawn.
 * A code presented again stores nothing (the first complaint stands). Routing is the drainer's.
 */
export async function submitComplaint(
  db: DbOrTx,
  s: { id: string; codeMac: string; now: Date; maxAttempts: number; projectCode: string | null; regionCode: string | null; year: string; complaint: unknown; requestId: string | null; ip: string | null },
): Promise<SubmissionOutcome> {
  const { rows } = await db.query<SubmissionOutcome>(
    `WITH place AS (
       SELECT p.id AS project_id, p.name AS project_name, p.region_code, p.region_path FROM projects p WHERE p.code = $5::text
       UNION ALL
       SELECT NULL, NULL, r.code, r.path FROM regions r WHERE $5::text IS NULL AND r.code = $6::text
     ),
     tried AS (
       UPDATE phone_verifications
          SET attempts = attempts + CASE WHEN code_mac = $2 THEN 0 ELSE 1 END,
              used_at = CASE WHEN code_mac = $2 THEN coalesce(used_at, $3) ELSE used_at END
        WHERE id = $1 AND expires_at >= $3 AND attempts < $4 AND EXISTS (SELECT 1 FROM place)
        RETURNING code_mac = $2 AS matches
     ),
     stored AS (
       INSERT INTO complaint_submissions (id, case_no, project_id, region_code, region_path, complaint, received_at, request_id, ip)
       SELECT $1, place.region_code || '-' || $7 || '-' || lpad(nextval('case_no_seq')::text, 6, '0'), place.project_id, place.region_code, place.region_path,
              $8::jsonb, $3, $9, $10
         FROM tried, place
        WHERE tried.matches AND NOT EXISTS (SELECT 1 FROM complaint_submissions WHERE id = $1)
       ON CONFLICT (id) DO NOTHING
       RETURNING case_no
     )
     SELECT (SELECT count(*) FROM place)::int AS places, (SELECT project_name FROM place LIMIT 1) AS project_name,
            (SELECT region_code FROM place LIMIT 1) AS region_code, (SELECT matches FROM tried) AS matches, (SELECT case_no FROM stored) AS case_no`,
    [s.id, s.codeMac, s.now, s.maxAttempts, s.projectCode, s.regionCode, s.year, JSON.stringify(s.complaint), s.requestId, s.ip],
    { prepare: true },
  );
  return rows[0];
}

/** A stored public complaint: its case number and, once routed, its case. */
export async function findSubmission(db: DbOrTx, id: string) {
  const { rows } = await db.query<{ case_no: string; received_at: Date; project_name: string | null; complaint: SubmittedComplaint; case_id: string | null }>(
    `SELECT s.case_no, s.received_at, p.name AS project_name, s.complaint, l.case_id
       FROM complaint_submissions s LEFT JOIN projects p ON p.id = s.project_id LEFT JOIN clues l ON l.id = s.clue_id
      WHERE s.id = $1`,
    [id],
  );
  return rows[0];
}

/** The complaint as the public form sent it, kept with the submission. */
export interface SubmittedComplaint {
  employerName: string;
  name: string;
  claimedFen: number;
  coWorkers?: { name: string; claimedFen: number }[];
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
}

export interface WaitingSubmission {
  id: string;
  case_no: string;
  project_id: string | null;
  region_code: string;
  region_path: string;
  complaint: SubmittedComplaint;
  received_at: Date;
  request_id: string | null;
  ip: string | null;
  phone_enc: string;
}

/**
 * The oldest complaints waiting to be routed (and not set aside until later), locked for the
 * caller's transaction; those another drainer holds are skipped, so each is routed once.
 */
export async function claimWaitingSubmissions(tx: Tx, now: Date, limit: number): Promise<WaitingSubmission[]> {
  const { rows } = await tx.query<WaitingSubmission>(
    `SELECT s.id, s.case_no, s.project_id, s.region_code, s.region_path, s.complaint, s.received_at, s.request_id, s.ip, v.phone_enc
       FROM complaint_submissions s JOIN phone_verifications v ON v.id = s.id
      WHERE s.routed_at IS NULL AND (s.retry_at IS NULL OR s.retry_at <= $1)
      ORDER BY s.received_at
      LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
    [now, limit],
    { prepare: true },
  );
  return rows;
}

/** Marks submissions routed, each to the clue it became. */
export async function markSubmissionsRouted(tx: Tx, routed: readonly { id: string; clueId: string }[], now: Date) {
  await tx.query(
    `UPDATE complaint_submissions s SET routed_at = $3, clue_id = t.clue_id, retry_at = NULL
       FROM unnest($1::uuid[], $2::uuid[]) AS t (id, clue_id) WHERE s.id = t.id`,
    [routed.map((r) => r.id), routed.map((r) => r.clueId), now],
    { prepare: true },
  );
}

/** Sets a submission that failed to route aside, for `minutes` times its failures so far, keeping the error's code. */
export async function setSubmissionAside(db: DbOrTx, id: string, now: Date, minutes: number, error: string) {
  await db.query(
    `UPDATE complaint_submissions SET attempts = attempts + 1, retry_at = $2::timestamptz + make_interval(mins => $3 * (attempts + 1)), last_error = $4
      WHERE id = $1 AND routed_at IS NULL`,
    [id, now, minutes, error],
  );
}

/** A stored public complaint not yet routed, as the staff's 待分派 list shows it. */
export interface WaitingComplaintRow {
  case_no: string;
  received_at: Date;
  region_code: string;
  region_name: string;
  project_name: string | null;
  complaint: SubmittedComplaint;
  attempts: number;
  retry_at: Date | null;
  last_error: string | null;
}

/** Public complaints in the actor's scope stored but not yet routed, oldest first; `setAside`: only those that failed to route. */
export async function listWaitingSubmissions(db: DbOrTx, actor: Actor, f: { setAside?: boolean }, page: PageRequest): Promise<Page<WaitingComplaintRow>> {
  const where = new Where();
  where.and('s.routed_at IS NULL').and(scopeCondition(actor, { regionPath: 's.region_path' }, where.params));
  if (f.setAside) where.and('s.attempts > 0');
  return selectPage<WaitingComplaintRow>(db, page, {
    sql: `SELECT s.case_no, s.received_at, s.region_code, r.name AS region_name, p.name AS project_name, s.complaint, s.attempts, s.retry_at, s.last_error,
                 count(*) OVER () AS total_count
            FROM complaint_submissions s JOIN regions r ON r.code = s.region_code LEFT JOIN projects p ON p.id = s.project_id
           WHERE ${where} ORDER BY s.received_at, s.case_no`,
    countSql: `SELECT count(*)::int AS n FROM complaint_submissions s WHERE ${where}`,
    params: where.params,
  });
}

/** Brings a set-aside complaint in the actor's scope forward to be tried at once; its id, or null when there is none such. */
export async function retrySubmissionNow(tx: Tx, actor: Actor, caseNo: string, now: Date): Promise<{ id: string; region_path: string; attempts: number } | null> {
  const params: unknown[] = [caseNo, now];
  const { rows } = await tx.query<{ id: string; region_path: string; attempts: number }>(
    `UPDATE complaint_submissions s SET retry_at = $2 WHERE s.case_no = $1 AND s.routed_at IS NULL AND s.attempts > 0 AND ${scopeCondition(actor, { regionPath: 's.region_path' }, params)}
     RETURNING s.id, s.region_path, s.attempts`,
    params,
  );
  return rows[0] ?? null;
}

/** The complaints a phone made that are still waiting to be routed, newest first. */
export async function waitingSubmissionsOf(db: DbOrTx, phoneBidx: string) {
  const { rows } = await db.query<{ case_no: string; received_at: Date; project_name: string | null; complaint: SubmittedComplaint }>(
    `SELECT s.case_no, s.received_at, p.name AS project_name, s.complaint
       FROM phone_verifications v JOIN complaint_submissions s ON s.id = v.id LEFT JOIN projects p ON p.id = s.project_id
      WHERE v.phone_bidx = $1 AND s.routed_at IS NULL
      ORDER BY s.received_at DESC`,
    [phoneBidx],
  );
  return rows;
}

export async function findVerification(db: DbOrTx, id: string) {
  const { rows } = await db.query<{ expires_at: Date; attempts: number; used_at: Date | null }>(`SELECT expires_at, attempts, used_at FROM phone_verifications WHERE id = $1`, [id]);
  return rows[0];
}

/** The cases of the clues a phone complained by, newest first (a merged case shows as the one it went into). */
export async function casesOfComplainant(db: DbOrTx, phoneBidx: string) {
  const { rows } = await db.query<{ case_no: string; title: string; received_on: string; status: CaseStatus; handling_unit_name: string | null; stage_due_on: string | null; closed_on: string | null }>(
    `SELECT DISTINCT ON (c.id) c.case_no, c.title, c.received_on::text AS received_on, c.status, u.name AS handling_unit_name,
            c.stage_due_on::text AS stage_due_on, c.closed_on::text AS closed_on
       FROM clues l JOIN cases c ON c.id = l.case_id LEFT JOIN gov_units u ON u.id = c.handling_unit_id
      WHERE l.complainant_phone_bidx = $1
      ORDER BY c.id DESC
      LIMIT 50`,
    [phoneBidx],
  );
  return rows;
}
