import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getParamDef } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import './cases.params';
import {
  CHECKLIST,
  CHECKLIST_KEYS,
  CONCLUSIONS,
  CONCLUSION_KEYS,
  PAYMENT_SOURCES,
  SUPERVISION,
  additionalCompensation,
  arbitrationClaims,
  bankQueryApprovable,
  caseTitle,
  checkCompensationRate,
  checkPenalty,
  checklistFindings,
  closable,
  criminalThreshold,
  enoughInspectors,
  fineAllowed,
  isArbitrationMatter,
  isConclusion,
  isMajorCase,
  liableParties,
  limitationLastDay,
  MAJOR_CASE_DEFAULTS,
  mayTransferToPolice,
  nameSimilarity,
  needsBankQueryApproval,
  normaliseEmployerName,
  penaltyRange,
  proposeMerges,
  rankEmployerMatches,
  totals,
  withinLimitation,
  type OpenClue,
  type WorkerClaim,
} from './cases.law';

describe('附件4 verification checklist', () => {
  it('has the 11 items of the form, in order, verbatim', () => {
    expect(CHECKLIST_KEYS).toEqual([
      'monthly_full_payment',
      'labor_contract',
      'real_name_registration',
      'account_payout',
      'wage_deposit',
      'advance_liability',
      'illegal_subcontracting_liability',
      'government_project_arrears',
      'soe_project_arrears',
      'group_incident_50',
      'extreme_incident',
    ]);
    expect(CHECKLIST.monthly_full_payment.zh).toBe('未按月足额支付工资');
    expect(CHECKLIST.real_name_registration.zh).toBe('房屋市政类项目工人未在建筑工人实名制管理平台登记（非房屋市政类项目不必选填）');
    expect(CHECKLIST.group_incident_50.zh).toBe('因欠薪引发50人以上群体性事件');
    expect(CHECKLIST.extreme_incident.zh).toBe('因欠薪引发极端事件并造成严重后果的案件');
    expect(Object.values(CHECKLIST).every((l) => l.en.length > 0)).toBe(true);
  });

  it('reports violations and unanswered items in the form’s order; complete only when all are answered', () => {
    const all = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, false]));
    expect(checklistFindings(all)).toEqual({ violations: [], unanswered: [], notApplicable: [], complete: true });
    const r = checklistFindings({ ...all, wage_deposit: true, monthly_full_payment: true, labor_contract: null, extreme_incident: undefined });
    expect(r).toEqual({ violations: ['monthly_full_payment', 'wage_deposit'], unanswered: ['labor_contract', 'extreme_incident'], notApplicable: [], complete: false });
  });

  it('lets item 3 stay blank only on a project that is not housing or municipal', () => {
    const all = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, false]));
    const { real_name_registration: _, ...rest } = all;
    expect(checklistFindings(rest, { housingMunicipal: false })).toMatchObject({ unanswered: [], notApplicable: ['real_name_registration'], complete: true });
    expect(checklistFindings(rest, { housingMunicipal: true })).toMatchObject({ unanswered: ['real_name_registration'], complete: false });
    expect(checklistFindings(rest)).toMatchObject({ unanswered: ['real_name_registration'], complete: false });
  });
});

describe('CASE-02 limitation', () => {
  it('CASE-02 uses the catalogue’s 2 years', () => {
    expect(getParamDef('CASE-02.limitationYears')?.default).toBe(2);
  });

  it('CASE-02 a complaint on the last day of the 2 years is within; the next day is not', () => {
    expect(limitationLastDay('2023-03-15', 2)).toBe('2025-03-15');
    expect(withinLimitation('2023-03-15', '2025-03-15', 2)).toBe(true);
    expect(withinLimitation('2023-03-15', '2025-03-16', 2)).toBe(false);
  });

  it('CASE-02 counts a continuing violation from its end; one not yet ended is within', () => {
    expect(withinLimitation(null, '2040-01-01', 2)).toBe(true);
    expect(withinLimitation('2024-06-30', '2024-01-01', 2)).toBe(true);
  });

  it('CASE-02 ends a period from 29 February on 28 February (民法典 Art. 202)', () => {
    expect(limitationLastDay('2024-02-29', 2)).toBe('2026-02-28');
    expect(withinLimitation('2024-02-29', '2026-03-01', 2)).toBe(false);
  });

  it('CASE-02 rejects a malformed date', () => {
    expect(() => withinLimitation('2024-02-30', '2025-01-01', 2)).toThrow();
  });
});

