import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../src/server/platform/access/roles';
import * as auth from '../../src/server/modules/auth/auth.repo';
import { hashPassword } from '../../src/server/modules/auth/auth.service';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../src/server/modules/orgs/orgs.rules';
import { insertRegions } from '../../src/server/modules/regions';
import type { Platform } from '../../src/server/platform/context';

export const PASSWORD = 'Fixture#Pass2026';

/** A valid 统一社会信用代码 for a fixture: organization code with its own check char, then C18. */
export function creditCode(regionCode: string, serial: number): string {
  const org8 = String(10_000_000 + serial).slice(-8);
  const first17 = `91${regionCode}${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * The jurisdiction fixture of SECURITY.md T2: one province, one city, 2 districts × 2 towns ×
 * 2 villages, two enterprises (one in each district), and users of every role at several levels.
 */
export const TREE = {
  province: '450000',
  city: '450100',
  districtA: '450102',
  districtB: '450103',
  townA1: '450102001',
  townA2: '450102002',
  townB1: '450103001',
  townB2: '450103002',
  villageA1a: '450102001001',
  villageA1b: '450102001002',
} as const;

export interface Fixture {
  enterpriseA: string;
  enterpriseB: string;
  users: Record<string, { id: string; role: Role }>;
}

export async function loadFixture(platform: Platform): Promise<Fixture> {
  const regions: { code: string; name: string; level: number; parentCode: string | null; path: string }[] = [
    { code: TREE.province, name: '南江省', level: 1, parentCode: null, path: '450000/' },
    { code: TREE.city, name: '青州市', level: 2, parentCode: '450000', path: '450000/450100/' },
  ];
  for (const [district, dName] of [[TREE.districtA, '东城区'], [TREE.districtB, '西城区']] as const) {
    const dPath = `450000/450100/${district}/`;
    regions.push({ code: district, name: dName, level: 3, parentCode: TREE.city, path: dPath });
    for (const t of ['001', '002']) {
      const town = `${district}${t}`;
      regions.push({ code: town, name: `${dName}${t}镇`, level: 4, parentCode: district, path: `${dPath}${town}/` });
      for (const v of ['001', '002']) {
        regions.push({ code: `${town}${v}`, name: `${dName}${t}镇${v}村`, level: 5, parentCode: town, path: `${dPath}${town}/${town}${v}/` });
      }
    }
  }
  const enterpriseA = uuidv7();
  const enterpriseB = uuidv7();
  const hash = await hashPassword(PASSWORD);
  const users: Fixture['users'] = {};
  await platform.db.tx(async (tx) => {
    await insertRegions(tx, regions);
    const e = (id: string, serial: number, name: string, region: string, industry: string) => ({
      id,
      creditCode: creditCode(region.slice(0, 6), serial),
      name,
      type: 'general_contractor',
      industry,
      regionCode: region,
      regionPath: regions.find((r) => r.code === region)!.path,
      legalRepName: '赵建国',
      legalRepIdEnc: platform.cipher.encrypt('450102198001012344', `enterprises:${id}:legal_rep_id`),
      legalRepIdBidx: platform.cipher.blindIndex('id_number', '450102198001012344'),
      legalRepPhoneEnc: platform.cipher.encrypt('13812345678', `enterprises:${id}:legal_rep_phone`),
      legalRepPhoneBidx: platform.cipher.blindIndex('phone', '13812345678'),
      address: null,
      bankId: null,
      status: 'active' as const,
    });
    await insertEnterprises(tx, [
      e(enterpriseA, 1, '东城建工集团有限公司', TREE.townA1, 'housing'),
      e(enterpriseB, 2, '西城路桥工程有限公司', TREE.townB1, 'transport'),
    ]);
    const add = async (username: string, role: Role, scope: { region?: string; industry?: string; enterprise?: string }) => {
      const id = uuidv7();
      await auth.insertUser(tx, {
        id,
        username,
        displayName: username,
        role,
        scopeRegionCode: scope.region ?? null,
        scopeIndustry: scope.industry ?? null,
        scopeEnterpriseId: scope.enterprise ?? null,
        scopeWorkerId: null,
        passwordHash: hash,
        mustChangePassword: false,
        now: platform.clock.now(),
      });
      users[username] = { id, role };
    };
    await add('sysadmin', 'system_admin', { region: TREE.province });
    await add('secadmin', 'security_admin', { region: TREE.province });
    await add('secadminA', 'security_admin', { region: TREE.districtA });
    await add('auditor', 'audit_admin', { region: TREE.province });
    await add('auditorA', 'audit_admin', { region: TREE.districtA });
    await add('wageA', 'wage_office', { region: TREE.districtA });
    await add('wageCity', 'wage_office', { region: TREE.city });
    await add('housingA', 'industry_official', { region: TREE.districtA, industry: 'housing' });
    await add('transportA', 'industry_official', { region: TREE.districtA, industry: 'transport' });
    await add('townA1', 'township_official', { region: TREE.townA1 });
    await add('townA2', 'township_official', { region: TREE.townA2 });
    await add('villageA1a', 'village_official', { region: TREE.villageA1a });
    await add('leaderA', 'leader', { region: TREE.districtA });
    await add('companyA', 'enterprise_user', { enterprise: enterpriseA });
    await add('companyB', 'enterprise_user', { enterprise: enterpriseB });
  });
  return { enterpriseA, enterpriseB, users };
}
