import type { DbOrTx } from '../../db/client';
import type { MoneyFacts } from './projects.rules';

/**
 * The "5+1" items that the money modules prove (wage account, deposit, payment through the
 * account). Those modules depend on projects, not the other way round, so each registers what it
 * knows about a project here when it loads; the checklist asks them all.
 */
export type ComplianceSource = (db: DbOrTx, projectId: string, today: string) => Promise<MoneyFacts>;

const sources: ComplianceSource[] = [];

export function registerComplianceSource(source: ComplianceSource): void {
  sources.push(source);
}

export async function moneyFactsOf(db: DbOrTx, projectId: string, today: string): Promise<MoneyFacts> {
  const facts: MoneyFacts = {};
  for (const source of sources) Object.assign(facts, await source(db, projectId, today));
  return facts;
}
