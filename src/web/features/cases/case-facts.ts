import type { Closability, CriminalThreshold } from '../../../server/modules/cases/cases.law';
import type { Bilingual, Msg } from '../../lib/i18n';
import type { CaseFacts } from './api/get-case';

/*
 * What the law makes of a case today, read from the detail's free-form `facts` (the route types it
 * as any JSON object). A part that is missing or malformed reads as null, and the page says so
 * instead of guessing. Pure.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBilingual = (v: unknown): v is { zh: string; en: string } => isObject(v) && typeof v.zh === 'string';

function readCriminal(v: unknown): CriminalThreshold | null {
  if (!isObject(v) || typeof v.met !== 'boolean' || !isObject(v.figures)) return null;
  const f = v.figures;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return {
    met: v.met,
    by: v.by === 'one_worker' || v.by === 'ten_workers' ? v.by : null,
    amountMet: v.amountMet === true,
    figures: { largestOneWorkerFen: num(f.largestOneWorkerFen), workersOwed: num(f.workersOwed), totalOwedFen: num(f.totalOwedFen) },
  };
}

function readClosable(v: unknown): Closability | null {
  if (!isObject(v) || typeof v.closable !== 'boolean') return null;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter(isObject) : []);
  return {
    closable: v.closable,
    blocking: list(v.blocking).map((b) => ({ workerName: String(b.workerName ?? ''), index: Number(b.index ?? 0), reason: isBilingual(b.reason) ? b.reason : { zh: '', en: '' } })),
    unconfirmed: list(v.unconfirmed).map((u) => ({ workerName: String(u.workerName ?? ''), index: Number(u.index ?? 0) })),
  };
}

export function readFacts(facts: Record<string, unknown> | null | undefined): CaseFacts {
  const f = facts ?? {};
  const l = f.limitation;
  return {
    limitation: isObject(l) && typeof l.within === 'boolean' && typeof l.periodEnd === 'string' ? { within: l.within, periodEnd: l.periodEnd, years: Number(l.years) } : null,
    criminal: readCriminal(f.criminal),
    closable: readClosable(f.closable),
  };
}

const NOT_ASSESSED: Msg = { zh: '系统未能评估移送条件，请刷新后重试', en: 'The transfer conditions could not be assessed; reload and try again' };
const AMOUNT_NOT_MET: Msg = {
  zh: '未达到“数额较大”标准（一名劳动者三个月以上的劳动报酬，或十名以上劳动者的劳动报酬达到本省规定数额，法释〔2013〕3号第3条）',
  en: 'The amount is not "relatively large" (one worker unpaid three months or more, or ten or more workers, at the province’s figures; Judicial Interpretation 2013 No. 3, Art. 3)',
};
const ORDER_NOT_MET: Msg = {
  zh: '数额已达标准，但尚无逾期未支付的责令支付文书（须经责令支付后逾期仍不支付，法释〔2013〕3号第4条）',
  en: 'The amount is met, but no order to pay has passed its deadline unpaid (Judicial Interpretation 2013 No. 3, Art. 4)',
};

/** CRM-02: why the case cannot go to the police yet, or null when it can. */
export function policeTransferBlock(criminal: CriminalThreshold | null): Msg | null {
  if (!criminal) return NOT_ASSESSED;
  if (criminal.met) return null;
  return criminal.amountMet ? ORDER_NOT_MET : AMOUNT_NOT_MET;
}

/** The reasons a case is major, as the server wrote them ({code, reason: {zh, en}}); anything else is left out. */
export const majorReasonTexts = (reasons: readonly unknown[]): Bilingual[] =>
  reasons.flatMap((r) => (isObject(r) && isBilingual(r.reason) ? [r.reason] : isBilingual(r) ? [r] : typeof r === 'string' ? [{ zh: r, en: r }] : []));