describe('CASE-04 inspectors', () => {
  it('CASE-04 needs 2 distinct inspectors, and says so on the field', () => {
    expect(getParamDef('CASE-04.minInspectors')?.default).toBe(2);
    expect(enoughInspectors(['u1', 'u2'], 2)).toEqual({ ok: true });
    const one = enoughInspectors(['u1', 'u1', ' '], 2);
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.problem.field).toBe('inspectorIds');
      expect(one.problem.message.zh).toContain('至少2名');
    }
  });
});

describe('CASE-07 conclusions', () => {
  it('CASE-07 is a fixed list of 10 conclusions with distinct zh and en labels, selectable per province', () => {
    expect(CONCLUSION_KEYS).toHaveLength(10);
    expect(new Set(Object.values(CONCLUSIONS).map((l) => l.zh)).size).toBe(10);
    expect(Object.values(CONCLUSIONS).every((l) => l.en.length > 0)).toBe(true);
    expect(isConclusion('paid_in_full')).toBe(true);
    expect(isConclusion('toString')).toBe(false);
    expect(getParamDef('CASE-07.conclusions')).toMatchObject({ type: 'enum_set', default: CONCLUSION_KEYS, regionOverridable: true, unverified: true });
  });
});

describe('CASE-08 bank and property queries', () => {
  it('CASE-08 accounts, houses and vehicles need approval; public registers do not', () => {
    expect(['bank_account', 'real_estate', 'vehicle', 'other_property'].every((k) => needsBankQueryApproval(k as never))).toBe(true);
    expect(needsBankQueryApproval('business_registration')).toBe(false);
    expect(needsBankQueryApproval('social_insurance')).toBe(false);
  });

  it('CASE-08 only a head at prefecture level or above may approve', () => {
    expect(bankQueryApprovable(2, true)).toEqual({ ok: true });
    expect(bankQueryApprovable(1, true)).toEqual({ ok: true });
    expect(bankQueryApprovable(3, true).ok).toBe(false);
    expect(bankQueryApprovable(2, false).ok).toBe(false);
  });
});

describe('CASE-09 arbitration matters', () => {
  it('CASE-09 unpaid agreed wages stay with inspection', () => {
    expect(isArbitrationMatter(['unpaid_wages'])).toBe(false);
    expect(isArbitrationMatter(['deducted_wages', 'below_minimum_wage'])).toBe(false);
    expect(isArbitrationMatter([])).toBe(false);
  });

  it('CASE-09 a disputed labour relation, a matter already filed, or only disputes go to arbitration or the courts', () => {
    expect(isArbitrationMatter(['unpaid_wages', 'labour_relation_dispute'])).toBe(true);
    expect(isArbitrationMatter(['unpaid_wages', 'already_filed'])).toBe(true);
    expect(isArbitrationMatter(['wage_standard_dispute', 'injury_compensation'])).toBe(true);
  });

  it('CASE-09 in a mixed complaint only the disputed claims are referred', () => {
    expect(isArbitrationMatter(['unpaid_wages', 'injury_compensation'])).toBe(false);
    expect(arbitrationClaims(['unpaid_wages', 'injury_compensation'])).toEqual(['injury_compensation']);
  });
});

