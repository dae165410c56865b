import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import './projects.params';
import {
  BOARD_CONTENTS,
  type ComplianceFacts,
  type ComplianceItem,
  INVESTMENT_TYPES,
  type InvestmentType,
  PROJECT_INDUSTRIES,
  PROJECT_STATUSES,
  type ProjectIndustry,
  type ProjectStatus,
  checkStatusChange,
  complianceChecklist,
  deriveOwnershipTier,
  employmentLedgerRetainedUntil,
  supervisingIndustry,
} from './projects.rules';

/** A government project that meets every check; each test breaks one fact. */
const compliant = (over: Partial<ComplianceFacts> = {}): ComplianceFacts => ({
  registeredOn: '2026-02-20',
  plannedStart: '2026-03-01',
  actualStart: null,
  laborOfficerName: '王建国',
  meteringCycle: '按月计量',
  settlementMethod: '按月支付进度款',
  laborCostShareBp: 2500,
  allocationCycleMonths: 1,
  investmentType: 'government',
  fundsInPlace: true,
  paymentGuarantee: true,
  boardSetUp: true,
  boardContents: ['parties', 'wage_info', 'hotlines'],
  openEmployments: 12,
  params: { maxAllocationCycleMonths: 1, paymentGuaranteeRequired: true },
  ...over,
});

const only = (items: ComplianceItem[], rule: string): ComplianceItem => {
  const hits = items.filter((i) => i.rule === rule);
  expect(hits).toHaveLength(1);
  return hits[0];
};
const itemOf = (over: Partial<ComplianceFacts>, rule: string) => only(complianceChecklist(compliant(over)), rule);
const fivePlusOne = (over: Partial<ComplianceFacts> = {}) => complianceChecklist(compliant(over)).filter((i) => i.rule === 'PRJ-06');
const byLabel = (items: ComplianceItem[], en: string): ComplianceItem => {
  const hit = items.find((i) => i.label.en === en);
  if (!hit) throw new Error(`no item labelled ${en}`);
  return hit;
};

describe('PRJ-01…PRJ-06 compliance checklist', () => {
  it('PRJ-01…PRJ-06 lists the five project items then the six "5+1" items, all met (or not tracked) for a compliant project', () => {
    const items = complianceChecklist(compliant());
    expect(items.map((i) => i.rule)).toEqual(['PRJ-01', 'PRJ-02', 'PRJ-03', 'PRJ-04', 'PRJ-05', ...Array(6).fill('PRJ-06')]);
    expect(items.map((i) => i.state)).toEqual(['met', 'met', 'met', 'met', 'met', 'met', 'not_tracked', 'not_tracked', 'not_tracked', 'met', 'met']);
    // A met item carries no complaint.
    for (const i of items.filter((x) => x.state === 'met')) expect(i.detail).toBeUndefined();
  });
});

describe('PRJ-01 project entered before works start, with its 劳资专管员', () => {
  it('PRJ-01 is met when entered on the start date itself (deadline = start date)', () => {
    expect(itemOf({ registeredOn: '2026-03-01' }, 'PRJ-01').state).toBe('met');
  });

  it('PRJ-01 is not met when entered after the planned start, and says both dates', () => {
    const item = itemOf({ registeredOn: '2026-03-02' }, 'PRJ-01');
    expect(item.state).toBe('not_met');
    expect(item.detail?.zh).toBe('开工日期 2026-03-01 早于录入日期 2026-03-02');
    expect(item.detail?.en).toBe('Works started 2026-03-01, before entry on 2026-03-02');
  });

  it('PRJ-01 judges by the actual start when there is one, not the planned one', () => {
    // Planned for 1 March but really started on 10 March: an entry on 5 March was in time.
    expect(itemOf({ registeredOn: '2026-03-05', actualStart: '2026-03-10' }, 'PRJ-01').state).toBe('met');
    // Planned for 1 April but started early on 1 February: an entry on 20 February was late.
    const late = itemOf({ registeredOn: '2026-02-20', plannedStart: '2026-04-01', actualStart: '2026-02-01' }, 'PRJ-01');
    expect(late.state).toBe('not_met');
    expect(late.detail?.en).toContain('2026-02-01');
  });

  it('PRJ-01 is not met without a labour officer, even when entered in time', () => {
    for (const laborOfficerName of [null, '']) {
      const item = itemOf({ laborOfficerName }, 'PRJ-01');
      expect(item.state).toBe('not_met');
      expect(item.detail).toEqual({ zh: '未登记劳资专管员', en: 'No labour officer named' });
    }
  });
});

