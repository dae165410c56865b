import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './cases.docx';
import { articleNumeral, dateZh, DOCUMENT_KIND_KEYS, DOCUMENT_KINDS, type DocumentFacts, type DocumentKind, type DocumentRecord, documentFileName, layoutOf, layoutText } from './cases.templates';

const facts: DocumentFacts = {
  authority: '东城区人力资源和社会保障局',
  caseNo: '450102001-2026-000001',
  caseTitle: '东城第一中学改扩建工程拖欠张三等2名农民工工资案',
  regionName: '东城区',
  projectName: '东城第一中学改扩建工程',
  employer: { name: '东城建工集团有限公司', creditCode: '91450102MA5K00001X', legalRepName: '王建国', address: '东城区建设路1号' },
  complainants: ['张三'],
  receivedOn: '2026-03-02',
  workers: [
    { name: '张三', owedFen: 800_000, recoveredFen: 200_000, status: 'open', movedTo: null },
    { name: '李四', owedFen: 600_000, recoveredFen: 0, status: 'open', movedTo: null },
    { name: '王五', owedFen: 300_000, recoveredFen: 0, status: 'moved', movedTo: 'arbitration' },
  ],
  order: { docNo: '东人社监令〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-03-09', amountFen: 1_200_000 },
};

const DATA: Partial<Record<DocumentKind, Record<string, unknown>>> = {
  penalty_decision: { ruleId: 'PEN-02', party: 'unit', violation: '施工总承包单位未按规定开设农民工工资专用账户' },
  compensation_order: { rate: 0.5, workers: [{ name: '张三', baseFen: 600_000, compensationFen: 300_000 }, { name: '李四', baseFen: 600_000, compensationFen: 300_000 }] },
  not_accepted_notice: { reason: 'limitation' },
  referral_notice: { to: 'arbitration', legalAid: true },
  police_transfer: { threshold: { by: 'one_worker', thresholds: { oneWorkerFen: 1_000_000 }, figures: { largestOneWorkerFen: 1_200_000, workersOwed: 2, totalOwedFen: 1_200_000 } } },
};
const record = (kind: DocumentKind, o: Partial<DocumentRecord> = {}): DocumentRecord => ({
  kind,
  docNo: `东人社${kind === 'penalty_decision' ? '罚' : '文'}〔2026〕7号`,
  issuedOn: '2026-03-11',
  dueOn: '2026-03-25',
  amountFen: kind === 'penalty_decision' ? 6_000_000 : kind === 'compensation_order' ? 600_000 : 1_200_000,
  data: DATA[kind] ?? {},
  ...o,
});
const text = (kind: DocumentKind, o: Partial<DocumentRecord> = {}, f = facts) => layoutText(layoutOf(record(kind, o), f));

describe('Chinese article numbers and dates', () => {
  it('writes articles as the law does', () => {
    expect([3, 10, 16, 20, 26, 54, 100, 105, 110, 276].map(articleNumeral)).toEqual(['三', '十', '十六', '二十', '二十六', '五十四', '一百', '一百零五', '一百一十', '二百七十六']);
    expect(() => articleNumeral(0)).toThrow(RangeError);
  });
  it('dates in full, without leading zeros (GB/T 9704)', () => {
    expect(dateZh('2026-03-09')).toBe('2026年3月9日');
    expect(dateZh('2026-12-31')).toBe('2026年12月31日');
  });
  it('the file is named by the document number, safe for any file system', () => {
    expect(documentFileName('东人社监令〔2026〕1号')).toBe('东人社监令〔2026〕1号.docx');
    expect(documentFileName('东人社/监令:1')).toBe('东人社_监令_1.docx');
  });
});

