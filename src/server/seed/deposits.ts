import { systemActor } from '../platform/access/actor';
import { addDays } from '../platform/calendar';
import { type Platform, contextFor } from '../platform/context';
import { drawDeposit, getDeposit, lodgeDeposit, recordArrears, setArrearsCoverage } from '../modules/deposits/deposits.service';
import { advance, createFund, recordMovement } from '../modules/funds/funds.service';

/**
 * Demo 工资保证金 and 应急周转金, through the modules' own use cases (so every row is checked and
 * audited as in use). Projects under way in code order: the first has lodged nothing, the second
 * half of what it owes, the third was drawn on and its top-up is overdue, the rest are lodged in
 * full (cash and bank guarantees alternating). One contractor's record is complete for years (a
 * reduced ratio), another had arrears last year (a raised ratio). The district gets a fund with one
 * advance to two workers of the drawn project.
 */
export async function seedDemoDeposits(platform: Platform, today: string, districtCode: string): Promise<{ lodgings: number; draws: number }> {
  const ctx = contextFor(platform, systemActor('seed'));
  const { rows: projects } = await platform.db.query<{ id: string; general_contractor_id: string; start: string }>(
    `SELECT id, general_contractor_id, planned_start::text AS start FROM projects WHERE status = 'in_progress' AND planned_start < $1 ORDER BY code`,
    [today],
  );
  const { rows: banks } = await platform.db.query<{ id: string }>('SELECT id FROM banks ORDER BY name LIMIT 1');
  if (projects.length === 0 || banks.length === 0) return { lodgings: 0, draws: 0 };
  const contractors = [...new Set(projects.map((p) => p.general_contractor_id))];
  await setArrearsCoverage(ctx, contractors[0], { coveredFrom: '2021-01-01', reason: '历年劳动保障监察记录已录入' });
  if (contractors[1]) {
    await recordArrears(ctx, contractors[1], { foundOn: addDays(projects.find((p) => p.general_contractor_id === contractors[1])!.start, -200), amountFen: 86_500_00, resolvedOn: addDays(projects.find((p) => p.general_contractor_id === contractors[1])!.start, -170), source: 'inspection', reference: '劳动保障监察责令改正决定书（演示）' });
  }

  let lodgings = 0;
  let draws = 0;
  for (const [i, p] of projects.entries()) {
    if (i === 0) continue;
    const required = (await getDeposit(ctx, p.id)).required.requiredFen;
    if (required === 0) continue;
    const amountFen = i === 1 ? Math.floor(required / 2) : required;
    const lodgedOn = p.start < today ? p.start : today;
    const form = i % 2 === 0 ? ('cash' as const) : ('bank_guarantee' as const);
    await lodgeDeposit(
      ctx,
      p.id,
      form === 'cash'
        ? { form, amountFen, lodgedOn, bankId: banks[0].id, accountNo: `62284800${String(i).padStart(8, '0')}` }
        : { form, amountFen, lodgedOn, issuer: '演示银行保函中心', instrumentNo: `BG-DEMO-${String(i).padStart(4, '0')}`, validFrom: lodgedOn, validUntil: addDays(today, 540) },
    );
    lodgings++;
    if (i === 2) {
      await drawDeposit(ctx, p.id, {
        amountFen: Math.floor(required / 5),
        drawnOn: addDays(today, -20),
        orderNo: '限期支付指令书（演示）第1号',
        orderIssuedOn: addDays(today, -30),
        orderDueOn: addDays(today, -25),
        orderUnmet: true,
        decisionNo: '保证金使用决定书（演示）第1号',
        decisionOn: addDays(today, -21),
        decisionAmountFen: Math.floor(required / 5),
        caseRef: '欠薪案件（演示）第7号',
        workersRef: '钢筋班组农民工，见案卷附表',
      });
      draws++;
    }
  }

  const fund = await createFund(ctx, { regionCode: districtCode, name: '区级农民工工资应急周转金' });
  await recordMovement(ctx, fund.row.id, { kind: 'injection', amountFen: 200_000_000, onDate: addDays(today, -60), reference: '财政预算安排（演示）' });
  const drawn = projects[2];
  const { rows: workers } = drawn
    ? await platform.db.query<{ worker_id: string }>('SELECT DISTINCT worker_id FROM employments WHERE project_id = $1 ORDER BY worker_id LIMIT 2', [drawn.id])
    : { rows: [] };
  if (drawn && workers.length > 0) {
    await advance(ctx, fund.row.id, {
      decisionNo: '垫付决定（演示）第1号',
      decisionOn: addDays(today, -10),
      caseRef: '欠薪案件（演示）第7号',
      employerId: drawn.general_contractor_id,
      projectId: drawn.id,
      arrearsFen: 5_000_000,
      depositShortfallNote: '保证金动用后仍不足以支付全部拖欠工资',
      paidOn: addDays(today, -9),
      lines: workers.map((w) => ({ workerId: w.worker_id, amountFen: 150_000 })),
    });
  }
  return { lodgings, draws };
}
