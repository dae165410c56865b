import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/access/actor';
import { permissionsOf } from '../../src/server/platform/access/roles';
import * as regionsRepo from '../../src/server/modules/regions/regions.repo';
import { listEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { creditCode } from '../support/fixtures';

/**
 * SECURITY.md T3: for random region trees and random users, what list and count queries return is
 * exactly the records in the user's subtree — for any tree shape, not just the fixture.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

interface Node {
  code: string;
  parent: string | null;
  level: number;
  path: string;
}

// A random tree below province 450000: each node's children get structurally valid codes.
const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((choices) => {
  const nodes: Node[] = [{ code: '450000', parent: null, level: 1, path: '450000/' }];
  const counters = new Map<string, number>();
  for (const choice of choices) {
    const parents = nodes.filter((n) => n.level < 5);
    const parent = parents[choice % parents.length];
    const i = (counters.get(parent.code) ?? 0) + 1;
    counters.set(parent.code, i);
    const code =
      parent.level === 1 ? `45${String(i).padStart(2, '0')}00` : parent.level === 2 ? `${parent.code.slice(0, 4)}${String(i).padStart(2, '0')}` : `${parent.code}${String(i).padStart(3, '0')}`;
    nodes.push({ code, parent: parent.code, level: parent.level + 1, path: `${parent.path}${code}/` });
  }
  return nodes;
});

describe('jurisdiction property (T3)', () => {
  it('visible enterprises are exactly those in the user’s subtree', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(treeArb, fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), async (tree, userPick, placements) => {
        round++;
        await platform.db.tx(async (tx) => {
          await tx.query('DELETE FROM enterprises');
          await tx.query('DELETE FROM regions');
          await regionsRepo.insertRegions(tx, tree.map((n) => ({ code: n.code, name: `${n.code}-${round}`, level: n.level, parentCode: n.parent, path: n.path })));
          await insertEnterprises(
            tx,
            placements.map((p, i) => {
              const region = tree[p % tree.length];
              return {
                id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
                creditCode: creditCode('450102', round * 100 + i),
                name: `企业${i}`,
                type: 'other',
                industry: 'other',
                regionCode: region.code,
                regionPath: region.path,
                legalRepName: '某',
                legalRepIdEnc: null,
                legalRepIdBidx: null,
                legalRepPhoneEnc: null,
                legalRepPhoneBidx: null,
                address: null,
                bankId: null,
                status: 'active' as const,
              };
            }),
          );
        });
        const scopeNode = tree[userPick % tree.length];
        const actor: Actor = {
          kind: 'user',
          id: null,
          name: 'prop',
          role: 'wage_office',
          permissions: permissionsOf('wage_office'),
          scope: { kind: 'region', regionCode: scopeNode.code, regionPath: scopeNode.path, industry: null },
        };
        const expected = placements
          .map((p, i) => ({ i, region: tree[p % tree.length] }))
          .filter(({ region }) => region.path.startsWith(scopeNode.path))
          .map(({ i }) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`)
          .sort();
        const { items: rows, total } = await listEnterprises(platform.db, actor, {}, { page: 1, pageSize: 1000 });
        expect(rows.map((r) => r.id).sort()).toEqual(expected);
        expect(total).toBe(expected.length);
        const regions = await regionsRepo.listRegions(platform.db, actor, {}, { page: 1, pageSize: 1000 });
        expect(regions.items.map((r) => r.code).sort()).toEqual(tree.filter((n) => n.path.startsWith(scopeNode.path)).map((n) => n.code).sort());
      }),
      { numRuns: 40 },
    );
  });
});
