import type { EnterpriseType, Industry } from '../modules/orgs/orgs.rules';
import type { Rng } from './rng';

/** Synthetic Chinese names: people, places and enterprises. None is meant to be a real one. */

// Common surnames, most frequent first; the first ones are drawn more often.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉玉兰鹏飞海林波宇俊峰云凤春梅亮浩晨旭东升荣昌福贵德成永生金山水龙虎正清'];

export function personName(rng: Rng): string {
  // Skewed towards the head of the list, as real surname frequencies are.
  const surname = SURNAMES[Math.floor(rng.next() ** 2 * SURNAMES.length)];
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
}

const PLACE_SYLLABLES = [...'云青石桃柳溪松竹兰梅杏河湾岭峰泉塘坪坝湖山川阳安宁和平丰乐兴福寿康源泰华新龙凤鹤鹿'];

/** Two different characters from `chars`, such as 青溪 (no 鹿鹿村). */
function twoOf(rng: Rng, chars: readonly string[]): string {
  const first = rng.pick(chars);
  return first + rng.pick(chars.filter((ch) => ch !== first));
}

/** A two-character place name such as 青溪 (for regions and roads). */
export const placeName = (rng: Rng): string => twoOf(rng, PLACE_SYLLABLES);

/** Draws until a value is not yet `taken`, then takes it (sibling names, credit codes …). */
export function drawUnique(rng: Rng, taken: Set<string>, draw: (rng: Rng) => string, maxAttempts = 1_000): string {
  for (let i = 0; i < maxAttempts; i++) {
    const value = draw(rng);
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
  throw new Error(`no unused value after ${maxAttempts} attempts (${taken.size} taken)`);
}

const TRADE_NAME_CHARS = [...'宏达鑫盛恒泰华建中兴汇通永安金鼎瑞丰广厦长城远航德信诚誉博天成顺卓越力图'];

type ConstructionType = 'owner' | 'general_contractor' | 'subcontractor' | 'labor_subcontractor';

// 行业 + 组织形式 of a construction enterprise, by type and by the industry it builds for.
const CONSTRUCTION_BUSINESS: Record<ConstructionType, Record<Exclude<Industry, 'other'>, string[]>> = {
  owner: {
    housing: ['城市建设投资有限公司', '置业有限公司', '房地产开发有限公司'],
    transport: ['交通投资有限公司', '交通建设投资有限公司'],
    water: ['水务投资有限公司', '水利开发有限公司'],
  },
  general_contractor: {
    housing: ['建设工程有限公司', '建工集团有限公司', '建筑工程有限公司', '市政工程有限公司'],
    transport: ['路桥工程有限公司', '公路工程有限公司'],
    water: ['水利水电工程有限公司', '水利建设工程有限公司'],
  },
  subcontractor: {
    housing: ['装饰工程有限公司', '钢结构工程有限公司', '机电安装工程有限公司', '幕墙工程有限公司'],
    transport: ['桥梁工程有限公司', '交通设施工程有限公司'],
    water: ['水利机电安装有限公司', '防渗工程有限公司'],
  },
  labor_subcontractor: {
    housing: ['建筑劳务有限公司', '劳务有限公司'],
    transport: ['路桥劳务有限公司'],
    water: ['水利劳务有限公司'],
  },
};

const OTHER_BUSINESS: Record<Exclude<EnterpriseType, ConstructionType>, string[]> = {
  manufacturing: ['机械制造有限公司', '电子科技有限公司', '新型建材有限公司', '食品有限公司'],
  catering: ['餐饮管理有限公司', '酒店管理有限公司'],
  logistics: ['物流有限公司', '运输有限公司'],
  training: ['职业技能培训学校', '教育培训中心有限公司'],
  other: ['商贸有限公司', '物业服务有限公司'],
};

const isConstruction = (type: EnterpriseType): type is ConstructionType => type in CONSTRUCTION_BUSINESS;

/**
 * 行政区划 + 字号 + 行业 + 组织形式, e.g. 云溪宏达建设工程有限公司. The business words follow the type
 * and, for construction, the industry, so a 路桥 company is never filed under 水利.
 */
export function enterpriseName(rng: Rng, place: string, type: EnterpriseType, industry: Industry): string {
  const business = isConstruction(type) ? CONSTRUCTION_BUSINESS[type][industry === 'other' ? 'housing' : industry] : OTHER_BUSINESS[type];
  return `${place}${twoOf(rng, TRADE_NAME_CHARS)}${rng.pick(business)}`;
}
