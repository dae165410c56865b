import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform';
import { insertBanks, insertEnterprises, insertGovUnits } from '../modules/orgs/orgs.repo';
import { PROJECT_INDUSTRIES, INVESTMENT_TYPES, deriveOwnershipTier, supervisingIndustry } from '../modules/projects/projects.rules';
import { TRADES } from '../modules/workforce/workforce.codes';
import { insertRegions, regionLevel, regionPath } from '../modules/regions';
import { isWorkingDay, shanghaiDate } from '../platform/calendar';
import { birthDateFromIdNumber, genderFromIdNumber, validateBankCard, validateIdNumber, validateMobilePhone } from '../platform/validators';
import { DEMO_SEED, generateDemoDataset, generateDemoWorkforce } from './dataset';
import { DEMO_PROJECT_COUNT, type SeedWorkforce, insertDemoWorkforce } from './workforce';

const TODAY = '2026-03-02';
const base = generateDemoDataset('township');
const data = generateDemoWorkforce(base, 'township', TODAY);

describe('demo workforce generator', () => {
  it('is deterministic: the same seed and day give the same rows, another seed others', () => {
    expect(generateDemoWorkforce(base, 'township', TODAY)).toEqual(data);
    const other = generateDemoWorkforce(base, 'township', TODAY, DEMO_SEED + 1);
    expect(other.projects.map((p) => p.name)).not.toEqual(data.projects.map((p) => p.name));
  });

  it('leaves the base dataset as it was (its own random streams)', () => {
    expect(generateDemoDataset('township')).toEqual(base);
  });

  it('has the township sizes: 50 projects, about a hundred workers each', () => {
    expect(data.projects).toHaveLength(DEMO_PROJECT_COUNT.township);
    expect(data.workers).toHaveLength(100 * DEMO_PROJECT_COUNT.township);
    const employed = new Set(data.employments.map((e) => e.worker));
    expect(employed.size).toBe(data.workers.length);
  });

  it('gives every worker a valid ID number, mobile and bank card, unique nationally', () => {
    const now = new Date(`${TODAY}T12:00:00+08:00`);
    const keyStaff = data.projects.flatMap((p) => [p.projectManager.idNumber, p.chiefSupervisor.idNumber]);
    const ids = [...data.workers.map((w) => w.idNumber), ...keyStaff, ...data.attendance.unregistered.map((u) => u.idNumber)];
    for (const id of ids) expect(validateIdNumber(id, now), id).toEqual({ ok: true });
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of data.workers) {
      expect(validateBankCard(w.bankCard), w.bankCard).toEqual({ ok: true });
      expect(validateMobilePhone(w.phone), w.phone).toEqual({ ok: true });
      expect(w.birthDate).toBe(birthDateFromIdNumber(w.idNumber));
      expect(w.gender).toBe(genderFromIdNumber(w.idNumber));
      expect(Number(w.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1965);
      expect(Number(w.birthDate.slice(0, 4))).toBeLessThanOrEqual(2004);
      expect(Object.hasOwn(TRADES, w.trade)).toBe(true);
      expect(base.banks[w.bank]).toBeDefined();
    }
    for (const p of data.projects) if (p.laborOfficer) expect(validateMobilePhone(p.laborOfficer.phone)).toEqual({ ok: true });
    // Mostly men, as on real sites, and some women.
    const women = data.workers.filter((w) => w.gender === 'female').length;
    expect(women).toBeGreaterThan(data.workers.length * 0.05);
    expect(women).toBeLessThan(data.workers.length * 0.2);
  });

  it('holds every industry, investment type and status, classified as the rules say', () => {
    expect(new Set(data.projects.map((p) => p.industry))).toEqual(new Set(Object.keys(PROJECT_INDUSTRIES)));
    expect(new Set(data.projects.map((p) => p.investmentType))).toEqual(new Set(Object.keys(INVESTMENT_TYPES)));
    expect(new Set(data.projects.map((p) => p.status))).toEqual(new Set(['in_progress', 'not_started', 'suspended', 'completed']));
    expect(new Set(data.projects.map((p) => p.ownershipTier))).toEqual(new Set(['district', 'city', 'soe', 'private']));
    for (const p of data.projects) {
      const unit = base.govUnits[p.competentUnit];
      expect(p.ownershipTier).toBe(deriveOwnershipTier(p.investmentType, regionLevel(unit.regionCode)));
      expect(p.supervisingIndustry).toBe(supervisingIndustry(p.industry));
      expect(p.regionCode.startsWith(unit.regionCode.replace(/0+$/, ''))).toBe(true);
    }
  });

  it('has the contracting chain in party_ids: owner, general contractor and every subcontractor', () => {
    for (const p of data.projects) {
      expect(base.enterprises[p.owner].type).toBe('owner');
      expect(base.enterprises[p.generalContractor].type).toBe('general_contractor');
      expect(p.parties).toContain(p.owner);
      expect(p.parties).toContain(p.generalContractor);
      expect(p.subcontracts.length).toBeGreaterThanOrEqual(1);
      expect(p.subcontracts.length).toBeLessThanOrEqual(3);
      for (const s of p.subcontracts) {
        expect(p.parties).toContain(s.enterprise);
        expect(['subcontractor', 'labor_subcontractor']).toContain(base.enterprises[s.enterprise].type);
        // Let by the general contractor, or (second tier) by another subcontractor on the project.
        expect([p.generalContractor, ...p.subcontracts.map((x) => x.enterprise).filter((e) => e !== s.enterprise)]).toContain(s.parent);
        expect(Number.isSafeInteger(s.amountFen)).toBe(true);
      }
    }
    expect(data.projects.some((p) => p.subcontracts.some((s) => s.parent !== p.generalContractor))).toBe(true);
  });

  it('writes ledger-ready projects: codes, unique names per region, whole-fen prices, coherent dates', () => {
    const codes = data.projects.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = data.projects.map((p) => `${p.regionCode}/${p.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const p of data.projects) {
      expect(p.code).toMatch(new RegExp(`^${p.regionCode.slice(0, 6)}20\\d{2}\\d{6}$`));
      expect(Number.isSafeInteger(p.contractPriceFen) && p.contractPriceFen > 0).toBe(true);
      expect(p.plannedEnd >= p.plannedStart).toBe(true);
      expect(shanghaiDate(new Date(p.registeredAt)) <= TODAY).toBe(true);
      if (p.status === 'not_started') expect(p.actualStart).toBeNull();
      else {
        expect(p.actualStart! <= TODAY).toBe(true);
        expect(p.laborOfficer).not.toBeNull(); // RN-05
      }
      if (p.status === 'completed') expect(p.actualEnd! > p.actualStart! && p.actualEnd! <= TODAY).toBe(true);
      expect(p.laborCostShareBp).toBeGreaterThanOrEqual(2000);
      expect(p.laborCostShareBp).toBeLessThanOrEqual(3000);
      if (!p.boardSetUp) expect(p.boardContents).toEqual([]);
    }
    // A few realistic violations for the warnings to find.
    expect(data.projects.some((p) => p.allocationCycleMonths > 1)).toBe(true);
    expect(data.projects.some((p) => p.boardSetUp && p.boardContents.length < 3)).toBe(true);
  });

  it('signs the contract and gives the safety training on or before entry, and keeps employments coherent', () => {
    const open = new Set<string>();
    const byWorker = new Map<number, { from: string; to: string }[]>();
    for (const e of data.employments) {
      const p = data.projects[e.project];
      const team = data.teams[e.team];
      expect(e.contractSignedOn <= e.entryDate).toBe(true);
      expect(e.safetyTrainingOn <= e.entryDate).toBe(true);
      expect(e.entryDate >= p.actualStart! && e.entryDate <= TODAY).toBe(true);
      if (e.exitDate) expect(e.exitDate >= e.entryDate && e.exitDate <= TODAY).toBe(true);
      else {
        const key = `${e.project}/${e.worker}`;
        expect(open.has(key)).toBe(false);
        open.add(key);
        expect(['in_progress', 'suspended']).toContain(p.status);
      }
      expect([p.generalContractor, ...p.subcontracts.map((s) => s.enterprise)]).toContain(e.employer);
      expect(team.project).toBe(e.project);
      expect(team.employer).toBe(e.employer);
      expect(Number.isSafeInteger(e.wageAmountFen) && e.wageAmountFen > 0).toBe(true);
      if (e.wageType === 'daily') expect(e.wageAmountFen >= 20_000 && e.wageAmountFen <= 45_000).toBe(true);
      const spans = byWorker.get(e.worker) ?? [];
      spans.push({ from: e.entryDate, to: e.exitDate ?? '9999-12-31' });
      byWorker.set(e.worker, spans);
    }
    // One site at a time: a worker's employments never overlap.
    for (const spans of byWorker.values()) {
      spans.sort((a, b) => a.from.localeCompare(b.from));
      for (let k = 1; k < spans.length; k++) expect(spans[k].from > spans[k - 1].to).toBe(true);
    }
    expect([...byWorker.values()].some((s) => s.length > 1)).toBe(true);
    expect(data.employments.filter((e) => e.wageType === 'daily').length).toBeGreaterThan(data.employments.length / 2);
  });

  it('gives every team two to five per employer, led by one of its members', () => {
    const perEmployer = new Map<string, number>();
    data.teams.forEach((t, i) => {
      const leader = data.employments.find((e) => e.team === i && e.worker === t.leader);
      expect(leader?.isTeamLeader).toBe(true);
      perEmployer.set(`${t.project}/${t.employer}`, (perEmployer.get(`${t.project}/${t.employer}`) ?? 0) + 1);
    });
    for (const n of perEmployer.values()) expect(n).toBeLessThanOrEqual(5);
    expect(data.employments.filter((e) => e.isTeamLeader)).toHaveLength(data.teams.length);
  });

  it('plans three months of attendance on site days only, with gaps on a few sites', () => {
    const { attendance } = data;
    expect(attendance.months).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    for (const site of attendance.sites) {
      const p = data.projects[site.project];
      for (const d of site.dates) {
        expect(d >= attendance.from && d <= TODAY && d >= p.actualStart!).toBe(true);
        if (p.lastSiteDay) expect(d <= p.lastSiteDay).toBe(true);
        // No work on public holidays (a Saturday is a site day; 2026-02-15…23 is the Spring Festival).
        if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6 && new Date(`${d}T00:00:00Z`).getUTCDay() !== 0) expect(isWorkingDay(d), d).toBe(true);
      }
    }
    expect(attendance.sites.flatMap((s) => s.dates)).not.toContain('2026-02-17');
    expect(attendance.sites.some((s) => s.projectManagerBp < 5_000)).toBe(true);
    expect(attendance.unregistered.length).toBeGreaterThanOrEqual(3);
    const gapProjects = new Set(attendance.unregistered.map((u) => u.project));
    expect(gapProjects.size).toBeGreaterThanOrEqual(3);
    for (const u of attendance.unregistered) {
      const days = new Set(attendance.sites.find((s) => s.project === u.project)!.dates);
      for (const e of u.events) expect(days.has(e.date)).toBe(true);
    }
  });
});

/** The rows of a few projects, re-indexed, so the insert can run on a small database. */
function subset(w: SeedWorkforce, keep: number[]): SeedWorkforce {
  const project = new Map(keep.map((p, i) => [p, i]));
  const employments = w.employments.filter((e) => project.has(e.project));
  const workerList = [...new Set(employments.map((e) => e.worker))];
  const worker = new Map(workerList.map((x, i) => [x, i]));
  const teamList = w.teams.flatMap((t, i) => (project.has(t.project) ? [i] : []));
  const team = new Map(teamList.map((t, i) => [t, i]));
  return {
    today: w.today,
    projects: keep.map((p) => w.projects[p]),
    workers: workerList.map((x) => w.workers[x]),
    teams: teamList.map((t) => ({ ...w.teams[t], project: project.get(w.teams[t].project)!, leader: worker.get(w.teams[t].leader)! })),
    employments: employments.map((e) => ({ ...e, project: project.get(e.project)!, worker: worker.get(e.worker)!, team: team.get(e.team)! })),
    attendance: {
      ...w.attendance,
      sites: w.attendance.sites.filter((s) => project.has(s.project)).map((s) => ({ ...s, project: project.get(s.project)! })),
      unregistered: w.attendance.unregistered.filter((u) => project.has(u.project)).map((u) => ({ ...u, project: project.get(u.project)! })),
    },
  };
}

describe('demo workforce insert', () => {
  let platform: TestPlatform;
  let counts: Record<string, number>;
  let small: SeedWorkforce;

  beforeAll(async () => {
    platform = await createTestPlatform(); // its clock stands at 2026-03-02 10:00 in Shanghai
    expect(shanghaiDate(platform.clock.now())).toBe(TODAY);
    const gap = data.attendance.unregistered[0].project;
    const pick = (status: string) => data.projects.findIndex((p, i) => p.status === status && i !== gap);
    small = subset(data, [gap, pick('suspended'), pick('completed'), pick('not_started')]);

    const paths = new Map<string, string>();
    const regions = base.regions.map((r) => {
      const path = regionPath(r.parentCode ? paths.get(r.parentCode)! : null, r.code);
      paths.set(r.code, path);
      return { ...r, path };
    });
    const banks = base.banks.map((b) => ({ ...b, id: uuidv7() }));
    const units = base.govUnits.map((u) => ({ ...u, id: uuidv7(), regionPath: paths.get(u.regionCode)! }));
    const enterprises = base.enterprises.map((e) => ({
      ...e, id: uuidv7(), regionPath: paths.get(e.regionCode)!, legalRepIdEnc: null, legalRepIdBidx: null, legalRepPhoneEnc: null,
      legalRepPhoneBidx: null, bankId: null, status: 'active' as const,
    }));
    counts = await platform.db.tx(async (tx) => {
      await insertRegions(tx, regions);
      await insertBanks(tx, banks);
      await insertGovUnits(tx, units);
      await insertEnterprises(tx, enterprises);
      return insertDemoWorkforce(tx, { cipher: platform.cipher, now: platform.clock.now() }, small, {
        enterpriseIds: enterprises.map((e) => e.id),
        govUnitIds: units.map((u) => u.id),
        bankIds: banks.map((b) => b.id),
        regionPaths: paths,
      });
    });
  });
  afterAll(async () => {
    await platform?.close();
  });

  const one = async <T>(sql: string, params: unknown[] = []) => (await platform.db.query<T>(sql, params)).rows[0];

  it('inserts every row and reports the counts', async () => {
    const n = async (table: string) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
    expect(await n('projects')).toBe(4);
    expect(await n('project_status_history')).toBe(4);
    expect(await n('workers')).toBe(small.workers.length);
    expect(await n('employments')).toBe(small.employments.length);
    expect(await n('teams')).toBe(small.teams.length);
    expect(await n('attendance_events')).toBe(counts.attendanceEvents);
    expect(await n('attendance_daily')).toBe(counts.attendanceDaily);
    expect(counts.attendanceEvents).toBeGreaterThan(1_000);
    expect(counts.keyStaffEvents).toBeGreaterThan(0);
    expect(counts.unregisteredEvents).toBeGreaterThan(0);
    // The next project registered through the service gets a fresh code.
    expect((await one<{ n: string }>("SELECT nextval('project_code_seq')::text AS n")).n).toBe(String(Math.max(...small.projects.map((p) => p.serial)) + 1));
  });

  it('stores personal data encrypted under its row, with blind index and mask', async () => {
    const w = await one<{ id: string; id_enc: string; id_bidx: string; id_mask: string; phone_enc: string; bank_card_enc: string; bank_card_mask: string }>(
      'SELECT id, id_enc, id_bidx, id_mask, phone_enc, bank_card_enc, bank_card_mask FROM workers ORDER BY id LIMIT 1',
    );
    const id = platform.cipher.decrypt(w.id_enc, `workers:${w.id}:id_number`);
    expect(validateIdNumber(id, platform.clock.now())).toEqual({ ok: true });
    expect(w.id_bidx).toBe(platform.cipher.blindIndex('id_number', id));
    expect(w.id_mask).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(validateMobilePhone(platform.cipher.decrypt(w.phone_enc, `workers:${w.id}:phone`))).toEqual({ ok: true });
    const card = platform.cipher.decrypt(w.bank_card_enc, `workers:${w.id}:bank_card`);
    expect(validateBankCard(card)).toEqual({ ok: true });
    expect(w.bank_card_mask.slice(-4)).toBe(card.slice(-4));
    const p = await one<{ id: string; project_manager_id_enc: string; project_manager_id_bidx: string; labor_officer_phone_enc: string }>(
      "SELECT id, project_manager_id_enc, project_manager_id_bidx, labor_officer_phone_enc FROM projects WHERE status = 'in_progress'",
    );
    const pm = platform.cipher.decrypt(p.project_manager_id_enc, `projects:${p.id}:project_manager_id`);
    expect(p.project_manager_id_bidx).toBe(platform.cipher.blindIndex('id_number', pm));
    expect(validateMobilePhone(platform.cipher.decrypt(p.labor_officer_phone_enc, `projects:${p.id}:labor_officer_phone`))).toEqual({ ok: true });
    const u = await one<{ id: string; id_enc: string; id_bidx: string }>("SELECT id, id_enc, id_bidx FROM attendance_events WHERE status = 'unknown_worker' LIMIT 1");
    expect(u.id_bidx).toBe(platform.cipher.blindIndex('id_number', platform.cipher.decrypt(u.id_enc, `attendance_events:${u.id}:id_number`)));
  });

  it('makes the same partitions as CREATE TABLE … PARTITION OF', async () => {
    await platform.db.query("CREATE TABLE IF NOT EXISTS attendance_events_y2027m01 PARTITION OF attendance_events FOR VALUES FROM ('2027-01-01') TO ('2027-02-01')");
    await platform.db.query("CREATE TABLE IF NOT EXISTS attendance_daily_y2027m01 PARTITION OF attendance_daily FOR VALUES FROM ('2027-01-01') TO ('2027-02-01')");
    const shape = async (table: string, suffix: string) => {
      const { rows } = await platform.db.query<{ d: string }>(
        `SELECT indexdef::text AS d FROM pg_indexes WHERE tablename = $1
         UNION ALL SELECT conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = $1::regclass AND contype <> 'n'
         UNION ALL SELECT a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY 1`,
        [table],
      );
      return rows.map((r) => r.d.replaceAll(suffix, 'M'));
    };
    for (const t of ['attendance_events', 'attendance_daily']) {
      expect(await shape(`${t}_y2026m02`, 'y2026m02')).toEqual(await shape(`${t}_y2027m01`, 'y2027m01'));
      const parent = await one<{ p: string }>('SELECT inhparent::regclass::text AS p FROM pg_inherits WHERE inhrelid = $1::regclass', [`${t}_y2026m02`]);
      expect(parent.p).toBe(t);
    }
    const months = (await platform.db.query<{ m: string }>('SELECT month::text AS m FROM attendance_partitions ORDER BY month')).rows.map((r) => r.m);
    expect(months).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('records site attendance as the ingest would: in and out by face, summaries from registered events', async () => {
    const now = platform.clock.now();
    const e = await one<{ later: number; bad: number; holiday: number; statuses: string[] }>(
      `SELECT count(*) FILTER (WHERE occurred_at > $1)::int AS later,
              count(*) FILTER (WHERE (occurred_at AT TIME ZONE 'Asia/Shanghai')::date <> work_date OR received_at <> occurred_at
                                 OR source_id <> project_id OR method <> 'FACE' OR NOT method_allowed)::int AS bad,
              count(*) FILTER (WHERE work_date BETWEEN '2026-02-15' AND '2026-02-23')::int AS holiday,
              array_agg(DISTINCT status ORDER BY status) AS statuses
         FROM attendance_events`,
      [now],
    );
    expect(e).toEqual({ later: 0, bad: 0, holiday: 0, statuses: ['key_staff', 'registered', 'unknown_worker'] });
    const hours = await one<{ in_ok: boolean; out_ok: boolean }>(
      `SELECT bool_and((occurred_at AT TIME ZONE 'Asia/Shanghai')::time BETWEEN '07:00' AND '08:00') FILTER (WHERE direction = 'in') AS in_ok,
              bool_and((occurred_at AT TIME ZONE 'Asia/Shanghai')::time BETWEEN '17:00' AND '19:00') FILTER (WHERE direction = 'out') AS out_ok
         FROM attendance_events WHERE status = 'registered'`,
    );
    expect(hours).toEqual({ in_ok: true, out_ok: true });
    // Only while employed, and the daily rows are exactly the registered events summed up.
    const outside = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM attendance_events a WHERE a.status = 'registered' AND NOT EXISTS (
         SELECT 1 FROM employments e WHERE e.project_id = a.project_id AND e.worker_id = a.worker_id
            AND a.work_date >= e.entry_date AND (e.exit_date IS NULL OR a.work_date <= e.exit_date))`,
    );
    expect(outside.n).toBe(0);
    const mismatch = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT project_id, work_date, worker_id, min(occurred_at) AS f, max(occurred_at) AS l, count(*)::int AS c
           FROM attendance_events WHERE status = 'registered' GROUP BY 1, 2, 3) x
       FULL JOIN attendance_daily d USING (project_id, work_date, worker_id)
       WHERE d.first_at IS DISTINCT FROM x.f OR d.last_at IS DISTINCT FROM x.l OR d.event_count IS DISTINCT FROM x.c`,
    );
    expect(mismatch.n).toBe(0);
    // Nobody clocks in on a suspended site after it stopped, nor on one not yet started.
    const stopped = small.projects.findIndex((p) => p.status === 'suspended');
    const after = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM attendance_events a JOIN projects p ON p.id = a.project_id WHERE p.code = $1 AND a.work_date > $2',
      [small.projects[stopped].code, small.projects[stopped].lastSiteDay],
    );
    expect(after.n).toBe(0);
    // The key staff's on-site rate is counted over working days, so they clock in on those only.
    const keyDays = (await platform.db.query<{ d: string }>("SELECT DISTINCT work_date::text AS d FROM attendance_events WHERE status = 'key_staff'")).rows;
    expect(keyDays.length).toBeGreaterThan(10);
    for (const { d } of keyDays) expect(isWorkingDay(d), d).toBe(true);
    const notStarted = await one<{ n: number }>("SELECT count(*)::int AS n FROM attendance_events a JOIN projects p ON p.id = a.project_id WHERE p.status = 'not_started'");
    expect(notStarted.n).toBe(0);
  });
});
