/**
 * Reconciling the bank's payout results against their payroll lines: the service path the bank's
 * signed route runs (`receivePayoutResults`, 1,000 results a call as the API takes them: checks,
 * idempotency by ref, the results kept, payouts and lines settled, payroll and batch states,
 * audit) against the physical reference, the same join done as one SQL statement on the same data
 * in the same run (results already in a table; payouts and lines updated from it), rolled back so
 * both start from the same state. Reported as a ratio (target ≤ 2).
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/payout-reconcile.ts
 *      npx tsx bench/payout-reconcile.ts          (PGlite, in memory; default 100,000 results)
 * Options: RESULTS=1000000 (a multiple of 1,000) FAIL_EVERY=97
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openPlatform } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { type PayoutResultInput, receivePayoutResults } from '../src/server/modules/payroll/payroll.service';
import { contextFor } from '../src/server/platform/context';
import { permissionsOf } from '../src/server/platform/access/roles';
import { seedDemo } from '../src/server/seed/demo';
import { freshDatabase } from './support';

const WORKERS = 1000;
const MONTHS = 10;
const CHUNK = 1000;

async function main() {
  const base = process.env.DATABASE_URL;
  const total = Number(process.env.RESULTS ?? (base ? 1_000_000 : 100_000));
  const failEvery = Number(process.env.FAIL_EVERY ?? 97);
  if (total % (WORKERS * MONTHS) !== 0) throw new Error(`RESULTS must be a multiple of ${WORKERS * MONTHS}`);
  const projects = total / (WORKERS * MONTHS);
  const db = base ? await freshDatabase(base) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, MFA_ROLES: '', JOBS_ENABLED: 'false', DATABASE_URL: db?.url ?? '' }, []);
  const platform = await openPlatform(config, { dataDir: db ? undefined : 'memory://' });
  await seedDemo(platform, 'township', { adminPassword: 'Bench#Admin2026' });
  const q = platform.db;

  // The data: `projects` copies of a demo project, each with 1,000 workers on its roster and ten
  // monthly payrolls of 1,000 lines, each sent as one batch of pending payouts on its wage account.
  const t0 = performance.now();
  const { rows: [template] } = await q.query<{ id: string }>(`SELECT id FROM projects ORDER BY code LIMIT 1`);
  const { rows: [bankRow] } = await q.query<{ id: string }>('SELECT id FROM banks ORDER BY name LIMIT 1');
  await q.query(
    `INSERT INTO projects (id, code, name, region_code, region_path, address, industry, supervising_industry, investment_type, ownership_tier, contract_price_fen,
                           planned_start, planned_end, status, owner_id, general_contractor_id, party_ids, registered_at)
     SELECT gen_random_uuid(), 'BENCH-' || g, p.name || '（基准' || g || '）', p.region_code, p.region_path, p.address, p.industry, p.supervising_industry,
            p.investment_type, p.ownership_tier, p.contract_price_fen, '2025-01-01', '2026-12-31', 'in_progress', p.owner_id, p.general_contractor_id, p.party_ids, now()
       FROM projects p, generate_series(1, $2::int) g WHERE p.id = $1`,
    [template.id, projects],
  );
  await q.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on, status, ledger_balance_fen)
     SELECT gen_random_uuid(), p.id, p.general_contractor_id, $1, '62284899' || lpad(row_number() OVER ()::text, 8, '0'), p.name || '农民工工资专用账户', '2025-01-01', '2025-01-05', 'in_use', 10000000000
       FROM projects p WHERE p.code LIKE 'BENCH-%'`,
    [bankRow.id],
  );
  await q.query(
    `INSERT INTO employments (project_id, id, worker_id, employer_id, trade, entry_date, wage_type, wage_amount_fen, contract_kind, contract_signed_on, safety_training_on)
     SELECT p.id, gen_random_uuid(), w.id, p.general_contractor_id, '020', '2025-01-01', 'daily', 35000, 'labor_contract', '2025-01-01', '2025-01-01'
       FROM projects p, (SELECT id FROM workers ORDER BY id LIMIT $1) w WHERE p.code LIKE 'BENCH-%'`,
    [WORKERS],
  );
  await q.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, status, due_on, prepared_by, approved_by, approved_at, created_at, updated_at)
     SELECT p.id, gen_random_uuid(), p.general_contractor_id, ('2025-01-01'::date + make_interval(months => m))::date, 'paying', '2025-12-31', 'bench', 'bench', now(), now(), now()
       FROM projects p, generate_series(0, $1::int - 1) m WHERE p.code LIKE 'BENCH-%'`,
    [MONTHS],
  );
  await q.query(
    `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status)
     SELECT pr.project_id, gen_random_uuid(), pr.id, e.worker_id, e.id, 'daily', 35000, 20, 20, 700000 + (hashtext(e.id::text) & 1023), 0,
            700000 + (hashtext(e.id::text) & 1023), 700000 + (hashtext(e.id::text) & 1023), 'confirmed', 'in_payment'
       FROM payrolls pr JOIN projects p ON p.id = pr.project_id AND p.code LIKE 'BENCH-%' JOIN employments e ON e.project_id = pr.project_id`,
  );
  await q.query(
    `INSERT INTO payout_batches (project_id, id, batch_no, payroll_id, account_id, bank_id, kind, status, line_count, total_fen, submitted_by, submitted_at, fetched_at)
     SELECT pr.project_id, gen_random_uuid(), 'BB' || lpad(row_number() OVER (ORDER BY pr.project_id, pr.month)::text, 8, '0'), pr.id, a.id, a.bank_id, 'payroll', 'fetched',
            (SELECT count(*) FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id),
            (SELECT sum(payable_fen) FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id), 'bench', now(), now()
       FROM payrolls pr JOIN wage_accounts a ON a.project_id = pr.project_id JOIN projects p ON p.id = pr.project_id AND p.code LIKE 'BENCH-%'`,
  );
  await q.query(
    `INSERT INTO payouts (project_id, id, batch_id, payroll_line_id, worker_id, ref, attempt, amount_fen, card_enc, card_bidx, card_mask)
     SELECT l.project_id, gen_random_uuid(), b.id, l.id, l.worker_id, b.batch_no || '-' || lpad((row_number() OVER (PARTITION BY b.id ORDER BY l.id))::text, 4, '0'),
            1, l.payable_fen, 'bench', 'bench', '****0000'
       FROM payroll_lines l JOIN payout_batches b ON b.project_id = l.project_id AND b.payroll_id = l.payroll_id AND b.batch_no LIKE 'BB%'`,
  );
  await q.query('ANALYZE');
  const { rows: payouts } = await q.query<{ ref: string; amount_fen: string }>(
    `SELECT o.ref, o.amount_fen::text FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id WHERE b.batch_no LIKE 'BB%' ORDER BY o.ref`,
  );
  const results: PayoutResultInput[] = payouts.map((o, n) =>
    n % failEvery === 0
      ? { ref: o.ref, status: 'failed', amountFen: Number(o.amount_fen), at: '2025-11-05T10:00:00+08:00', failureReason: '收款账户已销户' }
      : { ref: o.ref, status: 'paid', amountFen: Number(o.amount_fen), at: '2025-11-05T10:00:00+08:00', bankTxnId: `T${n}` },
  );
  console.log(`engine: ${q.kind}; ${projects} projects × ${MONTHS} payrolls × ${WORKERS} lines = ${results.length} payouts; data made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Reference: the results in a table, then one statement joining them to their payouts and lines.
  const ref = await q.tx(async (tx) => {
    await tx.query('CREATE TEMP TABLE bench_results (ref text PRIMARY KEY, status text, amount_fen bigint, result_at timestamptz, failure_reason text, bank_txn_id text) ON COMMIT DROP');
    for (let i = 0; i < results.length; i += 10_000) {
      const part = results.slice(i, i + 10_000);
      await tx.query('INSERT INTO bench_results SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[])', [
        part.map((r) => r.ref), part.map((r) => r.status), part.map((r) => r.amountFen), part.map((r) => r.at), part.map((r) => r.failureReason ?? null), part.map((r) => r.bankTxnId ?? null),
      ]);
    }
    await tx.query('ANALYZE bench_results');
    const t1 = performance.now();
    const { rows } = await tx.query<{ n: string }>(
      `WITH r AS (
         SELECT s.*, o.project_id, o.id AS payout_id FROM bench_results s JOIN payouts o ON o.ref = s.ref AND o.status = 'pending' AND o.amount_fen = s.amount_fen
       ), po AS (
         UPDATE payouts o SET status = r.status, result_at = r.result_at, failure_reason = r.failure_reason, bank_txn_id = r.bank_txn_id
           FROM r WHERE o.project_id = r.project_id AND o.id = r.payout_id RETURNING o.project_id, o.payroll_line_id, o.status, o.amount_fen
       ), ln AS (
         UPDATE payroll_lines l SET pay_status = po.status, paid_fen = l.paid_fen + CASE WHEN po.status = 'paid' THEN po.amount_fen ELSE 0 END
           FROM po WHERE l.project_id = po.project_id AND l.id = po.payroll_line_id RETURNING 1
       )
       SELECT count(*)::text AS n FROM ln`,
    );
    const seconds = (performance.now() - t1) / 1000;
    if (Number(rows[0].n) !== results.length) throw new Error(`reference settled ${rows[0].n} lines`);
    // Leave the data as it was for the service run.
    await tx.query("UPDATE payouts SET status = 'pending', result_at = NULL, failure_reason = NULL, bank_txn_id = NULL WHERE ref LIKE 'BB%'");
    await tx.query("UPDATE payroll_lines l SET pay_status = 'in_payment', paid_fen = 0 FROM projects p WHERE p.id = l.project_id AND p.code LIKE 'BENCH-%'");
    return seconds;
  });
  console.log(`reference (one SQL statement): ${results.length} lines in ${ref.toFixed(2)} s = ${Math.round(results.length / ref)} lines/s`);

  // The service path, as the bank's calls arrive: 1,000 results a call.
  const ctx = contextFor(platform, { kind: 'apikey', id: uuidv7(), name: 'bench bank', role: 'bank_integration', permissions: permissionsOf('bank_integration'), scope: { kind: 'bank', bankId: bankRow.id } });
  let applied = 0;
  const t2 = performance.now();
  for (let i = 0; i < results.length; i += CHUNK) {
    const out = await receivePayoutResults(ctx, results.slice(i, i + CHUNK));
    if (out.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(out.rejected[0])}`);
    applied += out.applied;
  }
  const ours = (performance.now() - t2) / 1000;
  if (applied !== results.length) throw new Error(`service settled ${applied} lines`);
  const { rows: [check] } = await q.query<{ paid: number; open: number }>(
    `SELECT count(*) FILTER (WHERE pr.status = 'partially_paid')::int AS paid, count(*) FILTER (WHERE pr.status = 'paying')::int AS open
       FROM payrolls pr JOIN projects p ON p.id = pr.project_id AND p.code LIKE 'BENCH-%'`,
  );
  console.log(`service (receivePayoutResults × ${results.length / CHUNK}): ${applied} lines in ${ours.toFixed(2)} s = ${Math.round(applied / ours)} lines/s; payrolls settled ${check.paid}, still open ${check.open}`);
  console.log(`ratio service / reference: ${(ours / ref).toFixed(2)} (target ≤ 2)`);

  await platform.db.close();
  // KEEP=1 leaves the database for EXPLAIN.
  if (process.env.KEEP) console.log(`kept ${db?.url}`);
  else await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
