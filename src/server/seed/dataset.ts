import {
  type Scale,
  type SeedBank,
  type SeedEnterprise,
  type SeedGovUnit,
  type SeedRegion,
  generateBanks,
  generateEnterprises,
  generateGovUnits,
  generateRegionTree,
} from './generate';
import { Rng } from './rng';
import { type SeedWorkforce, generateWorkforce } from './workforce';

/** Fixed seed: the same demo data on every machine, so screenshots, tests and benchmarks agree. */
export const DEMO_SEED = 20_200_501; // the Regulation on Ensuring Payment of Wages to Migrant Workers took effect 2020-05-01

export const DEMO_ENTERPRISE_COUNT: Record<Scale, number> = { township: 60, district: 120, city: 400, province: 1500 };

/** Everything the demo holds, as plain rows. Later modules add their parts (projects, workers …). */
export interface DemoDataset {
  regions: SeedRegion[];
  govUnits: SeedGovUnit[];
  banks: SeedBank[];
  enterprises: SeedEnterprise[];
}

/**
 * The whole demo for a scale, pure. Each part draws from its own named stream, so a module that
 * adds a part (or draws more in its own) leaves every other part exactly as it was.
 */
export function generateDemoDataset(scale: Scale, seed: number = DEMO_SEED): DemoDataset {
  const rng = new Rng(seed);
  const regions = generateRegionTree(scale, rng.derive('regions'));
  return {
    regions,
    govUnits: generateGovUnits(regions, rng.derive('govUnits')),
    banks: generateBanks(),
    enterprises: generateEnterprises(regions, DEMO_ENTERPRISE_COUNT[scale], rng.derive('enterprises')),
  };
}

/**
 * The demo's projects, rosters and attendance plan on top of `base`, placed around `today` (the
 * demo's date in Asia/Shanghai). Separate from `generateDemoDataset` because it is large (about a
 * hundred workers per project) and needs a date; it draws from its own streams of the same seed.
 */
export function generateDemoWorkforce(base: DemoDataset, scale: Scale, today: string, seed: number = DEMO_SEED): SeedWorkforce {
  return generateWorkforce({ scale, today, ...base }, new Rng(seed));
}
