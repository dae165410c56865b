import type { Readable } from 'node:stream';
import { shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { type Column, streamTable } from '../../platform/excel';
import { fenToYuanText } from '../../platform/money';
import * as repo from './payroll.repo';
import { PAYROLL_STATUSES, type PayItem, type PayrollStatus } from './payroll.rules';
import { getPayroll } from './payroll.service';

/**
 * 工资支付台账 (PAY-04, Reg. Art. 15): one sheet per payroll with the fields the Regulation lists —
 * employer, pay cycle and date, each payee's name, ID number and contact, working time, gross items,
 * deductions, net, and the bank's payout voucher or the worker's confirmation. Masked as lists are.
 */
const LEDGER_COLUMNS = [
  { key: 'serial', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'idNumber', header: '身份证号码', width: 21 },
  { key: 'phone', header: '联系方式', width: 14 },
  { key: 'team', header: '班组', width: 12 },
  { key: 'attendanceDays', header: '考勤天数', width: 9 },
  { key: 'days', header: '计薪天数', width: 9 },
  { key: 'grossItems', header: '应发工资项目及数额', width: 28 },
  { key: 'gross', header: '应发合计（元）', width: 13 },
  { key: 'deductionItems', header: '代扣代缴及扣除项目和数额', width: 28 },
  { key: 'deduction', header: '扣除合计（元）', width: 13 },
  { key: 'net', header: '实发工资（元）', width: 13 },
  { key: 'paid', header: '已发放（元）', width: 13 },
  { key: 'voucher', header: '银行代发凭证', width: 22 },
  { key: 'confirmation', header: '本人确认', width: 16 },
] as const satisfies readonly Column[];

const itemsText = (items: PayItem[]) => items.map((i) => `${i.label}${fenToYuanText(i.amountFen)}`).join('；');

export async function exportLedger(ctx: Ctx, id: string): Promise<{ name: string; stream: Readable }> {
  const { row: p, lines } = await getPayroll(ctx, id);
  const vouchers = await repo.paidRefsOf(ctx.db, p.project_id, id);
  const month = p.month.slice(0, 7);
  const stream = streamTable({
    sheetName: '工资支付台账',
    title: `${p.project_name} 工资支付台账（${month}）`,
    subtitle: `用人单位：${p.employer_name}　　计薪周期：${month}　　应发放日：${p.due_on ?? '—'}　　版本：${p.version}（${PAYROLL_STATUSES[p.status as PayrollStatus].zh}）　　导出时间：${shanghaiDate(ctx.clock.now())}`,
    columns: LEDGER_COLUMNS,
    rows: lines.map((l, i) => ({
      serial: i + 1,
      name: l.worker_name,
      idNumber: l.id_mask,
      phone: l.phone_mask,
      team: l.team_name,
      attendanceDays: l.attendance_days,
      days: l.days_worked,
      grossItems: itemsText(l.gross_items),
      gross: fenToYuanText(Number(l.gross_fen)),
      deductionItems: itemsText(l.deduction_items),
      deduction: fenToYuanText(Number(l.deduction_fen)),
      net: fenToYuanText(Number(l.net_fen)),
      paid: fenToYuanText(Number(l.paid_fen) + Number(l.paid_prior_fen)),
      voucher: (vouchers.get(l.id) ?? []).join('、') || null,
      confirmation: l.confirmation === 'confirmed' ? (l.confirmed_via === 'worker' ? '本人在线确认' : `签字确认（${l.confirmation_note ?? ''}）`) : l.confirmation === 'disputed' ? '有异议' : '未确认',
    })),
  });
  return { name: `工资支付台账-${p.project_code}-${month}-v${p.version}.xlsx`, stream };
}