describe('CRM-01 数额较大 and CRM-02 transfer to the police', () => {
  const one = 1_000_000; // ¥10,000 (Liaoning, Hubei, Guizhou)
  const ten = 5_000_000; // ¥50,000
  const base = { oneWorkerFen: one, tenWorkersFen: ten, orderUnmet: true };
  const tenWorkers = (eachFen: number, n = 10) => Array.from({ length: n }, () => ({ owedFen: eachFen, monthsUnpaid: 1 }));

  it('CRM-01 is met at exactly the one-worker amount for three months, not one fen below', () => {
    expect(criminalThreshold({ ...base, workers: [{ owedFen: one, monthsUnpaid: 3 }] })).toMatchObject({ met: true, by: 'one_worker' });
    expect(criminalThreshold({ ...base, workers: [{ owedFen: one - 1, monthsUnpaid: 3 }] })).toMatchObject({ met: false, by: null });
  });

  it('CRM-01 needs three months for one worker: two months is not enough', () => {
    expect(criminalThreshold({ ...base, workers: [{ owedFen: 10 * one, monthsUnpaid: 2 }] })).toMatchObject({ met: false, by: null });
    expect(criminalThreshold({ ...base, workers: [{ owedFen: 10 * one, monthsUnpaid: 3 }] }).figures.largestOneWorkerFen).toBe(10 * one);
  });

  it('CRM-01 is met at exactly the ten-workers total for 10 workers, not one fen below', () => {
    expect(criminalThreshold({ ...base, workers: tenWorkers(ten / 10) })).toMatchObject({ met: true, by: 'ten_workers', figures: { workersOwed: 10, totalOwedFen: ten } });
    const below = [...tenWorkers(ten / 10, 9), { owedFen: ten / 10 - 1, monthsUnpaid: 1 }];
    expect(criminalThreshold({ ...base, workers: below })).toMatchObject({ met: false, by: null, figures: { totalOwedFen: ten - 1 } });
  });

  it('CRM-01 needs 10 workers: 9 owed the whole amount is not enough', () => {
    expect(criminalThreshold({ ...base, workers: tenWorkers(ten, 9) })).toMatchObject({ met: false, by: null, figures: { workersOwed: 9 } });
    // Workers owed nothing do not count towards the ten.
    expect(criminalThreshold({ ...base, workers: [...tenWorkers(ten, 9), { owedFen: 0, monthsUnpaid: 5 }] }).figures.workersOwed).toBe(9);
  });

  it('CRM-01 is not met without an unmet order to pay, even above the amounts', () => {
    const r = criminalThreshold({ ...base, orderUnmet: false, workers: [{ owedFen: one, monthsUnpaid: 3 }] });
    expect(r).toMatchObject({ met: false, by: 'one_worker', amountMet: true });
  });

  it('CRM-01 names clause (一) first when both are met', () => {
    expect(criminalThreshold({ ...base, workers: [{ owedFen: one, monthsUnpaid: 3 }, ...tenWorkers(ten)] }).by).toBe('one_worker');
  });

  it('CRM-01 thresholds are inclusive for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500_000, max: 2_000_000 }), fc.integer({ min: 0, max: 100 }), (threshold, delta) => {
        const at = criminalThreshold({ ...base, oneWorkerFen: threshold, workers: [{ owedFen: threshold + delta, monthsUnpaid: 3 }] });
        const under = criminalThreshold({ ...base, oneWorkerFen: threshold, workers: [{ owedFen: threshold - 1 - delta, monthsUnpaid: 3 }] });
        return at.met && !under.met;
      }),
    );
  });

  it('CRM-01 uses the fixed 3 months and 10 workers of Art. 3 as national parameters', () => {
    expect(getParamDef('CRM-01.oneWorkerMonths')).toMatchObject({ default: 3, regionOverridable: false });
    expect(getParamDef('CRM-01.minWorkers')).toMatchObject({ default: 10, regionOverridable: false });
  });

  it('CRM-02 transfers to the police only when CRM-01 is met', () => {
    expect(mayTransferToPolice(criminalThreshold({ ...base, workers: [{ owedFen: one, monthsUnpaid: 3 }] }))).toBe(true);
    expect(mayTransferToPolice(criminalThreshold({ ...base, orderUnmet: false, workers: [{ owedFen: one, monthsUnpaid: 3 }] }))).toBe(false);
    expect(mayTransferToPolice(criminalThreshold({ ...base, workers: [{ owedFen: one - 1, monthsUnpaid: 3 }] }))).toBe(false);
  });
});

