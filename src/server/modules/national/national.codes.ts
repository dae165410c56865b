import type { InvestmentType, ProjectIndustry, ProjectStatus } from '../projects/projects.rules';

/**
 * Code lists of the 全国建筑工人管理服务信息平台 (jzgr.mohurd.gov.cn) and how ours map to them.
 *
 * The platform's 《数据标准》 was not found. Every code here is either DE FACTO (seen in public
 * integration code calling the platform: `ibisTime/xn-gchf` and a `com.real.name` demo) or
 * UNVERIFIED (remembered from integration write-ups, not seen in any source during this work).
 * Each list says which. Check them against the platform's dictionary before the first live upload;
 * docs/national-standard.md lists the same status per field.
 *
 * Trade (工种 `workType`), ID type and attendance direction need no table: our keys are the
 * platform's codes (see workforce.codes.ts).
 */

/** 项目分类 (`category`). UNVERIFIED: no source seen; codes recalled from integration write-ups. */
export const NATIONAL_PROJECT_CATEGORIES = {
  '01': '房屋建筑工程',
  '02': '市政公用工程',
  '03': '机电安装工程',
  '04': '铁路工程',
  '05': '公路工程',
  '06': '港口与航道工程',
  '07': '水利水电工程',
  '08': '电力工程',
  '09': '矿山工程',
  '10': '冶金工程',
  '11': '石油化工工程',
  '12': '通信工程',
  '99': '其他',
} as const;
export type NationalProjectCategory = keyof typeof NATIONAL_PROJECT_CATEGORIES;

/**
 * Our industry → 项目分类. `transport` is sent as 公路 (roads are most of it; ports would be '06'),
 * and `aviation` as 其他 because no civil-aviation category is known.
 */
export const PROJECT_CATEGORY_OF: Record<ProjectIndustry, NationalProjectCategory> = {
  building: '01',
  municipal: '02',
  transport: '05',
  water: '07',
  railway: '04',
  aviation: '99',
  telecom: '12',
  power: '08',
  other: '99',
};

/** 投资类型 (`investType`). UNVERIFIED: neither the field name nor the codes were seen in any source. */
export const NATIONAL_INVEST_TYPES = {
  '01': '政府投资',
  '02': '国有企业投资',
  '03': '政府和社会资本合作',
  '04': '社会投资',
} as const;
export type NationalInvestType = keyof typeof NATIONAL_INVEST_TYPES;

export const INVEST_TYPE_OF: Record<InvestmentType, NationalInvestType> = {
  government: '01',
  soe: '02',
  ppp: '03',
  private: '04',
};

/**
 * 项目状态 (`prjStatus`). The three-digit form is DE FACTO (a demo sends "001"); the meanings are
 * UNVERIFIED. The platform has no 竣工验收 state, so `completed` and `accepted` both go as 完工, and
 * a registered project not yet started goes as 立项.
 */
export const NATIONAL_PROJECT_STATUSES = {
  '001': '筹备',
  '002': '立项',
  '003': '在建',
  '004': '完工',
  '005': '停工',
} as const;
export type NationalProjectStatus = keyof typeof NATIONAL_PROJECT_STATUSES;

export const PROJECT_STATUS_OF: Record<ProjectStatus, NationalProjectStatus> = {
  not_started: '002',
  in_progress: '003',
  suspended: '005',
  completed: '004',
  accepted: '004',
};

/**
 * 参建单位类型 (`corpType` of ProjectSubContractor.Add). '009' for the general contractor is DE
 * FACTO (demo); the rest is UNVERIFIED. Our subcontract ledger does not record whether a
 * subcontract is professional or labour, so the caller says so (default 专业分包).
 */
export const NATIONAL_CORP_TYPES = {
  '001': '专业分包',
  '002': '设备分包',
  '003': '材料分包',
  '004': '后勤服务',
  '005': '特殊设备',
  '006': '劳务分包',
  '007': '监理',
  '008': '建设单位',
  '009': '总承包单位',
  '010': '勘察',
  '011': '设计',
  '012': '其他',
} as const;
export type NationalCorpType = keyof typeof NATIONAL_CORP_TYPES;

export type SubcontractKind = 'professional' | 'labour';
export const CORP_TYPE_OF_SUBCONTRACT: Record<SubcontractKind, NationalCorpType> = { professional: '001', labour: '006' };
export const CORP_TYPE_OWNER: NationalCorpType = '008';
export const CORP_TYPE_GENERAL_CONTRACTOR: NationalCorpType = '009';

/**
 * 文化程度: our keys, the label the roster stores (`workers.education` holds what people typed,
 * normally the Chinese label) and the platform's `cultureLevelType`. The two-digit form is DE FACTO
 * (demos send "01" and "05"); the meaning of each code is UNVERIFIED. It is not GB/T 4658.
 */
export const EDUCATION_LEVELS = {
  primary: { zh: '小学', en: 'Primary school', national: '01' },
  junior_high: { zh: '初中', en: 'Junior high school', national: '02' },
  senior_high: { zh: '高中', en: 'Senior high school', national: '03' },
  secondary_vocational: { zh: '中专', en: 'Secondary vocational school', national: '04' },
  junior_college: { zh: '大专', en: 'Junior college', national: '05' },
  bachelor: { zh: '本科', en: "Bachelor's degree", national: '06' },
  master: { zh: '硕士', en: "Master's degree", national: '07' },
  doctorate: { zh: '博士', en: 'Doctorate', national: '08' },
  other: { zh: '其他', en: 'Other', national: '99' },
} as const;
export type EducationLevel = keyof typeof EDUCATION_LEVELS;

/** Labels people type that mean the same level. */
const EDUCATION_ALIASES: Record<string, EducationLevel> = {
  文盲: 'other',
  无: 'other',
  中技: 'secondary_vocational',
  技校: 'secondary_vocational',
  职高: 'secondary_vocational',
  专科: 'junior_college',
  大学专科: 'junior_college',
  大学本科: 'bachelor',
  大学: 'bachelor',
  研究生: 'master',
};

/** Our education value (key or label, as stored) → the national code; null when not recognised. */
export function nationalEducationCode(value: string): string | null {
  const text = value.trim();
  if (text in EDUCATION_LEVELS) return EDUCATION_LEVELS[text as EducationLevel].national;
  const level = (Object.keys(EDUCATION_LEVELS) as EducationLevel[]).find((k) => EDUCATION_LEVELS[k].zh === text) ?? EDUCATION_ALIASES[text];
  return level ? EDUCATION_LEVELS[level].national : null;
}

/** The national code → the label our roster stores; null for an unknown code. */
export function educationFromNational(code: string): string | null {
  const level = (Object.keys(EDUCATION_LEVELS) as EducationLevel[]).find((k) => EDUCATION_LEVELS[k].national === code);
  return level ? EDUCATION_LEVELS[level].zh : null;
}

/**
 * 工人类型 (`workRole`). DE FACTO: demos send 10 and 20; that 10 is 管理人员 and 20 建筑工人 is
 * UNVERIFIED. We derive it from the trade: '390' (管理人员) is management staff.
 */
export const NATIONAL_WORK_ROLES = { 10: '管理人员', 20: '建筑工人' } as const;
export const MANAGEMENT_TRADE = '390';

/** 进退场类型 (`type` of WorkerEntryExit.Add). DE FACTO: a demo sends 1 for 进场; 0 for 退场 is UNVERIFIED. */
export const NATIONAL_ENTRY_EXIT = { entry: 1, exit: 0 } as const;
