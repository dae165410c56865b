import { buildApp } from './app';
import { openPlatform } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/lock';
import { auditJobs } from './modules/audit/audit.jobs';
import { notifyJobs } from './modules/notify/notify.jobs';
import { authJobs } from './modules/auth/auth.jobs';
import { payrollJobs } from './modules/payroll/payroll.jobs';
import { warningJobs } from './modules/warnings/warnings.jobs';
import { caseJobs } from './modules/cases/cases.jobs';
import { ensureInitialData } from './seed/initial';
import { startJobs } from './platform/jobs';
import { createLogger } from './platform/logger';

/** config → db → migrate → first data → HTTP + jobs; SIGTERM finishes in-flight work and closes cleanly. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const platform = await openPlatform(config);
  const initial = await ensureInitialData(platform);

  const app = await buildApp(platform, { logger, serveWeb: true });
  const jobs = config.jobsEnabled ? await startJobs(platform, [...auditJobs, ...authJobs, ...payrollJobs, ...warningJobs, ...caseJobs, ...notifyJobs], { work: true }) : null;
  await app.listen({ port: config.port, host: config.host });

  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const lines = [
    '',
    `  薪盾 XinDun 已启动 / is running: ${url}   (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  数据库 / database: ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}`,
    `  接口文档 / API docs: ${url}/api/docs`,
  ];
  if (initial.accounts.length > 0) {
    lines.push('  账号 / accounts (shown once; change them after first login):');
    for (const a of initial.accounts) lines.push(`    ${a.username.padEnd(14)} ${a.password.padEnd(20)} ${a.role}`);
  }
  for (const k of initial.apiKeys) lines.push(`  接口密钥 / API key (${k.name}): ${k.secret}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close(); // stops accepting, lets in-flight requests finish
    await jobs?.stop();
    await platform.db.close(); // PGlite: CHECKPOINT, then release the data-folder lock
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`启动失败 / failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
