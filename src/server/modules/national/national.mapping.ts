import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { FieldProblem } from '../../platform/errors';
import { fenToYuanText } from '../../platform/money';
import { birthDateFromIdNumber, genderFromIdNumber, normalizeIdNumber, validateBankCard, validateIdNumber, validateMobilePhone } from '../../platform/validators';
import type { InvestmentType, ProjectIndustry, ProjectStatus } from '../projects/projects.rules';
import { ATTENDANCE_METHODS, type AttendanceMethod, type ContractKind, NATIONAL_DIRECTION, TRADES, type Trade } from '../workforce/workforce.codes';
import {
  CORP_TYPE_GENERAL_CONTRACTOR,
  CORP_TYPE_OF_SUBCONTRACT,
  CORP_TYPE_OWNER,
  INVEST_TYPE_OF,
  MANAGEMENT_TRADE,
  NATIONAL_ENTRY_EXIT,
  type NationalCorpType,
  type NationalInvestType,
  type NationalProjectCategory,
  type NationalProjectStatus,
  PROJECT_CATEGORY_OF,
  PROJECT_STATUS_OF,
  type SubcontractKind,
  educationFromNational,
  nationalEducationCode,
} from './national.codes';

/**
 * Our records ↔ the 全国建筑工人管理服务信息平台 data structures (RN-06), pure: no database, no HTTP.
 * Field names follow RULES.md §6.1 and the public integration code it cites; which names are de
 * facto and which unverified is in docs/national-standard.md. Money here is integer fen, dates
 * 'YYYY-MM-DD', instants ISO 8601 with an offset; the platform takes yuan and Beijing local time.
 */

// ---------------------------------------------------------------------------------------------
// What our system hands over.

export interface NationalCorpInput {
  creditCode: string;
  name: string;
}

export interface NationalProjectInput {
  code: string;
  name: string;
  commonName: string | null;
  /** GB/T 2260, 6 to 12 digits; the platform takes the 6-digit county code. */
  regionCode: string;
  address: string;
  industry: ProjectIndustry;
  investmentType: InvestmentType;
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: ProjectStatus;
  owner: NationalCorpInput;
  generalContractor: NationalCorpInput;
  /** `kind` is not in our subcontract ledger; it defaults to a professional subcontract. */
  subcontractors: (NationalCorpInput & { parentCreditCode: string; amountFen: number; kind?: SubcontractKind })[];
  laborOfficerName: string | null;
  laborOfficerPhone: string | null;
}

export interface NationalTeamInput {
  projectCode: string;
  employerCreditCode: string;
  employerName: string;
  teamName: string;
  /** The team number the platform returned for Team.Add; null before the team is registered there. */
  teamSysNo: number | null;
  leaderIdNumber: string | null;
}

export interface NationalProjectWorkerInput {
  projectCode: string;
  employerCreditCode: string;
  employerName: string;
  teamName: string;
  teamSysNo: number | null;
  name: string;
  /** Full and in plain text: the caller decrypts. */
  idNumber: string;
  isTeamLeader: boolean;
  /** National 工种 code (our trade keys are those codes). */
  trade: string;
  phone: string | null;
  bankCardNumber: string | null;
  bankName: string | null;
  /** 12-digit 联行号 (CNAPS). */
  bankCode: string | null;
  nativePlace: string | null;
  ethnicity: string | null;
  education: string | null;
  entryDate: string;
  exitDate: string | null;
  contractKind: ContractKind;
  contractSignedOn: string;
}

export interface NationalAttendanceInput {
  projectCode: string;
  teamSysNo: number | null;
  idNumber: string;
  occurredAt: string;
  direction: 'in' | 'out';
  method: AttendanceMethod;
}

/** Applied to idCardNumber, payRollBankCardNumber and teamLeaderIdNumber (RN-06): usually `(p) => encryptForNational(p, secret)`. */
export interface ToNationalOptions {
  encrypt?: (plain: string) => string;
}