describe('PRJ-02 contract terms: metering cycle, settlement method, labour-cost share and cycle', () => {
  it.each([
    [{ meteringCycle: null }, '计量周期', 'metering cycle'],
    [{ meteringCycle: '' }, '计量周期', 'metering cycle'],
    [{ settlementMethod: null }, '进度款结算方式', 'settlement method'],
    [{ laborCostShareBp: null }, '人工费用比例', 'labour-cost share'],
    [{ allocationCycleMonths: null }, '人工费用拨付周期', 'labour-cost cycle'],
  ] as [Partial<ComplianceFacts>, string, string][])('PRJ-02 is not met when a term is missing: %o', (over, zh, en) => {
    const item = itemOf(over, 'PRJ-02');
    expect(item.state).toBe('not_met');
    expect(item.detail).toEqual({ zh: `缺少：${zh}`, en: `Missing: ${en}` });
  });

  it('PRJ-02 lists every missing term at once', () => {
    const item = itemOf({ meteringCycle: null, settlementMethod: null, laborCostShareBp: null, allocationCycleMonths: null }, 'PRJ-02');
    expect(item.detail?.zh).toBe('缺少：计量周期、进度款结算方式、人工费用比例、人工费用拨付周期');
    expect(item.detail?.en).toBe('Missing: metering cycle, settlement method, labour-cost share, labour-cost cycle');
  });

  it('PRJ-02 refuses a labour-cost cycle longer than the ACC-04 maximum, and accepts one equal to it', () => {
    const tooLong = itemOf({ allocationCycleMonths: 2 }, 'PRJ-02');
    expect(tooLong.state).toBe('not_met');
    expect(tooLong.detail?.zh).toBe('人工费用拨付周期 2 个月，超过 1 个月');
    expect(itemOf({ allocationCycleMonths: 3, params: { maxAllocationCycleMonths: 3, paymentGuaranteeRequired: true } }, 'PRJ-02').state).toBe('met');
  });
});

describe('PRJ-03 payment guarantee (工程款支付担保)', () => {
  it('PRJ-03 is required by default, nationally (not a regional parameter)', () => {
    const def = getParamDef('PRJ-03.paymentGuaranteeRequired');
    expect(def?.default).toBe(true);
    expect(def?.regionOverridable).toBe(false);
  });

  it('PRJ-03 is met with a guarantee and not met without one', () => {
    expect(itemOf({ paymentGuarantee: true }, 'PRJ-03').state).toBe('met');
    const item = itemOf({ paymentGuarantee: false }, 'PRJ-03');
    expect(item.state).toBe('not_met');
    expect(item.detail?.zh).toBe('未提供工程款支付担保');
  });

  it('PRJ-03 is not applicable when the parameter is switched off, guarantee or not', () => {
    const params = { maxAllocationCycleMonths: 1, paymentGuaranteeRequired: false };
    for (const paymentGuarantee of [true, false]) expect(itemOf({ params, paymentGuarantee }, 'PRJ-03').state).toBe('not_applicable');
  });
});

describe('PRJ-04 government-investment project has its funds in place', () => {
  it('PRJ-04 is met for a government project only when funds are confirmed in place', () => {
    expect(itemOf({ fundsInPlace: true }, 'PRJ-04').state).toBe('met');
    for (const fundsInPlace of [false, null]) {
      const item = itemOf({ fundsInPlace }, 'PRJ-04');
      expect(item.state).toBe('not_met');
      expect(item.detail?.zh).toBe('建设资金未落实');
    }
  });

  it('PRJ-04 does not apply to other investment types, whatever the funding', () => {
    for (const investmentType of ['soe', 'ppp', 'private'] as InvestmentType[]) {
      for (const fundsInPlace of [true, false, null]) expect(itemOf({ investmentType, fundsInPlace }, 'PRJ-04').state).toBe('not_applicable');
    }
  });
});

