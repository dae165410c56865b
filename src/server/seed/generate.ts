import {
  CONSTRUCTION_ENTERPRISE_TYPES,
  CREDIT_CODE_ALPHABET,
  type EnterpriseType,
  type GovUnitKind,
  type Industry,
  creditCodeCheckChar,
  organizationCodeCheckChar,
} from '../modules/orgs/orgs.rules';
import { type RegionLevel, ancestorCodes } from '../modules/regions/regions.rules';
import { idNumberCheckChar } from '../platform/validators';
import { enterpriseName, personName, placeName, drawUnique } from './names';
import type { Rng } from './rng';

/**
 * Synthetic demo data, pure and deterministic: each generator draws only from the `Rng` it is given.
 * Later modules (projects, workers, attendance, payroll) add their generators beside these and build
 * on their outputs (regions, enterprises, people).
 */

export type Scale = 'township' | 'district' | 'city' | 'province';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// Regions

export interface SeedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

// A made-up province on a structurally valid code. The demo centres on the first district and its
// first township; their names are fixed so docs, screenshots and browser tests can name them.
const PROVINCE: SeedRegion = { code: '450000', name: '南江省', level: 1, parentCode: null };
const CITY_NAMES = ['青州市', '云州市', '石城市'];
const DEMO_DISTRICT_NAME = '云溪区';
const DEMO_TOWNSHIP_NAME = '青石镇';

type TownshipKind = 'street' | 'town' | 'xiang';

interface Shape {
  cities: number;
  districtsPerCity: number;
  /** The kinds of each district's townships, in code order; the first is a town (the demo's). */
  townships: readonly TownshipKind[];
  villages: (rng: Rng, townshipIndex: number) => number;
}

const DISTRICT_TOWNSHIPS: TownshipKind[] = ['town', 'street', 'town', 'street', 'town', 'xiang', 'street', 'town'];
const villagesPerTownship = (rng: Rng) => rng.int(6, 12);

const SHAPES: Record<Scale, Shape> = {
  // One township of 12 villages, plus a smaller neighbour so scope tests have something to exclude.
  township: { cities: 1, districtsPerCity: 1, townships: ['town', 'town'], villages: (_, t) => (t === 0 ? 12 : 4) },
  district: { cities: 1, districtsPerCity: 1, townships: DISTRICT_TOWNSHIPS, villages: villagesPerTownship },
  city: { cities: 1, districtsPerCity: 4, townships: DISTRICT_TOWNSHIPS, villages: villagesPerTownship },
  province: { cities: 3, districtsPerCity: 4, townships: DISTRICT_TOWNSHIPS, villages: villagesPerTownship },
};

// GB/T 10114 serials below a district: 街道 001–099, 镇 100–199, 乡 200–399; below a township:
// 居委会 (社区) 001–199, 村委会 200–399.
const TOWNSHIP_KINDS: Record<TownshipKind, { suffix: string; firstSerial: number }> = {
  street: { suffix: '街道', firstSerial: 1 },
  town: { suffix: '镇', firstSerial: 100 },
  xiang: { suffix: '乡', firstSerial: 200 },
};
const COMMUNITY_FIRST_SERIAL = 1;
const VILLAGE_FIRST_SERIAL = 200;

/** Township, street or 乡 rows of one district, each followed by its villages or communities. */
function townshipsOf(district: SeedRegion, shape: Shape, rng: Rng, isDemo: boolean): SeedRegion[] {
  const rows: SeedRegion[] = [];
  const names = new Set(isDemo ? [DEMO_TOWNSHIP_NAME] : []);
  const serials: Record<TownshipKind, number> = { street: 0, town: 0, xiang: 0 };
  shape.townships.forEach((kind, t) => {
    const { suffix, firstSerial } = TOWNSHIP_KINDS[kind];
    const name = isDemo && t === 0 ? DEMO_TOWNSHIP_NAME : drawUnique(rng, names, (r) => placeName(r) + suffix);
    const township: SeedRegion = { code: district.code + pad(firstSerial + serials[kind]++, 3), name, level: 4, parentCode: district.code };
    rows.push(township, ...villagesOf(township, kind, shape.villages(rng, t), rng));
  });
  return rows;
}

