import fs from 'node:fs';
import type { DbOrTx } from '../../db/client';
import { chainPayload, type AuditRow, type ChainMac } from './audit';

export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The first row whose content, link or position is wrong. */
  firstBrokenSeq: number | null;
  problem: string | null;
  anchorsChecked: number;
}

export interface AuditAnchor {
  at: string;
  seq: number;
  hash: string;
}

const BATCH = 2000;

/**
 * Recomputes the chain from the first row: each row's hash over its content and its predecessor's
 * hash, consecutive sequence numbers, and the head row. Then checks the external anchors, which
 * catch a deleted tail (a chain cut short is otherwise still self-consistent).
 */
export async function verifyAuditChain(db: DbOrTx, mac: ChainMac, anchors: AuditAnchor[] = []): Promise<ChainReport> {
  const head = (await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1')).rows[0];
  const headSeq = Number(head.seq);
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  const fail = (seq: number, problem: string): ChainReport => ({
    ok: false, checked, headSeq, firstBrokenSeq: seq, problem, anchorsChecked: 0,
  });

  for (;;) {
    const { rows } = await db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, BATCH],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return fail(expectedSeq, `record ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return fail(seq, `record ${seq} does not link to record ${seq - 1}`);
      if (mac(chainPayload({ ...row, seq })) !== row.hash) return fail(seq, `record ${seq} was altered`);
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  if (expectedSeq - 1 !== headSeq || prevHash !== head.hash) {
    return fail(expectedSeq, `the chain ends at record ${expectedSeq - 1} but the head says ${headSeq}`);
  }
  for (const anchor of anchors) {
    if (anchor.seq > headSeq) return fail(headSeq + 1, `records after ${headSeq} were removed (anchor ${anchor.at} saw ${anchor.seq})`);
    const row = (await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [anchor.seq])).rows[0];
    if (!row || row.hash !== anchor.hash) return fail(anchor.seq, `record ${anchor.seq} differs from the anchor of ${anchor.at}`);
  }
  return { ok: true, checked, headSeq, firstBrokenSeq: null, problem: null, anchorsChecked: anchors.length };
}

/** Anchors live outside the database (one JSON line each) so deleting rows there cannot hide them. */
export function readAnchors(file: string): AuditAnchor[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditAnchor);
}

export async function writeAnchor(db: DbOrTx, file: string, now: Date): Promise<AuditAnchor> {
  const head = (await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1')).rows[0];
  const anchor = { at: now.toISOString(), seq: Number(head.seq), hash: head.hash };
  fs.appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}
