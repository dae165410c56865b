import type { Bilingual } from '../../platform/errors';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; positions 3–8
 * the registering authority's division code; 9–17 the organization code (GB 11714) with its own
 * check character; 18 the code's check character, weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type Check = { ok: true } | { ok: false; reason: Bilingual };

export const normalizeCreditCode = (s: string) => s.trim().toUpperCase();

export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organization-code check character of 8 characters. */
export function organizationCodeCheckChar(first8: string): string {
  const sum = [...first8].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function validateCreditCode(input: string): Check {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return { ok: false, reason: { zh: `统一社会信用代码应为18位（当前${code.length}位）`, en: `A credit code has 18 characters (got ${code.length})` } };
  const bad = [...code].find((ch) => !ALPHABET.includes(ch));
  if (bad) return { ok: false, reason: { zh: `含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）`, en: `Character "${bad}" is not allowed (no I, O, Z, S, V)` } };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: { zh: '第3至8位应为行政区划代码', en: 'Characters 3–8 must be a division code' } };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return { ok: false, reason: { zh: `校验位错误：第18位应为“${expected}”`, en: `Wrong check character: the 18th should be "${expected}"` } };
  }
  return { ok: true };
}

const labels = <K extends string>(m: Record<K, [string, string]>) =>
  Object.fromEntries((Object.entries(m) as [K, [string, string]][]).map(([k, [zh, en]]) => [k, { zh, en }])) as Record<K, Bilingual>;

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

/** The industry a project or enterprise belongs to; an industry department sees only its own. */
export const INDUSTRIES = labels({
  housing: ['住建', 'Housing and construction'],
  transport: ['交通', 'Transport'],
  water: ['水利', 'Water resources'],
  other: ['其他', 'Other'],
});

export const GOV_UNIT_KINDS = labels({
  hrss: ['人力资源和社会保障局', 'Human resources and social security bureau'],
  wage_office: ['根治欠薪办', 'Wage-arrears office'],
  labor_inspection: ['劳动保障监察大队', 'Labour inspection brigade'],
  housing: ['住房和城乡建设局', 'Housing and urban-rural development bureau'],
  transport: ['交通运输局', 'Transport bureau'],
  water: ['水利局', 'Water resources bureau'],
  finance: ['财政局', 'Finance bureau'],
  ndrc: ['发展和改革委员会', 'Development and reform commission'],
  sasac: ['国资委', 'State assets commission'],
  police: ['公安局', 'Public security bureau'],
  court: ['人民法院', "People's court"],
  justice: ['司法局', 'Justice bureau'],
  petition: ['信访局', 'Petitions bureau'],
  discipline: ['纪委监委', 'Discipline inspection commission'],
  federation_of_trade_unions: ['总工会', 'Federation of trade unions'],
  township_gov: ['乡镇人民政府/街道办事处', 'Township government / street office'],
  village_committee: ['村(居)民委员会', 'Village / residents committee'],
  other: ['其他', 'Other'],
});