/** A street has communities only; a town or 乡 has one community at its seat, the rest villages. */
function villagesOf(township: SeedRegion, kind: TownshipKind, count: number, rng: Rng): SeedRegion[] {
  const names = new Set<string>();
  let communities = 0;
  let villages = 0;
  return Array.from({ length: count }, (_, v) => {
    const community = kind === 'street' || v === 0;
    const serial = community ? COMMUNITY_FIRST_SERIAL + communities++ : VILLAGE_FIRST_SERIAL + villages++;
    const name = drawUnique(rng, names, (r) => placeName(r) + (community ? '社区' : '村'));
    return { code: township.code + pad(serial, 3), name, level: 5, parentCode: township.code };
  });
}

/**
 * A well-formed tree under 南江省 (450000): township scale 1 city › 1 district › 2 townships;
 * district 8 townships/streets of 6–12 villages each; city 4 such districts; province 3 cities.
 * Rows come parents first; names are unique among siblings.
 */
export function generateRegionTree(scale: Scale, rng: Rng): SeedRegion[] {
  const shape = SHAPES[scale];
  const rows: SeedRegion[] = [PROVINCE];
  for (let c = 1; c <= shape.cities; c++) {
    const city: SeedRegion = { code: `45${pad(c, 2)}00`, name: CITY_NAMES[c - 1], level: 2, parentCode: PROVINCE.code };
    rows.push(city);
    const districtNames = new Set(c === 1 ? [DEMO_DISTRICT_NAME] : []);
    for (let d = 1; d <= shape.districtsPerCity; d++) {
      const isDemo = c === 1 && d === 1;
      const name = isDemo ? DEMO_DISTRICT_NAME : drawUnique(rng, districtNames, (r) => `${placeName(r)}区`);
      // District serials start at 02: 01 is GB/T 2260's old 市辖区 placeholder.
      const district: SeedRegion = { code: city.code.slice(0, 4) + pad(d + 1, 2), name, level: 3, parentCode: city.code };
      rows.push(district, ...townshipsOf(district, shape, rng, isDemo));
    }
  }
  return rows;
}

const byCode = (regions: readonly SeedRegion[]) => new Map(regions.map((r) => [r.code, r]));

/** A postal-style address inside `region`: its names from the city down, then a road or 组. */
function addressIn(region: SeedRegion, regions: Map<string, SeedRegion>, rng: Rng): string {
  const chain = [...ancestorCodes(region.code), region.code].map((code) => regions.get(code)?.name).filter((n): n is string => !!n);
  const place = (chain.length > 1 ? chain.slice(1) : chain).join(''); // the province is implied below it
  return region.level === 5 ? `${place}${rng.int(1, 12)}组${rng.int(1, 99)}号` : `${place}${placeName(rng)}路${rng.int(1, 300)}号`;
}

// ---------------------------------------------------------------------------------------------
// Government units

export interface SeedGovUnit {
  regionCode: string;
  kind: GovUnitKind;
  name: string;
  officePhone: string;
  address: string;
}

// The standing units of the three upper levels, as each level names them: [kind, province, city,
// district]; null where the level has none in the demo.
const BUREAUS: [GovUnitKind, string, string, string | null][] = [
  ['hrss', '人力资源和社会保障厅', '人力资源和社会保障局', '人力资源和社会保障局'],
  ['wage_office', '根治拖欠农民工工资工作领导小组办公室', '根治拖欠农民工工资工作领导小组办公室', '根治拖欠农民工工资工作领导小组办公室'],
  ['labor_inspection', '劳动保障监察总队', '劳动保障监察支队', '劳动保障监察大队'],
  ['housing', '住房和城乡建设厅', '住房和城乡建设局', '住房和城乡建设局'],
  ['transport', '交通运输厅', '交通运输局', '交通运输局'],
  ['water', '水利厅', '水利局', '水利局'],
  ['finance', '财政厅', '财政局', '财政局'],
  ['ndrc', '发展和改革委员会', '发展和改革委员会', '发展和改革委员会'],
  ['sasac', '人民政府国有资产监督管理委员会', '人民政府国有资产监督管理委员会', null],
  ['police', '公安厅', '公安局', '公安分局'],
  ['court', '高级人民法院', '中级人民法院', '人民法院'],
  ['justice', '司法厅', '司法局', '司法局'],
  ['petition', '信访局', '信访局', '信访局'],
  ['discipline', '纪委监委', '纪委监委', '纪委监委'],
];

