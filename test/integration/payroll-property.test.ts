import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/server/modules/accounts/accounts.repo';
import { receiveBankLines } from '../../src/server/modules/accounts/accounts.service';
import { type PayoutResultInput, receivePayoutResults, resendFailed, submitPayout } from '../../src/server/modules/payroll/payroll.service';
import { type Actor, systemActor } from '../../src/server/platform/access/actor';
import { permissionsOf } from '../../src/server/platform/access/roles';
import { contextFor } from '../../src/server/platform/context';
import { type Fixture, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects, registerFixtureWorker } from '../support/projects';

/**
 * PAY-08, property: whatever the bank answers (paid or failed, in any order, replayed, in any
 * chunks, a re-send's result arriving before the re-send), no line is paid twice, every line's
 * paid amount is what the bank reported paid on it, and no result is lost.
 */

const CARDS = ['6222020200112345679', '6222020200112345687', '6222020200112345695', '6222020200112345703', '6222020200112345711'];
const IDS = ['450102198808081236', '450102199001010028', '450102198506061234', '450102197712120015', '450102199304040047'];

let platform: TestPlatform;
let fx: Fixture;
let projectId = '';
let bankId = '';
const employments: { id: string; worker_id: string }[] = [];

function fixId(id: string): string {
  const body = id.slice(0, 17);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((acc, c, i) => acc + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  const p = await loadProjects(platform, fx);
  projectId = p.projectA;
  bankId = uuidv7();
  await platform.db.query("INSERT INTO banks (id, name, bank_code) VALUES ($1, '南江农商银行', '402451000010')", [bankId]);
  await insertAccount(
    platform.db,
    { id: uuidv7(), projectId, generalContractorId: fx.enterpriseA, bankId, accountNo: '6228480000000021', accountName: '专户', contractSignedOn: '2026-01-20', openedOn: '2026-02-01', agreementSignedOn: null },
    platform.clock.now(),
  );
  await receiveBankLines(bankCtx(), [
    { accountNo: '6228480000000021', bankTxnId: 'D1', kind: 'labor_cost_deposit', direction: 'credit', amountFen: 1_000_000_000_00, bookedAt: '2026-02-20T10:00:00+08:00' },
  ]);
  for (let i = 0; i < CARDS.length; i++) {
    employments.push(await registerFixtureWorker(platform, projectId, fx.enterpriseA, { name: ["陆海", "黄山", "韦江", "蓝天", "白云"][i], idNumber: fixId(IDS[i]), bankCard: CARDS[i] }));
  }
});
afterAll(async () => {
  await platform.close();
});

function bankCtx() {
  const actor: Actor = { kind: 'apikey', id: uuidv7(), name: '银行', role: 'bank_integration', permissions: permissionsOf('bank_integration'), scope: { kind: 'bank', bankId } };
  return contextFor(platform, actor);
}

let runs = 0;

/** An approved payroll with one line per worker, as approval leaves it; each run its own month. */
async function approvedPayroll(amounts: number[]): Promise<string> {
  const id = uuidv7();
  await platform.db.query(
    `INSERT INTO payrolls (project_id, id, employer_id, month, status, due_on, prepared_by, approved_by, approved_at, created_at, updated_at)
     VALUES ($1, $2, $3, ('2026-02-01'::date - make_interval(months => $4))::date, 'approved', '2026-03-31', 'test', 'test', now(), now(), now())`,
    [projectId, id, fx.enterpriseA, runs++],
  );
  await platform.db.query(
    `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                gross_fen, deduction_fen, net_fen, payable_fen, confirmation)
     SELECT $1, gen_random_uuid(), $2, t.worker_id, t.employment_id, 'daily', 35000, 20, 20, t.fen, 0, t.fen, t.fen, 'confirmed'
       FROM unnest($3::uuid[], $4::uuid[], $5::bigint[]) AS t(worker_id, employment_id, fen)`,
    [projectId, id, employments.map((e) => e.worker_id), employments.map((e) => e.id), amounts],
  );
  return id;
}

const pendingPayouts = async (payrollId: string) =>
  (
    await platform.db.query<{ ref: string; amount_fen: string }>(
      `SELECT o.ref, o.amount_fen::text FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id
        WHERE b.payroll_id = $1 AND o.status = 'pending' ORDER BY o.ref`,
      [payrollId],
    )
  ).rows;

const nextBatchNo = async () => {
  const { rows } = await platform.db.query<{ n: string }>('SELECT last_value::text AS n FROM payout_batch_no_seq');
  return `PB${String(Number(rows[0].n) + 1).padStart(8, '0')}`;
};