/** `decrypt` for bodies whose sensitive fields arrive encrypted; `now` for the ID number's birth-date check. */
export interface FromNationalOptions {
  decrypt?: (cipherText: string) => string;
  now?: Date;
}

// ---------------------------------------------------------------------------------------------
// The platform's structures.

export interface NationalProject {
  projectCode: string;
  name: string;
  contractorCorpCode: string;
  contractorCorpName: string;
  buildCorpCode: string;
  buildCorpName: string;
  category: NationalProjectCategory;
  investType: NationalInvestType;
  areaCode: string;
  address: string;
  /** Yuan with two decimals, as text so no binary float touches money. */
  totalContractAmt: string;
  startDate: string;
  completeDate: string;
  prjStatus: NationalProjectStatus;
  linkMan?: string;
  linkPhone?: string;
}

/** ProjectSubContractor.Add: one per participating company. */
export interface NationalParticipant {
  projectCode: string;
  corpCode: string;
  corpName: string;
  corpType: NationalCorpType;
}

export interface NationalTeam {
  projectCode: string;
  corpCode: string;
  corpName: string;
  teamName: string;
  teamSysNo?: number;
  teamLeaderIdNumber?: string;
}

/** One person in ProjectWorker.Add's `workerList`. */
export interface NationalWorkerItem {
  workerName: string;
  isTeamLeader: 0 | 1;
  idCardType: '01';
  idCardNumber: string;
  workType: string;
  workRole: 10 | 20;
  cellPhone?: string;
  nation?: string;
  address?: string;
  cultureLevelType?: string;
  payRollBankCardNumber?: string;
  payRollBankName?: string;
  bankLinkNumber?: string;
  payRollTopBankCode?: string;
}

interface NationalWorkerHeader {
  projectCode: string;
  corpCode: string;
  corpName: string;
  teamSysNo: number | null;
  teamName: string;
}

/** A worker with the header fields, flat (the shape of ProjectWorker.Update, and of one imported record). */
export type NationalProjectWorker = NationalWorkerHeader & NationalWorkerItem;

/** A ProjectWorker.Add body: one company and team, its people in `workerList`. */
export type NationalProjectWorkerBody = NationalWorkerHeader & { workerList: NationalWorkerItem[] };

export interface NationalEntryExitBody {
  projectCode: string;
  corpCode: string;
  corpName: string;
  teamSysNo: number | null;
  workerList: { idCardType: '01'; idCardNumber: string; date: string; type: 0 | 1 }[];
}

export interface NationalAttendanceItem {
  idCardType: '01';
  idCardNumber: string;
  /** Beijing local time, 'yyyy-MM-dd HH:mm:ss'. */
  date: string;
  direction: '01' | '02';
}

/** A WorkerAttendance.Add body. */
export interface NationalAttendanceBody {
  projectCode: string;
  teamSysNo: number | null;
  dataList: NationalAttendanceItem[];
}

// ---------------------------------------------------------------------------------------------
// Encryption of sensitive fields (RN-06).

/**
 * The cipher the public integration code uses (`AesUtils` in ibisTime/xn-gchf): AES-CBC with PKCS#7
 * padding, the key the project secret's bytes, the IV its first 16 bytes, the result base64. A
 * 16-byte secret gives AES-128, the usual 32-character secret AES-256.
 */
