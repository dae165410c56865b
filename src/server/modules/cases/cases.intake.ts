import { performance } from 'node:perf_hooks';
import type { Tx } from '../../db/client';
import type { PageRequest } from '../../db/paging';
import { systemActor } from '../../platform/access/actor';
import { type AuditEntry, type AuditOrigin, appendAudits } from '../../platform/audit/audit';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit, contextFor, type Platform } from '../../platform/context';
import { type Drainer, startDrainer } from '../../platform/drainer';
import { notFound } from '../../platform/errors';
import { getParamValuesAt } from '../params';
import { findProjectsParties } from '../projects';
import * as repo from './cases.repo';
import { CLUE_PARAM_IDS, type ClueInput, composePlan, proposedEmployer, writeClues } from './cases.service';

/**
 * 受理 → 分派: a public complaint is stored as received by one statement in its request
 * (cases.public.ts), with its case number, and routed here: the drainer takes the waiting
 * complaints in batches, oldest first, and opens each one's clue and case as any other clue's,
 * with one read of the projects and one of each region's parameters per batch, and one audit
 * append for the batch. Each complaint is routed exactly once: a batch is one transaction, and
 * drainers in other processes skip the complaints it holds.
 */

/** The actor complaints from the public are received by. */
export const PUBLIC_INTAKE = '公众扫码投诉';

const BATCH = 100;
/** Complaints arriving in one batch's gathering time go in together. */
const GATHER_MS = 50;
/** A surge: more complaints than this stored in the last second by this process. */
const SURGE_PER_SECOND = 100;
/** In a surge, routing takes SURGE_BATCH complaints every SURGE_PAUSE_MS. */
const SURGE_PAUSE_MS = 1000;
const SURGE_BATCH = 10;
/** A complaint that fails to route is retried after this many minutes times its failures so far. */
const RETRY_MINUTES = 1;

/** Routes up to `limit` waiting complaints; the number routed. A batch that fails is routed one by one, and a complaint that fails alone is set aside to retry later; a failure of the database itself sets none aside and is thrown. */
export async function routeWaitingComplaints(platform: Platform, limit = BATCH): Promise<number> {
  try {
    return await platform.db.tx(async (tx) => routeBatch(tx, platform, await repo.claimWaitingSubmissions(tx, platform.clock.now(), limit)));
  } catch {
    let routed = 0;
    for (let i = 0; i < limit; i++) {
      let held: repo.WaitingSubmission | undefined;
      try {
        const n = await platform.db.tx(async (tx) => {
          [held] = await repo.claimWaitingSubmissions(tx, platform.clock.now(), 1);
          return routeBatch(tx, platform, held ? [held] : []);
        });
        if (n === 0) break;
        routed += n;
      } catch (err) {
        // Only a complaint's own failure sets it aside: when the database is what failed, every
        // complaint would be, so stop and leave them all to the next sweep.
        if (!held || (await databaseFailed(platform, err))) throw err;
        await repo.setSubmissionAside(platform.db, held.id, platform.clock.now(), RETRY_MINUTES, errorCode(err));
      }
    }
    return routed;
  }
}

/** 待分派: public complaints in the caller's jurisdiction stored but not routed yet, oldest first; `setAside`, only those that failed to route and wait to be retried. */
export async function listWaitingComplaints(ctx: Ctx, f: { setAside?: boolean }, page: PageRequest) {
  const r = await repo.listWaitingSubmissions(ctx.db, ctx.actor, f, page);
  return {
    ...r,
    items: r.items.map((s) => ({
      caseNo: s.case_no,
      receivedAt: s.received_at.toISOString(),
      regionCode: s.region_code,
      regionName: s.region_name,
      projectName: s.project_name,
      ...storedParts(s.complaint),
      attempts: s.attempts,
      retryAt: s.retry_at?.toISOString() ?? null,
      // The error's kind only (never its message), as the drainer kept it.
      lastError: s.last_error,
    })),
  };
}