describe('LIA liability', () => {
  const owedFen = 3_000_000;

  it('LIA-01 a subcontractor’s arrears: the general contractor pays first and recovers from the subcontractor', () => {
    const [first, ...rest] = liableParties({ owedFen, employer: 'subcontractor' });
    expect(first).toMatchObject({ party: 'general_contractor', duty: 'pays_first', ruleId: 'LIA-01', recoversFrom: 'subcontractor', amountFen: owedFen });
    expect(first.reason.zh).toContain('第30条');
    expect(rest).toEqual([]);
    expect(liableParties({ owedFen, employer: 'general_contractor', transferred: true })[0]).toMatchObject({ ruleId: 'LIA-01' });
  });

  it('LIA-01 the general contractor’s own workers: it pays as the employer', () => {
    expect(liableParties({ owedFen, employer: 'general_contractor' })).toEqual([expect.objectContaining({ party: 'general_contractor', duty: 'pays', ruleId: null })]);
  });

  it('LIA-02 the owner’s late payment: it advances, capped at the unsettled construction funds, after the first payer', () => {
    const r = liableParties({ owedFen, employer: 'subcontractor', ownerPaidLate: true, unsettledFen: 1_200_000 });
    expect(r.map((l) => [l.party, l.ruleId])).toEqual([
      ['general_contractor', 'LIA-01'],
      ['owner', 'LIA-02'],
    ]);
    expect(r[1]).toMatchObject({ duty: 'advances', amountFen: 1_200_000 });
    expect(r[1].reason.zh).toContain('12000.00 元');
    // The cap never exceeds what is owed; nothing unsettled, nothing to advance.
    expect(liableParties({ owedFen, employer: 'subcontractor', ownerPaidLate: true, unsettledFen: 9_000_000 })[1].amountFen).toBe(owedFen);
    expect(liableParties({ owedFen, employer: 'subcontractor', ownerPaidLate: true, unsettledFen: 0 })).toHaveLength(1);
  });

  it('LIA-03 contracting out to an individual or unqualified unit: whoever contracted pays', () => {
    expect(liableParties({ owedFen, employer: 'other', contractedToUnqualifiedBy: 'owner' })[0]).toMatchObject({ party: 'owner', duty: 'pays', ruleId: 'LIA-03' });
    const byGc = liableParties({ owedFen, employer: 'subcontractor', contractedToUnqualifiedBy: 'general_contractor' });
    expect(byGc).toEqual([expect.objectContaining({ party: 'general_contractor', duty: 'pays', ruleId: 'LIA-03' })]);
    expect(liableParties({ owedFen, employer: 'other', nameLent: true })[0]).toMatchObject({ party: 'name_lender', ruleId: 'LIA-03' });
  });

  it('LIA-04 an illegal project: the owner pays, ahead of everyone', () => {
    const r = liableParties({ owedFen, employer: 'subcontractor', illegalProject: true, ownerPaidLate: true, unsettledFen: 100 });
    expect(r.map((l) => [l.party, l.ruleId, l.duty])).toEqual([
      ['owner', 'LIA-04', 'pays'],
      ['general_contractor', 'LIA-01', 'pays_first'],
    ]);
    expect(r[0].reason.en).toContain('Art. 37');
  });
});

