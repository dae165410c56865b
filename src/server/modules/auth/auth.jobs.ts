import { systemActor } from '../../platform/access/actor';
import { audit, contextFor } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { disableIdleAccounts } from './auth.repo';

/** SECURITY.md item 7: accounts unused for 90 days are disabled; expired sessions are purged. */
export const disableIdleAccountsJob: JobDefinition = {
  name: 'auth.disable-idle-accounts',
  version: 1,
  cron: '10 2 * * *',
  async handler(platform) {
    const now = platform.clock.now();
    const ctx = contextFor(platform, systemActor('job:auth.disable-idle-accounts'));
    return platform.db.tx(async (tx) => {
      const disabled = await disableIdleAccounts(tx, new Date(now.getTime() - IDLE_DAYS * 86_400_000), now);
      for (const user of disabled) {
        await audit(tx, ctx, { action: 'user.disable_idle', objectType: 'user', objectId: user.id, after: { username: user.username, status: 'disabled' }, regionPath: user.region_path });
      }
      await tx.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
      return { disabled: disabled.length };
    });
  },
};

export const IDLE_DAYS = 90;

export const authJobs: JobDefinition[] = [disableIdleAccountsJob];
