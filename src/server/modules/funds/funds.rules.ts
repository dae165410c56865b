import type { FieldProblem } from '../../platform/errors';
import { labels } from '../../platform/labels';
import { fenToYuanText } from '../../platform/money';

/** 应急周转金 (EMF-01, EMF-02), pure. Money is integer fen. */

export const MOVEMENT_KINDS = labels({
  injection: ['财政注资', 'Budget injection'],
  interest: ['利息', 'Interest'],
  advance: ['垫付支出', 'Advance paid out'],
  recovery: ['追偿收回', 'Recovery'],
});
export type MovementKind = keyof typeof MOVEMENT_KINDS;

export const FUND_LEVELS = labels({ city: ['市级', 'City'], county: ['县级', 'County'] });
export type FundLevel = keyof typeof FUND_LEVELS;

const yuan = fenToYuanText;

/** Reg. Art. 63: a government at county level or above keeps the fund; a province keeps the city minimum. */
export function fundLevel(regionLevel: number): FundLevel | null {
  if (regionLevel <= 2) return 'city';
  if (regionLevel === 3) return 'county';
  return null;
}

export interface Reconciliation {
  injectionsFen: number;
  interestFen: number;
  advancesFen: number;
  recoveriesFen: number;
  /** injections + interest − advances + recoveries */
  balanceFen: number;
}

/** The balance from the movements, each kind summed on its own so the sum can be shown. Advances are stored negative. */
export function reconcile(movements: { kind: MovementKind; amountFen: number }[]): Reconciliation {
  const sum = (k: MovementKind) => movements.filter((m) => m.kind === k).reduce((s, m) => s + m.amountFen, 0);
  const injectionsFen = sum('injection');
  const interestFen = sum('interest');
  const advancesFen = -sum('advance');
  const recoveriesFen = sum('recovery');
  return { injectionsFen, interestFen, advancesFen, recoveriesFen, balanceFen: injectionsFen + interestFen - advancesFen + recoveriesFen };
}

/** EMF-02: the fund's balance against the minimum size for its level. */
export function sizeCheck(balanceFen: number, minimumFen: number) {
  return { minimumFen, balanceFen, shortfallFen: Math.max(0, minimumFen - balanceFen), meets: balanceFen >= minimumFen };
}

/** EMF-01's total cap: the share of the wages owed, rounded down to the fen so rounding never lets an advance exceed it. */
export function totalCapFen(arrearsFen: number, ratio: number): number {
  return Number((BigInt(arrearsFen) * BigInt(Math.round(ratio * 1_000_000))) / 1_000_000n);
}

export interface AdvanceCheckInput {
  lines: { workerId: string; amountFen: number }[];
  arrearsFen: number;
  perWorkerCapFen: number;
  totalCapRatio: number;
  /** The government's approval of a higher amount (EMF-01 allows it), by its reference. */
  higherApprovalRef: string | null;
  balanceFen: number;
}

export interface AdvanceCheck {
  problems: FieldProblem[];
  totalFen: number;
  totalCapFen: number;
  /** Caps exceeded under the recorded approval. */
  overPerWorker: string[];
  overTotal: boolean;
}

/**
 * EMF-01: each worker at most the monthly minimum wage, the whole at most the share of the wages
 * owed, unless a higher amount was approved (then the excess is recorded, not refused); never more
 * than the fund holds.
 */
export function checkAdvance(a: AdvanceCheckInput): AdvanceCheck {
  const problems: FieldProblem[] = [];
  const totalFen = a.lines.reduce((s, l) => s + l.amountFen, 0);
  const cap = totalCapFen(a.arrearsFen, a.totalCapRatio);
  const seen = new Set<string>();
  const overPerWorker: string[] = [];
  a.lines.forEach((l, i) => {
    if (seen.has(l.workerId)) problems.push({ field: `lines/${i}/workerId`, message: { zh: '同一农民工重复列出', en: 'The same worker is listed twice' } });
    seen.add(l.workerId);
    if (l.amountFen > a.perWorkerCapFen) {
      overPerWorker.push(l.workerId);
      if (!a.higherApprovalRef) {
        problems.push({
          field: `lines/${i}/amountFen`,
          message: { zh: `超过每人垫付上限 ${yuan(a.perWorkerCapFen)} 元（当地月最低工资，EMF-01）；如经政府批准提高，请登记批准文号`, en: `More than the ${yuan(a.perWorkerCapFen)} yuan per worker (EMF-01); record the government's approval for a higher amount` },
        });
      }
    }
  });
  const overTotal = totalFen > cap;
  if (overTotal && !a.higherApprovalRef) {
    problems.push({
      field: 'lines',
      message: { zh: `垫付总额 ${yuan(totalFen)} 元超过拖欠工资 ${yuan(a.arrearsFen)} 元的上限 ${yuan(cap)} 元（EMF-01）`, en: `The total ${yuan(totalFen)} yuan exceeds the cap of ${yuan(cap)} yuan on ${yuan(a.arrearsFen)} yuan owed (EMF-01)` },
    });
  }
  if (totalFen > a.arrearsFen) problems.push({ field: 'lines', message: { zh: '垫付总额不能超过拖欠工资总额', en: 'The total cannot exceed the wages owed' } });
  if (totalFen > a.balanceFen) problems.push({ field: 'lines', message: { zh: `垫付总额超过周转金余额 ${yuan(a.balanceFen)} 元`, en: `The total exceeds the fund's balance of ${yuan(a.balanceFen)} yuan` } });
  return { problems, totalFen, totalCapFen: cap, overPerWorker, overTotal };
}

/** 追偿: what the liable employer still owes the fund. */
export const outstandingFen = (advancedFen: number, recoveries: { amountFen: number }[]) => advancedFen - recoveries.reduce((s, r) => s + r.amountFen, 0);
