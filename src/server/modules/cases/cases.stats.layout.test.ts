import { describe, expect, it } from 'vitest';
import { CONSTRUCTION_ENTERPRISE_TYPES, ENTERPRISE_TYPES } from '../orgs/orgs.rules';
import {
  FIGURE_KEYS,
  OFFICIAL_COLUMNS,
  OFFICIAL_GROUPS,
  STAT_ROWS,
  SUPPLEMENTARY_COLUMNS,
  fenToWanText,
  figureText,
  hasSource,
  isEmptyReport,
  otherLine,
  totalOf,
  zeroFigures,
} from './cases.stats.layout';

describe('附件1 layout', () => {
  it('has the seed’s five groups over sixteen columns, in order', () => {
    expect(OFFICIAL_GROUPS.map((g) => [g.label.zh, g.columns.length])).toEqual([
      ['检查用人单位情况', 4],
      ['拖欠工资情况', 3],
      ['处理情况', 4],
      ['行政处理处罚', 3],
      ['涉嫌犯罪案件', 2],
    ]);
    expect(OFFICIAL_COLUMNS.map((c) => c.label.zh)).toEqual([
      '用人单位户数', '涉及职工人数', '其中：农民工人数', '农民工签订劳动合同人数',
      '用人单位户数', '涉及职工人数', '涉及金额',
      '立案', '通过协调等非立案方式解决', '追发工资及赔偿金人数', '追发工资及赔偿金',
      '责令改正', '行政处理决定', '行政处罚决定',
      '移送公安机关', '公安机关立案',
    ]);
    // Every figure is shown somewhere, once; money is in 万元 and only money is.
    expect([...OFFICIAL_COLUMNS, ...SUPPLEMENTARY_COLUMNS].map((c) => c.key).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const c of [...OFFICIAL_COLUMNS, ...SUPPLEMENTARY_COLUMNS]) expect(c.unit === 'wan').toBe(c.key.endsWith('Fen'));
  });

  it('puts every enterprise type of the registry in exactly one row; 建筑企业 is the construction chain', () => {
    const named = STAT_ROWS.flatMap((r) => r.enterpriseTypes as readonly string[]);
    expect([...named].sort()).toEqual(Object.keys(ENTERPRISE_TYPES).sort());
    expect(new Set(named).size).toBe(named.length);
    expect([...STAT_ROWS[0].enterpriseTypes]).toEqual([...CONSTRUCTION_ENTERPRISE_TYPES]);
    expect(STAT_ROWS.map((r) => r.label.zh)).toEqual(['建筑企业', '加工制造企业', '校外培训机构', '其它用人单位']);
  });
});

describe('figures', () => {
  it('writes fen as 万元 with two decimals, rounded half up, without floating point', () => {
    expect(fenToWanText(0)).toBe('0.00');
    expect(fenToWanText(13_500_000)).toBe('13.50');
    expect(fenToWanText(1_234_567)).toBe('1.23');
    expect(fenToWanText(1_235_000)).toBe('1.24');
    expect(fenToWanText(4_999)).toBe('0.00');
    expect(fenToWanText(5_000)).toBe('0.01');
    expect(fenToWanText(9_600_050)).toBe('9.60');
    expect(fenToWanText(123_456_789_012_345)).toBe('123456789.01');
    expect(fenToWanText(-1_235_000)).toBe('-1.24');
    expect(() => fenToWanText(0.5)).toThrow(RangeError);
  });

  it('marks what has no source: staff headcounts and police filings never; the registry’s figures outside construction', () => {
    expect(hasSource('checkedStaff', 'construction')).toBe(false);
    expect(hasSource('policeFiled', 'total')).toBe(false);
    expect(hasSource('checkedMigrantWorkers', 'construction')).toBe(true);
    expect(hasSource('checkedMigrantWorkers', 'manufacturing')).toBe(false);
    expect(hasSource('checkedContracts', 'total')).toBe(true);
    expect(hasSource('arrearsFen', 'training')).toBe(true);
    expect(zeroFigures('other')).toMatchObject({ checkedStaff: null, checkedMigrantWorkers: null, arrearsFen: 0 });
    expect(figureText(OFFICIAL_COLUMNS[1], null)).toBe('—');
    expect(figureText(OFFICIAL_COLUMNS[6], 1_650_000)).toBe('1.65');
    expect(figureText(OFFICIAL_COLUMNS[5], 18)).toBe('18');
  });

  it('sums the rows into 合计, each figure over the rows that have it', () => {
    const a = { ...zeroFigures('construction'), received: 2, arrearsFen: 100, checkedMigrantWorkers: 3 };
    const b = { ...zeroFigures('manufacturing'), received: 1, arrearsFen: 50 };
    const total = totalOf([a, b]);
    expect(total).toMatchObject({ received: 3, arrearsFen: 150, checkedMigrantWorkers: 3, checkedStaff: null, policeFiled: null });
    expect(isEmptyReport(total)).toBe(false);
    expect(isEmptyReport(totalOf([zeroFigures('construction'), zeroFigures('other')]))).toBe(true);
  });

  it('writes 其它情况 as the seed does, the blanks filled', () => {
    const none = { checkedProjects: 0, arrearsProjects: 0, arrearsFen: 0, arrearsWorkers: 0 };
    expect(otherLine({ projects: { government: { checkedProjects: 3, arrearsProjects: 1, arrearsFen: 1_350_000, arrearsWorkers: 2 }, ppp: none, soe: none }, publishedViolators: null, blacklisted: 2 })).toBe(
      '其它情况：1.检查政府投资工程项目共3个，查实存在欠薪项目1个（拖欠工资1.35万元，涉及2人）；2.检查政府与社会资本合作项目共0个，查实存在欠薪项目0个（拖欠工资0.00万元，涉及0人）；3.检查国企项目共0个，查实存在欠薪项目0个（拖欠工资0.00万元，涉及0人）；4.公布欠薪严重违法单位数—户，列入欠薪“黑名单”2件。',
    );
  });
});