function nationalCipher(projectSecret: string) {
  const key = Buffer.from(projectSecret, 'utf8');
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new RangeError(`the project secret must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  return { algorithm: `aes-${key.length * 8}-cbc`, key, iv: key.subarray(0, 16) };
}

export function encryptForNational(plain: string, projectSecret: string): string {
  const { algorithm, key, iv } = nationalCipher(projectSecret);
  const cipher = createCipheriv(algorithm, key, iv);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** The inverse, for bodies a site system sends us encrypted. Throws on a wrong key or damaged text. */
export function decryptFromNational(cipherText: string, projectSecret: string): string {
  const { algorithm, key, iv } = nationalCipher(projectSecret);
  const decipher = createDecipheriv(algorithm, key, iv);
  return Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64')), decipher.final()]).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Time: China keeps UTC+8 all year, so Beijing local time is a fixed shift.

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const NATIONAL_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** An ISO instant with an offset → the platform's 'yyyy-MM-dd HH:mm:ss' in Beijing time. */
export function toNationalDateTime(iso: string): string {
  const at = new Date(iso);
  if (!ISO_WITH_OFFSET.test(iso) || Number.isNaN(at.getTime())) throw new RangeError(`not an ISO 8601 instant with an offset: ${iso}`);
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** The platform's Beijing 'yyyy-MM-dd HH:mm:ss' → ISO with +08:00; null unless it is a real date and time. */
export function fromNationalDateTime(text: string): string | null {
  const m = NATIONAL_DATETIME.exec(text);
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}+08:00`;
  const at = new Date(iso);
  // 2026-02-30 or 24:00:00 would roll over; a real local time survives the round trip.
  return !Number.isNaN(at.getTime()) && toNationalDateTime(at.toISOString()) === text ? iso : null;
}

// ---------------------------------------------------------------------------------------------
// Our records → the platform.

const identity = (s: string) => s;

/** Drops undefined and null members: the platform's clients omit absent optional fields. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** The project (Project.Add) and its participating companies (ProjectSubContractor.Add). */
export function toNationalProject(p: NationalProjectInput): { project: NationalProject; participants: NationalParticipant[] } {
  if (!Number.isSafeInteger(p.contractPriceFen) || p.contractPriceFen < 0) throw new RangeError('contractPriceFen must be a non-negative integer');
  const project = compact<NationalProject>({
    projectCode: p.code,
    name: p.name,
    contractorCorpCode: p.generalContractor.creditCode,
    contractorCorpName: p.generalContractor.name,
    buildCorpCode: p.owner.creditCode,
    buildCorpName: p.owner.name,
    category: PROJECT_CATEGORY_OF[p.industry],
    investType: INVEST_TYPE_OF[p.investmentType],
    areaCode: p.regionCode.slice(0, 6),
    address: p.address,
    totalContractAmt: fenToYuanText(p.contractPriceFen),
    startDate: p.actualStart ?? p.plannedStart,
    completeDate: p.actualEnd ?? p.plannedEnd,
    prjStatus: PROJECT_STATUS_OF[p.status],
    linkMan: p.laborOfficerName ?? undefined,
    linkPhone: p.laborOfficerPhone ?? undefined,
  });
  const participant = (c: NationalCorpInput, corpType: NationalCorpType): NationalParticipant => ({ projectCode: p.code, corpCode: c.creditCode, corpName: c.name, corpType });
  const participants = [
    participant(p.owner, CORP_TYPE_OWNER),
    participant(p.generalContractor, CORP_TYPE_GENERAL_CONTRACTOR),
    ...p.subcontractors.map((s) => participant(s, CORP_TYPE_OF_SUBCONTRACT[s.kind ?? 'professional'])),
  ];
  return { project, participants };
}

/** Team.Add (or Team.Update once `teamSysNo` is known). */
export function toNationalTeam(t: NationalTeamInput, options: ToNationalOptions = {}): NationalTeam {
  const encrypt = options.encrypt ?? identity;
  return compact<NationalTeam>({
    projectCode: t.projectCode,
    corpCode: t.employerCreditCode,
    corpName: t.employerName,
    teamName: t.teamName,
    teamSysNo: t.teamSysNo ?? undefined,
    teamLeaderIdNumber: t.leaderIdNumber ? encrypt(normalizeIdNumber(t.leaderIdNumber)) : undefined,
  });
}

function workerItem(w: NationalProjectWorkerInput, encrypt: (plain: string) => string): NationalWorkerItem {
  const bankCode = w.bankCode?.trim() || null;
  return compact<NationalWorkerItem>({
    workerName: w.name,
    isTeamLeader: w.isTeamLeader ? 1 : 0,
    idCardType: '01',
    idCardNumber: encrypt(normalizeIdNumber(w.idNumber)),
    workType: w.trade,
    workRole: w.trade === MANAGEMENT_TRADE ? 10 : 20,
    cellPhone: w.phone ?? undefined,
    nation: w.ethnicity ?? undefined,
    address: w.nativePlace ?? undefined,
    cultureLevelType: w.education ? (nationalEducationCode(w.education) ?? undefined) : undefined,
    payRollBankCardNumber: w.bankCardNumber ? encrypt(w.bankCardNumber.replace(/\s/g, '')) : undefined,
    payRollBankName: w.bankName ?? undefined,
    bankLinkNumber: bankCode ?? undefined,
    // A 联行号 begins with the 3-digit bank category code (102 ICBC, 105 CCB, …), the head office's code.
    payRollTopBankCode: bankCode && /^\d{12}$/.test(bankCode) ? bankCode.slice(0, 3) : undefined,
  });
}

/** One worker, flat with the company and team (ProjectWorker.Update's shape). */
export function toNationalProjectWorker(w: NationalProjectWorkerInput, options: ToNationalOptions = {}): NationalProjectWorker {
  return {
    projectCode: w.projectCode,
    corpCode: w.employerCreditCode,
    corpName: w.employerName,
    teamSysNo: w.teamSysNo,
    teamName: w.teamName,
    ...workerItem(w, options.encrypt ?? identity),
  };
}

const teamKey = (w: { projectCode: string; employerCreditCode: string; teamSysNo: number | null; teamName: string }) =>
  JSON.stringify([w.projectCode, w.employerCreditCode, w.teamSysNo, w.teamName]);

/** ProjectWorker.Add bodies: one per project, company and team, in the order first seen. */
export function toNationalProjectWorkerAdd(list: readonly NationalProjectWorkerInput[], options: ToNationalOptions = {}): NationalProjectWorkerBody[] {
  const encrypt = options.encrypt ?? identity;
  return groupBy(list, teamKey).map((group) => ({
    projectCode: group[0].projectCode,
    corpCode: group[0].employerCreditCode,
    corpName: group[0].employerName,
    teamSysNo: group[0].teamSysNo,
    teamName: group[0].teamName,
    workerList: group.map((w) => workerItem(w, encrypt)),
  }));
}

/** WorkerEntryExit.Add bodies: an entry per employment, an exit where it has ended. */
export function toNationalEntryExit(list: readonly NationalProjectWorkerInput[], options: ToNationalOptions = {}): NationalEntryExitBody[] {
  const encrypt = options.encrypt ?? identity;
  return groupBy(list, teamKey).map((group) => ({
    projectCode: group[0].projectCode,
    corpCode: group[0].employerCreditCode,
    corpName: group[0].employerName,
    teamSysNo: group[0].teamSysNo,
    workerList: group.flatMap((w) => {
      const idCardNumber = encrypt(normalizeIdNumber(w.idNumber));
      const entry = { idCardType: '01' as const, idCardNumber, date: w.entryDate, type: NATIONAL_ENTRY_EXIT.entry };
      return w.exitDate ? [entry, { ...entry, date: w.exitDate, type: NATIONAL_ENTRY_EXIT.exit }] : [entry];
    }),
  }));
}

/** WorkerAttendance.Add bodies: one per project and team, events in the order given. */
export function toNationalAttendance(list: readonly NationalAttendanceInput[], options: ToNationalOptions = {}): NationalAttendanceBody[] {
  const encrypt = options.encrypt ?? identity;
  return groupBy(list, (e) => JSON.stringify([e.projectCode, e.teamSysNo])).map((group) => ({
    projectCode: group[0].projectCode,
    teamSysNo: group[0].teamSysNo,
    dataList: group.map((e) => ({
      idCardType: '01' as const,
      idCardNumber: encrypt(normalizeIdNumber(e.idNumber)),
      date: toNationalDateTime(e.occurredAt),
      direction: NATIONAL_DIRECTION[e.direction],
    })),
  }));
}

// ---------------------------------------------------------------------------------------------
// The platform → our records (a site system that speaks the standard sends us data).

export type MappingResult<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

/** A roster row as our workforce module registers it (names as in the roster import). */
export interface NationalWorkerRow {
  projectCode: string;
  employerCreditCode: string;
  employerName: string;
  teamName: string | null;
  teamSysNo: number | null;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  isTeamLeader: boolean;
  trade: Trade;
  phone: string | null;
  bankCardNumber: string | null;
  bankName: string | null;
  bankCode: string | null;
  nativePlace: string | null;
  ethnicity: string | null;
  /** The label the roster stores (e.g. 初中). */
  education: string | null;
}

export interface NationalAttendanceEvent {
  /** Position in `dataList`. */
  index: number;
  idNumber: string;
  /** ISO 8601 with +08:00. */
  occurredAt: string;
  direction: 'in' | 'out';
  method: AttendanceMethod;
  /** Stable across re-sends of the same event: re-delivery is idempotent. */
  sourceEventId: string;
}

/** `index` is the position in `dataList`, null for a problem with the body itself. */
export type NationalItemProblem = FieldProblem & { index: number | null };

export interface NationalAttendanceParse {
  projectCode: string | null;
  teamSysNo: number | null;
  events: NationalAttendanceEvent[];
  errors: NationalItemProblem[];
}

const problem = (field: string, zh: string, en: string): FieldProblem => ({ field, message: { zh, en } });

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or number field as trimmed text; null when absent or blank. */
function text(o: Fields, key: string): string | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  return v.trim() || null;
}

