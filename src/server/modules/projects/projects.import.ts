import type { Readable } from 'node:stream';
import { shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { type CellValue, type Column, cellDate, cellText, readTable, streamTable } from '../../platform/excel';
import { type FieldProblem, invalidFields } from '../../platform/errors';
import { type ImportMode, type ImportReport, runImport } from '../../platform/import-run';
import { fenToYuanText, parseYuanToFen } from '../../platform/money';
import { findEnterpriseRefs, findGovUnitRefs } from '../orgs';
import type { ProjectRow } from './projects.repo';
import {
  INVESTMENT_TYPES,
  type InvestmentType,
  OWNERSHIP_TIERS,
  PROJECT_INDUSTRIES,
  PROJECT_STATUSES,
  type ProjectIndustry,
} from './projects.rules';
import { type ProjectInput, createProjectIn, iterateProjectsForExport } from './projects.service';
import { codeOf } from '../../platform/labels';

/**
 * 附件2 在建项目台账, in the seed's column order (序号 … 施工单位), followed by the columns a
 * system of record needs to place and classify a project. The export writes the same layout, so
 * an exported file imports again.
 */
export const LEDGER_COLUMNS = [
  { key: 'serial', header: '序号', width: 6 },
  { key: 'name', header: '项目名称', width: 30, required: true },
  { key: 'commonName', header: '项目通俗名称', width: 16 },
  { key: 'laborOfficerName', header: '劳资专管员', width: 10 },
  { key: 'laborOfficerPhone', header: '联系电话', width: 14 },
  { key: 'competentUnit', header: '行业主管部门', width: 20 },
  { key: 'contractPrice', header: '工程造价（元）', width: 16, required: true },
  { key: 'owner', header: '建设单位', width: 26, required: true },
  { key: 'generalContractor', header: '施工单位', width: 26, required: true },
  { key: 'code', header: '项目编码', width: 20 },
  { key: 'regionCode', header: '所在区划代码', width: 14, required: true },
  { key: 'address', header: '项目地址', width: 26, required: true },
  { key: 'industry', header: '行业类别', width: 10, required: true },
  { key: 'investmentType', header: '投资类型', width: 14, required: true },
  { key: 'ownershipTier', header: '项目分类', width: 8 },
  { key: 'status', header: '项目状态', width: 8 },
  { key: 'plannedStart', header: '计划开工日期', width: 12, required: true },
  { key: 'plannedEnd', header: '计划竣工日期', width: 12, required: true },
  { key: 'ownerCreditCode', header: '建设单位统一社会信用代码', width: 22, required: true },
  { key: 'generalContractorCreditCode', header: '施工单位统一社会信用代码', width: 22, required: true },
] as const satisfies readonly Column[];

type Key = (typeof LEDGER_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

// Which spreadsheet column a rule's field comes from.
const FIELD_COLUMN: Record<string, Key> = {
  name: 'name',
  commonName: 'commonName',
  laborOfficerName: 'laborOfficerName',
  laborOfficerPhone: 'laborOfficerPhone',
  competentUnitId: 'competentUnit',
  contractPriceFen: 'contractPrice',
  ownerId: 'ownerCreditCode',
  generalContractorId: 'generalContractorCreditCode',
  code: 'code',
  regionCode: 'regionCode',
  address: 'address',
  industry: 'industry',
  investmentType: 'investmentType',
  ownershipTier: 'ownershipTier',
  status: 'status',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
};
export const columnOfField = (field: string): string | null => (FIELD_COLUMN[field] ? HEADER[FIELD_COLUMN[field]] : null);

async function toInput(ctx: Ctx, tx: Parameters<typeof findEnterpriseRefs>[0], v: Record<Key, CellValue>): Promise<ProjectInput> {
  const problems: FieldProblem[] = [];
  const need = (key: Key, value: unknown, zh: string, en: string) => {
    if (value === null || value === undefined) problems.push({ field: key, message: { zh, en } });
  };
  const name = cellText(v.name);
  need('name', name, '请填写项目名称', 'Enter the project name');
  const price = parseYuanToFen(v.contractPrice);
  if (!price.ok) problems.push({ field: 'contractPrice', message: price.reason });
  const industry = codeOf(PROJECT_INDUSTRIES, cellText(v.industry));
  need('industry', industry, `行业类别应为：${Object.values(PROJECT_INDUSTRIES).map((l) => l.zh).join('、')}`, 'Unknown industry');
  const investmentType = codeOf(INVESTMENT_TYPES, cellText(v.investmentType));
  need('investmentType', investmentType, `投资类型应为：${Object.values(INVESTMENT_TYPES).map((l) => l.zh).join('、')}`, 'Unknown investment type');
  const tierText = cellText(v.ownershipTier);
  const ownershipTier = tierText ? codeOf(OWNERSHIP_TIERS, cellText(v.ownershipTier)) : null;
  if (tierText && !ownershipTier) problems.push({ field: 'ownershipTier', message: { zh: '项目分类应为：区属、市属、国企、社会', en: 'Unknown project class' } });
  const statusText = cellText(v.status);
  const status = statusText ? codeOf(PROJECT_STATUSES, cellText(v.status)) : 'in_progress';
  if (status !== 'not_started' && status !== 'in_progress') {
    problems.push({ field: 'status', message: { zh: '导入的项目状态只能为“未开工”或“在建”', en: 'Imported projects are 未开工 or 在建' } });
  }
  const plannedStart = cellDate(v.plannedStart);
  need('plannedStart', plannedStart, '计划开工日期格式不正确（如 2026-03-01）', 'Planned start must be a date like 2026-03-01');
  const plannedEnd = cellDate(v.plannedEnd);
  need('plannedEnd', plannedEnd, '计划竣工日期格式不正确（如 2027-06-30）', 'Planned completion must be a date');
  const regionCode = cellText(v.regionCode);
  need('regionCode', regionCode, '请填写所在区划代码', 'Enter the region code');
  const address = cellText(v.address);
  need('address', address, '请填写项目地址', 'Enter the address');

  const ownerCode = cellText(v.ownerCreditCode)?.toUpperCase() ?? null;
  const gcCode = cellText(v.generalContractorCreditCode)?.toUpperCase() ?? null;
  const refs = await findEnterpriseRefs(tx, { creditCodes: [ownerCode, gcCode].filter((c): c is string => !!c) });
  const owner = refs.find((e) => e.credit_code === ownerCode);
  const gc = refs.find((e) => e.credit_code === gcCode);
  if (!owner) problems.push({ field: 'ownerCreditCode', message: { zh: '建设单位信用代码未在单位库登记，请先登记企业', en: 'Owner credit code not in the registry; register the enterprise first' } });
  if (!gc) problems.push({ field: 'generalContractorCreditCode', message: { zh: '施工单位信用代码未在单位库登记，请先登记企业', en: 'Contractor credit code not in the registry' } });
  if (owner && cellText(v.owner) && cellText(v.owner) !== owner.name) {
    problems.push({ field: 'owner', message: { zh: `建设单位名称与信用代码登记的“${owner.name}”不一致`, en: `Owner name differs from the registered "${owner.name}"` } });
  }
  if (gc && cellText(v.generalContractor) && cellText(v.generalContractor) !== gc.name) {
    problems.push({ field: 'generalContractor', message: { zh: `施工单位名称与信用代码登记的“${gc.name}”不一致`, en: `Contractor name differs from the registered "${gc.name}"` } });
  }
  let competentUnitId: string | null = null;
  const unitName = cellText(v.competentUnit);
  if (unitName) {
    const units = await findGovUnitRefs(tx, { names: [unitName] });
    const region = regionCode ?? '';
    // Same-named departments exist in every district: take the one nearest the project.
    const unit = units.filter((u) => region.startsWith(u.region_code.replace(/0+$/, ''))).sort((a, b) => b.region_code.length - a.region_code.length)[0] ?? units[0];
    if (!unit) problems.push({ field: 'competentUnit', message: { zh: `行业主管部门“${unitName}”未登记`, en: `Department "${unitName}" is not registered` } });
    else competentUnitId = unit.id;
  }
  if (problems.length) throw invalidFields(problems);
  return {
    code: cellText(v.code),
    name: name!,
    commonName: cellText(v.commonName),
    regionCode: regionCode!,
    address: address!,
    industry: industry as ProjectIndustry,
    investmentType: investmentType as InvestmentType,
    ownershipTier,
    competentUnitId,
    contractPriceFen: price.ok ? price.fen : 0,
    plannedStart: plannedStart!,
    plannedEnd: plannedEnd!,
    ownerId: owner!.id,
    generalContractorId: gc!.id,
    laborOfficerName: cellText(v.laborOfficerName),
    // An exported ledger carries the phone masked; a masked cell is no number, so it is left empty.
    laborOfficerPhone: cellText(v.laborOfficerPhone)?.includes('*') ? null : cellText(v.laborOfficerPhone),
    status: status as 'not_started' | 'in_progress',
  };
}

export async function importLedger(ctx: Ctx, file: { name: string; content: Buffer }, mode: ImportMode): Promise<ImportReport> {
  const read = await readTable(file.name, file.content, LEDGER_COLUMNS);
  if (!read.ok) return { mode, total: 0, valid: 0, imported: 0, committed: false, problems: [read.problem] };
  return runImport(
    ctx,
    mode,
    read.rows,
    async (tx, r) => {
      await createProjectIn(ctx, tx, await toInput(ctx, tx, r.values));
    },
    (field) => (field in HEADER ? HEADER[field as Key] : columnOfField(field)),
  );
}

function ledgerRow(r: ProjectRow, serial: number): Record<Key, CellValue> {
  return {
    serial,
    name: r.name,
    commonName: r.common_name,
    laborOfficerName: r.labor_officer_name,
    // The ledger leaves the system masked; the full number is a recorded reveal, one at a time.
    laborOfficerPhone: r.labor_officer_phone_mask,
    competentUnit: r.competent_unit_name,
    contractPrice: fenToYuanText(Number(r.contract_price_fen)),
    owner: r.owner_name,
    generalContractor: r.general_contractor_name,
    code: r.code,
    regionCode: r.region_code,
    address: r.address,
    industry: PROJECT_INDUSTRIES[r.industry as ProjectIndustry]?.zh ?? r.industry,
    investmentType: INVESTMENT_TYPES[r.investment_type as InvestmentType]?.zh ?? r.investment_type,
    ownershipTier: OWNERSHIP_TIERS[r.ownership_tier as keyof typeof OWNERSHIP_TIERS]?.zh ?? r.ownership_tier,
    status: PROJECT_STATUSES[r.status as keyof typeof PROJECT_STATUSES]?.zh ?? r.status,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    ownerCreditCode: r.owner_credit_code,
    generalContractorCreditCode: r.general_contractor_credit_code,
  };
}

export async function exportLedger(ctx: Ctx, query: Parameters<typeof iterateProjectsForExport>[1], unitName: string): Promise<Readable> {
  const rows = await iterateProjectsForExport(ctx, query);
  async function* numbered() {
    let n = 0;
    for await (const r of rows) yield ledgerRow(r, ++n);
  }
  const today = shanghaiDate(ctx.clock.now());
  return streamTable({
    sheetName: '在建项目台账',
    title: '在建项目台账',
    subtitle: `填报单位：${unitName}　　　　时间：${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
    columns: LEDGER_COLUMNS,
    rows: numbered(),
  });
}