/** What the list shows of a stored complaint, read warily: one that failed to route may be damaged. */
function storedParts(c: Partial<repo.SubmittedComplaint>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const workers = [c, ...(Array.isArray(c.coWorkers) ? c.coWorkers : [])];
  const amounts = workers.map((w) => w?.claimedFen);
  return {
    employerName: text(c.employerName),
    name: text(c.name),
    workerCount: workers.length,
    claimedFen: amounts.every((a) => Number.isSafeInteger(a)) ? (amounts as number[]).reduce((sum, a) => sum + a, 0) : null,
  };
}

/** 立即重试: a set-aside complaint is tried again at the drainer's next pass instead of at its retry time. */
export async function retryComplaintNow(ctx: Ctx, caseNo: string): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const s = await repo.retrySubmissionNow(tx, ctx.actor, caseNo, ctx.clock.now());
    if (!s) throw notFound();
    await audit(tx, ctx, { action: 'case.retry_routing', objectType: 'complaint_submission', objectId: s.id, after: { caseNo, attempts: s.attempts }, regionPath: s.region_path });
  });
}

/** SQLSTATE classes of failures of the server or the connection, not of the statement's data. */
const SERVER_FAILURE_CLASSES = new Set(['08', '40', '53', '55', '57', '58', 'XX']);

async function databaseFailed(platform: Platform, err: unknown): Promise<boolean> {
  const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (/^[0-9A-Z]{5}$/.test(code) && SERVER_FAILURE_CLASSES.has(code.slice(0, 2))) return true;
  // A lost connection comes without a SQLSTATE: ask the database whether it still answers.
  return platform.db.query('SELECT 1').then(
    () => false,
    () => true,
  );
}

// The error's class and code, never its message: a message can quote the data.
const errorCode = (err: unknown) => (err instanceof Error ? `${err.name}${'code' in err && err.code ? `:${String(err.code)}` : ''}` : 'unknown');

async function routeBatch(tx: Tx, platform: Platform, waiting: readonly repo.WaitingSubmission[]): Promise<number> {
  if (waiting.length === 0) return 0;
  // The complaints were made durable by their requests; routing them is redone from them if a
  // crash loses this commit (they are marked routed in it), so it need not wait for the disk,
  // and leaves the WAL flushes to the requests that must wait.
  await tx.query('SET LOCAL synchronous_commit = off');
  const intake = systemActor(PUBLIC_INTAKE);
  const projects = await findProjectsParties(tx, intake, [...new Set(waiting.flatMap((s) => (s.project_id ? [s.project_id] : [])))]);
  // The parameters in effect where and when each complaint was received, all in one read.
  const params = await getParamValuesAt(
    tx,
    CLUE_PARAM_IDS,
    waiting.map((s) => ({ regionCode: s.region_code, onDate: shanghaiDate(s.received_at) })),
  );
  const planned = waiting.map((s) => {
    // Each complaint keeps its own origin: the request that brought it, from its address.
    const ctx = contextFor(platform, intake, { requestId: s.request_id, ip: s.ip });
    return { s, ctx, input: clueOf(s, ctx.cipher.decrypt(s.phone_enc, repo.verificationAad(s.id))) };
  });
  const plans = [];
  for (const [k, { s, ctx, input }] of planned.entries()) {
    // Let requests in between: a batch's planning is the drainer's longest stretch of JavaScript.
    if (k % 10 === 9) await new Promise((r) => setImmediate(r));
    const project = s.project_id ? projects.get(s.project_id) : undefined;
    const employer = await proposedEmployer(tx, input, project?.parties ?? []);
    const plan = composePlan(ctx, input, { project, place: { code: s.region_code, path: s.region_path }, employer, params: params.get(`${s.region_code}|${shanghaiDate(s.received_at)}`)! });
    plans.push({ ctx, plan: { ...plan, case: { ...plan.case!, caseNo: s.case_no } } });
  }
  const written = await writeClues(tx, plans);
  const audits: { origin: AuditOrigin; entry: AuditEntry }[] = [];
  const routed: { id: string; clueId: string }[] = [];
  for (const [k, { s, ctx }] of planned.entries()) {
    const w = written[k];
    if (w) audits.push({ origin: { actor: intake, requestId: s.request_id, ip: s.ip, now: ctx.clock.now() }, entry: w.entry });
    // Already a clue (recorded by its code before complaints were queued): the submission is routed to it.
    routed.push({ id: s.id, clueId: w?.clueId ?? (await repo.findClueByExternalId(tx, 'public_qr', s.id))!.id });
  }
  await appendAudits(tx, platform.chainMac, audits);
  await repo.markSubmissionsRouted(tx, routed, platform.clock.now());
  return waiting.length;
}