describe('PRJ-05 rights-information board with the three content groups', () => {
  it('PRJ-05 knows exactly the three groups of Art. 34', () => {
    expect(Object.keys(BOARD_CONTENTS)).toEqual(['parties', 'wage_info', 'hotlines']);
  });

  it('PRJ-05 is not met when there is no board, whatever it would contain', () => {
    const item = itemOf({ boardSetUp: false }, 'PRJ-05');
    expect(item.state).toBe('not_met');
    expect(item.detail).toEqual({ zh: '未设置维权信息告示牌', en: 'No board on site' });
  });

  it('PRJ-05 is not met when any group is missing, and names the missing ones', () => {
    for (const missing of Object.keys(BOARD_CONTENTS) as (keyof typeof BOARD_CONTENTS)[]) {
      const item = itemOf({ boardContents: Object.keys(BOARD_CONTENTS).filter((c) => c !== missing) }, 'PRJ-05');
      expect(item.state).toBe('not_met');
      expect(item.detail?.zh).toBe(`告示牌缺少：${BOARD_CONTENTS[missing].zh}`);
    }
    expect(itemOf({ boardContents: ['wage_info'] }, 'PRJ-05').detail?.en).toBe(`Board lacks: ${BOARD_CONTENTS.parties.en}; ${BOARD_CONTENTS.hotlines.en}`);
  });

  it('PRJ-05 ignores unknown content codes and the order of the groups', () => {
    expect(itemOf({ boardContents: ['hotlines', 'something_else', 'parties', 'wage_info'] }, 'PRJ-05').state).toBe('met');
    expect(itemOf({ boardContents: ['something_else', 'parties', 'wage_info'] }, 'PRJ-05').state).toBe('not_met');
  });
});

describe('PRJ-06 "5+1" checklist', () => {
  const LABELS = [
    '5+1: real-name registry',
    '5+1: wage deposit',
    '5+1: dedicated wage account',
    '5+1: payment by the general contractor',
    '5+1: rights-information board',
    '5+1: payment guarantee',
  ];

  it('PRJ-06 has the six items: 实名制, 保证金, 专户, 总包代发, 告示牌 and the payment guarantee', () => {
    expect(fivePlusOne().map((i) => i.label.en)).toEqual(LABELS);
  });

  it('PRJ-06 实名制 is met only with workers on the roster', () => {
    expect(byLabel(fivePlusOne({ openEmployments: 3 }), LABELS[0]).state).toBe('met');
    const empty = byLabel(fivePlusOne({ openEmployments: 0 }), LABELS[0]);
    expect(empty.state).toBe('not_met');
    expect(empty.detail?.zh).toBe('花名册无在场人员');
  });

  it('PRJ-06 without the money modules’ facts, deposit, wage account and payment by the general contractor are not tracked, never guessed', () => {
    const worst = fivePlusOne({ openEmployments: 0, boardSetUp: false, paymentGuarantee: false, fundsInPlace: false, laborOfficerName: null });
    const best = fivePlusOne();
    for (const items of [worst, best]) {
      for (const label of LABELS.slice(1, 4)) {
        const item = byLabel(items, label);
        expect(item.state).toBe('not_tracked');
        expect(item.detail?.en).toContain('not connected');
      }
    }
  });

  it('PRJ-06 board item follows PRJ-05, with the same detail', () => {
    for (const over of [{}, { boardSetUp: false }, { boardContents: ['parties'] }] as Partial<ComplianceFacts>[]) {
      const items = complianceChecklist(compliant(over));
      const board = byLabel(items.filter((i) => i.rule === 'PRJ-06'), LABELS[4]);
      const prj05 = only(items, 'PRJ-05');
      expect(board.state).toBe(prj05.state);
      expect(board.detail).toEqual(prj05.detail);
    }
  });

  it('PRJ-06 payment-guarantee item follows PRJ-03, including not applicable', () => {
    expect(byLabel(fivePlusOne({ paymentGuarantee: true }), LABELS[5]).state).toBe('met');
    expect(byLabel(fivePlusOne({ paymentGuarantee: false }), LABELS[5]).state).toBe('not_met');
    const off = fivePlusOne({ paymentGuarantee: false, params: { maxAllocationCycleMonths: 1, paymentGuaranteeRequired: false } });
    expect(byLabel(off, LABELS[5]).state).toBe('not_applicable');
  });
});

