import type { FieldProblem } from '../../platform/errors';
import { birthDateFromIdNumber, genderFromIdNumber, normalizeIdNumber, validateBankCard, validateIdNumber, validateMobilePhone } from '../../platform/validators';
import { CONTRACT_KINDS, type ContractKind, TRADES, WAGE_TYPES, type WageType } from './workforce.codes';

/**
 * The law of the real-name registry (实名制), pure. A worker is one person nationally, known by the
 * resident ID number; the number's checksum, birth date and gender are checked and derived here.
 */

/** 《劳动法》第15条: no one under 16 may be employed. */
export const MIN_WORKING_AGE = 16;

export interface WorkerFacts {
  name: string;
  idNumber: string;
  phone?: string | null;
  bankCard?: string | null;
  /** When given (imports), it must agree with the ID number. */
  gender?: 'male' | 'female' | null;
}

export interface CheckedWorker {
  name: string;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  phone: string | null;
  bankCard: string | null;
}

const NAME = /^[\u4e00-\u9fa5·•A-Za-z ]{2,30}$/;

export function checkWorker(w: WorkerFacts, now: Date): { ok: true; value: CheckedWorker } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = w.name.trim();
  if (!NAME.test(name)) problems.push({ field: 'name', message: { zh: '姓名应为2至30个汉字或字母', en: 'A name has 2 to 30 Chinese characters or letters' } });
  const idNumber = normalizeIdNumber(w.idNumber);
  const id = validateIdNumber(idNumber, now);
  if (!id.ok) problems.push({ field: 'idNumber', message: id.reason });
  const phone = w.phone?.trim() || null;
  if (phone) {
    const check = validateMobilePhone(phone);
    if (!check.ok) problems.push({ field: 'phone', message: check.reason });
  }
  const bankCard = w.bankCard?.replace(/\s/g, '') || null;
  if (bankCard) {
    const check = validateBankCard(bankCard);
    if (!check.ok) problems.push({ field: 'bankCard', message: check.reason });
  }
  if (id.ok && w.gender && w.gender !== genderFromIdNumber(idNumber)) {
    problems.push({ field: 'gender', message: { zh: '性别与身份证号不符', en: 'The gender does not match the ID number' } });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { name, idNumber, birthDate: birthDateFromIdNumber(idNumber), gender: genderFromIdNumber(idNumber), phone, bankCard } };
}

/** Whole years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface EmploymentFacts {
  birthDate: string;
  trade: string;
  entryDate: string;
  wageType: string;
  wageAmountFen: number;
  contractKind: string;
  contractSignedOn: string;
  safetyTrainingOn: string;
  today: string;
}

/**
 * RN-01 (Reg. Art. 28; 建市〔2022〕59号 Art. 8): nobody enters the site before a labour contract or
 * written work agreement is signed, basic safety training is given and the worker is registered.
 * Registration is this record; the other two must be dated on or before the entry.
 */
export function checkEmployment(f: EmploymentFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Object.hasOwn(TRADES, f.trade)) problems.push({ field: 'trade', message: { zh: '工种代码不在全国建筑工人工种目录中', en: 'Unknown trade code' } });
  if (!Object.hasOwn(WAGE_TYPES, f.wageType)) problems.push({ field: 'wageType', message: { zh: '工资形式应为日薪、月薪或计件', en: 'Wage type is daily, monthly or piece' } });
  if (!Number.isSafeInteger(f.wageAmountFen) || f.wageAmountFen <= 0) problems.push({ field: 'wageAmountFen', message: { zh: '工资标准应大于0', en: 'The wage must be above zero' } });
  if (!Object.hasOwn(CONTRACT_KINDS, f.contractKind)) {
    problems.push({ field: 'contractKind', message: { zh: '合同类型应为劳动合同或用工书面协议', en: 'A labour contract or a written work agreement' } });
  }
  if (f.contractSignedOn > f.entryDate) {
    problems.push({ field: 'contractSignedOn', message: { zh: '须先签订劳动合同（用工书面协议）再进场', en: 'The contract must be signed before entering the site' } });
  }
  if (f.safetyTrainingOn > f.entryDate) {
    problems.push({ field: 'safetyTrainingOn', message: { zh: '须先进行基本安全培训再进场', en: 'Safety training must come before entering the site' } });
  }
  if (ageOn(f.birthDate, f.entryDate) < MIN_WORKING_AGE) {
    problems.push({ field: 'idNumber', message: { zh: `进场时未满${MIN_WORKING_AGE}周岁，不得招用`, en: `Under ${MIN_WORKING_AGE} on entry: may not be employed` } });
  }
  if (f.entryDate > f.today) problems.push({ field: 'entryDate', message: { zh: '进场日期不能晚于今天（先登记，进场当日录入）', en: 'The entry date cannot be in the future' } });
  return problems;
}

export function checkExit(entryDate: string, exitDate: string, today: string): FieldProblem[] {
  if (exitDate < entryDate) return [{ field: 'exitDate', message: { zh: '退场日期不能早于进场日期', en: 'Exit precedes entry' } }];
  if (exitDate > today) return [{ field: 'exitDate', message: { zh: '退场日期不能晚于今天', en: 'The exit date cannot be in the future' } }];
  return [];
}

export type { ContractKind, WageType };