/** The clue a public complaint makes: the complainant is the first worker concerned, reachable at the phone the code proved. */
function clueOf(s: repo.WaitingSubmission, phone: string): ClueInput {
  const c = s.complaint;
  return {
    channel: 'public_qr',
    externalId: s.id,
    receivedAt: s.received_at.toISOString(),
    projectId: s.project_id,
    regionCode: s.region_code,
    employerName: c.employerName,
    complainant: { name: c.name, phone },
    workers: [{ name: c.name, phone, claimedFen: c.claimedFen }, ...(c.coWorkers ?? [])],
    periodFrom: c.periodFrom ?? null,
    periodTo: c.periodTo ?? null,
    description: c.description,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The drainer routing this process's public complaints (absent when the app was built without it). */
    complaintIntake?: ComplaintIntake;
  }
}

/** The drainer of `complaint_submissions`; a kick is a complaint stored (it counts toward a surge). */
export type ComplaintIntake = Drainer;

/**
 * Keeps the queue drained: routes on each kick, batch after batch while batches come full, and
 * sweeps every `sweepMs` for complaints another process stored or left behind in a crash. One
 * drain at a time in this process; a kick during a drain runs one more pass after it.
 */
export function startComplaintIntake(platform: Platform, log: { error(obj: object, msg: string): void }, options: { sweepMs?: number } = {}): ComplaintIntake {
  // Complaints stored in the last second, in tenths of a second (real time, not the platform's clock).
  const tenths = new Array<number>(10).fill(0);
  let tenth = Math.floor(performance.now() / 100);
  const lastSecond = () => {
    const now = Math.floor(performance.now() / 100);
    for (let k = 0; k < 10 && tenth < now; k++) tenths[++tenth % 10] = 0;
    tenth = Math.max(tenth, now);
    return tenths;
  };
  const inSurge = () => lastSecond().reduce((a, b) => a + b, 0) > SURGE_PER_SECOND;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // Receiving comes first. In a surge, routing takes a small batch a second, so that it keeps
  // moving without holding up the requests, and catches up a full batch at a time once it is over.
  const batchSize = async (stopped: () => boolean) => {
    for (let waited = 0; !stopped(); waited += GATHER_MS) {
      await sleep(GATHER_MS);
      if (!inSurge()) return BATCH;
      if (waited + GATHER_MS >= SURGE_PAUSE_MS) return SURGE_BATCH;
    }
    return 0;
  };
  const drainer = startDrainer(
    async (stopped) => {
      while (!stopped()) {
        const size = await batchSize(stopped);
        if (size === 0 || (await routeWaitingComplaints(platform, size)) < size) break;
      }
    },
    {
      sweepMs: options.sweepMs ?? 30_000,
      onError: (err) => log.error({ err: { name: (err as Error).name, code: errorCode(err) } }, 'routing waiting complaints failed; the sweep retries'),
    },
  );
  return {
    ...drainer,
    kick() {
      const counts = lastSecond();
      counts[tenth % 10] += 1;
      drainer.kick();
    },
  };
}
