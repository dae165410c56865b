import { seedDemoCases } from './demo-cases';
import { seedDemoWorker } from './demo-worker';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../db/client';
import { systemActor } from '../platform/access/actor';
import type { Role } from '../platform/access/roles';
import { type Ctx, type Platform, audit, contextFor } from '../platform/context';
import * as auth from '../modules/auth/auth.repo';
import { createApiKey, generateInitialPassword, hashPassword } from '../modules/auth/auth.service';
import { insertBanks, insertEnterprises, insertGovUnits } from '../modules/orgs/orgs.repo';
import { insertRegions, regionPath } from '../modules/regions';
import { deadlineAfterWorkingDays, monthStartAfter, shanghaiDate, workingDaysBefore } from '../platform/calendar';
import { DEMO_SEED, generateDemoDataset, generateDemoWorkforce } from './dataset';
import { storeFile } from '../platform/files/files';
import { demoAgreementPdf, insertDemoMoney } from './money';
import type { Scale } from './generate';
import { insertDemoWorkforce, workforceIds } from './workforce';
import { seedDemoPayments } from './payments';
import { seedDemoDeposits } from './deposits';

export type DemoScale = Scale;

/** The demo's shared password for every account but `admin` (printed at start; demo only). */
import { runScan } from '../modules/warnings/warnings.scan';
import { acknowledgeWarning, advanceEscalationLadder, recordDisposal, verifyWarning } from '../modules/warnings/warnings.service';
import { recordRiskSignals } from '../modules/warnings/warnings.signals';

export const DEMO_PASSWORD = 'XinDun#Demo2026';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
}

export interface DemoResult {
  counts: Record<string, number>;
  accounts: DemoAccount[];
  /** Machine credentials (bank, site device), shown once. */
  apiKeys: { name: string; secret: string }[];
  /** The region the demo centres on (the district). */
  districtCode: string;
}

/**
 * Loads a complete demo: region tree, government units, banks, enterprises with valid credit
 * codes, one account per role, and the construction sites (projects, rosters, three months of
 * attendance: see `workforce.ts`; their wage accounts, bank lines and payrolls: see `money.ts`).
 * Set-based inserts inside one transaction. The rows come from the pure `generateDemoDataset`;
 * later modules (projects, workers, attendance, payroll) add their parts there and their inserts here.
 */
