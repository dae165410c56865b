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
  const { seq, hash: prevHash } = head.rows[0];
  // Millisecond precision: what JavaScript dates carry, so the hash survives the round trip.
  const at = new Date(Math.floor(origin.now.getTime()));
  const row: Omit<AuditRow, 'hash'> = {
    seq: Number(seq),
    id: uuidv7(),
    at,
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
  const hash = mac(chainPayload(row));
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
      row.result, row.before === null ? null : JSON.stringify(row.before), row.after === null ? null : JSON.stringify(row.after),
      row.reason, row.request_id, row.ip, row.region_path, row.prev_hash, hash,
    ],
    { prepare: true },
  );
  return { ...row, hash };
}