/** `teamSysNo` arrives as a number or as digits in a string. */
function teamSysNoOf(o: Fields, problems: FieldProblem[], field = 'teamSysNo'): number | null {
  const t = text(o, 'teamSysNo');
  if (t === null) return null;
  if (!/^\d{1,15}$/.test(t)) {
    problems.push(problem(field, '班组编号应为平台返回的数字编号', 'teamSysNo must be the number the platform returned'));
    return null;
  }
  return Number(t);
}

/** ID type: only the resident identity card ('01'; some clients send '1'). Absent means '01'. */
function checkIdCardType(o: Fields, field: string, problems: FieldProblem[]) {
  const t = text(o, 'idCardType');
  if (t !== null && t !== '01' && t !== '1') problems.push(problem(field, '仅支持居民身份证（证件类型01）', 'Only the resident identity card (type 01) is supported'));
}

/** A sensitive field, decrypted when the caller gave a key; null with a problem when that fails. */
function plainOf(value: string, field: string, options: FromNationalOptions, problems: FieldProblem[]): string | null {
  if (!options.decrypt) return value;
  try {
    return options.decrypt(value);
  } catch {
    problems.push(problem(field, '无法解密，请确认已用本项目的密钥加密', 'Cannot decrypt; encrypt with this project’s secret'));
    return null;
  }
}