export async function seedDemo(platform: Platform, scale: DemoScale, options: { adminPassword?: string } = {}): Promise<DemoResult> {
  const started = Date.now();
  const data = generateDemoDataset(scale);
  const workforce = generateDemoWorkforce(data, scale, shanghaiDate(platform.clock.now()));
  const paths = new Map<string, string>();
  const regionRows = data.regions.map((r) => {
    const path = regionPath(r.parentCode ? paths.get(r.parentCode)! : null, r.code);
    paths.set(r.code, path);
    return { ...r, path };
  });
  const units = data.govUnits.map((u) => ({ ...u, id: uuidv7() }));
  const banks = data.banks.map((b) => ({ ...b, id: uuidv7() }));
  const enterprises = data.enterprises.map((e) => ({ ...e, id: uuidv7() }));
  const { cipher } = platform;

  const district = regionRows.find((r) => r.level === 3)!;
  const townships = regionRows.filter((r) => r.level === 4 && r.parentCode === district.code);
  const village = regionRows.find((r) => r.level === 5 && r.parentCode === townships[0].code)!;
  const contractor = enterprises.find((e) => e.type === 'general_contractor' && paths.get(e.regionCode)!.startsWith(district.path))!;

  // ADMIN_PASSWORD when given, else a random one that is printed once.
  const adminPassword = options.adminPassword ?? platform.config.adminPassword ?? generateInitialPassword();
  const accounts: (DemoAccount & { displayName: string; scope: { region?: string; industry?: string; enterpriseId?: string } })[] = [
    { username: 'admin', password: adminPassword, role: 'system_admin', displayName: '系统管理员', scope: { region: district.code } },
    { username: 'secadmin', password: DEMO_PASSWORD, role: 'security_admin', displayName: '安全管理员', scope: { region: district.code } },
    { username: 'auditor', password: DEMO_PASSWORD, role: 'audit_admin', displayName: '审计管理员', scope: { region: district.code } },
    { username: 'zhiqianban', password: DEMO_PASSWORD, role: 'wage_office', displayName: '区治欠办 王主任', scope: { region: district.code } },
    { username: 'zhujian', password: DEMO_PASSWORD, role: 'industry_official', displayName: '区住建局 李科长', scope: { region: district.code, industry: 'housing' } },
    { username: 'town1', password: DEMO_PASSWORD, role: 'township_official', displayName: `${townships[0].name} 张干事`, scope: { region: townships[0].code } },
    { username: 'town2', password: DEMO_PASSWORD, role: 'township_official', displayName: `${townships[1].name} 刘干事`, scope: { region: townships[1].code } },
    { username: 'village1', password: DEMO_PASSWORD, role: 'village_official', displayName: `${village.name} 陈主任`, scope: { region: village.code } },
    { username: 'leader', password: DEMO_PASSWORD, role: 'leader', displayName: '分管副区长', scope: { region: district.code } },
    { username: 'company1', password: DEMO_PASSWORD, role: 'enterprise_user', displayName: `${contractor.name} 劳资专管员`, scope: { enterpriseId: contractor.id } },
  ];
  const hashes = new Map<string, string>();
  for (const password of new Set(accounts.map((a) => a.password))) hashes.set(password, await hashPassword(password));

  const workforceCounts = await platform.db.tx(async (tx) => {
    await insertRegions(tx, regionRows);
    await insertBanks(tx, banks);
    await insertGovUnits(
      tx,
      units.map((u) => ({ ...u, regionPath: paths.get(u.regionCode)! })),
    );
    await insertEnterprises(
      tx,
      enterprises.map((e, i) => ({
        id: e.id,
        creditCode: e.creditCode,
        name: e.name,
        type: e.type,
        industry: e.industry,
        regionCode: e.regionCode,
        regionPath: paths.get(e.regionCode)!,
        legalRepName: e.legalRepName,
        legalRepIdEnc: cipher.encrypt(e.legalRepIdNumber, `enterprises:${e.id}:legal_rep_id`),
        legalRepIdBidx: cipher.blindIndex('id_number', e.legalRepIdNumber),
        legalRepPhoneEnc: cipher.encrypt(e.legalRepPhone, `enterprises:${e.id}:legal_rep_phone`),
        legalRepPhoneBidx: cipher.blindIndex('phone', e.legalRepPhone),
        address: e.address,
        bankId: banks[i % banks.length].id,
        status: 'active' as const,
      })),
    );
    await insertDemoUsers(tx, platform, accounts, hashes);
    const ids = workforceIds(workforce);
    const sites = await insertDemoWorkforce(
      tx,
      { cipher, now: platform.clock.now() },
      workforce,
      { enterpriseIds: enterprises.map((e) => e.id), govUnitIds: units.map((u) => u.id), bankIds: banks.map((b) => b.id), regionPaths: paths },
      ids,
    );
    // Wage accounts and payrolls, from the attendance just written.
    const money = await insertDemoMoney(
      tx,
      { cipher, today: shanghaiDate(platform.clock.now()), regionCode: district.code },
      { workforce, banks: data.banks, enterprises: data.enterprises },
      { ids, enterpriseIds: enterprises.map((e) => e.id), bankIds: banks.map((b) => b.id) },
      DEMO_SEED,
    );
    // ACC-03: the accounts that declared their agreement have its scan on file (one demo PDF, one record each).
    const scan = await storeFile(contextFor(platform, systemActor('seed')), tx, { name: '三方协议.pdf', content: demoAgreementPdf() }, ['application/pdf']);
    await tx.query(
      `WITH f AS (
         INSERT INTO files (id, sha256, name, mime, size, created_by, created_at)
         SELECT md5('agreement:' || a.id)::uuid, $1, a.account_name || '三方协议.pdf', 'application/pdf', $2, 'seed', a.created_at
           FROM wage_accounts a WHERE a.agreement_signed_on IS NOT NULL RETURNING id
       )
       UPDATE wage_accounts a SET agreement_file_id = f.id FROM f WHERE f.id = md5('agreement:' || a.id)::uuid`,
      [scan.sha256, scan.size],
    );
    const counts = { ...sites, ...money };
    await audit(tx, contextFor(platform, systemActor('seed')), {
      action: 'seed.demo',
      objectType: 'platform',
      after: { scale, regions: regionRows.length, units: units.length, banks: banks.length, enterprises: enterprises.length, users: accounts.length, ...counts },
    });
    return counts;
  });
  process.stdout.write(
    `  演示数据 / demo data (${scale}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${Object.entries(workforceCounts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}\n`,
  );

  await seedDemoPayments(platform, shanghaiDate(platform.clock.now()));
  await seedDemoDeposits(platform, shanghaiDate(platform.clock.now()), district.code);

  // The two machine roles get API keys, as they would in production.
  const seeder = contextFor(platform, systemActor('seed'));
  await seedDemoWarnings(seeder, enterprises.find((e) => e.type === 'general_contractor' && e.id !== contractor.id) ?? contractor);
  process.stdout.write(`  案件 / cases: ${await seedDemoCases(seeder)} clues in every stage\n`);
  // The worker's login (农民工端) and their own complaints, one with a payment awaiting their confirmation.
  const demoWorker = await seedDemoWorker(seeder, DEMO_PASSWORD);
  const bankKey = await createApiKey(seeder, { name: `${banks[0].name} 代发接口`, role: 'bank_integration', scopeRegionCode: district.code, scopeBankId: banks[0].id });
  const deviceKey = await createApiKey(seeder, { name: `${contractor.name} 实名制闸机`, role: 'site_device', scopeEnterpriseId: contractor.id });

  return {
    counts: { regions: regionRows.length, govUnits: units.length, banks: banks.length, enterprises: enterprises.length, users: accounts.length, ...workforceCounts },
    accounts: [...accounts.map(({ username, password, role }) => ({ username, password, role })), ...(demoWorker ? [{ ...demoWorker, password: DEMO_PASSWORD }] : [])],
    apiKeys: [
      { name: bankKey.key.name, secret: bankKey.secret },
      { name: deviceKey.key.name, secret: deviceKey.secret },
    ],
    districtCode: district.code,
  };
}

