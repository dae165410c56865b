import type { Readable } from 'node:stream';
import { shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { type CellValue, type Column, cellDate, cellText, readTable, streamTable } from '../../platform/excel';
import { type FieldProblem, invalidFields } from '../../platform/errors';
import { type ImportMode, type ImportReport, runImport } from '../../platform/import-run';
import { fenToYuanText, parseYuanToFen } from '../../platform/money';
import { findEnterpriseRefs } from '../orgs';
import { CONTRACT_KINDS, GENDERS, TRADES, WAGE_TYPES } from './workforce.codes';
import { type EmploymentInput, registerEmploymentIn, rosterForExport } from './workforce.service';
import { codeOf } from '../../platform/labels';

/**
 * 花名册 (project roster) in one sheet: the worker's identity and contact, the employment, the
 * contract and the training. The export writes the same layout (personal data masked), so an
 * exported file is also the template.
 */
export const ROSTER_COLUMNS = [
  { key: 'serial', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 10, required: true },
  { key: 'idNumber', header: '身份证号', width: 21, required: true },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'ethnicity', header: '民族', width: 8 },
  { key: 'phone', header: '手机号码', width: 14 },
  { key: 'nativePlace', header: '籍贯', width: 16 },
  { key: 'education', header: '文化程度', width: 10 },
  { key: 'trade', header: '工种', width: 14, required: true },
  { key: 'employerCreditCode', header: '用工单位统一社会信用代码', width: 22, required: true },
  { key: 'employerName', header: '用工单位', width: 24 },
  { key: 'teamName', header: '班组', width: 12 },
  { key: 'isTeamLeader', header: '是否班组长', width: 8 },
  { key: 'entryDate', header: '进场日期', width: 12, required: true },
  { key: 'exitDate', header: '退场日期', width: 12 },
  { key: 'wageType', header: '工资形式', width: 8, required: true },
  { key: 'wageAmount', header: '工资标准（元）', width: 12, required: true },
  { key: 'contractKind', header: '合同类型', width: 14, required: true },
  { key: 'contractSignedOn', header: '合同签订日期', width: 12, required: true },
  { key: 'safetyTrainingOn', header: '安全培训日期', width: 12, required: true },
  { key: 'bankCard', header: '工资卡号', width: 22 },
  { key: 'bankName', header: '开户银行', width: 18 },
] as const satisfies readonly Column[];