/** 0771-xxxxxxxx: the area code follows the city (0771 for the first city and the province). */
function landline(rng: Rng, regionCode: string): string {
  const city = Math.max(1, Number(regionCode.slice(2, 4)));
  return `077${city}-${rng.int(2, 8)}${pad(rng.int(0, 9_999_999), 7)}`;
}

function unitsOf(region: SeedRegion): [GovUnitKind, string][] {
  if (region.level <= 3) {
    return BUREAUS.flatMap(([kind, ...names]) => {
      const suffix = names[region.level - 1];
      return suffix ? [[kind, region.name + suffix] as [GovUnitKind, string]] : [];
    });
  }
  if (region.level === 4) return [['township_gov', region.name + (region.name.endsWith('街道') ? '办事处' : '人民政府')]];
  return [['village_committee', region.name + (region.name.endsWith('社区') ? '居民委员会' : '村民委员会')]];
}

/** Bureaus at province, city and district; a government per township; a committee per village. */
export function generateGovUnits(regions: readonly SeedRegion[], rng: Rng): SeedGovUnit[] {
  const index = byCode(regions);
  return regions.flatMap((region) =>
    unitsOf(region).map(([kind, name]) => ({ regionCode: region.code, kind, name, officePhone: landline(rng, region.code), address: addressIn(region, index, rng) })),
  );
}

// ---------------------------------------------------------------------------------------------
// People

export interface SeedPerson {
  name: string;
  idNumber: string;
  phone: string;
}

export interface PersonOptions {
  /** District codes (or codes below them) the ID numbers are issued in. */
  homeRegions?: readonly string[];
  /** Inclusive range of birth years. */
  birthYears?: readonly [number, number];
}

// Structurally valid county codes of labour-exporting provinces (重庆, 四川, 河南, 安徽, 湖南, 贵州,
// 广西), where most migrant workers' ID numbers come from.
const HOME_COUNTIES = ['500235', '500236', '510722', '511321', '411523', '411527', '341221', '341282', '430524', '431121', '520526', '450126'];
// Working age for the demo's years (about 20–60).
const WORKING_AGE_BIRTH_YEARS = [1966, 2005] as const;
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '176', '177', '180', '181', '182', '186', '187', '188', '189', '191', '198', '199'];

function birthDate(rng: Rng, [from, to]: readonly [number, number]): string {
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate()); // day 0 of next month = last day
  return `${year}${pad(month, 2)}${pad(day, 2)}`;
}

/** A synthetic person with a valid ID number and mobile number. */
export function generatePerson(rng: Rng, options: PersonOptions = {}): SeedPerson {
  const home = rng.pick(options.homeRegions ?? HOME_COUNTIES).slice(0, 6);
  const first17 = `${home}${birthDate(rng, options.birthYears ?? WORKING_AGE_BIRTH_YEARS)}${pad(rng.int(1, 999), 3)}`;
  return {
    name: personName(rng),
    idNumber: first17 + idNumberCheckChar(first17),
    phone: rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8),
  };
}

