import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { addWorkers, attend, loadGovUnits, scan, setParam, warningsOf } from '../support/warnings';

/**
 * The wage-payment rules (RULES.md §7.4): each raises exactly one warning with its evidence, clears
 * when the data is fixed, and follows its parameters. Today is 2026-03-02 (the test clock).
 */

let platform: TestPlatform;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
});
afterAll(() => platform?.close());

describe('W05 wages not paid monthly', () => {
  it('raises one red warning for a month worked and unpaid by the end of the next, routed with a deadline; paying clears it', async () => {
    const crew = await addWorkers(platform, p.projectA, fx.enterpriseA, 3);
    await attend(platform, p.projectA, crew.map((c) => c.workerId), '2026-01', 10);
    await scan(platform, ['W05']);
    const open = await warningsOf(platform, 'W05', 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ project_id: p.projectA, level: 'red', status: 'dispatched', subject_key: `${p.projectA}:2026-01` });
    expect(open[0].evidence).toMatchObject({ month: '2026-01', dueBy: '2026-02-28', attendedWorkers: 3, workerDays: 30, paidFen: 0 });
    // 区属 (government, no competent unit recorded) → the industry department; red: 3 working days.
    expect(open[0].lead_unit_id).toBe(units.housingA);
    expect(open[0].due_on).toBe('2026-03-05');

    // A second scan changes nothing.
    await scan(platform, ['W05']);
    expect(await warningsOf(platform, 'W05')).toHaveLength(1);

    // Paid through the account (a paid line on a January payroll): resolved with the evidence.
    const payrollId = '01900000-0000-7000-8000-000000000001';
    await platform.db.query(
      `INSERT INTO payrolls (project_id, id, employer_id, month, status, prepared_by, created_at, updated_at) VALUES ($1, $2, $3, '2026-01-01', 'paid', 't', now(), now())`,
      [p.projectA, payrollId, fx.enterpriseA],
    );
    await platform.db.query(
      `INSERT INTO payroll_lines (project_id, id, payroll_id, worker_id, employment_id, wage_type, wage_amount_fen, attendance_days, days_worked,
                                  gross_fen, deduction_fen, net_fen, payable_fen, confirmation, pay_status, paid_fen)
       VALUES ($1, '01900000-0000-7000-8000-000000000002', $2, $3, $4, 'daily', 35000, 10, 10, 350000, 0, 350000, 350000, 'confirmed', 'paid', 350000)`,
      [p.projectA, payrollId, crew[0].workerId, crew[0].employmentId],
    );
    await scan(platform, ['W05']);
    const all = await warningsOf(platform, 'W05');
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].resolution).toMatchObject({ reason: 'condition_cleared', evidence: { paidFen: 350000 } });
  });

  it('follows PAY-02.graceUntil: with no grace month, February is judged on 2 March', async () => {
    const crew = await addWorkers(platform, p.projectB, fx.enterpriseB, 2);
    await attend(platform, p.projectB, crew.map((c) => c.workerId), '2026-02', 5);
    await scan(platform, ['W05']);
    expect((await warningsOf(platform, 'W05', 'open')).filter((w) => w.project_id === p.projectB)).toHaveLength(0);
    await setParam(platform, 'PAY-02.graceUntil', TREE.districtB, 0);
    await scan(platform, ['W05']);
    const b = (await warningsOf(platform, 'W05', 'open')).filter((w) => w.project_id === p.projectB);
    expect(b.map((w) => w.evidence.month)).toEqual(['2026-02']);
  });
});
