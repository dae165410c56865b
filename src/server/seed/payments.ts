import { v7 as uuidv7 } from 'uuid';
import { monthStartAfter } from '../platform/calendar';
import type { Platform } from '../platform/context';

/**
 * Demo 工程款: up to six past months of completed value on each project under way, confirmed by
 * the owner except the latest month, and the owner's progress payment for each month on its 25th.
 * Most owners pay 85 %; the first government project's owner pays 60 %, so the SET-01 shortfall
 * shows in the region list. Deterministic: amounts follow the project's order.
 */
export async function seedDemoPayments(platform: Platform, today: string): Promise<{ completedValues: number; payments: number }> {
  const { rows: projects } = await platform.db.query<{ id: string; investment_type: string; contract_price_fen: string; start: string; owner_name: string }>(
    `SELECT p.id, p.investment_type, p.contract_price_fen::text, coalesce(p.actual_start, p.planned_start)::text AS start, o.name AS owner_name
       FROM projects p JOIN enterprises o ON o.id = p.owner_id
      WHERE p.status = 'in_progress' AND coalesce(p.actual_start, p.planned_start) < $1
      ORDER BY p.code`,
    [today],
  );
  const currentMonth = today.slice(0, 7);
  const firstGovernment = projects.find((p) => p.investment_type === 'government')?.id;
  const now = platform.clock.now();
  const values: { projectId: string; id: string; month: string; amountFen: number; confirmedBy: string | null }[] = [];
  const payments: { projectId: string; id: string; paidOn: string; amountFen: number; reference: string }[] = [];
  projects.forEach((p, i) => {
    const contract = Number(p.contract_price_fen);
    const shareBp = p.id === firstGovernment ? 6000 : 8500;
    const from = [p.start.slice(0, 7), monthStartAfter(`${currentMonth}-01`, -6).slice(0, 7)].sort()[1];
    const months: string[] = [];
    for (let m = from; m < currentMonth; m = monthStartAfter(`${m}-01`, 1).slice(0, 7)) months.push(m);
    months.forEach((month, k) => {
      // 1.5 %–2.5 % of the contract a month, in whole yuan.
      const amountFen = Math.floor((contract * (150 + ((i * 7 + k * 13) % 100))) / 10_000 / 100) * 100;
      values.push({ projectId: p.id, id: uuidv7(), month, amountFen, confirmedBy: k < months.length - 1 ? p.owner_name : null });
      // Paid within the month, as SET-01 checks at each month end.
      const paid = Math.floor((amountFen * shareBp) / 10_000);
      if (paid > 0) payments.push({ projectId: p.id, id: uuidv7(), paidOn: `${month}-25`, amountFen: paid, reference: `JDK-${month.replace('-', '')}-${String(i + 1).padStart(3, '0')}` });
    });
  });
  await platform.db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO completed_values (project_id, id, month, version, amount_fen, recorded_by_name, recorded_at, confirmed_by_name, confirmed_at)
       SELECT project_id, id, (month || '-01')::date, 1, amount_fen, '演示数据', $6, confirmed_by, CASE WHEN confirmed_by IS NULL THEN NULL ELSE $6::timestamptz END
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[]) AS t(project_id, id, month, amount_fen, confirmed_by)`,
      [values.map((v) => v.projectId), values.map((v) => v.id), values.map((v) => v.month), values.map((v) => v.amountFen), values.map((v) => v.confirmedBy), now],
    );
    await tx.query(
      `INSERT INTO owner_payments (project_id, id, paid_on, amount_fen, kind, reference, recorded_by_name, recorded_at)
       SELECT project_id, id, paid_on, amount_fen, 'progress', reference, '演示数据', $6
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::text[]) AS t(project_id, id, paid_on, amount_fen, reference)`,
      [payments.map((x) => x.projectId), payments.map((x) => x.id), payments.map((x) => x.paidOn), payments.map((x) => x.amountFen), payments.map((x) => x.reference), now],
    );
  });
  return { completedValues: values.length, payments: payments.length };
}