/** A checked, normalized ID number, or null with the problem recorded. */
function idNumberOf(o: Fields, field: string, options: FromNationalOptions, problems: FieldProblem[]): string | null {
  const raw = text(o, 'idCardNumber');
  if (raw === null) {
    problems.push(problem(field, '请填写证件号码', 'idCardNumber is required'));
    return null;
  }
  const plain = plainOf(raw, field, options, problems);
  if (plain === null) return null;
  const check = validateIdNumber(plain, options.now);
  if (!check.ok) {
    problems.push({ field, message: check.reason });
    return null;
  }
  return normalizeIdNumber(plain);
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** One ProjectWorker record, flat with projectCode, corpCode, corpName, teamSysNo and teamName. */
export function fromNationalProjectWorker(obj: unknown, options: FromNationalOptions = {}): MappingResult<NationalWorkerRow> {
  if (!isRecord(obj)) return { ok: false, errors: [problem('', '内容应为一个人员对象', 'Expected one worker object')] };
  const problems: FieldProblem[] = [];
  const required = (key: string, zh: string) => {
    const v = text(obj, key);
    if (v === null) problems.push(problem(key, `请填写${zh}`, `${key} is required`));
    return v;
  };
  const projectCode = required('projectCode', '项目编码');
  const corpCode = required('corpCode', '所在企业统一社会信用代码')?.toUpperCase() ?? null;
  if (corpCode !== null && !CREDIT_CODE.test(corpCode)) problems.push(problem('corpCode', '统一社会信用代码应为18位', 'corpCode must be an 18-character credit code'));
  const corpName = required('corpName', '所在企业名称');
  const name = required('workerName', '工人姓名');
  const teamSysNo = teamSysNoOf(obj, problems);
  checkIdCardType(obj, 'idCardType', problems);
  const idNumber = idNumberOf(obj, 'idCardNumber', options, problems);

  const workType = required('workType', '工种');
  if (workType !== null && !(workType in TRADES)) problems.push(problem('workType', `工种代码“${workType}”不在全国建筑工人工种目录中`, `Unknown trade code "${workType}"`));

  const leader = obj.isTeamLeader;
  let isTeamLeader = false;
  if (leader === 1 || leader === '1' || leader === true) isTeamLeader = true;
  else if (leader !== 0 && leader !== '0' && leader !== false && leader !== undefined && leader !== null) {
    problems.push(problem('isTeamLeader', '是否班组长应为1或0', 'isTeamLeader must be 1 or 0'));
  }

  const phone = text(obj, 'cellPhone');
  if (phone !== null) {
    const check = validateMobilePhone(phone);
    if (!check.ok) problems.push({ field: 'cellPhone', message: check.reason });
  }

  let bankCardNumber: string | null = null;
  const cardRaw = text(obj, 'payRollBankCardNumber');
  if (cardRaw !== null) {
    const plain = plainOf(cardRaw, 'payRollBankCardNumber', options, problems);
    if (plain !== null) {
      const check = validateBankCard(plain);
      if (check.ok) bankCardNumber = plain.replace(/\s/g, '');
      else problems.push({ field: 'payRollBankCardNumber', message: check.reason });
    }
  }
  const bankCode = text(obj, 'bankLinkNumber');
  if (bankCode !== null && !/^\d{12}$/.test(bankCode)) problems.push(problem('bankLinkNumber', '联行号应为12位数字', 'bankLinkNumber must be 12 digits'));

  const cultureLevel = text(obj, 'cultureLevelType');
  const education = cultureLevel === null ? null : educationFromNational(cultureLevel);
  if (cultureLevel !== null && education === null) problems.push(problem('cultureLevelType', `文化程度代码“${cultureLevel}”无法识别`, `Unknown cultureLevelType "${cultureLevel}"`));

  if (problems.length) return { ok: false, errors: problems };
  return {
    ok: true,
    value: {
      projectCode: projectCode!,
      employerCreditCode: corpCode!,
      employerName: corpName!,
      teamName: text(obj, 'teamName'),
      teamSysNo,
      name: name!,
      idNumber: idNumber!,
      gender: genderFromIdNumber(idNumber!),
      birthDate: birthDateFromIdNumber(idNumber!),
      isTeamLeader,
      trade: workType as Trade,
      phone,
      bankCardNumber,
      bankName: text(obj, 'payRollBankName'),
      bankCode,
      nativePlace: text(obj, 'address'),
      ethnicity: text(obj, 'nation'),
      education,
    },
  };
}

/**
 * The platform's `attendType` / `channel` → our method. Neither field's dictionary is known (the
 * codes are UNVERIFIED), so this reads our own method names and the usual words; anything else is
 * taken as face recognition, what gated sites use.
 */
const METHOD_WORDS: [RegExp, AttendanceMethod][] = [
  [/人脸|刷脸|面部|\bface\b/i, 'FACE'],
  [/指纹|\bfinger(print)?\b/i, 'FINGER'],
  [/虹膜|\biris\b/i, 'IRIS'],
  [/围栏|定位|\bgps\b|\bfence\b/i, 'GPS_FENCE'],
  [/刷卡|IC卡|门禁卡|考勤卡|\bcard\b/i, 'CARD'],
  [/人工|手工|手动|补录|\bmanual\b/i, 'MANUAL'],
];

export function methodFromNational(attendType: string | null, channel: string | null): AttendanceMethod {
  for (const value of [attendType, channel]) {
    if (!value) continue;
    const upper = value.trim().toUpperCase();
    if (upper in ATTENDANCE_METHODS) return upper as AttendanceMethod;
    const hit = METHOD_WORDS.find(([re]) => re.test(value));
    if (hit) return hit[1];
  }
  return 'FACE';
}

/** sha256 of `idCardNumber|date|direction` (plain, normalized ID; the national date text and direction code), first 32 hex digits. */
export function nationalSourceEventId(idNumber: string, date: string, direction: '01' | '02'): string {
  return createHash('sha256').update(`${normalizeIdNumber(idNumber)}|${date}|${direction}`).digest('hex').slice(0, 32);
}

const DIRECTION_OF: Record<string, 'in' | 'out'> = { '01': 'in', '02': 'out' };

/** A WorkerAttendance.Add body → our events; a bad item is reported by index and skipped, the rest kept. */
export function fromNationalAttendance(obj: unknown, options: FromNationalOptions = {}): NationalAttendanceParse {
  const result: NationalAttendanceParse = { projectCode: null, teamSysNo: null, events: [], errors: [] };
  if (!isRecord(obj)) {
    result.errors.push({ index: null, ...problem('', '内容应为考勤数据对象', 'Expected a WorkerAttendance body') });
    return result;
  }
  const bodyProblems: FieldProblem[] = [];
  result.projectCode = text(obj, 'projectCode');
  if (result.projectCode === null) bodyProblems.push(problem('projectCode', '请填写项目编码', 'projectCode is required'));
  result.teamSysNo = teamSysNoOf(obj, bodyProblems);
  const list = obj.dataList;
  if (!Array.isArray(list)) bodyProblems.push(problem('dataList', '考勤记录列表 dataList 应为数组', 'dataList must be an array'));
  result.errors.push(...bodyProblems.map((p) => ({ index: null, ...p })));
  if (!Array.isArray(list)) return result;

  list.forEach((item: unknown, index) => {
    const at = (key: string) => `dataList[${index}].${key}`;
    if (!isRecord(item)) {
      result.errors.push({ index, ...problem(`dataList[${index}]`, '考勤记录应为对象', 'Each record must be an object') });
      return;
    }
    const problems: FieldProblem[] = [];
    checkIdCardType(item, at('idCardType'), problems);
    const idNumber = idNumberOf(item, at('idCardNumber'), options, problems);
    const date = text(item, 'date');
    const occurredAt = date === null ? null : fromNationalDateTime(date);
    if (occurredAt === null) problems.push(problem(at('date'), '考勤时间应为北京时间 yyyy-MM-dd HH:mm:ss', 'date must be Beijing time as yyyy-MM-dd HH:mm:ss'));
    const directionCode = text(item, 'direction');
    const direction = directionCode === null ? undefined : DIRECTION_OF[directionCode];
    if (!direction) problems.push(problem(at('direction'), '进出方向应为01（进）或02（出）', 'direction must be 01 (in) or 02 (out)'));
    if (problems.length) {
      result.errors.push(...problems.map((p) => ({ index, ...p })));
      return;
    }
    result.events.push({
      index,
      idNumber: idNumber!,
      occurredAt: occurredAt!,
      direction: direction!,
      method: methodFromNational(text(item, 'attendType'), text(item, 'channel')),
      sourceEventId: nationalSourceEventId(idNumber!, date!, directionCode as '01' | '02'),
    });
  });
  return result;
}