describe('PEN penalties', () => {
  it('PEN-01…06 defaults match RULES.md', () => {
    const expected: Record<string, number> = {
      'PEN-01.unitMinFen': 2_000_000,
      'PEN-01.unitMaxFen': 5_000_000,
      'PEN-01.individualMinFen': 1_000_000,
      'PEN-01.individualMaxFen': 3_000_000,
      'PEN-02.unitMinFen': 5_000_000,
      'PEN-02.unitMaxFen': 10_000_000,
      'PEN-03.unitMinFen': 5_000_000,
      'PEN-03.unitMaxFen': 10_000_000,
      'PEN-04.unitMinFen': 5_000_000,
      'PEN-04.unitMaxFen': 10_000_000,
      'PEN-05.rateMin': 0.5,
      'PEN-05.rateMax': 1,
      'PEN-06.unitMinFen': 200_000,
      'PEN-06.unitMaxFen': 2_000_000,
    };
    for (const [id, value] of Object.entries(expected)) {
      expect(getParamDef(id), id).toMatchObject({ default: value, module: 'cases', regionOverridable: false });
      expect(getParamDef(id)?.citation.source, id).toMatch(/^RULES\.md PEN-0\d/);
    }
    expect(getParamDef('PEN-02.individualMinFen')).toBeUndefined();
  });

  it('PEN-01 fines the unit ¥20,000–50,000 and each individual ¥10,000–30,000, ends included', () => {
    expect(penaltyRange('PEN-01')).toMatchObject({ unit: { minFen: 2_000_000, maxFen: 5_000_000 }, individual: { minFen: 1_000_000, maxFen: 3_000_000 }, stoppage: false });
    expect(checkPenalty('PEN-01', 2_000_000, 'unit')).toEqual({ ok: true });
    expect(checkPenalty('PEN-01', 5_000_000, 'unit')).toEqual({ ok: true });
    expect(checkPenalty('PEN-01', 1_999_999, 'unit').ok).toBe(false);
    expect(checkPenalty('PEN-01', 3_000_000, 'individual')).toEqual({ ok: true });
    expect(checkPenalty('PEN-01', 3_000_001, 'individual').ok).toBe(false);
  });

  it('PEN-02 stoppage plus ¥50,000–100,000, the unit only', () => {
    expect(penaltyRange('PEN-02')).toMatchObject({ unit: { minFen: 5_000_000, maxFen: 10_000_000 }, individual: null, stoppage: true });
    expect(checkPenalty('PEN-02', 10_000_000, 'unit')).toEqual({ ok: true });
    expect(checkPenalty('PEN-02', 10_000_001, 'unit').ok).toBe(false);
    const ind = checkPenalty('PEN-02', 5_000_000, 'individual');
    expect(ind.ok || ind.problem.field).toBe('party');
  });

  it('PEN-03 ¥50,000–100,000 without stoppage', () => {
    expect(penaltyRange('PEN-03')).toMatchObject({ unit: { minFen: 5_000_000, maxFen: 10_000_000 }, stoppage: false });
    expect(checkPenalty('PEN-03', 4_999_999, 'unit').ok).toBe(false);
  });

  it('PEN-04 stoppage plus ¥50,000–100,000', () => {
    expect(penaltyRange('PEN-04')).toMatchObject({ unit: { minFen: 5_000_000, maxFen: 10_000_000 }, stoppage: true });
    const bad = checkPenalty('PEN-04', 4_999_999, 'unit');
    expect(bad.ok || bad.problem.field).toBe('amountFen');
    expect(checkPenalty('PEN-04', 7_500_000.5, 'unit').ok).toBe(false);
  });

  it('PEN-05 additional compensation is 50%–100% of the amount owed, rounded half up to the fen', () => {
    expect(additionalCompensation(1_000_000, 0.5)).toBe(500_000);
    expect(additionalCompensation(1_000_000, 1)).toBe(1_000_000);
    expect(additionalCompensation(333, 0.5)).toBe(167); // 166.5 → 167
    expect(additionalCompensation(331, 0.5)).toBe(166); // 165.5 → 166
    expect(additionalCompensation(100, 0.666)).toBe(67); // 66.6 → 67
    expect(additionalCompensation(100, 0.664)).toBe(66); // 66.4 → 66
    expect(() => additionalCompensation(100, 0.49)).toThrow(RangeError);
    expect(() => additionalCompensation(100, 1.01)).toThrow(RangeError);
    expect(checkCompensationRate(0.5)).toEqual({ ok: true });
    expect(checkCompensationRate(0.4999).ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (owed) => {
        const half = additionalCompensation(owed, 0.5);
        return half * 2 >= owed && half * 2 <= owed + 1 && additionalCompensation(owed, 1) === owed;
      }),
    );
  });

  it('PEN-06 obstruction ¥2,000–20,000, fined without a correction deadline', () => {
    expect(penaltyRange('PEN-06')).toMatchObject({ unit: { minFen: 200_000, maxFen: 2_000_000 }, correctionFirst: false });
    expect(checkPenalty('PEN-06', 200_000, 'unit')).toEqual({ ok: true });
    expect(checkPenalty('PEN-06', 199_999, 'unit').ok).toBe(false);
    expect((['PEN-01', 'PEN-02', 'PEN-03', 'PEN-04'] as const).every((r) => penaltyRange(r).correctionFirst)).toBe(true);
  });

  it('PEN-01…04 fine only after the correction deadline passes uncorrected', () => {
    const order = { orderIssuedOn: '2025-03-01', correctBy: '2025-03-15' };
    expect(fineAllowed({ orderIssuedOn: null, correctBy: null, correctedOn: null, today: '2025-04-01' }).allowed).toBe(false);
    expect(fineAllowed({ ...order, correctedOn: null, today: '2025-03-15' }).allowed).toBe(false); // the last day is still in time
    expect(fineAllowed({ ...order, correctedOn: null, today: '2025-03-16' }).allowed).toBe(true);
    expect(fineAllowed({ ...order, correctedOn: '2025-03-15', today: '2025-04-01' }).allowed).toBe(false);
    expect(fineAllowed({ ...order, correctedOn: '2025-03-16', today: '2025-04-01' }).allowed).toBe(true); // late correction
    expect(fineAllowed({ orderIssuedOn: '2025-03-15', correctBy: '2025-03-01', correctedOn: null, today: '2025-04-01' }).allowed).toBe(false);
  });
});