describe('property: payouts settle once, whatever the bank sends', () => {
  it('PAY-08 no line is paid twice and no result is lost', async () => {
    const company = contextFor(platform, systemActor('总包'));
    const round = fc.record({
      // For each pending payout: paid (true) or failed; the delivery order, replays and chunk size.
      outcomes: fc.array(fc.boolean(), { minLength: CARDS.length, maxLength: CARDS.length }),
      order: fc.array(fc.nat(), { minLength: CARDS.length, maxLength: CARDS.length }),
      replays: fc.array(fc.nat({ max: CARDS.length - 1 }), { maxLength: 4 }),
      chunk: fc.integer({ min: 1, max: CARDS.length + 2 }),
      // The re-send's first payout answered before the re-send is registered.
      early: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: CARDS.length, maxLength: CARDS.length }), fc.array(round, { minLength: 1, maxLength: 3 }), async (amounts, rounds) => {
        const payrollId = await approvedPayroll(amounts);
        const reportedPaid = new Map<string, number>();
        let earlyResult: PayoutResultInput | null = null;
        await submitPayout(company, payrollId, { version: 1 });
        for (const [r, plan] of rounds.entries()) {
          const pending = await pendingPayouts(payrollId);
          if (pending.length === 0) break;
          const results: PayoutResultInput[] = pending.map((o, i) => {
            const early = earlyResult?.ref === o.ref ? earlyResult : null;
            if (early) return early;
            return plan.outcomes[i]
              ? { ref: o.ref, status: 'paid', amountFen: Number(o.amount_fen), at: `2026-03-0${r + 2}T10:00:00+08:00`, bankTxnId: `${o.ref}-T` }
              : { ref: o.ref, status: 'failed', amountFen: Number(o.amount_fen), at: `2026-03-0${r + 2}T10:00:00+08:00`, failureReason: '户名不符' };
          });
          for (const res of results) if (res.status === 'paid') reportedPaid.set(res.ref, res.amountFen);
          const deliveries = [...results.map((x, i) => ({ x, k: plan.order[i] })).sort((a, b) => a.k - b.k).map((d) => d.x), ...plan.replays.filter((i) => i < results.length).map((i) => results[i])];
          for (let i = 0; i < deliveries.length; i += plan.chunk) {
            const out = await receivePayoutResults(bankCtx(), deliveries.slice(i, i + plan.chunk));
            expect(out.rejected).toEqual([]);
          }
          const { rows: [state] } = await platform.db.query<{ status: string; row_version: number; failed: number }>(
            `SELECT pr.status, pr.row_version, (SELECT count(*) FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id AND l.pay_status = 'failed')::int AS failed
               FROM payrolls pr WHERE pr.id = $1`,
            [payrollId],
          );
          if (state.failed === 0) break;
          expect(state.status).toBe('partially_paid');
          earlyResult = null;
          if (plan.early) {
            const { rows: [first] } = await platform.db.query<{ payable_fen: string }>(
              "SELECT payable_fen::text FROM payroll_lines WHERE payroll_id = $1 AND pay_status = 'failed' ORDER BY id LIMIT 1",
              [payrollId],
            );
            earlyResult = { ref: `${await nextBatchNo()}-0001`, status: 'paid', amountFen: Number(first.payable_fen), at: '2026-03-06T09:00:00+08:00', bankTxnId: 'early' };
            expect((await receivePayoutResults(bankCtx(), [earlyResult])).held).toBe(1);
            reportedPaid.set(earlyResult.ref, earlyResult.amountFen);
          }
          await resendFailed(company, payrollId, { version: state.row_version });
        }
        const { rows: lines } = await platform.db.query<{ id: string; paid_fen: string; pay_status: string; payable_fen: string; paid_payouts: number; paid_sum: string }>(
          `SELECT l.id, l.paid_fen::text, l.pay_status, l.payable_fen::text,
                  (SELECT count(*) FROM payouts o WHERE o.project_id = l.project_id AND o.payroll_line_id = l.id AND o.status = 'paid')::int AS paid_payouts,
                  (SELECT coalesce(sum(amount_fen), 0) FROM payouts o WHERE o.project_id = l.project_id AND o.payroll_line_id = l.id AND o.status = 'paid')::text AS paid_sum
             FROM payroll_lines l WHERE l.payroll_id = $1`,
          [payrollId],
        );
        for (const l of lines) {
          expect(l.paid_payouts).toBeLessThanOrEqual(1);
          expect(l.paid_fen).toBe(l.paid_sum);
          expect(l.pay_status === 'paid').toBe(l.paid_payouts === 1);
          if (l.paid_payouts === 1) expect(l.paid_fen).toBe(l.payable_fen);
        }
        // Every paid result the bank sent is on its payout, or held for a batch that never came.
        const { rows: settled } = await platform.db.query<{ ref: string; amount_fen: string }>(
          `SELECT o.ref, o.amount_fen::text FROM payouts o JOIN payout_batches b ON b.project_id = o.project_id AND b.id = o.batch_id WHERE b.payroll_id = $1 AND o.status = 'paid'
           UNION ALL SELECT ref, amount_fen::text FROM payout_results WHERE ref = ANY($2::text[]) AND NOT applied`,
          [payrollId, [...reportedPaid.keys()]],
        );
        expect(new Map(settled.map((s) => [s.ref, Number(s.amount_fen)]))).toEqual(reportedPaid);
      }),
      { numRuns: 15 },
    );
  });
});
