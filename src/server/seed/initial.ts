import type { Platform } from '../platform/context';
import { type DemoAccount, seedDemo } from './demo';

export interface InitialData {
  accounts: DemoAccount[];
  apiKeys: { name: string; secret: string }[];
  seeded: boolean;
}

/**
 * On an empty database in demo mode, load the demo (the `admin` account gets ADMIN_PASSWORD, or
 * the printed demo password). Outside demo mode nothing is created implicitly: the operator runs
 * `create-admin` (SECURITY.md item 7: no default accounts after install).
 */
export async function ensureInitialData(platform: Platform): Promise<InitialData> {
  const { rows } = await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (rows[0].n > 0) return { accounts: [], apiKeys: [], seeded: false };
  if (!platform.config.demo) {
    process.stdout.write(
      '\n  数据库中还没有账号 / no accounts yet. Create the first administrator:\n' +
        '    npm run cli -- create-admin --username admin --region-code 450000 --region-name 南江省\n\n',
    );
    return { accounts: [], apiKeys: [], seeded: false };
  }
  const result = await seedDemo(platform, platform.config.demoScale);
  return { accounts: result.accounts, apiKeys: result.apiKeys, seeded: true };
}