describe('major cases', () => {
  it('major-case parameters default to 30 workers, ¥500,000 and 50 people, overridable and unverified', () => {
    expect(getParamDef('CASE.major.workers')).toMatchObject({ default: 30, regionOverridable: true, unverified: true });
    expect(getParamDef('CASE.major.amountFen')).toMatchObject({ default: 50_000_000, type: 'money_fen', regionOverridable: true, unverified: true });
    expect(getParamDef('CASE.major.incidentPeople')).toMatchObject({ default: 50, regionOverridable: true, unverified: true });
  });

  it('a case is major at exactly the thresholds, not one below, with a reason for each', () => {
    const p = MAJOR_CASE_DEFAULTS;
    const calm = { workers: 29, claimedFen: 49_999_999, groupIncident: { people: 49 }, extremeIncident: false };
    expect(isMajorCase(calm, p)).toEqual({ major: false, reasons: [] });
    expect(isMajorCase({ ...calm, workers: 30 }, p).reasons.map((r) => r.code)).toEqual(['workers']);
    expect(isMajorCase({ ...calm, claimedFen: 50_000_000 }, p).reasons.map((r) => r.code)).toEqual(['amount']);
    expect(isMajorCase({ ...calm, groupIncident: { people: 50 } }, p).reasons.map((r) => r.code)).toEqual(['group_incident']);
    expect(isMajorCase({ ...calm, groupIncident: null, extremeIncident: true }, p)).toMatchObject({ major: true, reasons: [{ code: 'extreme_incident' }] });
    expect(isMajorCase({ ...calm, workers: 12 }, { ...p, workers: 10 }).major).toBe(true);
  });

  it('supervision options are 挂牌督办, 领导包案 and 专案组', () => {
    expect(Object.fromEntries(Object.entries(SUPERVISION).map(([k, v]) => [k, v.zh]))).toEqual({ listed: '挂牌督办', leader: '领导包案', task_force: '专案组' });
  });
});

describe('case titles', () => {
  it('titles a case in the official style', () => {
    expect(caseTitle({ projectName: '含谷镇安置房', employerName: '重庆某某建筑工程有限公司', firstWorkerName: '张三', workerCount: 12 })).toBe('含谷镇安置房工程拖欠张三等12名农民工工资案');
    expect(caseTitle({ projectName: '璧山区含谷小学改扩建工程', employerName: null, firstWorkerName: '张三', workerCount: 12 })).toBe('璧山区含谷小学改扩建工程拖欠张三等12名农民工工资案');
    expect(caseTitle({ projectName: '含谷镇道路项目', employerName: null, firstWorkerName: '张三', workerCount: 12 })).toBe('含谷镇道路项目拖欠张三等12名农民工工资案');
  });

  it('names one worker alone', () => {
    expect(caseTitle({ projectName: '含谷镇安置房工程', employerName: null, firstWorkerName: '张三', workerCount: 1 })).toBe('含谷镇安置房工程拖欠张三工资案');
  });

  it('uses the employer when there is no project', () => {
    expect(caseTitle({ projectName: null, employerName: '重庆某某劳务有限公司', firstWorkerName: '李四', workerCount: 3 })).toBe('重庆某某劳务有限公司拖欠李四等3名农民工工资案');
    expect(caseTitle({ projectName: '  ', employerName: '重庆某某劳务有限公司', firstWorkerName: '李四', workerCount: 1 })).toBe('重庆某某劳务有限公司拖欠李四工资案');
  });

  it('still reads when names are missing', () => {
    expect(caseTitle({ projectName: null, employerName: '重庆某某劳务有限公司', firstWorkerName: null, workerCount: 5 })).toBe('重庆某某劳务有限公司拖欠5名农民工工资案');
    expect(caseTitle({ projectName: null, employerName: null, firstWorkerName: '王五', workerCount: 2 })).toBe('王五等2名农民工被拖欠工资案');
  });
});