/**
 * A tax department's operating-risk signal for one contractor, then the scan the nightly job would
 * run: the planted failures raise their warnings, routed and scored, before anyone logs in.
 */
async function seedDemoWarnings(ctx: Ctx, enterprise: { creditCode: string }) {
  await recordRiskSignals(ctx, {
    signals: [{ creditCode: enterprise.creditCode, kind: 'social_insurance', source: '区社会保险事业管理中心', sourceRef: 'SB-DEMO-0001', period: monthStartAfter(shanghaiDate(ctx.clock.now()), -1), overdueFen: 18_650_000, overdueMonths: 3 }],
  });
  const scan = await runScan(ctx);
  await ctx.db.query('DELETE FROM warning_dirty_projects');
  await seedWarningHistory(ctx);
  process.stdout.write(`  预警 / warnings: ${scan.raised} raised by ${scan.rules.filter((r) => r.raised > 0).length} rules\n`);
}

/**
 * Some history, so the battle map shows work in every state: the unpaid-payroll and failed-payout
 * warnings were raised eight working days ago and are overdue (the ladder escalates them); a
 * missing-deposit warning is acknowledged and disposed, awaiting verification; a 5+1 warning was
 * verified and closed; an unregistered-worker warning is acknowledged by the township.
 */
async function seedWarningHistory(ctx: Ctx) {
  const today = shanghaiDate(ctx.clock.now());
  const raisedOn = workingDaysBefore(today, 8);
  await ctx.db.query(
    `UPDATE warnings SET raised_on = $1::date, raised_at = ($1::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', due_on = $2::date
      WHERE rule_code IN ('W05', 'W18')`,
    [raisedOn, deadlineAfterWorkingDays(raisedOn, 3)],
  );
  await ctx.db.query(
    `UPDATE warning_events e SET at = w.raised_at FROM warnings w WHERE w.id = e.warning_id AND e.kind = 'raised' AND w.rule_code IN ('W05', 'W18')`,
  );
  await advanceEscalationLadder(ctx);
  const pick = async (code: string, n: number) =>
    (await ctx.db.query<{ id: string }>(`SELECT id FROM warnings WHERE rule_code = $1 AND status = 'dispatched' ORDER BY id LIMIT $2`, [code, n])).rows.map((r) => r.id);
  const as = (name: string) => contextFor(ctx, systemActor(name));
  for (const id of await pick('W10', 1)) {
    await acknowledgeWarning(as('区住建局 李科长'), id, { note: '已签收，通知总包单位三日内存储保证金' });
    await recordDisposal(as('区住建局 李科长'), id, { measures: '约谈总包单位负责人，下达《限期存储工资保证金通知书》' });
  }
  for (const id of await pick('W15', 1)) {
    await acknowledgeWarning(as('区住建局 李科长'), id, { note: '已签收' });
    await recordDisposal(as('区住建局 李科长'), id, { measures: '现场检查，督促补设维权信息告示牌并公示欠薪投诉电话' });
    await verifyWarning(as('区治欠办 王主任'), id, { note: '复查告示牌已按要求设置，予以销号' });
  }
  for (const id of await pick('W09', 1)) await acknowledgeWarning(as('镇劳动保障所 张干事'), id, { note: '已签收，安排实名制核查' });
}

async function insertDemoUsers(
  tx: DbOrTx,
  platform: Platform,
  accounts: (DemoAccount & { displayName: string; scope: { region?: string; industry?: string; enterpriseId?: string } })[],
  hashes: Map<string, string>,
) {
  for (const a of accounts) {
    await auth.insertUser(tx, {
      id: uuidv7(),
      username: a.username,
      displayName: a.displayName,
      role: a.role as Role,
      scopeRegionCode: a.scope.region ?? null,
      scopeIndustry: a.scope.industry ?? null,
      scopeEnterpriseId: a.scope.enterpriseId ?? null,
      scopeWorkerId: null,
      passwordHash: hashes.get(a.password)!,
      // Demo accounts are for trying the product: no forced change; a real deployment's are.
      mustChangePassword: false,
      now: platform.clock.now(),
    });
  }
}
