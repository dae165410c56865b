import { describe, expect, it } from 'vitest';
import { eventLines, eventNote } from './case-events';

describe('eventLines', () => {
  it('labels what a move recorded, codes as labels and fen as yuan', () => {
    expect(eventLines({ note: '已电话联系', docNo: '渝监令〔2026〕12号', dueOn: '2026-05-20', amountFen: 1234550 }, 'zh')).toEqual(['文书编号：渝监令〔2026〕12号', '限期：2026-05-20', '金额：¥12,345.50']);
    expect(eventLines({ to: 'arbitration', legalAid: true, workers: 3 }, 'en')).toEqual(['Referred to: Labour dispute arbitration', 'Legal aid: Yes', 'Workers: 3']);
    expect(eventLines({ source: 'deposit', satisfaction: 'basically_satisfied' }, 'zh')).toEqual(['资金来源：工资保证金支付', '回访结果：基本满意']);
  });

  it('leaves out ids and versions, lists names and counts', () => {
    expect(eventLines({ clueId: 'a', caseWorkerId: 'b', handlingUnitId: 'c', assistUnitIds: ['d'], version: 3, inspectors: ['王五', '赵六'] }, 'zh')).toEqual(['监察员：王五、赵六']);
    expect(eventLines({ findings: [{}, {}], taskForceUnitIds: ['x', 'y'] }, 'zh')).toEqual(['核查结果：2 名农民工', '专案组成员单位：2 个']);
  });

  it('summarises the checklist and supervision', () => {
    const items = [
      { item: 'monthly_full_payment', violation: true },
      { item: 'labor_contract', violation: false },
    ];
    expect(eventLines({ items }, 'zh')).toEqual(['核查表：已答 2 项，发现问题 1 项：未按月足额支付工资']);
    expect(eventLines({ supervision: ['listed', 'leader'] }, 'zh')).toEqual(['督办方式：挂牌督办、领导包案']);
    expect(eventLines({ supervision: [] }, 'en')).toEqual(['Supervision: None']);
  });

  it('a missed installment: which, its day, its amount, what was due and paid by then', () => {
    const data = { docNo: '东人社调1号', installment: 2, dueOn: '2026-04-10', amountFen: 700_000, cumulativeFen: 1_200_000, paidByDueFen: 500_000 };
    expect(eventLines(data, 'zh')).toEqual(['文书编号：东人社调1号', '期次：第2期', '限期：2026-04-10', '金额：¥7,000.00', '截至该期累计应付：¥12,000.00', '到期前已付：¥5,000.00']);
    expect(eventLines({ installment: 2 }, 'en')).toEqual(['Installment: No. 2']);
  });

  it('a settlement: the day signed, the plan installment by installment, the new stage deadline', () => {
    const data = { documentId: 'x', docNo: '东人社调1号', signedOn: '2026-03-02', amountFen: 1_200_000, installments: [{ dueOn: '2026-03-10', amountFen: 500_000 }, { dueOn: '2026-04-10', amountFen: 700_000 }], stageDueOn: '2026-04-10' };
    expect(eventLines(data, 'zh')).toEqual(['文书编号：东人社调1号', '签订日期：2026-03-02', '金额：¥12,000.00', '分期支付：2026-03-10 ¥5,000.00；2026-04-10 ¥7,000.00', '阶段期限：2026-04-10']);
  });

  it('shows an unknown scalar under its own key, and nothing for no data', () => {
    expect(eventLines({ odd: 'x', nested: { a: 1 } }, 'en')).toEqual(['odd: x']);
    expect(eventLines(null, 'zh')).toEqual([]);
  });
});

describe('eventNote', () => {
  it('reads a non-empty note', () => {
    expect(eventNote({ note: ' 备注 ' })).toBe(' 备注 ');
    expect(eventNote({ note: '  ' })).toBeNull();
    expect(eventNote({ note: null })).toBeNull();
    expect(eventNote(null)).toBeNull();
  });
});