describe('employer names', () => {
  it('normalises width, spaces, brackets and the company-form suffix; a branch keeps its name', () => {
    expect(normaliseEmployerName('重庆某某建筑工程有限公司')).toBe('重庆某某建筑工程');
    expect(normaliseEmployerName('重庆某某建筑工程公司')).toBe('重庆某某建筑工程');
    expect(normaliseEmployerName(' 重庆某某建筑工程有限责任公司 ')).toBe('重庆某某建筑工程');
    expect(normaliseEmployerName('重庆某某（集团）股份有限公司')).toBe(normaliseEmployerName('重庆某某(集团)股份有限公司'));
    expect(normaliseEmployerName('ＡＢＣ　建设有限公司')).toBe('abc建设');
    expect(normaliseEmployerName('重庆某某建筑工程有限公司璧山分公司')).toBe('重庆某某建筑工程有限公司璧山分公司');
  });

  it('scores similar names high and different ones low', () => {
    expect(nameSimilarity('重庆某某建筑工程有限公司', '重庆某某建筑工程公司')).toBe(1);
    const close = nameSimilarity('重庆某某建筑工程有限公司', '重庆某某建设工程有限公司');
    expect(close).toBeGreaterThan(0.6);
    expect(close).toBeLessThan(1);
    expect(nameSimilarity('重庆某某建筑工程有限公司', '成都锦江劳务有限公司')).toBeLessThan(0.2);
    expect(nameSimilarity('', '重庆某某')).toBe(0);
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => Math.abs(nameSimilarity(a, b) - nameSimilarity(b, a)) < 1e-12 && nameSimilarity(a, b) >= 0 && nameSimilarity(a, b) <= 1));
  });

  it('ranks registry employers for a complaint’s name, best first', () => {
    const registry = [
      { id: 'e3', name: '成都锦江劳务有限公司' },
      { id: 'e2', name: '重庆某某建设工程有限公司' },
      { id: 'e1', name: '重庆某某建筑工程有限公司' },
    ];
    expect(rankEmployerMatches('重庆某某建筑工程公司', registry, { min: 0.6 }).map((m) => m.id)).toEqual(['e1', 'e2']);
  });
});