describe('every kind lays out as the official form', () => {
  it.each(DOCUMENT_KIND_KEYS)('%s: title, number, seal and date; workers by name and amount', (kind) => {
    const l = layoutOf(record(kind), facts);
    const titles = l.blocks.filter((b) => b.type === 'title');
    expect(titles).toEqual([{ type: 'title', text: DOCUMENT_KINDS[kind].zh }]);
    expect(l.blocks.find((b) => b.type === 'docNo')).toMatchObject({ text: record(kind).docNo });
    expect(l.blocks.some((b) => b.type === 'signature' && b.date === '2026年3月11日')).toBe(true);
    expect(l.fileName).toBe(`${record(kind).docNo}.docx`);
    const t = layoutText(l);
    expect(t).toContain('张三');
    expect(t).toContain('东城建工集团有限公司');
    if (kind !== 'settlement_agreement') expect(l.blocks[0]).toEqual({ type: 'authority', text: '东城区人力资源和社会保障局' });
  });

  it('the rights of review (60 days) and litigation (6 months) where the law requires them (监察条例 Art. 19), not elsewhere', () => {
    const told = (kind: DocumentKind) => text(kind).includes('六十日内依法申请行政复议') && text(kind).includes('六个月内依法向人民法院提起行政诉讼');
    expect(DOCUMENT_KIND_KEYS.filter(told).sort()).toEqual(['compensation_order', 'handling_decision', 'not_accepted_notice', 'order_to_correct', 'penalty_decision']);
  });

  it('the order: the deadline, the amount in figures and capitals, the articles, the workers still pursued', () => {
    const t = text('order_to_correct');
    expect(t).toContain('于2026年3月25日前改正');
    expect(t).toContain('人民币12,000.00元（大写：人民币壹万贰仟元整）');
    expect(t).toContain('《劳动保障监察条例》第十八条第一款第（二）项、第二十六条第（一）项');
    expect(t).toContain('《保障农民工工资支付条例》第三条、第十六条');
    // 王五's claim moved to arbitration: not in the order's list.
    expect(t).not.toContain('王五');
  });

  it('the penalty: the article, stoppage with PEN-02 and PEN-04, the order not met, 15 days to pay', () => {
    const t = text('penalty_decision');
    expect(t).toContain('统一社会信用代码：91450102MA5K00001X');
    expect(t).toContain('《保障农民工工资支付条例》第五十五条');
    expect(t).toContain('责令项目停工，并处罚款人民币60,000.00元（大写：人民币陆万元整）');
    expect(t).toContain('本局于2026年3月2日以东人社监令〔2026〕1号责令你单位于2026年3月9日前改正，逾期未改正');
    expect(t).toContain('十五日内');
    const pen03 = text('penalty_decision', { data: { ruleId: 'PEN-03', party: 'unit', violation: '未设立维权信息告示牌' } });
    expect(pen03).not.toContain('停工');
    const person = text('penalty_decision', { amountFen: 1_000_000, data: { ruleId: 'PEN-01', party: 'individual', personName: '王建国', personRole: '法定代表人', violation: '未提供工资清单' } });
    expect(person).toContain('当事人：王建国');
    expect(person).toContain('职务：东城建工集团有限公司法定代表人');
    expect(person).toContain('本局决定对你作出如下行政处罚：罚款人民币10,000.00元');
    const pen06 = text('penalty_decision', { amountFen: 200_000, data: { ruleId: 'PEN-06', party: 'unit', violation: '拒不报送书面材料' } }, { ...facts, order: null });
    expect(pen06).toContain('《劳动保障监察条例》第三十条');
    expect(pen06).not.toContain('逾期未改正');
  });

  it('the compensation: the rate, each worker’s base and compensation, the total in capitals', () => {
    const t = text('compensation_order');
    expect(t).toContain('按逾期未支付工资数额的50%计算');
    expect(t).toContain('人民币6,000.00元（大写：人民币陆仟元整）');
    expect(t).toContain('6,000.00');
    expect(t).toContain('3,000.00');
  });

  it('the settlement: the plan installment by installment, in figures and capitals, and its table', () => {
    const plan = { installments: [{ dueOn: '2026-03-20', amountFen: 700_000 }, { dueOn: '2026-04-20', amountFen: 500_000 }] };
    const t = text('settlement_agreement', { dueOn: '2026-04-20', data: plan });
    expect(t).toContain('和解协议');
    expect(t).toContain('甲方确认尚欠乙方工资共计人民币12,000.00元（大写：人民币壹万贰仟元整）');
    expect(t).toContain('二、甲方按以下期限分期支付上述工资：2026年3月20日前支付人民币7,000.00元（大写：人民币柒仟元整）；2026年4月20日前支付人民币5,000.00元（大写：人民币伍仟元整）。');
    expect(t).toContain('附：分期支付计划');
    expect(t).toContain('第2期');
    expect(t).toContain('12,000.00');
    // Without a plan, one payment by the agreement's day.
    expect(text('settlement_agreement')).toContain('二、甲方于2026年3月25日前将上述工资');
  });

  it('the notices address the complainant; the transfer, the police of the region', () => {
    expect(text('not_accepted_notice')).toContain('张三：');
    expect(text('not_accepted_notice')).toContain('《劳动保障监察条例》第二十条');
    expect(text('not_accepted_notice', {}, { ...facts, complainants: [] })).toContain('投诉人：');
    expect(text('referral_notice')).toContain('12348');
    expect(text('referral_notice', { data: { to: 'court', legalAid: false } })).not.toContain('12348');
    const police = text('police_transfer');
    expect(police).toContain('东城区公安机关：');
    expect(police).toContain('《中华人民共和国刑法》第二百七十六条之一');
    expect(police).toContain('12,000.00元');
  });
});

describe('renderDocx', () => {
  it('writes a Word file whose document.xml holds the text, on A4 with the GB/T 9704 margins', async () => {
    const buf = await renderDocx(layoutOf(record('order_to_correct'), facts), { authority: facts.authority, caseNo: facts.caseNo });
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(buf));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain('东人社文〔2026〕7号');
    expect(xml).toContain('人民币壹万贰仟元整');
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:top="2098"');
    expect(xml).toContain('仿宋_GB2312');
    expect(strFromU8(files['docProps/core.xml'])).toContain('劳动保障监察责令改正指令书');
  });
});
