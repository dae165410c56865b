import { v7 as uuidv7 } from 'uuid';
import { insertEnterprises } from '../../src/server/modules/orgs/orgs.repo';
import { createProject } from '../../src/server/modules/projects/projects.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { contextFor, type Platform } from '../../src/server/platform/context';
import { TREE, creditCode } from './fixtures';

/** Owners and subcontractors beside the fixture's two contractors, and one project in each district. */
export async function loadProjects(platform: Platform, fx: { enterpriseA: string; enterpriseB: string }) {
  const ownerA = uuidv7();
  const subA = uuidv7();
  const ownerB = uuidv7();
  const e = (id: string, serial: number, name: string, region: string, path: string, type: string) => ({
    id,
    creditCode: creditCode(region.slice(0, 6), serial),
    name,
    type,
    industry: 'housing',
    regionCode: region,
    regionPath: path,
    legalRepName: '孙立',
    legalRepIdEnc: null,
    legalRepIdBidx: null,
    legalRepPhoneEnc: null,
    legalRepPhoneBidx: null,
    address: null,
    bankId: null,
    status: 'active' as const,
  });
  await insertEnterprises(platform.db, [
    e(ownerA, 11, '东城城市建设投资有限公司', TREE.townA1, `450000/450100/${TREE.districtA}/${TREE.townA1}/`, 'owner'),
    e(subA, 12, '东城劳务分包有限公司', TREE.townA1, `450000/450100/${TREE.districtA}/${TREE.townA1}/`, 'labor_subcontractor'),
    e(ownerB, 13, '西城交通投资有限公司', TREE.townB1, `450000/450100/${TREE.districtB}/${TREE.townB1}/`, 'owner'),
  ]);
  const ctx = contextFor(platform, systemActor('fixture'));
  const base = {
    investmentType: 'government' as const,
    contractPriceFen: 120_000_000_00,
    plannedStart: '2026-02-01',
    plannedEnd: '2027-06-30',
    laborOfficerName: '周敏',
    laborOfficerPhone: '13912345678',
    status: 'in_progress' as const,
    actualStart: '2026-02-10',
  };
  const projectA = await createProject(ctx, {
    ...base,
    name: '东城第一中学改扩建工程',
    regionCode: TREE.townA1,
    address: '东城区001镇学府路1号',
    industry: 'building',
    ownerId: ownerA,
    generalContractorId: fx.enterpriseA,
    projectManagerName: '钱进',
    projectManagerIdNumber: '450102198503150034',
  });
  const projectB = await createProject(ctx, {
    ...base,
    name: '西城环城路改造工程',
    regionCode: TREE.townB1,
    address: '西城区001镇环城路',
    industry: 'transport',
    ownerId: ownerB,
    generalContractorId: fx.enterpriseB,
  });
  return { ownerA, subA, ownerB, projectA: projectA.id, projectB: projectB.id };
}

/** One worker on a project's roster, registered as the system would (valid contract and training). */
export async function registerFixtureWorker(platform: Platform, projectId: string, employerId: string, worker: { name: string; idNumber: string; phone?: string; bankCard?: string }) {
  const { registerEmployment } = await import('../../src/server/modules/workforce/workforce.service');
  return registerEmployment(contextFor(platform, systemActor('fixture')), projectId, {
    worker,
    employerId,
    teamName: '钢筋一班',
    trade: '020',
    entryDate: '2026-02-10',
    wageType: 'daily',
    wageAmountFen: 350_00,
    contractKind: 'labor_contract',
    contractSignedOn: '2026-02-09',
    safetyTrainingOn: '2026-02-09',
  });
}