describe('RN-05 劳资专管员 required before works are under way (checkStatusChange)', () => {
  const STATUSES = Object.keys(PROJECT_STATUSES) as ProjectStatus[];
  const ALLOWED: Record<ProjectStatus, ProjectStatus[]> = {
    not_started: ['in_progress'],
    in_progress: ['suspended', 'completed'],
    suspended: ['in_progress', 'completed'],
    completed: ['accepted', 'in_progress'],
    accepted: [],
  };

  it('RN-05 refuses 未开工 → 在建 without a labour officer, citing Art. 28', () => {
    for (const laborOfficerName of [null, '']) {
      const result = checkStatusChange({ from: 'not_started', to: 'in_progress', laborOfficerName });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason.zh).toContain('劳资专管员');
        expect(result.reason.zh).toContain('第28条');
      }
    }
    expect(checkStatusChange({ from: 'not_started', to: 'in_progress', laborOfficerName: '王建国' })).toEqual({ ok: true });
  });

  it('RN-05 also refuses resuming (停工 → 在建) or reopening (完工 → 在建) without a labour officer', () => {
    for (const from of ['suspended', 'completed'] as ProjectStatus[]) {
      expect(checkStatusChange({ from, to: 'in_progress', laborOfficerName: null }).ok).toBe(false);
      expect(checkStatusChange({ from, to: 'in_progress', laborOfficerName: '王建国' })).toEqual({ ok: true });
    }
  });

  it('RN-05 does not block moves away from 在建 (suspend, complete, accept) when no officer is named', () => {
    expect(checkStatusChange({ from: 'in_progress', to: 'suspended', laborOfficerName: null })).toEqual({ ok: true });
    expect(checkStatusChange({ from: 'in_progress', to: 'completed', laborOfficerName: null })).toEqual({ ok: true });
    expect(checkStatusChange({ from: 'completed', to: 'accepted', laborOfficerName: null })).toEqual({ ok: true });
  });

  it('RN-05 status transitions: exactly the ledger transitions are allowed; 竣工验收 is final', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const result = checkStatusChange({ from, to, laborOfficerName: '王建国' });
        expect(result.ok, `${from} → ${to}`).toBe(ALLOWED[from].includes(to));
      }
    }
  });

  it('RN-05 names both statuses when a transition is not allowed (checked before the officer)', () => {
    const result = checkStatusChange({ from: 'accepted', to: 'in_progress', laborOfficerName: null });
    expect(result).toEqual({
      ok: false,
      reason: { zh: '项目状态不能从“竣工验收”变为“在建”', en: 'A project cannot go from Accepted on completion to Under construction' },
    });
  });
});

