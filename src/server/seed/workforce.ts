import officialDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../db/client';
import type { EnterpriseType } from '../modules/orgs/orgs.rules';
import {
  type BoardContent,
  type InvestmentType,
  type OwnershipTier,
  type ProjectIndustry,
  type ProjectStatus,
  deriveOwnershipTier,
  supervisingIndustry,
} from '../modules/projects/projects.rules';
import { TRADES, type ContractKind, type Trade, type WageType } from '../modules/workforce/workforce.codes';
import { addDays } from '../platform/calendar';
import type { FieldCipher } from '../platform/context';
import { maskBankCard, maskIdNumber, maskPhone } from '../platform/crypto/masking';
import { idNumberCheckChar, luhnCheckDigit } from '../platform/validators';
import type { Scale, SeedBank, SeedEnterprise, SeedGovUnit, SeedRegion } from './generate';
import { drawUnique, personName, placeName } from './names';
import type { Rng } from './rng';

/**
 * The demo's construction sites: projects with their contracting chains, teams, workers, employments
 * and the attendance plan of the last three months. `generateWorkforce` is pure (its rows point at
 * the base dataset by index, so it needs no ids and no clock); `insertDemoWorkforce` writes it with
 * set-based SQL, attendance generated inside the database month by month.
 */

export const DEMO_PROJECT_COUNT: Record<Scale, number> = { township: 50, district: 500, city: 5_000, province: 20_000 };
/** Roster size per project on average (township: 5,000 workers). */
const WORKERS_PER_PROJECT = 100;
/** Months of attendance up to "today", the current one included. */
const ATTENDANCE_MONTHS = 3;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
function addMonths(firstOfMonth: string, n: number): string {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
/** An instant on a Chinese civil date, as an ISO string with the +08:00 offset. */
const shanghaiAt = (date: string, secondsOfDay: number) =>
  `${date}T${pad(Math.floor(secondsOfDay / 3600), 2)}:${pad(Math.floor(secondsOfDay / 60) % 60, 2)}:${pad(secondsOfDay % 60, 2)}+08:00`;

// ---------------------------------------------------------------------------------------------
// Output rows (references are indexes into the base dataset and into these lists)

export interface SeedKeyPerson {
  name: string;
  idNumber: string;
}

export interface SeedSubcontract {
  enterprise: number;
  /** The enterprise that let the subcontract: the general contractor, or a first-tier subcontractor. */
  parent: number;
  scopeOfWork: string;
  amountFen: number;
  signedOn: string;
}

export interface SeedProject {
  serial: number;
  code: string;
  name: string;
  commonName: string | null;
  regionCode: string;
  address: string;
  industry: ProjectIndustry;
  supervisingIndustry: string;
  investmentType: InvestmentType;
  ownershipTier: OwnershipTier;
  /** Index into `govUnits`. */
  competentUnit: number;
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: ProjectStatus;
  /** Indexes into `enterprises`. */
  owner: number;
  generalContractor: number;
  subcontracts: SeedSubcontract[];
  parties: number[];
  projectManager: SeedKeyPerson;
  chiefSupervisor: SeedKeyPerson;
  laborOfficer: { name: string; phone: string } | null;
  boardSetUp: boolean;
  boardContents: BoardContent[];
  payday: number;
  laborCostShareBp: number;
  allocationCycleMonths: number;
  meteringCycle: string | null;
  settlementMethod: string | null;
  paymentGuarantee: boolean;
  fundsInPlace: boolean | null;
  registeredAt: string;
  /** The last day works went on (suspended: the day before the stop; completed: the actual end). */
  lastSiteDay: string | null;
}

export interface SeedWorker {
  name: string;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  ethnicity: string;
  phone: string;
  bankCard: string;
  /** Index into `banks`. */
  bank: number;
  trade: Trade;
  nativePlace: string;
  education: string;
  skillCertificates: { name: string; number: string; validUntil: string }[];
}

export interface SeedTeam {
  project: number;
  employer: number;
  name: string;
  /** Index into `workers`; one of the team's members. */
  leader: number;
}

export interface SeedEmployment {
  project: number;
  worker: number;
  employer: number;
  team: number;
  isTeamLeader: boolean;
  trade: Trade;
  entryDate: string;
  exitDate: string | null;
  wageType: WageType;
  wageAmountFen: number;
  contractKind: ContractKind;
  contractSignedOn: string;
  safetyTrainingOn: string;
  /** Drives the deterministic attendance pattern generated in SQL. */
  salt: number;
  /** Chance of being on site on a site day, in basis points. */
  presenceBp: number;
}

export interface SeedSiteCalendar {
  project: number;
  /** Days in the attendance window the site worked. */
  dates: string[];
  projectManagerBp: number;
  chiefSupervisorBp: number;
  salt: number;
}

/** Someone who clocked in on a site without being on its roster (an unregistered worker). */
export interface SeedUnregistered {
  project: number;
  idNumber: string;
  events: { date: string; direction: 'in' | 'out'; at: string }[];
}

export interface SeedAttendancePlan {
  /** First days of the months with attendance, oldest first. */
  months: string[];
  from: string;
  to: string;
  sites: SeedSiteCalendar[];
  unregistered: SeedUnregistered[];
}

export interface SeedWorkforce {
  today: string;
  projects: SeedProject[];
  workers: SeedWorker[];
  teams: SeedTeam[];
  employments: SeedEmployment[];
  attendance: SeedAttendancePlan;
}

export interface WorkforceInput {
  scale: Scale;
  /** The demo's "today" in Asia/Shanghai (YYYY-MM-DD); every date is placed around it. */
  today: string;
  regions: readonly SeedRegion[];
  govUnits: readonly SeedGovUnit[];
  banks: readonly SeedBank[];
  enterprises: readonly SeedEnterprise[];
}

// ---------------------------------------------------------------------------------------------
// Quotas and vocabularies

/** Exactly `count` items in proportion to the weights (largest remainder), so small demos hold every kind. */
function quota<T extends string>(count: number, weights: Record<T, number>): T[] {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const parts = entries.map(([item, w]) => ({ item, n: Math.floor((count * w) / total), rest: ((count * w) % total) / total }));
  const missing = count - parts.reduce((sum, p) => sum + p.n, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest).slice(0, missing)) p.n++;
  return parts.flatMap(({ item, n }) => Array<T>(n).fill(item));
}

// Most projects are buildings and municipal works; every industry appears even at township scale.
const INDUSTRY_SHARES: Record<ProjectIndustry, number> = {
  building: 40,
  municipal: 22,
  transport: 10,
  water: 8,
  railway: 4,
  aviation: 4,
  telecom: 4,
  power: 4,
  other: 4,
};
const INVESTMENT_SHARES: Record<InvestmentType, number> = { government: 34, soe: 20, ppp: 10, private: 36 };
const STATUS_SHARES: Record<Exclude<ProjectStatus, 'accepted'>, number> = { in_progress: 74, not_started: 10, suspended: 6, completed: 10 };

