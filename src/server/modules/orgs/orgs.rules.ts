import type { Bilingual } from '../../platform/errors';
import type { Check } from '../../platform/validators';
import type { RegionLevel } from '../regions/regions.rules';
import { labels } from '../../platform/labels';

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015), 18 characters:
//   1 登记管理部门码 · 2 机构类别码 · 3–8 登记管理机关行政区划码 · 9–17 主体标识码 (the GB 11714
//   organization code, its own check character at 17) · 18 校验码.

/** The 31 characters a credit code may use (no I, O, Z, S, V); a character's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^i mod 31: the weights of GB 32100.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/**
 * 登记管理部门: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管,
 * A 军队, N 农业, Y 其他 (GB 32100 and the codes assigned since).
 */
const REGISTRATION_AUTHORITIES = '123456789ANY';

const fail = (zh: string, en: string): Check => ({ ok: false, reason: { zh, en } });

/** Trims and upper-cases: codes are often typed in lower case or pasted with spaces. */
export const normalizeCreditCode = (s: string): string => s.trim().toUpperCase();

/** The 18th character for the first 17 (C18 = 31 − Σ mod 31, where 31 means 0). */
export function creditCodeCheckChar(first17: string): string {
  if (!new RegExp(`^[${CREDIT_CODE_ALPHABET}]{17}$`).test(first17)) throw new RangeError('creditCodeCheckChar needs 17 credit-code characters');
  const sum = [...first17].reduce((acc, ch, i) => acc + CREDIT_CODE_ALPHABET.indexOf(ch) * CREDIT_WEIGHTS[i], 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * The GB 11714 check character of an 8-character organization code body. GB 11714 values letters
 * over the full Latin alphabet (A = 10 … Z = 35), unlike GB 32100's 31-character alphabet.
 */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('organizationCodeCheckChar needs 8 digits or capital letters');
  const sum = [...first8].reduce((acc, ch, i) => acc + parseInt(ch, 36) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Checks structure and both check characters; each failure says what is wrong and where. */
export function validateCreditCode(input: string): Check {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return fail(`统一社会信用代码应为18位（当前${code.length}位）`, `A credit code has 18 characters (got ${code.length})`);
  const bad = [...code].findIndex((ch) => !CREDIT_CODE_ALPHABET.includes(ch));
  if (bad >= 0) {
    return fail(
      `第${bad + 1}位含有不允许的字符“${code[bad]}”（只用数字和除 I、O、Z、S、V 外的大写字母）`,
      `Character ${bad + 1} ("${code[bad]}") is not allowed (digits and capital letters except I, O, Z, S, V)`,
    );
  }
  if (!REGISTRATION_AUTHORITIES.includes(code[0])) {
    return fail(`第1位登记管理部门代码“${code[0]}”不存在（应为1–9、A、N或Y）`, `Character 1 ("${code[0]}") is not a registration authority (1–9, A, N, Y)`);
  }
  // Every organization category assigned so far is a digit 1–9.
  if (!/[1-9]/.test(code[1])) return fail(`第2位机构类别代码“${code[1]}”不正确（应为1–9）`, `Character 2 ("${code[1]}") is not an organization category (1–9)`);
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('第3至8位应为6位数字的行政区划代码', 'Characters 3–8 must be a 6-digit division code');
  const orgCheck = organizationCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return fail(`组织机构代码（第9至17位）校验位错误：第17位应为“${orgCheck}”`, `Wrong organization-code check character: character 17 should be "${orgCheck}"`);
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return fail(`校验位错误：第18位应为“${expected}”`, `Wrong check character: character 18 should be "${expected}"`);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Enumerations with their labels (shared with the web client through src/web/lib/labels.ts).

export const ENTERPRISE_TYPES = labels({
  owner: ['建设单位', 'Project owner'],
  general_contractor: ['施工总承包', 'General contractor'],
  subcontractor: ['专业分包', 'Specialist subcontractor'],
  labor_subcontractor: ['劳务分包', 'Labour subcontractor'],
  manufacturing: ['制造业', 'Manufacturing'],
  catering: ['餐饮', 'Catering'],
  logistics: ['物流', 'Logistics'],
  training: ['培训机构', 'Training institution'],
  other: ['其他', 'Other'],
});
export type EnterpriseType = keyof typeof ENTERPRISE_TYPES;

/** The enterprise types that take part in construction projects (owner and the contracting chain). */
export const CONSTRUCTION_ENTERPRISE_TYPES = ['owner', 'general_contractor', 'subcontractor', 'labor_subcontractor'] as const satisfies readonly EnterpriseType[];

/** The industry a project or enterprise belongs to; an industry department sees only its own. */
export const INDUSTRIES = labels({
  housing: ['住建', 'Housing and construction'],
  transport: ['交通', 'Transport'],
  water: ['水利', 'Water resources'],
  other: ['其他', 'Other'],
});
export type Industry = keyof typeof INDUSTRIES;

const ABOVE_TOWNSHIP: readonly RegionLevel[] = [1, 2, 3];

/** Government units and the region levels each may be attached to. */
const unitKinds = <K extends string>(m: Record<K, [string, string, readonly RegionLevel[]]>) =>
  Object.fromEntries((Object.entries(m) as [K, [string, string, readonly RegionLevel[]]][]).map(([k, [zh, en, levels]]) => [k, { zh, en, levels }])) as Record<
    K,
    Bilingual & { levels: readonly RegionLevel[] }
  >;

export const GOV_UNIT_KINDS = unitKinds({
  hrss: ['人力资源和社会保障局', 'Human resources and social security bureau', ABOVE_TOWNSHIP],
  // Townships run a 治欠办 too (the seed plans of 路阳镇 and 含谷镇 have one).
  wage_office: ['根治欠薪办/治欠办', 'Wage-arrears office', [1, 2, 3, 4]],
  labor_inspection: ['劳动保障监察大队', 'Labour inspection brigade', ABOVE_TOWNSHIP],
  housing: ['住房和城乡建设局', 'Housing and urban-rural development bureau', ABOVE_TOWNSHIP],
  transport: ['交通运输局', 'Transport bureau', ABOVE_TOWNSHIP],
  water: ['水利局', 'Water resources bureau', ABOVE_TOWNSHIP],
  finance: ['财政局', 'Finance bureau', ABOVE_TOWNSHIP],
  ndrc: ['发展和改革委员会', 'Development and reform commission', ABOVE_TOWNSHIP],
  sasac: ['国资委', 'State-owned assets commission', ABOVE_TOWNSHIP],
  police: ['公安局', 'Public security bureau', ABOVE_TOWNSHIP],
  court: ['人民法院', "People's court", ABOVE_TOWNSHIP],
  justice: ['司法局', 'Justice bureau', ABOVE_TOWNSHIP],
  petition: ['信访局', 'Petitions bureau', ABOVE_TOWNSHIP],
  discipline: ['纪委监委', 'Discipline inspection and supervision commission', ABOVE_TOWNSHIP],
  federation_of_trade_unions: ['总工会', 'Federation of trade unions', ABOVE_TOWNSHIP],
  township_gov: ['乡镇人民政府/街道办事处', 'Township government / street office', [4]],
  village_committee: ['村(居)民委员会', "Villagers' / residents' committee", [5]],
  other: ['其他', 'Other', [1, 2, 3, 4, 5]],
});
export type GovUnitKind = keyof typeof GOV_UNIT_KINDS;

export const govUnitKindAllowedAt = (kind: GovUnitKind, level: RegionLevel): boolean => GOV_UNIT_KINDS[kind].levels.includes(level);
