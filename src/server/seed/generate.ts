import { creditCodeCheckChar, organizationCodeCheckChar, type EnterpriseType } from '../modules/orgs/orgs.rules';
import { idNumberCheckChar } from '../platform/validators';
import { enterpriseName, personName, placeName } from './names';
import type { Rng } from './rng';

export type Scale = 'township' | 'district' | 'city' | 'province';

export interface SeedRegion {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function uniqueNames(rng: Rng, count: number, suffix: (i: number) => string): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(placeName(rng) + suffix(names.size));
  return [...names];
}

/**
 * A synthetic but well-formed region tree under the made-up 南江省 (code 450000). The demo centres
 * on the first district; a second township (or more districts at larger scales) gives scope tests
 * and demos a neighbour.
 */
export function generateRegionTree(scale: Scale, rng: Rng): SeedRegion[] {
  const out: SeedRegion[] = [{ code: '450000', name: '南江省', level: 1, parentCode: null }];
  const cities = scale === 'province' ? 3 : 1;
  const districts = scale === 'province' || scale === 'city' ? 4 : 1;
  const cityNames = ['青州市', '云州市', '石城市'];
  for (let c = 1; c <= cities; c++) {
    const cityCode = `45${pad(c, 2)}00`;
    out.push({ code: cityCode, name: cityNames[c - 1], level: 2, parentCode: '450000' });
    const districtNames = c === 1 ? ['云溪区', ...uniqueNames(rng, districts, () => '区')] : uniqueNames(rng, districts, () => '区');
    for (let d = 1; d <= districts; d++) {
      const districtCode = `45${pad(c, 2)}${pad(d + 1, 2)}`;
      out.push({ code: districtCode, name: districtNames[d - 1], level: 3, parentCode: cityCode });
      const townships = scale === 'township' ? 2 : 8;
      const townNames = uniqueNames(rng, townships, (i) => (i % 3 === 2 ? '街道' : '镇'));
      for (let t = 1; t <= townships; t++) {
        const townCode = `${districtCode}${pad(t, 3)}`;
        out.push({ code: townCode, name: townNames[t - 1], level: 4, parentCode: districtCode });
        const villages = scale === 'township' ? (t === 1 ? 12 : 4) : rng.int(6, 12);
        const street = townNames[t - 1].endsWith('街道');
        const villageNames = uniqueNames(rng, villages, () => (street ? '社区' : '村'));
        for (let v = 1; v <= villages; v++) {
          out.push({ code: `${townCode}${pad(v, 3)}`, name: villageNames[v - 1], level: 5, parentCode: townCode });
        }
      }
    }
  }
  return out;
}

export interface SeedGovUnit {
  regionCode: string;
  kind: string;
  name: string;
  officePhone: string;
  address: string;
}

const DISTRICT_UNITS: [string, string][] = [
  ['hrss', '人力资源和社会保障局'],
  ['wage_office', '根治拖欠农民工工资工作领导小组办公室'],
  ['labor_inspection', '劳动保障监察大队'],
  ['housing', '住房和城乡建设局'],
  ['transport', '交通运输局'],
  ['water', '水利局'],
  ['finance', '财政局'],
  ['ndrc', '发展和改革委员会'],
  ['police', '公安分局'],
  ['court', '人民法院'],
  ['justice', '司法局'],
  ['petition', '信访局'],
  ['discipline', '纪委监委'],
];

/** The standing units of each level: bureaus at district, city and province; governments below. */
export function generateGovUnits(regions: SeedRegion[], rng: Rng): SeedGovUnit[] {
  const phone = () => `0771-${rng.int(2, 8)}${pad(rng.int(0, 9_999_999), 7)}`;
  const units: SeedGovUnit[] = [];
  for (const r of regions) {
    if (r.level <= 3) {
      const kinds = r.level === 3 ? DISTRICT_UNITS : DISTRICT_UNITS.slice(0, 4);
      for (const [kind, suffix] of kinds) {
        units.push({ regionCode: r.code, kind, name: `${r.name}${suffix}`, officePhone: phone(), address: `${r.name}政务服务中心${rng.int(1, 9)}楼` });
      }
    } else if (r.level === 4) {
      const street = r.name.endsWith('街道');
      units.push({ regionCode: r.code, kind: 'township_gov', name: street ? `${r.name}办事处` : `${r.name}人民政府`, officePhone: phone(), address: `${r.name}${placeName(rng)}路${rng.int(1, 200)}号` });
    } else {
      const community = r.name.endsWith('社区');
      units.push({ regionCode: r.code, kind: 'village_committee', name: community ? `${r.name}居民委员会` : `${r.name}村民委员会`, officePhone: phone(), address: `${r.name}${rng.int(1, 99)}号` });
    }
  }
  return units;
}