const PHASES = ['', '', '', '一期', '二期', '三期'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

type NameTemplate = (rng: Rng, stem: string, place: string, other: string) => string;
const phase = (rng: Rng) => rng.pick(PHASES);
const PROJECT_NAMES: Record<ProjectIndustry, NameTemplate[]> = {
  building: [
    (r, s, p) => `${s}${p}安置小区${phase(r)}工程`,
    (r, s, p) => `${s}${p}保障性租赁住房${phase(r)}项目`,
    (r, s) => `${s}第${r.pick(NUMERALS)}中学教学综合楼建设工程`,
    (r, s, p) => `${s}${p}小学改扩建工程`,
    (r, s, p) => `${s}${p}卫生院业务用房建设工程`,
    (r, _, p) => `${p}花园${phase(r)}住宅工程`,
    (r, s, p) => `${s}${p}产业园标准厂房${phase(r)}工程`,
    (r, s, p) => `${s}${p}文体活动中心建设工程`,
    (r, _, p) => `${p}商业综合体${phase(r)}工程`,
    (r, s, p) => `${s}${p}人才公寓建设项目`,
  ],
  municipal: [
    (r, s, p) => `${s}${p}路道路改造工程`,
    (r, s, p) => `${s}${p}片区老旧小区改造工程`,
    (r, s, p) => `${s}${p}片区雨污分流改造${phase(r)}工程`,
    (r, s, p) => `${s}${p}污水处理厂提标改造工程`,
    (r, s, p) => `${s}${p}公园景观提升工程`,
    (r, s, p) => `${s}${p}供水管网改造工程`,
  ],
  transport: [
    (r, _, p, o) => `${p}至${o}公路改扩建工程`,
    (r, s, p) => `${s}${p}农村公路提质改造工程`,
    (r, _, p) => `${p}大桥新建工程`,
    (r, s) => `国道${r.int(201, 365)}线${s}段改线工程`,
  ],
  water: [
    (r, _, p) => `${p}水库除险加固工程`,
    (r, s, p) => `${p}河${s}段综合治理工程`,
    (r, s, p) => `${s}${p}灌区续建配套与节水改造工程`,
    (r, s, p) => `${s}${p}农村供水保障工程`,
  ],
  railway: [(r, _, p) => `${p}站站房改造工程`, (r, _, p) => `${p}铁路专用线工程`],
  aviation: [(r, _, p) => `${p}通用机场建设工程`, (r, _, p) => `${p}机场航站楼改扩建工程`],
  telecom: [(r, s, p) => `${s}${p}5G基站建设工程`, (r, s, p) => `${s}${p}通信管道工程`, (r, _, p) => `${p}数据中心机房工程`],
  power: [(r, _, p) => `${p}110千伏输变电工程`, (r, s, p) => `${s}${p}10千伏配电网改造工程`, (r, s, p) => `${s}${p}光伏发电项目`],
  other: [(r, s, p) => `${s}${p}粮食储备库建设工程`, (r, s, p) => `${s}${p}消防救援站建设工程`, (r, s, p) => `${s}${p}垃圾转运站工程`],
};

// Contract prices in yuan, by industry: [min, max].
const PRICE_YUAN: Record<ProjectIndustry, [number, number]> = {
  building: [8_000_000, 300_000_000],
  municipal: [5_000_000, 120_000_000],
  transport: [20_000_000, 800_000_000],
  water: [5_000_000, 200_000_000],
  railway: [100_000_000, 1_500_000_000],
  aviation: [50_000_000, 900_000_000],
  telecom: [1_000_000, 30_000_000],
  power: [5_000_000, 300_000_000],
  other: [1_000_000, 50_000_000],
};

/** The enterprise industry whose owners and contractors build a project of this industry. */
const BUILDER_INDUSTRY: Partial<Record<ProjectIndustry, string>> = { building: 'housing', municipal: 'housing', transport: 'transport', water: 'water' };
/** The government unit kind that is the competent department (行业主管部门) of a supervising industry. */
const COMPETENT_KIND: Record<string, string> = { housing: 'housing', transport: 'transport', water: 'water', other: 'ndrc' };

const SPECIALIST_SCOPES: Record<ProjectIndustry, string[]> = {
  building: ['钢结构工程', '机电安装工程', '装饰装修工程', '建筑幕墙工程', '消防设施工程', '防水工程'],
  municipal: ['给排水管网工程', '道路照明工程', '园林绿化工程', '机电安装工程'],
  transport: ['桥梁工程', '交通安全设施工程', '路面工程'],
  water: ['机电设备安装工程', '防渗工程', '闸门制作安装工程'],
  railway: ['站房装饰装修工程', '机电安装工程'],
  aviation: ['机电安装工程', '装饰装修工程'],
  telecom: ['通信线路工程', '铁塔基础工程'],
  power: ['电气设备安装工程', '输电线路工程'],
  other: ['机电安装工程', '装饰装修工程'],
};
const LABOR_SCOPES = ['主体结构劳务分包', '钢筋制作安装劳务分包', '模板及脚手架劳务分包', '砌体及抹灰劳务分包', '土石方劳务分包'];

// Team trades by who employs the team.
const TEAM_TRADES: Record<'general_contractor' | 'subcontractor' | 'labor_subcontractor', Trade[]> = {
  general_contractor: ['390', '300', '170', '180', '150', '130', '400'],
  labor_subcontractor: ['020', '050', '240', '040', '010', '030', '400'],
  subcontractor: ['270', '130', '110', '190', '210', '230', '380', '100', '060'],
};
const INDUSTRY_TRADES: Partial<Record<ProjectIndustry, Trade[]>> = {
  transport: ['250', '150', '160'],
  water: ['250', '150', '140'],
  power: ['310', '120', '100'],
  telecom: ['310', '100'],
  railway: ['280', '250'],
};
const CERTIFIED_TRADES: Partial<Record<Trade, string>> = {
  '130': '建筑电工',
  '270': '建筑焊工',
  '030': '建筑架子工',
  '170': '建筑起重信号司索工',
  '180': '建筑起重机械安装拆卸工',
  '150': '建筑起重机械司机',
};

// Where the workers' ID numbers come from: structurally valid county codes of labour-exporting
// provinces, with the place written out as a native place (籍贯) is.
const HOME_COUNTIES: [string, string, string[]][] = [
  ['500235', '重庆市云阳县', ['汉族']],
  ['500236', '重庆市奉节县', ['汉族']],
  ['500240', '重庆市石柱土家族自治县', ['土家族', '汉族']],
  ['510722', '四川省绵阳市三台县', ['汉族']],
  ['511321', '四川省南充市南部县', ['汉族']],
  ['411523', '河南省信阳市新县', ['汉族']],
  ['411527', '河南省信阳市淮滨县', ['汉族']],
  ['341221', '安徽省阜阳市临泉县', ['汉族']],
  ['341282', '安徽省阜阳市界首市', ['汉族']],
  ['430524', '湖南省邵阳市隆回县', ['汉族', '瑶族']],
  ['431121', '湖南省永州市祁阳县', ['汉族']],
  ['520526', '贵州省毕节市威宁彝族回族苗族自治县', ['彝族', '回族', '苗族', '汉族']],
  ['450126', '广西壮族自治区南宁市宾阳县', ['壮族', '汉族']],
];
const LOCAL_ETHNICITIES: [string, number][] = [
  ['汉族', 60],
  ['壮族', 34],
  ['瑶族', 6],
];
const EDUCATION: [string, number][] = [
  ['小学', 20],
  ['初中', 55],
  ['高中', 12],
  ['中专', 10],
  ['大专', 3],
];
const BIRTH_YEARS: [[number, number], number][] = [
  [[1965, 1969], 8],
  [[1970, 1979], 30],
  [[1980, 1989], 35],
  [[1990, 1999], 22],
  [[2000, 2004], 5],
];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '176', '177', '180', '181', '182', '186', '187', '188', '189', '191', '198', '199'];

/** Debit-card BIN and length by the bank class of the 12-digit bank code. */
const CARD_FORMATS: Record<string, [string, number]> = {
  '102': ['622202', 19], // 工商银行
  '103': ['622848', 19], // 农业银行
  '104': ['621661', 19], // 中国银行
  '105': ['621700', 19], // 建设银行
  '301': ['622262', 19], // 交通银行
  '403': ['621799', 19], // 邮储银行
  '313': ['622309', 16], // 城市商业银行
  '314': ['623058', 16], // 农村商业银行
};
// Migrant workers' payroll cards: 农行, 邮储 and the rural banks lead.
const BANK_WEIGHTS: Record<string, number> = { '103': 28, '403': 18, '105': 16, '102': 14, '314': 12, '104': 6, '301': 3, '313': 3 };

