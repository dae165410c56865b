import { v7 as uuidv7 } from 'uuid';
import { ensureAttendancePartitions } from '../../src/server/modules/attendance/attendance.repo';
import '../../src/server/modules/warnings';
import { RULES } from '../../src/server/modules/warnings/rules';
import { runScan } from '../../src/server/modules/warnings/warnings.scan';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor, type Platform } from '../../src/server/platform/context';
import { TREE } from './fixtures';

/**
 * Helpers for the warning-rule tests: the government units warnings are routed to, workers put on a
 * roster with plain SQL (the rules read rows, not the registration flow), attendance days, a scan of
 * some rules, and the warnings a rule holds.
 */

export const ctxOf = (platform: Platform) => contextFor(platform, systemActor('test:warnings'));

/** A wage office at the city and each district, the housing and transport bureaus, a township government in A1 and B1. */
export async function loadGovUnits(platform: Platform) {
  const units = {
    wageCity: uuidv7(),
    wageA: uuidv7(),
    wageB: uuidv7(),
    housingA: uuidv7(),
    transportB: uuidv7(),
    townA1: uuidv7(),
    townB1: uuidv7(),
  };
  const rows: [string, string, string, string][] = [
    [units.wageCity, TREE.city, 'wage_office', '青州市根治欠薪办'],
    [units.wageA, TREE.districtA, 'wage_office', '东城区根治欠薪办'],
    [units.wageB, TREE.districtB, 'wage_office', '西城区根治欠薪办'],
    [units.housingA, TREE.districtA, 'housing', '东城区住房和城乡建设局'],
    [units.transportB, TREE.districtB, 'transport', '西城区交通运输局'],
    [units.townA1, TREE.townA1, 'township_gov', '东城区001镇人民政府'],
    [units.townB1, TREE.townB1, 'township_gov', '西城区001镇人民政府'],
  ];
  await platform.db.query(
    `INSERT INTO gov_units (id, region_code, region_path, kind, name)
     SELECT t.id, t.code, r.path, t.kind, t.name FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, code, kind, name)
       JOIN regions r ON r.code = t.code`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );
  return units;
}

let serial = 0;

/** `n` workers on the project's roster with the employer (entry 2026-01-05, day rate ¥350 unless given). */
export async function addWorkers(
  platform: Platform,
  projectId: string,
  employerId: string,
  n: number,
  o: { entryDate?: string; exitDate?: string | null; wageFen?: number } = {},
): Promise<{ workerId: string; employmentId: string }[]> {
  const out: { workerId: string; employmentId: string }[] = [];
  for (let i = 0; i < n; i++) {
    serial++;
    const workerId = uuidv7();
    const employmentId = uuidv7();
    const entry = o.entryDate ?? '2026-01-05';
    await platform.db.query(
      `INSERT INTO workers (id, name, id_enc, id_bidx, id_mask, birth_date, gender, bank_card_bidx, bank_card_mask, bank_card_enc)
       VALUES ($1, $2, 'x', $3, '4501**********0000', '1985-01-01', 'male', $4, '6222 **** 0000', 'x')`,
      [workerId, `测试工人${serial}`, `bidx-${workerId}`, `card-${workerId}`],
    );
    await platform.db.query(
      `INSERT INTO employments (project_id, id, worker_id, employer_id, trade, entry_date, exit_date, wage_type, wage_amount_fen,
                                contract_kind, contract_signed_on, safety_training_on)
       VALUES ($1, $2, $3, $4, '020', $5, $6, 'daily', $7, 'labor_contract', $5, $5)`,
      [projectId, employmentId, workerId, employerId, entry, o.exitDate ?? null, o.wageFen ?? 350_00],
    );
    out.push({ workerId, employmentId });
  }
  return out;
}

/** Daily summaries for each worker on `days` working days of `month` ('2026-01'), from the 5th on. */
export async function attend(platform: Platform, projectId: string, workerIds: string[], month: string, days: number) {
  await ensureAttendancePartitions(platform.db, [`${month}-01`]);
  const dates = Array.from({ length: days }, (_, i) => `${month}-${String(5 + i).padStart(2, '0')}`);
  await platform.db.query(
    `INSERT INTO attendance_daily (project_id, work_date, worker_id, first_at, last_at, event_count)
     SELECT $1, d::date, w, (d || 'T08:00:00+08:00')::timestamptz, (d || 'T17:30:00+08:00')::timestamptz, 2
       FROM unnest($2::uuid[]) AS w CROSS JOIN unnest($3::text[]) AS d
     ON CONFLICT DO NOTHING`,
    [projectId, workerIds, dates],
  );
}

/** Runs the named rules (all when none) over every project, as the nightly scan does. */
export const scan = (platform: Platform, codes?: string[], projectIds?: string[]) =>
  runScan(ctxOf(platform), { rules: codes ? RULES.filter((r) => codes.includes(r.code)) : undefined, projectIds });

export interface WarningRowT {
  id: string;
  rule_code: string;
  subject_key: string;
  project_id: string | null;
  enterprise_id: string | null;
  level: string;
  status: string;
  evidence: Record<string, any>;
  resolution: Record<string, any> | null;
  due_on: string | null;
  lead_unit_id: string | null;
  assist_unit_ids: string[];
  handling_unit_id: string | null;
}

/** A rule's warnings, open ones first. */
export async function warningsOf(platform: Platform, code: string, status: 'open' | 'all' = 'all'): Promise<WarningRowT[]> {
  const { rows } = await platform.db.query<WarningRowT>(
    `SELECT id, rule_code, subject_key, project_id, enterprise_id, level, status, evidence, resolution, to_char(due_on, 'YYYY-MM-DD') AS due_on,
            lead_unit_id, assist_unit_ids, handling_unit_id
       FROM warnings WHERE rule_code = $1 AND ($2 = 'all' OR status IN ('generated', 'dispatched', 'acknowledged', 'disposed'))
      ORDER BY (status IN ('resolved', 'closed')), raised_at, id`,
    [code, status],
  );
  return rows;
}

/** A region's own value for a parameter, effective from 2026-01-01. */
export async function setParam(platform: Platform, paramId: string, regionCode: string, value: unknown) {
  await platform.db.query(
    `INSERT INTO rule_param_overrides (id, param_id, region_code, value, effective_from, reason, created_at) VALUES ($1, $2, $3, $4, '2026-01-01', 'test', now())`,
    [uuidv7(), paramId, regionCode, JSON.stringify(value)],
  );
}