export interface SeedPerson {
  name: string;
  idNumber: string;
  phone: string;
}

/** A synthetic person with a valid ID number (born in `regionCode`, adult) and mobile number. */
export function generatePerson(rng: Rng, regionCode: string, birthYears: [number, number] = [1962, 2004]): SeedPerson {
  const year = rng.int(birthYears[0], birthYears[1]);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const first17 = `${regionCode.slice(0, 6)}${year}${pad(month, 2)}${pad(day, 2)}${pad(rng.int(0, 999), 3)}`;
  return {
    name: personName(rng),
    idNumber: first17 + idNumberCheckChar(first17),
    phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${pad(rng.int(0, 999_999_999), 9)}`,
  };
}

export function generateDemoPeople(rng: Rng, regionCode: string, n: number): SeedPerson[] {
  return Array.from({ length: n }, () => generatePerson(rng, regionCode));
}

export interface SeedEnterprise {
  creditCode: string;
  name: string;
  type: EnterpriseType;
  industry: string;
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber: string;
  legalRepPhone: string;
  address: string;
}

// Construction-heavy, as the platform's workload is (≈ 40 % contractors of the four kinds).
const TYPE_MIX: [EnterpriseType, number][] = [
  ['general_contractor', 14],
  ['subcontractor', 10],
  ['labor_subcontractor', 10],
  ['owner', 8],
  ['manufacturing', 20],
  ['catering', 12],
  ['logistics', 12],
  ['training', 6],
  ['other', 8],
];

function pickType(rng: Rng): EnterpriseType {
  let roll = rng.int(1, TYPE_MIX.reduce((s, [, w]) => s + w, 0));
  for (const [type, weight] of TYPE_MIX) {
    roll -= weight;
    if (roll <= 0) return type;
  }
  return 'other';
}

const CONSTRUCTION = new Set<EnterpriseType>(['owner', 'general_contractor', 'subcontractor', 'labor_subcontractor']);

/** Enterprises registered in districts and townships of the tree, with valid, unique credit codes. */
export function generateEnterprises(regions: SeedRegion[], count: number, rng: Rng): SeedEnterprise[] {
  const places = regions.filter((r) => r.level === 3 || r.level === 4);
  const districtOf = (r: SeedRegion) => (r.level === 3 ? r.code : r.parentCode!);
  const codes = new Set<string>();
  const names = new Set<string>();
  const out: SeedEnterprise[] = [];
  while (out.length < count) {
    const region = rng.pick(places);
    const type = pickType(rng);
    const name = enterpriseName(rng, region.name.replace(/(区|镇|街道)$/, ''), type);
    const org8 = pad(rng.int(10_000_000, 99_999_999), 8);
    const first17 = `91${districtOf(region)}${org8}${organizationCodeCheckChar(org8)}`;
    const creditCode = first17 + creditCodeCheckChar(first17);
    if (codes.has(creditCode) || names.has(name)) continue;
    codes.add(creditCode);
    names.add(name);
    const rep = generatePerson(rng, districtOf(region), [1960, 1990]);
    const industry = CONSTRUCTION.has(type) ? rng.pick(['housing', 'housing', 'housing', 'transport', 'water']) : 'other';
    out.push({
      creditCode,
      name,
      type,
      industry,
      regionCode: region.code,
      legalRepName: rep.name,
      legalRepIdNumber: rep.idNumber,
      legalRepPhone: rep.phone,
      address: `${region.name}${placeName(rng)}路${rng.int(1, 300)}号`,
    });
  }
  return out;
}

/** Banks that hold wage accounts; the 12-digit code follows the 联行号 shape (bank, city, branch). */
export function generateBanks(): { name: string; bankCode: string }[] {
  return [
    ['中国工商银行青州分行', '102451000011'],
    ['中国农业银行青州分行', '103451000012'],
    ['中国银行青州分行', '104451000013'],
    ['中国建设银行青州分行', '105451000014'],
    ['交通银行青州分行', '301451000015'],
    ['中国邮政储蓄银行青州分行', '403451000016'],
    ['青州农村商业银行', '402451000017'],
    ['南江银行青州分行', '313451000018'],
  ].map(([name, bankCode]) => ({ name, bankCode }));
}
