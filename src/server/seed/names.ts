import type { Rng } from './rng';

// Common surnames weighted by their rough frequency (the first ones repeat on purpose).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉玉兰鹏飞海林波宇俊峰云凤春梅亮浩晨旭东升荣昌福贵德成永生金山水龙虎正清明';

export function personName(rng: Rng): string {
  const surname = rng.pick([...SURNAMES]);
  const given = rng.chance(0.35) ? rng.pick([...GIVEN]) : rng.pick([...GIVEN]) + rng.pick([...GIVEN]);
  return surname + given;
}

const PLACE_SYLLABLES = '云青石桃柳溪松竹兰梅杏河湾岭峰泉塘坪坝湖山川阳安宁和平丰乐兴福寿康源泰华新龙凤鹤鹿';

/** A two-character place name, e.g. 青溪. */
export function placeName(rng: Rng): string {
  return rng.pick([...PLACE_SYLLABLES]) + rng.pick([...PLACE_SYLLABLES]);
}

const TRADE_WORDS = '宏达鑫盛恒泰华建中兴汇通永安金鼎瑞丰广厦长城远航德信诚誉博远天成顺达卓越鼎力宏图';

const BUSINESS: Record<string, string[]> = {
  owner: ['城市建设投资有限公司', '城投发展有限公司', '置业有限公司', '开发建设有限公司'],
  general_contractor: ['建设工程有限公司', '建工集团有限公司', '路桥工程有限公司', '市政工程有限公司', '水利水电工程有限公司'],
  subcontractor: ['装饰工程有限公司', '钢结构工程有限公司', '机电安装工程有限公司', '幕墙工程有限公司'],
  labor_subcontractor: ['劳务有限公司', '建筑劳务有限公司', '劳务分包有限公司'],
  manufacturing: ['机械制造有限公司', '电子科技有限公司', '建材有限公司'],
  catering: ['餐饮管理有限公司', '酒店管理有限公司'],
  logistics: ['物流有限公司', '运输有限公司'],
  training: ['职业技能培训学校', '培训中心有限公司'],
  other: ['商贸有限公司', '物业服务有限公司'],
};

export function enterpriseName(rng: Rng, place: string, type: string): string {
  const trade = rng.pick([...TRADE_WORDS]) + rng.pick([...TRADE_WORDS]);
  return `${place}${trade}${rng.pick(BUSINESS[type] ?? BUSINESS.other)}`;
}