describe('ownership tier (涧西区 four classes) and supervising department', () => {
  it('a government project is 市属 when its department is at province or city level, else 区属', () => {
    expect(deriveOwnershipTier('government', 1)).toBe('city');
    expect(deriveOwnershipTier('government', 2)).toBe('city');
    expect(deriveOwnershipTier('government', 3)).toBe('district');
    expect(deriveOwnershipTier('government', 4)).toBe('district');
    expect(deriveOwnershipTier('government', 5)).toBe('district');
    expect(deriveOwnershipTier('government', null)).toBe('district');
  });

  it('PPP is 区属, SOE 国企, private 社会, whatever the department level', () => {
    for (const level of [null, 1, 2, 3, 4, 5] as const) {
      expect(deriveOwnershipTier('ppp', level)).toBe('district');
      expect(deriveOwnershipTier('soe', level)).toBe('soe');
      expect(deriveOwnershipTier('private', level)).toBe('private');
    }
    expect(Object.keys(INVESTMENT_TYPES).sort()).toEqual(['government', 'ppp', 'private', 'soe']);
  });

  it('building and municipal works go to housing; transport and water to their own; the rest to other', () => {
    const expected: Record<ProjectIndustry, string> = {
      building: 'housing',
      municipal: 'housing',
      transport: 'transport',
      water: 'water',
      railway: 'other',
      aviation: 'other',
      telecom: 'other',
      power: 'other',
      other: 'other',
    };
    expect(Object.keys(PROJECT_INDUSTRIES).sort()).toEqual(Object.keys(expected).sort());
    for (const industry of Object.keys(PROJECT_INDUSTRIES) as ProjectIndustry[]) expect(supervisingIndustry(industry)).toBe(expected[industry]);
  });
});

describe('PAY-06 employment ledger retained until settlement + 3 years', () => {
  const YEARS = getParamDef('PAY-06.employmentLedgerRetentionYears')?.default as number;

  it('PAY-06 defaults to 3 years, nationally', () => {
    expect(YEARS).toBe(3);
    expect(getParamDef('PAY-06.employmentLedgerRetentionYears')?.regionOverridable).toBe(false);
  });

  it('PAY-06 keeps the ledger 3 years after full settlement by default', () => {
    expect(employmentLedgerRetainedUntil('2026-06-30', YEARS)).toBe('2029-06-30');
    expect(employmentLedgerRetainedUntil('2026-12-31', YEARS)).toBe('2029-12-31');
    expect(employmentLedgerRetainedUntil('2026-06-30', 5)).toBe('2031-06-30');
  });

  it('PAY-06 keeps everything while the project is not settled', () => {
    expect(employmentLedgerRetainedUntil(null, YEARS)).toBeNull();
    expect(employmentLedgerRetainedUntil('', YEARS)).toBeNull();
  });

  it('PAY-06 carries a 29 February settlement to 1 March in a common year, never earlier', () => {
    expect(employmentLedgerRetainedUntil('2024-02-29', 3)).toBe('2027-03-01');
    expect(employmentLedgerRetainedUntil('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('PRJ-06 "5+1" items the money modules prove', () => {
  const money = (over: Partial<ComplianceFacts['money']> = {}) =>
    fivePlusOne({ money: { wageAccount: { open: true, frozen: false }, deposit: { state: 'lodged', shortfallFen: 0 }, payouts: { due: 2, paidThroughAccount: 40, overdueUnpaid: 0 }, ...over } }).map((i) => i.state);

  it('PRJ-06 a lodged deposit, an open account and wages paid through it meet the three items', () => {
    expect(money()).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  });

  it('PRJ-06 a short deposit, a frozen or missing account, wages unpaid past their day fail them, each with its reason', () => {
    expect(money({ deposit: { state: 'short', shortfallFen: 12_345_00 } })[1]).toBe('not_met');
    expect(money({ wageAccount: { open: true, frozen: true } })[2]).toBe('not_met');
    expect(money({ wageAccount: { open: false, frozen: false } })[2]).toBe('not_met');
    expect(money({ payouts: { due: 2, paidThroughAccount: 40, overdueUnpaid: 1 } })[3]).toBe('not_met');
    const items = fivePlusOne({ money: { deposit: { state: 'short', shortfallFen: 12_345_00 } } });
    expect(items[1].detail?.zh).toContain('12345.00');
  });

  it('PRJ-06 an exempt deposit and a project with no wages due yet are not applicable', () => {
    expect(money({ deposit: { state: 'exempt', shortfallFen: 0 }, payouts: { due: 0, paidThroughAccount: 0, overdueUnpaid: 0 } })).toEqual(['met', 'not_applicable', 'met', 'not_applicable', 'met', 'met']);
  });
});