/** `n` people with distinct ID numbers and phones (workers, managers, legal representatives …). */
export function generateDemoPeople(rng: Rng, n: number, options: PersonOptions = {}): SeedPerson[] {
  const ids = new Set<string>();
  const phones = new Set<string>();
  const people: SeedPerson[] = [];
  for (let attempt = 0; people.length < n; attempt++) {
    if (attempt > n * 10 + 1_000) throw new Error(`could not draw ${n} distinct people`);
    const person = generatePerson(rng, options);
    if (ids.has(person.idNumber) || phones.has(person.phone)) continue;
    ids.add(person.idNumber);
    phones.add(person.phone);
    people.push(person);
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Enterprises

export interface SeedEnterprise {
  creditCode: string;
  name: string;
  type: EnterpriseType;
  industry: Industry;
  /** A district or township of the tree. */
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber: string;
  legalRepPhone: string;
  address: string;
}

// Construction-heavy, as the platform's workload is: the four construction types are 42 of 100.
const TYPE_SHARES: Record<EnterpriseType, number> = {
  owner: 8,
  general_contractor: 14,
  subcontractor: 10,
  labor_subcontractor: 10,
  manufacturing: 20,
  catering: 12,
  logistics: 12,
  training: 6,
  other: 8,
};
const CONSTRUCTION_INDUSTRIES: [Industry, number][] = [
  ['housing', 3],
  ['transport', 1],
  ['water', 1],
];
const LEGAL_REP_BIRTH_YEARS = [1960, 1990] as const;

/** Exactly `count` types in the shares above (largest remainder), so even small demos hold every type. */
function typeQuota(count: number): EnterpriseType[] {
  const shares = Object.entries(TYPE_SHARES) as [EnterpriseType, number][];
  const total = shares.reduce((sum, [, w]) => sum + w, 0);
  const quotas = shares.map(([type, w]) => ({ type, n: Math.floor((count * w) / total), rest: ((count * w) % total) / total }));
  const missing = count - quotas.reduce((sum, q) => sum + q.n, 0);
  for (const q of [...quotas].sort((a, b) => b.rest - a.rest).slice(0, missing)) q.n++;
  return quotas.flatMap(({ type, n }) => Array<EnterpriseType>(n).fill(type));
}

const CODE_CHARS = [...CREDIT_CODE_ALPHABET];

/**
 * A valid credit code of a company (9 市场监管 · 1 企业) registered in `district`: the organization
 * code is a legacy 8-digit one or, for 40 %, a post-2015 "MA" one, each with its GB 11714 check.
 */
function companyCreditCode(rng: Rng, district: string): string {
  const body = rng.chance(0.4)
    ? `MA${rng.int(1, 9)}${Array.from({ length: 5 }, () => rng.pick(CODE_CHARS)).join('')}`
    : pad(rng.int(10_000_000, 99_999_999), 8);
  const first17 = `91${district}${body}${organizationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

const isConstruction = (type: EnterpriseType) => (CONSTRUCTION_ENTERPRISE_TYPES as readonly EnterpriseType[]).includes(type);

/** `count` enterprises in the tree's districts and townships, with unique valid credit codes and names. */
export function generateEnterprises(regions: readonly SeedRegion[], count: number, rng: Rng): SeedEnterprise[] {
  const index = byCode(regions);
  const places = regions.filter((r) => r.level === 3 || r.level === 4);
  const codes = new Set<string>();
  const names = new Set<string>();
  return rng.shuffle(typeQuota(count)).map((type) => {
    const region = rng.pick(places);
    const district = region.code.slice(0, 6); // registered with the district's market regulator
    const industry: Industry = isConstruction(type) ? rng.weighted(CONSTRUCTION_INDUSTRIES) : 'other';
    const stem = region.name.replace(/(区|镇|乡|街道)$/, '');
    const rep = generatePerson(rng, { homeRegions: [district], birthYears: LEGAL_REP_BIRTH_YEARS });
    return {
      creditCode: drawUnique(rng, codes, (r) => companyCreditCode(r, district)),
      name: drawUnique(rng, names, (r) => enterpriseName(r, stem, type, industry)),
      type,
      industry,
      regionCode: region.code,
      legalRepName: rep.name,
      legalRepIdNumber: rep.idNumber,
      legalRepPhone: rep.phone,
      address: addressIn(region, index, rng),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Banks

export interface SeedBank {
  name: string;
  bankCode: string;
}

/**
 * Banks holding the demo's wage accounts. The 12-digit code has the 联行号 shape: bank class
 * (102 工行, 103 农行, 104 中行, 105 建行, 301 交行, 403 邮储, 313 城商行, 314 农商行), city, branch, check.
 */
export function generateBanks(): SeedBank[] {
  return [
    ['中国工商银行青州分行', '102611000013'],
    ['中国建设银行青州分行', '105611000017'],
    ['中国农业银行青州分行', '103611000014'],
    ['中国银行青州分行', '104611000015'],
    ['交通银行青州分行', '301611000018'],
    ['中国邮政储蓄银行青州分行', '403611000012'],
    ['青州农村商业银行', '314611000016'],
    ['南江银行青州分行', '313611000019'],
  ].map(([name, bankCode]) => ({ name, bankCode }));
}
