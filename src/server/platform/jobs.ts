import PgBoss from 'pg-boss';
import type { Platform } from './context';

/**
 * A background job: named, versioned (the queue name carries the version, so a changed payload
 * shape gets a fresh queue), optionally on a cron slot in Asia/Shanghai. Handlers call use cases.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  version: number;
  /** Cron expression in Asia/Shanghai, for scheduled jobs. */
  cron?: string;
  handler(platform: Platform, data: T): Promise<unknown>;
}

export const queueName = (job: JobDefinition) => `${job.name}.v${job.version}`;

export interface JobRunner {
  boss: PgBoss;
  send<T extends object>(job: JobDefinition<T>, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the platform's own database (PGlite through its executeSql adapter, or
 * PostgreSQL), so jobs survive restarts and commit with the data that caused them.
 */
export async function startJobs(platform: Platform, jobs: JobDefinition[], options: { work: boolean }): Promise<JobRunner> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => platform.db.executeSql(text, values) },
    schema: 'pgboss',
    // One node on PGlite: keep maintenance light.
    maintenanceIntervalSeconds: 300,
  });
  boss.on('error', () => {
    /* pg-boss retries on its own; failures of a job are recorded on the job row */
  });
  await boss.start();
  for (const job of jobs) {
    const name = queueName(job);
    await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 60, retryBackoff: true });
    if (job.cron) await boss.schedule(name, job.cron, {}, { tz: 'Asia/Shanghai' });
    if (options.work) {
      await boss.work(name, { pollingIntervalSeconds: 5 }, async (batch) => {
        for (const item of batch) await job.handler(platform, item.data as object);
      });
    }
  }
  return {
    boss,
    send: (job, data, sendOptions) => boss.send(queueName(job as JobDefinition), data, sendOptions ?? {}),
    // Graceful: lets running handlers finish before the database closes.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
