/**
 * An open-loop load generator: request i is sent at start + i / rate whatever happened to the ones
 * before it, and its latency is counted from that scheduled instant, so a server that falls behind
 * is charged for the wait (no coordinated omission) and arrivals are evenly spaced, not released in
 * bursts. It runs in a child process of its own, as a client would, so its work does not share the
 * server's event loop.
 *
 *   const load = loadGenerator();
 *   const run = await load.run(url, { rate: 500, requests: [{ body, headers }, ...] });
 *   load.close();
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

export interface LoadRequest {
  body: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  offered: number;
  /** Completed responses per second over the run, from the first scheduled send to the last answer. */
  achieved: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** The generator's own CPU milliseconds per request. */
  clientMs: number;
  /** p99 latency of the requests scheduled in each second of the run, to show where the slow ones are. */
  p99BySecond: number[];
}

interface Job {
  url: string;
  rate: number;
  connections: number;
  requests: LoadRequest[];
}

/** The generator's process: started once and reused, so its code is warm (compiled) after the first run as a client's would be. */
export interface LoadGenerator {
  /** Sends every request at `rate` per second over at most `connections` kept-alive sockets. */
  run(url: string, options: { rate: number; requests: LoadRequest[]; connections?: number }): Promise<LoadResult>;
  close(): void;
}

export function loadGenerator(): LoadGenerator {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, OPEN_LOOP_CHILD: '1' }, execArgv: ['--import', 'tsx'] });
  let failed: Error | undefined;
  let pending: { resolve: (r: LoadResult) => void; reject: (e: Error) => void } | undefined;
  const fail = (err: Error) => {
    failed = err;
    pending?.reject(err);
    pending = undefined;
  };
  child.on('message', (result) => {
    pending?.resolve(result as LoadResult);
    pending = undefined;
  });
  child.once('error', fail);
  child.once('exit', (code) => fail(new Error(`load generator exited with ${code}`)));
  return {
    run(url, options) {
      if (failed) return Promise.reject(failed);
      if (pending) return Promise.reject(new Error('one run at a time'));
      const job: Job = { url, rate: options.rate, connections: options.connections ?? 256, requests: options.requests };
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(job);
      });
    },
    close() {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

const LEAD_MS = 1000;

function run(job: Job): Promise<LoadResult> {
  const target = new URL(job.url);
  // undici's pool rather than node:http: it costs the client a fraction of the CPU per request, and
  // on a small machine the generator's CPU is taken from the server it measures.
  const pool = new Pool(target.origin, { connections: job.connections, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const path = target.pathname + target.search;
  const n = job.requests.length;
  const interval = 1000 / job.rate;
  const latency = new Float64Array(n);
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let done = 0;
  let lastEnd = 0;
  const cpu = process.cpuUsage();
  // A second's pause first: the server's process has just handed over the job (and built it), and
  // settles before the first arrival.
  const start = performance.now() + LEAD_MS;

  return new Promise((resolve) => {
    const finish = (i: number, scheduled: number) => {
      lastEnd = performance.now();
      latency[i] = lastEnd - scheduled;
      if (++done < n) return;
      const used = process.cpuUsage(cpu);
      void pool.destroy();
      const sorted = latency.slice().sort();
      const round = (ms: number) => Math.round(ms * 10) / 10;
      resolve({
        offered: job.rate,
        achieved: Math.round((n / (lastEnd - start)) * 1000),
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[n - 1] ?? 0),
        sent: n,
        ok,
        non2xx,
        errors,
        clientMs: (used.user + used.system) / 1000 / n,
        p99BySecond: Array.from({ length: Math.ceil(n / job.rate) }, (_, k) =>
          round(percentile(latency.slice(k * job.rate, (k + 1) * job.rate).sort(), 99)),
        ),
      });
    };
    const send = (i: number) => {
      const scheduled = start + i * interval;
      const { body, headers } = job.requests[i];
      pool
        .request({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body })
        .then(async (res) => {
          if (res.statusCode >= 200 && res.statusCode < 300) ok++;
          else non2xx++;
          await res.body.dump();
        })
        .catch(() => errors++)
        .finally(() => finish(i, scheduled));
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < n && start + next * interval <= now) send(next++);
      if (next < n) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, LEAD_MS);
  });
}

if (process.env.OPEN_LOOP_CHILD && process.send) {
  process.on('message', async (job: Job) => {
    process.send!(await run(job));
  });
}

/** CPU seconds used so far by PostgreSQL on this machine, ended backends included (Linux), to price a request. */
export function postgresCpuSeconds(): number | null {
  if (process.platform !== 'linux') return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime, stime, and the cutime, cstime of children already reaped (the postmaster's ended backends).
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while we read it.
    }
  }
  return total / tick;
}