describe('merging clues', () => {
  const clue = (id: string, receivedOn: string, o: Partial<OpenClue> = {}): OpenClue => ({ id, projectId: null, employerId: null, employerCreditCode: null, employerName: '', receivedOn, ...o });

  it('groups clues about the same project, earliest first, and leaves single clues alone', () => {
    const r = proposeMerges([clue('c3', '2025-05-03', { projectId: 'p1' }), clue('c1', '2025-05-01', { projectId: 'p1' }), clue('c2', '2025-05-02', { projectId: 'p2' })]);
    expect(r).toEqual([{ primaryId: 'c1', clueIds: ['c1', 'c3'], reason: 'same_project' }]);
  });

  it('groups clues without a project by employer: credit code, else normalised name', () => {
    const r = proposeMerges([
      clue('a', '2025-05-01', { employerCreditCode: '91500000MA5U000001', employerName: '重庆某某建筑工程有限公司' }),
      clue('b', '2025-05-02', { employerCreditCode: '91500000ma5u000001 ', employerName: '重庆某某建工' }),
      clue('c', '2025-05-03', { employerName: '重庆某某劳务公司' }),
      clue('d', '2025-05-04', { employerName: '重庆某某劳务有限公司' }),
      clue('e', '2025-05-05', { projectId: 'p9', employerName: '重庆某某劳务有限公司' }),
    ]);
    expect(r).toEqual([
      { primaryId: 'a', clueIds: ['a', 'b'], reason: 'same_credit_code' },
      { primaryId: 'c', clueIds: ['c', 'd'], reason: 'same_employer_name' },
    ]);
  });

  it('joins a name-only clue to an identified employer only when the name points to one', () => {
    const one = proposeMerges([clue('a', '2025-05-01', { employerId: 'e1', employerName: '重庆某某建筑工程有限公司' }), clue('b', '2025-05-02', { employerName: '重庆某某建筑工程公司' })]);
    expect(one).toEqual([{ primaryId: 'a', clueIds: ['a', 'b'], reason: 'same_employer_name' }]);
    const two = proposeMerges([
      clue('a', '2025-05-01', { employerId: 'e1', employerName: '重庆某某建筑工程有限公司' }),
      clue('b', '2025-05-02', { employerName: '重庆某某建筑工程公司' }),
      clue('c', '2025-05-03', { employerId: 'e2', employerName: '重庆某某建筑工程有限公司' }),
    ]);
    expect(two).toEqual([]);
  });

  it('reports the registry match when clues share both the registry id and the credit code', () => {
    const both = { employerId: 'e1', employerCreditCode: '91500000MA5U000001', employerName: '重庆某某建筑工程有限公司' };
    expect(proposeMerges([clue('a', '2025-05-01', both), clue('b', '2025-05-02', both)])).toEqual([{ primaryId: 'a', clueIds: ['a', 'b'], reason: 'same_employer_id' }]);
  });

  it('is deterministic whatever the input order', () => {
    const clues = [
      clue('x1', '2025-05-01', { projectId: 'p1' }),
      clue('x2', '2025-05-01', { projectId: 'p1' }),
      clue('y1', '2025-04-01', { employerId: 'e1' }),
      clue('y2', '2025-06-01', { employerId: 'e1' }),
    ];
    const expected = proposeMerges(clues);
    expect(expected.map((g) => g.primaryId)).toEqual(['y1', 'x1']);
    fc.assert(fc.property(fc.shuffledSubarray(clues, { minLength: clues.length }), (shuffled) => JSON.stringify(proposeMerges(shuffled)) === JSON.stringify(expected)));
  });
});

describe('closing a case', () => {
  const w = (workerName: string, foundOwedFen: number, recoveredFen: number, status: WorkerClaim['status'], confirmedByWorker = true): WorkerClaim => ({ workerName, foundOwedFen, recoveredFen, status, confirmedByWorker });

  it('closes when every worker is paid in full or moved to another procedure', () => {
    expect(closable([w('张三', 500_000, 500_000, 'paid'), w('李四', 300_000, 0, 'moved')])).toEqual({ closable: true, blocking: [], unconfirmed: [] });
  });

  it('names the workers in the way, with the amount short', () => {
    const r = closable([w('张三', 500_000, 499_999, 'paid'), w('李四', 300_000, 100_000, 'open'), w('王五', 100, 100, 'paid')]);
    expect(r.closable).toBe(false);
    expect(r.blocking.map((b) => [b.workerName, b.index])).toEqual([
      ['张三', 0],
      ['李四', 1],
    ]);
    expect(r.blocking[0].reason.zh).toBe('标记为已支付，但仍差 0.01 元');
    expect(r.blocking[1].reason.zh).toBe('尚欠 2000.00 元未支付');
  });

  it('lists payments the worker has not confirmed, without blocking', () => {
    expect(closable([w('张三', 500_000, 500_000, 'paid', false)])).toEqual({ closable: true, blocking: [], unconfirmed: [{ workerName: '张三', index: 0 }] });
  });

  it('totals found owed, recovered and outstanding in fen; an overpayment offsets no one', () => {
    expect(totals([w('张三', 500_000, 600_000, 'paid'), w('李四', 300_000, 100_000, 'open'), w('王五', 50_000, 0, 'moved')])).toEqual({
      foundOwedFen: 850_000,
      recoveredFen: 700_000,
      outstandingFen: 200_000,
      movedFen: 50_000,
    });
    expect(() => totals([w('张三', 1.5, 0, 'open')])).toThrow(RangeError);
  });
});

describe('payment sources', () => {
  it('are, in the order of use, employer, general contractor, owner, deposit, emergency fund', () => {
    expect(Object.keys(PAYMENT_SOURCES)).toEqual(['employer', 'general_contractor', 'owner', 'deposit', 'emergency_fund']);
    expect(PAYMENT_SOURCES.general_contractor.zh).toBe('总承包先行清偿');
    expect(PAYMENT_SOURCES.emergency_fund.zh).toBe('应急周转金垫付');
  });
});