// Site rules: public holidays off, Sundays off unless a make-up working day (or the site is rushing).
const HOLIDAYS = new Set(Object.keys(officialDays.holidays));
const MAKEUP_WORKDAYS = new Set(Object.keys(officialDays.workdays));
const isSiteDay = (date: string, worksSundays: boolean) =>
  !HOLIDAYS.has(date) && (dayOfWeek(date) !== 0 || worksSundays || MAKEUP_WORKDAYS.has(date));
/** An official working day (Monday to Friday, or a make-up day), when the key staff are expected on site. */
const isWorkingDay = (date: string) => !HOLIDAYS.has(date) && ((dayOfWeek(date) >= 1 && dayOfWeek(date) <= 5) || MAKEUP_WORKDAYS.has(date));

// ---------------------------------------------------------------------------------------------
// People

function birthDate(rng: Rng): string {
  const [from, to] = rng.weighted(BIRTH_YEARS);
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A valid 18-digit ID number; the sequence code's last digit is odd for men, even for women. */
function idNumber(rng: Rng, county: string, birth: string, gender: 'male' | 'female'): string {
  const sequence = rng.int(0, 49) * 20 + rng.int(0, 9) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${county}${birth.replaceAll('-', '')}${pad(Math.max(sequence, gender === 'male' ? 1 : 2), 3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A debit card number of `bankCode`'s bank, with its Luhn check digit. */
function bankCard(rng: Rng, bankCode: string): string {
  const [bin, length] = CARD_FORMATS[bankCode.slice(0, 3)] ?? ['622' + pad(rng.int(100, 999), 3), 19];
  let body = bin;
  while (body.length < length - 1) body += String(rng.int(0, 9));
  return body + luhnCheckDigit(body);
}

const mobile = (rng: Rng) => rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);

/** Draws until the ID number is not yet taken (ID numbers are unique nationally). */
function uniqueId(taken: Set<string>, draw: () => string): string {
  for (let i = 0; i < 1_000; i++) {
    const id = draw();
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new Error(`no unused ID number after 1000 attempts (${taken.size} taken)`);
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Context {
  input: WorkforceInput;
  today: string;
  regionsByCode: Map<string, SeedRegion>;
  ids: Set<string>;
  /** Local county codes (the demo's districts), for local workers and key staff. */
  localCounties: string[];
  districts: SeedRegion[];
  townships: SeedRegion[];
  /** Enterprise indexes by types and project industry. */
  candidates: Map<string, number[]>;
}

/**
 * Projects, teams, workers, employments and the attendance plan, deterministic in `rng`'s seed and
 * `today`. Each part draws from its own stream (projects, workers, employments, attendance).
 */
export function generateWorkforce(input: WorkforceInput, rng: Rng): SeedWorkforce {
  const ctx: Context = {
    input,
    today: input.today,
    regionsByCode: new Map(input.regions.map((r) => [r.code, r])),
    ids: new Set(),
    localCounties: input.regions.filter((r) => r.level === 3).map((r) => r.code),
    districts: input.regions.filter((r) => r.level === 3),
    townships: input.regions.filter((r) => r.level === 4),
    candidates: new Map(),
  };
  const projects = generateProjects(ctx, rng.derive('projects'));
  const { workers, teams, employments } = generateRosters(ctx, projects, rng.derive('workers'), rng.derive('employments'));
  // Certificates depend on the final trade, so they come after the rosters, from their own stream.
  certify(workers, input.today, rng.derive('certificates'));
  const attendance = planAttendance(ctx, projects, rng.derive('attendance'));
  return { today: input.today, projects, workers, teams, employments, attendance };
}

/** A district (one project in ten) or a township; the demo's first township (青石镇) holds the most sites. */
function pickRegionForProject(ctx: Context, rng: Rng): SeedRegion {
  if (rng.chance(0.1)) return rng.pick(ctx.districts);
  return rng.weighted(ctx.townships.map((t, i) => [t, i === 0 ? 3 : 1] as const));
}

function addressOf(ctx: Context, region: SeedRegion, rng: Rng): string {
  const names: string[] = [];
  for (let code: string | null = region.code; code; code = ctx.regionsByCode.get(code)?.parentCode ?? null) {
    const r = ctx.regionsByCode.get(code);
    if (r && r.level >= 2) names.unshift(r.name);
  }
  return `${names.join('')}${placeName(rng)}路${rng.int(1, 300)}号`;
}

/** Enterprises of these types that build for the industry (any of the types when none does). */
function enterprisesOf(ctx: Context, types: readonly EnterpriseType[], industry: ProjectIndustry): number[] {
  const key = `${types.join(',')}:${industry}`;
  const cached = ctx.candidates.get(key);
  if (cached) return cached;
  const all = ctx.input.enterprises.map((e, i) => [e, i] as const).filter(([e]) => types.includes(e.type));
  const wanted = BUILDER_INDUSTRY[industry];
  const matching = wanted ? all.filter(([e]) => e.industry === wanted) : all;
  const found = (matching.length > 0 ? matching : all).map(([, i]) => i);
  ctx.candidates.set(key, found);
  return found;
}

function keyPerson(ctx: Context, rng: Rng): SeedKeyPerson {
  const county = rng.chance(0.6) ? rng.pick(ctx.localCounties) : rng.pick(HOME_COUNTIES)[0];
  const gender = rng.chance(0.9) ? 'male' : 'female';
  const birth = `${rng.int(1968, 1992)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
  return { name: personName(rng), idNumber: uniqueId(ctx.ids, () => idNumber(rng, county, birth, gender)) };
}

function generateProjects(ctx: Context, rng: Rng): SeedProject[] {
  const { input, today } = ctx;
  const count = DEMO_PROJECT_COUNT[input.scale];
  const industries = rng.shuffle(quota(count, INDUSTRY_SHARES));
  const investments = rng.shuffle(quota(count, INVESTMENT_SHARES));
  const statuses = rng.shuffle(quota(count, STATUS_SHARES));
  const namesByRegion = new Map<string, Set<string>>();
  const unitIndex = new Map(input.govUnits.map((u, i) => [`${u.regionCode}:${u.kind}`, i]));
  const cityOf = (code: string) => `${code.slice(0, 4)}00`;

  return industries.map((industry, i): SeedProject => {
    const investmentType = investments[i];
    const status = statuses[i];
    const region = pickRegionForProject(ctx, rng);
    const district = region.code.slice(0, 6);
    const stem = region.name.replace(/街道$/, ''); // 青石镇安置小区, but 青溪 for 青溪街道
    const taken = namesByRegion.get(region.code) ?? new Set<string>();
    namesByRegion.set(region.code, taken);
    const name = drawUnique(rng, taken, (r) => r.pick(PROJECT_NAMES[industry])(r, stem, placeName(r), placeName(r)));

    // Dates around today: under way for up to two years, a few finished or not yet started.
    let actualStart: string | null = null;
    let actualEnd: string | null = null;
    let lastSiteDay: string | null = null;
    let plannedStart: string;
    if (status === 'not_started') {
      plannedStart = addDays(today, rng.int(10, 150));
    } else {
      const startedDaysAgo = status === 'completed' ? rng.int(300, 900) : status === 'suspended' ? rng.int(150, 700) : rng.int(20, 620);
      actualStart = addDays(today, -startedDaysAgo);
      plannedStart = addDays(actualStart, -rng.int(-10, 20));
      if (status === 'completed') {
        actualEnd = addDays(today, -rng.int(10, Math.min(200, startedDaysAgo - 150)));
        lastSiteDay = actualEnd;
      } else if (status === 'suspended') {
        lastSiteDay = addDays(today, -rng.int(6, Math.min(80, startedDaysAgo - 30)));
      }
    }
    const plannedEnd = addDays(plannedStart, rng.int(240, 900));
    const [minPrice, maxPrice] = PRICE_YUAN[industry];
    const priceYuan = Math.round((minPrice * (maxPrice / minPrice) ** rng.next()) / 10_000) * 10_000; // log-uniform, whole 万元
    const contractPriceFen = priceYuan * 100;

    // Competent department: the district's (or, for some government projects, the city's) bureau.
    const supervising = supervisingIndustry(industry);
    const unitKind = COMPETENT_KIND[supervising];
    const cityLevel = investmentType === 'government' && rng.chance(0.25);
    const competentUnit = unitIndex.get(`${cityLevel ? cityOf(district) : district}:${unitKind}`) ?? unitIndex.get(`${district}:${unitKind}`)!;
    const unitLevel = cityLevel ? 2 : 3;

    // The contracting chain.
    const owner = rng.pick(enterprisesOf(ctx, ['owner'], industry));
    const generalContractor = rng.pick(enterprisesOf(ctx, ['general_contractor'], industry));
    const candidates = rng.shuffle(enterprisesOf(ctx, ['subcontractor', 'labor_subcontractor'], industry));
    const nSubs = Math.min(candidates.length, rng.weighted<number>([[1, 35], [2, 40], [3, 25]]));
    const signedBase = actualStart ?? minDate(plannedStart, today);
    const subcontracts: SeedSubcontract[] = candidates.slice(0, nSubs).map((enterprise, s, chosen) => {
      const labor = input.enterprises[enterprise].type === 'labor_subcontractor';
      // Second tier: a labour subcontract let by a specialist subcontractor already on the project.
      const specialistAbove = chosen.slice(0, s).find((e) => input.enterprises[e].type === 'subcontractor');
      const parent = labor && specialistAbove !== undefined && rng.chance(0.5) ? specialistAbove : generalContractor;
      const share = labor ? rng.int(800, 2_500) : rng.int(500, 3_000);
      return {
        enterprise,
        parent,
        scopeOfWork: labor ? rng.pick(LABOR_SCOPES) : rng.pick(SPECIALIST_SCOPES[industry]),
        amountFen: Math.round((priceYuan * share) / 10_000 / 100) * 100 * 100,
        signedOn: minDate(addDays(signedBase, rng.int(-20, 30)), today),
      };
    });
    const parties = [...new Set([owner, generalContractor, ...subcontracts.map((s) => s.enterprise)])];

    const started = status !== 'not_started';
    const boardSetUp = started ? rng.chance(0.92) : rng.chance(0.2);
    const boardContents: BoardContent[] = !boardSetUp
      ? []
      : rng.chance(0.85)
        ? ['parties', 'wage_info', 'hotlines']
        : rng.pick<BoardContent[]>([['parties', 'wage_info'], ['parties', 'hotlines'], ['parties']]);
    const officer = keyPersonName(rng);
    const registeredOn = started
      ? rng.chance(0.06)
        ? minDate(addDays(actualStart!, rng.int(1, 20)), today) // entered after works began (PRJ-01)
        : addDays(minDate(actualStart!, plannedStart), -rng.int(3, 40))
      : addDays(today, -rng.int(1, 60));

    return {
      serial: i + 1,
      code: `${district}${registeredOn.slice(0, 4)}${pad(i + 1, 6)}`,
      name,
      commonName: industry === 'building' && rng.chance(0.3) ? `${placeName(rng)}苑` : null,
      regionCode: region.code,
      address: addressOf(ctx, region, rng),
      industry,
      supervisingIndustry: supervising,
      investmentType,
      ownershipTier: deriveOwnershipTier(investmentType, unitLevel),
      competentUnit,
      contractPriceFen,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      status,
      owner,
      generalContractor,
      subcontracts,
      parties,
      projectManager: keyPerson(ctx, rng),
      chiefSupervisor: keyPerson(ctx, rng),
      // Works may not start without the general contractor's labour officer (RN-05); a project
      // not yet started may still lack one.
      laborOfficer: started || rng.chance(0.6) ? officer : null,
      boardSetUp,
      boardContents,
      payday: rng.pick([5, 10, 10, 15, 15, 15, 20, 25, 28]),
      laborCostShareBp: rng.int(40, 60) * 50,
      allocationCycleMonths: rng.chance(0.08) ? rng.int(2, 3) : 1,
      meteringCycle: rng.chance(0.05) ? null : rng.weighted([['按月计量', 8], ['按形象进度节点计量', 2]]),
      settlementMethod: rng.chance(0.05) ? null : rng.weighted([['按月支付已完工程量的80%', 6], ['按节点支付已完工程量的75%', 3], ['按季度结算进度款', 1]]),
      paymentGuarantee: rng.chance(0.85),
      fundsInPlace: investmentType === 'government' ? rng.chance(0.88) : null,
      registeredAt: shanghaiAt(registeredOn, rng.int(8 * 3600 + 30 * 60, 17 * 3600 + 30 * 60)),
      lastSiteDay,
    };
  });
}

const keyPersonName = (rng: Rng) => ({ name: personName(rng), phone: mobile(rng) });

/** How many of `total` workers are on each active project: about proportional to the price's square root. */
function rosterSizes(projects: SeedProject[], active: number[], total: number, rng: Rng): Map<number, number> {
  const weights = active.map((p) => Math.sqrt(projects[p].contractPriceFen) * (0.6 + rng.next() * 0.8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((total * w) / sum)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  const order = [...sizes.keys()].sort((a, b) => weights[b] - weights[a]);
  for (let k = 0; rest !== 0; k = (k + 1) % order.length) {
    const j = order[k];
    if (rest > 0) {
      sizes[j]++;
      rest--;
    } else if (sizes[j] > 20) {
      sizes[j]--;
      rest++;
    }
  }
  return new Map(active.map((p, k) => [p, sizes[k]]));
}

interface EmployerSlot {
  employer: number;
  kind: 'general_contractor' | 'subcontractor' | 'labor_subcontractor';
  weight: number;
  /** Indexes into the team list. */
  teams: number[];
}

function generateRosters(ctx: Context, projects: SeedProject[], workerRng: Rng, rng: Rng) {
  const { input, today } = ctx;
  const total = WORKERS_PER_PROJECT * projects.length;
  const active = projects.flatMap((p, i) => (p.status === 'in_progress' || p.status === 'suspended' ? [i] : []));
  const sizes = rosterSizes(projects, active, total, rng);

  // Teams: two to five per employer on every project that has had workers.
  const teams: (Omit<SeedTeam, 'leader'> & { leader: number | null; trade: Trade })[] = [];
  const slots = new Map<number, EmployerSlot[]>();
  projects.forEach((p, pi) => {
    if (p.status === 'not_started') return;
    const employers: EmployerSlot[] = [
      { employer: p.generalContractor, kind: 'general_contractor', weight: 1, teams: [] },
      ...p.subcontracts.map((s) => {
        const kind = input.enterprises[s.enterprise].type === 'labor_subcontractor' ? 'labor_subcontractor' : 'subcontractor';
        return { employer: s.enterprise, kind, weight: kind === 'labor_subcontractor' ? 3 : 1.5, teams: [] } as EmployerSlot;
      }),
    ];
    for (const slot of employers) {
      const trades = rng.shuffle([...TEAM_TRADES[slot.kind], ...(slot.kind === 'general_contractor' ? [] : (INDUSTRY_TRADES[p.industry] ?? []))]);
      const n = rng.int(2, 5);
      const seen = new Map<string, number>();
      for (let t = 0; t < n; t++) {
        const trade = trades[t % trades.length];
        const label = trade === '390' ? '项目管理' : TRADES[trade].zh;
        const k = (seen.get(label) ?? 0) + 1;
        seen.set(label, k);
        slot.teams.push(teams.length);
        teams.push({ project: pi, employer: slot.employer, name: `${label}班组${k > 1 ? `（${NUMERALS[k - 1]}）` : ''}`, leader: null, trade });
      }
    }
    slots.set(pi, employers);
  });

  const workers: SeedWorker[] = [];
  const employments: SeedEmployment[] = [];
  const phones = new Set<string>();
  const cards = new Set<string>();
  const bankByClass = new Map(input.banks.map((b, i) => [b.bankCode.slice(0, 3), i]));
  const bankWeights = Object.entries(BANK_WEIGHTS).flatMap(([cls, w]) => (bankByClass.has(cls) ? [[bankByClass.get(cls)!, w] as const] : []));

  // Salts are unique: with the day they make the device's event id.
  const salts = new Set<number>();
  const uniqueSalt = (): number => {
    for (;;) {
      const salt = rng.int(1, 2 ** 31 - 1);
      if (!salts.has(salt)) {
        salts.add(salt);
        return salt;
      }
    }
  };
  const employ = (project: number, worker: number, entryDate: string, exitDate: string | null, trade?: Trade): SeedEmployment => {
    const employers = slots.get(project)!;
    const slot = rng.weighted(employers.map((s) => [s, s.weight] as const));
    const team = rng.pick(slot.teams);
    const teamTrade = teams[team].trade;
    const ownTrade = trade ?? (rng.chance(0.85) ? teamTrade : rng.pick(TEAM_TRADES[slot.kind]));
    const isLeader = teams[team].leader === null;
    if (isLeader) teams[team].leader = worker;
    const { wageType, wageAmountFen } = wageOf(ownTrade, rng);
    const contractKind: ContractKind =
      slot.kind === 'general_contractor' || wageType === 'monthly' ? (rng.chance(0.9) ? 'labor_contract' : 'work_agreement') : rng.chance(0.6) ? 'labor_contract' : 'work_agreement';
    const employment: SeedEmployment = {
      project,
      worker,
      employer: slot.employer,
      team,
      isTeamLeader: isLeader,
      trade: ownTrade,
      entryDate,
      exitDate,
      wageType,
      wageAmountFen,
      contractKind,
      contractSignedOn: addDays(entryDate, -rng.weighted([[0, 3], [1, 3], [2, 2], [3, 1], [5, 1]])),
      safetyTrainingOn: addDays(entryDate, -rng.weighted([[0, 5], [1, 4], [2, 1]])),
      salt: uniqueSalt(),
      presenceBp: rng.weighted([[rng.int(9_000, 9_800), 70], [rng.int(7_500, 9_000), 25], [rng.int(5_000, 7_500), 5]]),
    };
    employments.push(employment);
    return employment;
  };

  // Everyone is on one active project now; a few left it lately (and wait for their final pay).
  const places = workerRng.shuffle([...sizes].flatMap(([p, n]) => Array<number>(n).fill(p)));
  const current: SeedEmployment[] = [];
  places.forEach((project, w) => {
    workers.push(generateWorker(ctx, workerRng, phones, cards, bankWeights));
    const p = projects[project];
    const lastDay = minDate(today, p.lastSiteDay ?? today);
    const span = daysBetween(p.actualStart!, lastDay);
    // Most came early in the works; a quarter of rosters turned over in the last months.
    const entryDate = addDays(p.actualStart!, Math.floor(span * rng.next() ** 1.6));
    const left = rng.chance(0.03) && entryDate < addDays(lastDay, -10);
    const exitDate = left ? addDays(lastDay, -rng.int(0, Math.min(60, daysBetween(entryDate, lastDay) - 1))) : null;
    const e = employ(project, w, entryDate, exitDate);
    workers[w].trade = e.trade;
    current.push(e);
  });

  // Earlier employments: the crews of completed projects, and some who changed sites.
  const completed = projects.flatMap((p, i) => (p.status === 'completed' ? [i] : []));
  const pool = rng.shuffle([...current.keys()]);
  let next = 0;
  const earlier = (candidate: SeedEmployment, project: number): boolean => {
    const p = projects[project];
    const latestExit = minDate(addDays(candidate.entryDate, -1), p.lastSiteDay ?? today);
    const earliestEntry = maxDate(p.actualStart!, addDays(latestExit, -400));
    if (daysBetween(earliestEntry, latestExit) < 20) return false;
    const entryDate = addDays(earliestEntry, rng.int(0, daysBetween(earliestEntry, latestExit) - 14));
    const exitDate = addDays(entryDate, rng.int(14, daysBetween(entryDate, latestExit)));
    employ(project, candidate.worker, entryDate, exitDate, rng.chance(0.7) ? candidate.trade : undefined);
    return true;
  };
  for (const project of completed) {
    const want = rng.int(30, 120);
    for (let got = 0, tries = 0; got < want && tries < want * 4 && next < pool.length; tries++) {
      if (earlier(current[pool[next++]], project)) got++;
    }
  }
  for (let k = 0; k < Math.floor(total * 0.08) && next < pool.length; k++) {
    const candidate = current[pool[next++]];
    const other = rng.pick(active);
    if (other !== candidate.project) earlier(candidate, other);
  }

  // Teams nobody joined are dropped; the rest keep the index their members point at.
  const kept = teams.map((t, i) => [t, i] as const).filter(([t]) => t.leader !== null);
  const renumber = new Map(kept.map(([, i], k) => [i, k]));
  for (const e of employments) e.team = renumber.get(e.team)!;
  return {
    workers,
    teams: kept.map(([t]) => ({ project: t.project, employer: t.employer, name: t.name, leader: t.leader! })),
    employments,
  };
}

function wageOf(trade: Trade, rng: Rng): { wageType: WageType; wageAmountFen: number } {
  const daily = (min: number, max: number) => ({ wageType: 'daily' as const, wageAmountFen: rng.int(min / 10, max / 10) * 1_000 });
  if (trade === '390') return { wageType: 'monthly', wageAmountFen: rng.int(70, 120) * 10_000 };
  if (['130', '270', '180', '150'].includes(trade)) {
    return rng.chance(0.3) ? { wageType: 'monthly', wageAmountFen: rng.int(80, 110) * 10_000 } : daily(300, 450);
  }
  if (['010', '190', '380', '230'].includes(trade) && rng.chance(0.35)) return { wageType: 'piece', wageAmountFen: rng.int(25, 60) * 100 };
  if (trade === '400') return daily(200, 280);
  return daily(250, 400);
}

function generateWorker(ctx: Context, rng: Rng, phones: Set<string>, cards: Set<string>, bankWeights: (readonly [number, number])[]): SeedWorker {
  const local = rng.chance(0.3);
  const home = local ? null : rng.pick(HOME_COUNTIES);
  const county = home ? home[0] : rng.pick(ctx.localCounties);
  const gender = rng.chance(0.9) ? 'male' : 'female';
  const birth = birthDate(rng);
  const id = uniqueId(ctx.ids, () => idNumber(rng, county, birth, gender));
  const bank = rng.weighted(bankWeights);
  const draw = (taken: Set<string>, make: () => string) => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  const district = ctx.regionsByCode.get(county);
  const nativePlace = home
    ? home[1]
    : ['450000', `${county.slice(0, 4)}00`, county].map((c) => ctx.regionsByCode.get(c)?.name ?? '').join('') || (district?.name ?? '');
  const worker: SeedWorker = {
    name: personName(rng),
    idNumber: id,
    birthDate: birth,
    gender,
    ethnicity: home ? rng.pick(home[2]) : rng.weighted(LOCAL_ETHNICITIES),
    phone: draw(phones, () => mobile(rng)),
    bankCard: draw(cards, () => bankCard(rng, ctx.input.banks[bank].bankCode)),
    bank,
    trade: '400',
    nativePlace,
    education: rng.weighted(EDUCATION),
    skillCertificates: [],
  };
  return worker;
}

/** Special-operation certificates for the trades that need one (set once the trade is known). */
function certify(workers: SeedWorker[], today: string, rng: Rng) {
  for (const w of workers) {
    const kind = CERTIFIED_TRADES[w.trade];
    if (!kind || !rng.chance(0.8)) continue;
    const issued = Number(today.slice(0, 4)) - rng.int(0, 5);
    w.skillCertificates = [{ name: `建筑施工特种作业操作资格证（${kind}）`, number: `桂A04${issued}${pad(rng.int(0, 999_999), 6)}`, validUntil: `${issued + 6}-${today.slice(5)}` }];
  }
}

function planAttendance(ctx: Context, projects: SeedProject[], rng: Rng): SeedAttendancePlan {
  const { today } = ctx;
  const from = addMonths(monthStart(today), -(ATTENDANCE_MONTHS - 1));
  const months = Array.from({ length: ATTENDANCE_MONTHS }, (_, k) => addMonths(from, k));
  const sites: SeedSiteCalendar[] = [];
  const started = projects.flatMap((p, i) => (p.actualStart ? [i] : []));
  // Two projects (more at larger scales) where the key staff are seldom on site.
  const absentKeyStaff = new Set(rng.shuffle(started.filter((i) => projects[i].status === 'in_progress')).slice(0, Math.max(2, Math.round(projects.length * 0.04))));
  for (const i of started) {
    const p = projects[i];
    const first = maxDate(from, p.actualStart!);
    const last = minDate(today, p.lastSiteDay ?? today);
    const worksSundays = rng.chance(0.2);
    const dates: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) if (isSiteDay(d, worksSundays)) dates.push(d);
    const low = absentKeyStaff.has(i);
    sites.push({
      project: i,
      dates,
      projectManagerBp: low ? rng.int(2_500, 4_500) : rng.int(8_500, 9_600),
      chiefSupervisorBp: low ? rng.int(2_000, 4_000) : rng.int(7_500, 9_200),
      salt: rng.int(1, 2 ** 31 - 1),
    });
  }

  // A few sites let people work without registering them: their faces are seen at the gate.
  const inProgress = sites.filter((s) => projects[s.project].status === 'in_progress' && s.dates.length > 20);
  const gaps = rng.shuffle(inProgress).slice(0, Math.max(3, Math.round(projects.length * 0.06)));
  const unregistered: SeedUnregistered[] = [];
  for (const site of gaps) {
    const people = rng.int(3, 10);
    for (let k = 0; k < people; k++) {
      const county = rng.pick(HOME_COUNTIES)[0];
      const id = uniqueId(ctx.ids, () => idNumber(rng, county, birthDate(rng), rng.chance(0.9) ? 'male' : 'female'));
      const since = rng.int(0, Math.floor(site.dates.length / 2));
      const presence = rng.next() * 0.25 + 0.7;
      const events: SeedUnregistered['events'] = [];
      for (const date of site.dates.slice(since)) {
        if (!rng.chance(presence)) continue;
        events.push({ date, direction: 'in', at: shanghaiAt(date, rng.int(7 * 3600, 8 * 3600 - 1)) });
        events.push({ date, direction: 'out', at: shanghaiAt(date, rng.int(17 * 3600, 19 * 3600 - 1)) });
      }
      unregistered.push({ project: site.project, idNumber: id, events });
    }
  }
  return { months, from, to: today, sites, unregistered };
}

// ---------------------------------------------------------------------------------------------
// Insert

export interface WorkforceRefs {
  /** Ids of the base dataset's rows, index for index. */
  enterpriseIds: readonly string[];
  govUnitIds: readonly string[];
  bankIds: readonly string[];
  regionPaths: ReadonlyMap<string, string>;
}

export interface WorkforceDeps {
  cipher: FieldCipher;
  /** Attendance stops at this instant (no clock-out later today yet). */
  now: Date;
}

/** The rows' ids, index for index; drawn before the insert so later parts of the demo (accounts, payroll) can point at them. */
export interface WorkforceIds {
  projects: string[];
  workers: string[];
  teams: string[];
  employments: string[];
}

export const workforceIds = (data: SeedWorkforce): WorkforceIds => ({
  projects: data.projects.map(() => uuidv7()),
  workers: data.workers.map(() => uuidv7()),
  teams: data.teams.map(() => uuidv7()),
  employments: data.employments.map(() => uuidv7()),
});

/** `INSERT … SELECT … FROM jsonb_to_recordset($1)`: one statement per chunk, whatever the column count. */
export async function insertRecords(db: DbOrTx, table: string, columns: Record<string, string>, rows: Record<string, unknown>[], chunk = 2_000): Promise<void> {
  const names = Object.keys(columns);
  const spec = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${spec})`, [
      JSON.stringify(rows.slice(i, i + chunk)),
    ]);
  }
}

/** A UUIDv7 whose time is the event's own (`at`), so ids sort as the events happened. */
const uuidV7At = (at: string) =>
  `(lpad(to_hex((extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex((random() * 4095)::int), 3, '0')
    || substr('89ab', 1 + (random() * 3)::int, 1) || lpad(to_hex((random() * 1073741823)::int), 8, '0')
    || lpad(to_hex((random() * 268435455)::int), 7, '0'))::uuid`;

const EVENT_COLUMNS =
  'project_id, id, work_date, occurred_at, direction, method, method_allowed, source, source_id, source_event_id, device_code, id_bidx, id_enc, worker_id, key_staff_role, status, received_at';

/**
 * Writes the workforce inside the caller's transaction and returns the row counts. Personal data is
 * encrypted with its row-bound associated data, blind-indexed and masked as the modules store it.
 * Attendance is generated in SQL, a month at a time, from the plan's site days and each
 * employment's presence rate (hashtext of the day and the employment's salt decides who came).
 */
export async function insertDemoWorkforce(
  db: DbOrTx,
  deps: WorkforceDeps,
  data: SeedWorkforce,
  refs: WorkforceRefs,
  ids: WorkforceIds = workforceIds(data),
): Promise<Record<string, number>> {
  const { cipher } = deps;
  const enterprise = (i: number) => refs.enterpriseIds[i];
  const { projects: projectIds, workers: workerIds, teams: teamIds, employments: employmentIds } = ids;

  await insertRecords(
    db,
    'projects',
    {
      id: 'uuid', code: 'text', name: 'text', common_name: 'text', region_code: 'text', region_path: 'text', address: 'text', industry: 'text',
      supervising_industry: 'text', investment_type: 'text', ownership_tier: 'text', competent_unit_id: 'uuid', contract_price_fen: 'bigint',
      planned_start: 'date', planned_end: 'date', actual_start: 'date', actual_end: 'date', status: 'text', owner_id: 'uuid',
      general_contractor_id: 'uuid', party_ids: 'uuid[]', project_manager_name: 'text', project_manager_id_enc: 'text',
      project_manager_id_bidx: 'text', chief_supervisor_name: 'text', chief_supervisor_id_enc: 'text', chief_supervisor_id_bidx: 'text',
      labor_officer_name: 'text', labor_officer_phone_enc: 'text', labor_officer_phone_mask: 'text', board_set_up: 'boolean',
      board_contents: 'text[]', payday: 'smallint', labor_cost_share_bp: 'integer', allocation_cycle_months: 'smallint',
      metering_cycle: 'text', settlement_method: 'text', payment_guarantee: 'boolean', funds_in_place: 'boolean', registered_at: 'timestamptz',
    },
    data.projects.map((p, i) => {
      const id = projectIds[i];
      return {
        id, code: p.code, name: p.name, common_name: p.commonName, region_code: p.regionCode, region_path: refs.regionPaths.get(p.regionCode),
        address: p.address, industry: p.industry, supervising_industry: p.supervisingIndustry, investment_type: p.investmentType,
        ownership_tier: p.ownershipTier, competent_unit_id: refs.govUnitIds[p.competentUnit], contract_price_fen: p.contractPriceFen,
        planned_start: p.plannedStart, planned_end: p.plannedEnd, actual_start: p.actualStart, actual_end: p.actualEnd, status: p.status,
        owner_id: enterprise(p.owner), general_contractor_id: enterprise(p.generalContractor), party_ids: p.parties.map(enterprise),
        project_manager_name: p.projectManager.name,
        project_manager_id_enc: cipher.encrypt(p.projectManager.idNumber, `projects:${id}:project_manager_id`),
        project_manager_id_bidx: cipher.blindIndex('id_number', p.projectManager.idNumber),
        chief_supervisor_name: p.chiefSupervisor.name,
        chief_supervisor_id_enc: cipher.encrypt(p.chiefSupervisor.idNumber, `projects:${id}:chief_supervisor_id`),
        chief_supervisor_id_bidx: cipher.blindIndex('id_number', p.chiefSupervisor.idNumber),
        labor_officer_name: p.laborOfficer?.name ?? null,
        labor_officer_phone_enc: p.laborOfficer ? cipher.encrypt(p.laborOfficer.phone, `projects:${id}:labor_officer_phone`) : null,
        labor_officer_phone_mask: p.laborOfficer ? maskPhone(p.laborOfficer.phone) : null,
        board_set_up: p.boardSetUp, board_contents: p.boardContents, payday: p.payday, labor_cost_share_bp: p.laborCostShareBp,
        allocation_cycle_months: p.allocationCycleMonths, metering_cycle: p.meteringCycle, settlement_method: p.settlementMethod,
        payment_guarantee: p.paymentGuarantee, funds_in_place: p.fundsInPlace, registered_at: p.registeredAt,
      };
    }),
    500,
  );
  // Codes were given here; the sequence continues after them so the next registered project's code is new.
  if (data.projects.length > 0) await db.query("SELECT setval('project_code_seq', $1)", [Math.max(...data.projects.map((p) => p.serial))]);
  await insertRecords(
    db,
    'project_status_history',
    { id: 'uuid', project_id: 'uuid', at: 'timestamptz', from_status: 'text', to_status: 'text', reason: 'text', actor_name: 'text' },
    data.projects.map((p, i) => ({ id: uuidv7(), project_id: projectIds[i], at: p.registeredAt, from_status: null, to_status: p.status, reason: '登记入台账', actor_name: 'demo' })),
  );
  const subcontracts = data.projects.flatMap((p, i) =>
    p.subcontracts.map((s) => ({
      project_id: projectIds[i], id: uuidv7(), enterprise_id: enterprise(s.enterprise), parent_id: enterprise(s.parent),
      scope_of_work: s.scopeOfWork, amount_fen: s.amountFen, signed_on: s.signedOn,
    })),
  );
  await insertRecords(
    db,
    'subcontracts',
    { project_id: 'uuid', id: 'uuid', enterprise_id: 'uuid', parent_id: 'uuid', scope_of_work: 'text', amount_fen: 'bigint', signed_on: 'date' },
    subcontracts,
  );

  const idBidx = data.workers.map((w) => cipher.blindIndex('id_number', w.idNumber));
  await insertRecords(
    db,
    'workers',
    {
      id: 'uuid', name: 'text', id_enc: 'text', id_bidx: 'text', id_mask: 'text', birth_date: 'date', gender: 'text', ethnicity: 'text',
      phone_enc: 'text', phone_bidx: 'text', phone_mask: 'text', bank_card_enc: 'text', bank_card_bidx: 'text', bank_card_mask: 'text',
      bank_id: 'uuid', trade: 'text', native_place: 'text', education: 'text', skill_certificates: 'jsonb',
    },
    data.workers.map((w, i) => {
      const id = workerIds[i];
      return {
        id, name: w.name, id_enc: cipher.encrypt(w.idNumber, `workers:${id}:id_number`), id_bidx: idBidx[i], id_mask: maskIdNumber(w.idNumber),
        birth_date: w.birthDate, gender: w.gender, ethnicity: w.ethnicity,
        phone_enc: cipher.encrypt(w.phone, `workers:${id}:phone`), phone_bidx: cipher.blindIndex('phone', w.phone), phone_mask: maskPhone(w.phone),
        bank_card_enc: cipher.encrypt(w.bankCard, `workers:${id}:bank_card`), bank_card_bidx: cipher.blindIndex('bank_card', w.bankCard),
        bank_card_mask: maskBankCard(w.bankCard), bank_id: refs.bankIds[w.bank], trade: w.trade, native_place: w.nativePlace,
        education: w.education, skill_certificates: w.skillCertificates,
      };
    }),
  );
  await insertRecords(
    db,
    'teams',
    { project_id: 'uuid', id: 'uuid', employer_id: 'uuid', name: 'text', leader_worker_id: 'uuid' },
    data.teams.map((t, i) => ({ project_id: projectIds[t.project], id: teamIds[i], employer_id: enterprise(t.employer), name: t.name, leader_worker_id: workerIds[t.leader] })),
  );
  await insertRecords(
    db,
    'employments',
    {
      project_id: 'uuid', id: 'uuid', worker_id: 'uuid', employer_id: 'uuid', team_id: 'uuid', is_team_leader: 'boolean', trade: 'text',
      entry_date: 'date', exit_date: 'date', wage_type: 'text', wage_amount_fen: 'bigint', contract_kind: 'text', contract_signed_on: 'date',
      safety_training_on: 'date',
    },
    data.employments.map((e, i) => ({
      project_id: projectIds[e.project], id: employmentIds[i], worker_id: workerIds[e.worker], employer_id: enterprise(e.employer), team_id: teamIds[e.team],
      is_team_leader: e.isTeamLeader, trade: e.trade, entry_date: e.entryDate, exit_date: e.exitDate, wage_type: e.wageType,
      wage_amount_fen: e.wageAmountFen, contract_kind: e.contractKind, contract_signed_on: e.contractSignedOn, safety_training_on: e.safetyTrainingOn,
    })),
  );

  const attendance = await insertAttendance(db, deps, data, { projectIds, workerIds, idBidx });
  return {
    projects: data.projects.length,
    subcontracts: subcontracts.length,
    workers: data.workers.length,
    teams: data.teams.length,
    employments: data.employments.length,
    ...attendance,
  };
}

async function insertAttendance(
  db: DbOrTx,
  { cipher, now }: WorkforceDeps,
  data: SeedWorkforce,
  ids: { projectIds: string[]; workerIds: string[]; idBidx: string[] },
): Promise<{ attendanceEvents: number; attendanceDaily: number; unregisteredEvents: number; keyStaffEvents: number }> {
  const plan = data.attendance;
  const nowIso = now.toISOString();
  const counts = { attendanceEvents: 0, attendanceDaily: 0, unregisteredEvents: 0, keyStaffEvents: 0 };
  const keyStaff = data.projects.map((p) => ({
    projectManager: cipher.blindIndex('id_number', p.projectManager.idNumber),
    chiefSupervisor: cipher.blindIndex('id_number', p.chiefSupervisor.idNumber),
  }));

  for (const month of plan.months) {
    const next = addMonths(month, 1);
    const suffix = `y${month.slice(0, 4)}m${month.slice(5, 7)}`;
    const events = `attendance_events_${suffix}`;
    const daily = `attendance_daily_${suffix}`;
    // A new month is filled as a plain table, then attached: the partition's indexes are built once
    // over the loaded rows instead of row by row (four times faster on PGlite). The result is what
    // `CREATE TABLE … PARTITION OF` makes: same name, columns, constraints and index names. A
    // partition that already exists is filled in place.
    const fresh = async (table: string, parent: string) => {
      const { rows } = await db.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
      if (!rows[0].exists) await db.query(`CREATE TABLE ${table} (LIKE ${parent} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      return !rows[0].exists;
    };
    const attachEvents = await fresh(events, 'attendance_events');
    const attachDaily = await fresh(daily, 'attendance_daily');

    const days = plan.sites.flatMap((s) => s.dates.filter((d) => d >= month && d < next).map((d) => ({ site: s, date: d })));
    const dayArrays = (list: typeof days) => [
      list.map((d) => ids.projectIds[d.site.project]),
      list.map((d) => d.date),
      list.map((d) => `${d.date}T00:00:00+08:00`),
      list.map((d) => d.date.replaceAll('-', '')),
    ];
    const onSite = data.employments.filter((e) => e.entryDate < next && (e.exitDate === null || e.exitDate >= month));
    const registered = await db.query(
      `INSERT INTO ${events} (${EVENT_COLUMNS})
       SELECT x.project_id, ${uuidV7At('x.at')}, x.work_date, x.at, x.direction, 'FACE', true, 'device', x.project_id,
              x.day_key || '-' || x.salt || '-' || x.direction, 'GATE-01', x.id_bidx, NULL, x.worker_id, NULL, 'registered', x.at
       FROM (
         SELECT d.project_id, d.work_date, d.day_key, e.salt, e.id_bidx, e.worker_id, v.direction,
                d.day_start + (CASE v.direction WHEN 'in' THEN 25200 + (h.u / 10000) % 3600 ELSE 61200 + (h.u / 7) % 7200 END) * interval '1 second' AS at
         FROM unnest($1::uuid[], $2::date[], $3::timestamptz[], $4::text[]) AS d (project_id, work_date, day_start, day_key)
         JOIN unnest($5::uuid[], $6::uuid[], $7::date[], $8::date[], $9::int[], $10::int[], $11::text[])
              AS e (project_id, worker_id, entry_date, exit_date, salt, presence_bp, id_bidx)
           ON e.project_id = d.project_id AND d.work_date >= e.entry_date AND (e.exit_date IS NULL OR d.work_date <= e.exit_date)
         CROSS JOIN LATERAL (SELECT hashtext(d.day_key || ':' || e.salt)::bigint & 4294967295 AS u) h
         CROSS JOIN (VALUES ('in'), ('out')) AS v (direction)
         WHERE h.u % 10000 < e.presence_bp
       ) x
       WHERE x.at <= $12::timestamptz`,
      [
        ...dayArrays(days),
        onSite.map((e) => ids.projectIds[e.project]),
        onSite.map((e) => ids.workerIds[e.worker]),
        onSite.map((e) => e.entryDate),
        onSite.map((e) => e.exitDate),
        onSite.map((e) => e.salt),
        onSite.map((e) => e.presenceBp),
        onSite.map((e) => ids.idBidx[e.worker]),
        nowIso,
      ],
    );

    // 项目经理 and 总监 clock in on working days (the on-site rate counts those); they are on the
    // project record, not on the roster.
    const staff = plan.sites.flatMap((s) => [
      { site: s, role: 'project_manager', bidx: keyStaff[s.project].projectManager, bp: s.projectManagerBp, salt: s.salt },
      { site: s, role: 'chief_supervisor', bidx: keyStaff[s.project].chiefSupervisor, bp: s.chiefSupervisorBp, salt: s.salt + 1 },
    ]);
    const key = await db.query(
      `INSERT INTO ${events} (${EVENT_COLUMNS})
       SELECT x.project_id, ${uuidV7At('x.at')}, x.work_date, x.at, x.direction, 'FACE', true, 'device', x.project_id,
              x.day_key || '-' || x.role || '-' || x.direction, 'GATE-01', x.id_bidx, NULL, NULL, x.role, 'key_staff', x.at
       FROM (
         SELECT d.project_id, d.work_date, d.day_key, k.role, k.id_bidx, v.direction,
                d.day_start + (CASE v.direction WHEN 'in' THEN 27000 + (h.u / 10000) % 5400 ELSE 63000 + (h.u / 7) % 7200 END) * interval '1 second' AS at
         FROM unnest($1::uuid[], $2::date[], $3::timestamptz[], $4::text[]) AS d (project_id, work_date, day_start, day_key)
         JOIN unnest($5::uuid[], $6::text[], $7::text[], $8::int[], $9::int[]) AS k (project_id, role, id_bidx, presence_bp, salt)
           ON k.project_id = d.project_id
         CROSS JOIN LATERAL (SELECT hashtext(d.day_key || ':' || k.salt)::bigint & 4294967295 AS u) h
         CROSS JOIN (VALUES ('in'), ('out')) AS v (direction)
         WHERE h.u % 10000 < k.presence_bp
       ) x
       WHERE x.at <= $10::timestamptz`,
      [
        ...dayArrays(days.filter((d) => isWorkingDay(d.date))),
        staff.map((k) => ids.projectIds[k.site.project]),
        staff.map((k) => k.role),
        staff.map((k) => k.bidx),
        staff.map((k) => k.bp),
        staff.map((k) => k.salt),
        nowIso,
      ],
    );

    // People seen at the gate but not on the roster: kept with the ID number's blind index and ciphertext.
    const unknown = plan.unregistered.flatMap((u, k) => {
      const bidx = cipher.blindIndex('id_number', u.idNumber);
      return u.events
        .filter((e) => e.date >= month && e.date < next && Date.parse(e.at) <= now.getTime())
        .map((e) => {
          const id = uuidv7({ msecs: Date.parse(e.at) });
          return {
            project_id: ids.projectIds[u.project], id, work_date: e.date, occurred_at: e.at, direction: e.direction, method: 'FACE', method_allowed: true,
            source: 'device', source_id: ids.projectIds[u.project], source_event_id: `${e.date.replaceAll('-', '')}-u${k}-${e.direction}`,
            device_code: 'GATE-01', id_bidx: bidx, id_enc: cipher.encrypt(u.idNumber, `attendance_events:${id}:id_number`), worker_id: null,
            key_staff_role: null, status: 'unknown_worker', received_at: e.at,
          };
        });
    });
    await insertRecords(
      db,
      events,
      {
        project_id: 'uuid', id: 'uuid', work_date: 'date', occurred_at: 'timestamptz', direction: 'text', method: 'text', method_allowed: 'boolean',
        source: 'text', source_id: 'uuid', source_event_id: 'text', device_code: 'text', id_bidx: 'text', id_enc: 'text', worker_id: 'uuid',
        key_staff_role: 'text', status: 'text', received_at: 'timestamptz',
      },
      unknown,
    );

    const summary = await db.query(
      `INSERT INTO ${daily} (project_id, work_date, worker_id, first_at, last_at, event_count)
       SELECT project_id, work_date, worker_id, min(occurred_at), max(occurred_at), count(*)::int
       FROM ${events}
       WHERE status = 'registered' AND work_date >= $1::date AND work_date < $2::date
       GROUP BY project_id, work_date, worker_id`,
      [month, next],
    );
    const bounds = `FOR VALUES FROM ('${month}') TO ('${next}')`;
    if (attachEvents) await db.query(`ALTER TABLE attendance_events ATTACH PARTITION ${events} ${bounds}`);
    if (attachDaily) await db.query(`ALTER TABLE attendance_daily ATTACH PARTITION ${daily} ${bounds}`);
    await db.query('INSERT INTO attendance_partitions (month) VALUES ($1) ON CONFLICT DO NOTHING', [month]);

    counts.attendanceEvents += registered.rowCount + key.rowCount + unknown.length;
    counts.keyStaffEvents += key.rowCount;
    counts.unregisteredEvents += unknown.length;
    counts.attendanceDaily += summary.rowCount;
  }
  return counts;
}
