import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../access/actor';
import { canonicalJson } from './canonical';

/** What happened, to what. `before`/`after` are presenter snapshots: never ciphertexts or secrets. */
export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: 'success' | 'failure';
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  regionPath?: string | null;
}

export interface AuditOrigin {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  now: Date;
}

/** Keyed MAC of the chain (HMAC-SM3 in the 国密 profile); injected so the key never leaves crypto. */
export type ChainMac = (data: string) => string;

export interface AuditRow {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  result: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  region_path: string | null;
  prev_hash: string;
  hash: string;
}

// Keys that must never reach the audit log even if a caller passes a raw row by mistake.
const SECRET_KEY = /(_enc|_bidx|password|secret|token|totp)$/i;

function scrub(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEY.test(k))
      .map(([k, v]) => [k, scrub(v)]),
  );
}

/** The content a row's hash covers, in a fixed order. */
export function chainPayload(row: Omit<AuditRow, 'hash'>): string {
  return canonicalJson([
    row.seq,
    row.id,
    new Date(row.at).toISOString(),
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.action,
    row.object_type,
    row.object_id,
    row.result,
    row.before ?? null,
    row.after ?? null,
    row.reason,
    row.request_id,
    row.ip,
    row.region_path,
    row.prev_hash,
  ]);
}

/** The record `entry` makes at position `seq` after `prevHash`, with its hash. */
function chained(mac: ChainMac, origin: AuditOrigin, entry: AuditEntry, seq: number, prevHash: string): AuditRow {
  const row: Omit<AuditRow, 'hash'> = {
    seq,
    id: uuidv7(),
    // Millisecond precision: what JavaScript dates carry, so the hash survives the round trip.
    at: new Date(Math.floor(origin.now.getTime())),
    actor_id: origin.actor.id,
    actor_name: origin.actor.name,
    actor_role: origin.actor.role,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    result: entry.result ?? 'success',
    before: scrub(entry.before),
    after: scrub(entry.after),
    reason: entry.reason ?? null,
    request_id: origin.requestId,
    ip: origin.ip,
    region_path: entry.regionPath ?? null,
    prev_hash: prevHash,
  };
  return { ...row, hash: mac(chainPayload(row)) };
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/**
 * Appends one audit record inside the caller's transaction. Taking the chain head row lock
 * serializes writers, so the chain stays linear; if this insert fails the caller's whole
 * transaction fails with it (fail-closed).
 */
export async function appendAudit(tx: DbOrTx, mac: ChainMac, origin: AuditOrigin, entry: AuditEntry): Promise<AuditRow> {
  const head = await tx.query<{ seq: number; hash: string }>(
    'UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash',
    [],
    { prepare: true },
  );
  const row = chained(mac, origin, entry, Number(head.rows[0].seq), head.rows[0].hash);
  // The record and the head's new hash in one statement: the head stays locked for as short a time as can be.
  await tx.query(
    `WITH record AS (
       INSERT INTO audit_log (seq, id, at, actor_id, actor_name, actor_role, action, object_type, object_id, result,
         before, after, reason, request_id, ip, region_path, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
     )
     UPDATE audit_chain_head SET hash = $18 WHERE id = 1`,
    [
      row.seq, row.id, row.at, row.actor_id, row.actor_name, row.actor_role, row.action, row.object_type, row.object_id,
      row.result, json(row.before), json(row.after), row.reason, row.request_id, row.ip, row.region_path, row.prev_hash, row.hash,
    ],
    { prepare: true },
  );
  return row;
}

/**
 * Appends many records, each with its own origin, in the order given: the head is taken once for
 * all of them and the records go in as one statement, so a batch holds the chain for no longer
 * than one record does. Fail-closed like `appendAudit`.
 */
export async function appendAudits(tx: DbOrTx, mac: ChainMac, records: readonly { origin: AuditOrigin; entry: AuditEntry }[]): Promise<AuditRow[]> {
  if (records.length === 0) return [];
  const head = await tx.query<{ seq: number; hash: string }>('UPDATE audit_chain_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash', [records.length], { prepare: true });
  const first = Number(head.rows[0].seq) - records.length + 1;
  let prevHash = head.rows[0].hash;
  const rows = records.map((r, i) => {
    const row = chained(mac, r.origin, r.entry, first + i, prevHash);
    prevHash = row.hash;
    return row;
  });
  const column = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `WITH record AS (
       INSERT INTO audit_log (seq, id, at, actor_id, actor_name, actor_role, action, object_type, object_id, result,
         before, after, reason, request_id, ip, region_path, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                            $11::jsonb[], $12::jsonb[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
     )
     UPDATE audit_chain_head SET hash = $19 WHERE id = 1`,
    [
      column('seq'), column('id'), column('at'), column('actor_id'), column('actor_name'), column('actor_role'), column('action'), column('object_type'),
      column('object_id'), column('result'), rows.map((r) => json(r.before)), rows.map((r) => json(r.after)), column('reason'), column('request_id'),
      column('ip'), column('region_path'), column('prev_hash'), column('hash'), prevHash,
    ],
    { prepare: true },
  );
  return rows;
}