type Key = (typeof ROSTER_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const FIELD_COLUMN: Record<string, Key> = { employerId: 'employerCreditCode', wageAmountFen: 'wageAmount', teamId: 'teamName', bankId: 'bankName' };
const columnOf = (field: string) => (field in HEADER ? HEADER[field as Key] : FIELD_COLUMN[field] ? HEADER[FIELD_COLUMN[field]] : null);

async function toInput(tx: Parameters<typeof findEnterpriseRefs>[0], v: Record<Key, CellValue>, banks: Map<string, string>): Promise<EmploymentInput> {
  const problems: FieldProblem[] = [];
  const date = (key: Key, required: boolean) => {
    const text = cellText(v[key]);
    const d = cellDate(v[key]);
    if ((required && !text) || (text && !d)) problems.push({ field: key, message: { zh: `${HEADER[key]}应为日期，如 2026-03-01`, en: `${HEADER[key]} must be a date like 2026-03-01` } });
    return d;
  };
  const trade = codeOf(TRADES, cellText(v.trade));
  if (!trade) problems.push({ field: 'trade', message: { zh: '工种不在全国建筑工人工种目录中（填写名称或代码，如“钢筋工”或“020”）', en: 'Unknown trade' } });
  const wageType = codeOf(WAGE_TYPES, cellText(v.wageType));
  if (!wageType) problems.push({ field: 'wageType', message: { zh: '工资形式应为日薪、月薪或计件', en: 'Wage type is 日薪, 月薪 or 计件' } });
  const contractKind = codeOf(CONTRACT_KINDS, cellText(v.contractKind));
  if (!contractKind) problems.push({ field: 'contractKind', message: { zh: '合同类型应为劳动合同或用工书面协议', en: 'Contract type is 劳动合同 or 用工书面协议' } });
  const wage = parseYuanToFen(v.wageAmount);
  if (!wage.ok) problems.push({ field: 'wageAmount', message: wage.reason });
  const genderText = cellText(v.gender);
  const gender = genderText ? codeOf(GENDERS, cellText(v.gender)) : null;
  if (genderText && !gender) problems.push({ field: 'gender', message: { zh: '性别应为男或女', en: 'Gender is 男 or 女' } });
  const leaderText = cellText(v.isTeamLeader);
  const entryDate = date('entryDate', true);
  const exitDate = date('exitDate', false);
  const contractSignedOn = date('contractSignedOn', true);
  const safetyTrainingOn = date('safetyTrainingOn', true);
  const creditCode = cellText(v.employerCreditCode)?.toUpperCase() ?? '';
  const [employer] = creditCode ? await findEnterpriseRefs(tx, { creditCodes: [creditCode] }) : [];
  if (!employer) problems.push({ field: 'employerCreditCode', message: { zh: '用工单位信用代码未在单位库登记', en: 'Employer credit code not in the registry' } });
  const bankName = cellText(v.bankName);
  const bankId = bankName ? banks.get(bankName) : undefined;
  if (bankName && !bankId) problems.push({ field: 'bankName', message: { zh: `开户银行“${bankName}”不在银行目录中`, en: `Bank "${bankName}" is not in the catalogue` } });
  if (!cellText(v.name)) problems.push({ field: 'name', message: { zh: '请填写姓名', en: 'Enter the name' } });
  if (!cellText(v.idNumber)) problems.push({ field: 'idNumber', message: { zh: '请填写身份证号', en: 'Enter the ID number' } });
  if (problems.length) throw invalidFields(problems);
  return {
    worker: {
      name: cellText(v.name)!,
      // Excel shows long digit runs in scientific notation; the column must be text, as the template's is.
      idNumber: cellText(v.idNumber)!,
      gender,
      phone: cellText(v.phone),
      bankCard: cellText(v.bankCard),
      bankId: bankId ?? null,
      ethnicity: cellText(v.ethnicity),
      nativePlace: cellText(v.nativePlace),
      education: cellText(v.education),
    },
    employerId: employer.id,
    teamName: cellText(v.teamName),
    isTeamLeader: leaderText === '是' || leaderText === 'Y' || leaderText === 'true',
    trade: trade!,
    entryDate: entryDate!,
    exitDate,
    wageType: wageType!,
    wageAmountFen: wage.ok ? wage.fen : 0,
    contractKind: contractKind!,
    contractSignedOn: contractSignedOn!,
    safetyTrainingOn: safetyTrainingOn!,
  };
}

export async function importRoster(ctx: Ctx, projectId: string, file: { name: string; content: Buffer }, mode: ImportMode): Promise<ImportReport> {
  const read = await readTable(file.name, file.content, ROSTER_COLUMNS);
  if (!read.ok) return { mode, total: 0, valid: 0, imported: 0, committed: false, problems: [read.problem] };
  const { rows: bankRows } = await ctx.db.query<{ id: string; name: string }>('SELECT id, name FROM banks');
  const banks = new Map(bankRows.map((b) => [b.name, b.id]));
  return runImport(ctx, mode, read.rows, async (tx, r) => {
    await registerEmploymentIn(ctx, tx, projectId, await toInput(tx, r.values, banks));
  }, columnOf);
}

export async function exportRoster(ctx: Ctx, projectId: string): Promise<{ name: string; stream: Readable }> {
  const { project, rows } = await rosterForExport(ctx, projectId);
  const today = shanghaiDate(ctx.clock.now());
  const stream = streamTable({
    sheetName: '花名册',
    title: `${project.name} 农民工花名册`,
    subtitle: `项目编码：${project.code}　　　　导出时间：${today}`,
    columns: ROSTER_COLUMNS,
    rows: rows.map((e, i) => ({
      serial: i + 1,
      name: e.worker_name,
      idNumber: e.id_mask,
      gender: GENDERS[e.gender as keyof typeof GENDERS]?.zh ?? e.gender,
      ethnicity: e.ethnicity,
      phone: e.phone_mask,
      nativePlace: e.native_place,
      education: e.education,
      trade: TRADES[e.trade as keyof typeof TRADES]?.zh ?? e.trade,
      employerCreditCode: e.employer_credit_code,
      employerName: e.employer_name,
      teamName: e.team_name,
      isTeamLeader: e.is_team_leader ? '是' : '否',
      entryDate: e.entry_date,
      exitDate: e.exit_date,
      wageType: WAGE_TYPES[e.wage_type as keyof typeof WAGE_TYPES]?.zh ?? e.wage_type,
      wageAmount: fenToYuanText(Number(e.wage_amount_fen)),
      contractKind: CONTRACT_KINDS[e.contract_kind as keyof typeof CONTRACT_KINDS]?.zh ?? e.contract_kind,
      contractSignedOn: e.contract_signed_on,
      safetyTrainingOn: e.safety_training_on,
      bankCard: e.bank_card_mask,
      bankName: e.bank_name,
    })),
  });
  return { name: `${project.name}-花名册.xlsx`, stream };
}
