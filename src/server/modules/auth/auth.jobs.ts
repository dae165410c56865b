import { systemActor } from '../../platform/access/actor';
import { audit, contextFor } from '../../platform/context';
import { purgeIdempotencyKeys } from '../../platform/http/idempotency';
import type { JobDefinition } from '../../platform/jobs';
import { deleteExpiredSessions, disableIdleAccounts, pruneAttempts, purgeRequestNonces } from './auth.repo';
import { SIGNATURE_WINDOW_SECONDS } from './auth.service';

/**
 * SECURITY.md item 7: accounts unused for 90 days are disabled. Also the nightly housekeeping of
 * login state: expired sessions, and throttle attempts older than a day (the throttle looks back a
 * minute; login events themselves are in the audit log), and signed-request nonces past the
 * replay window (a request that old fails on its timestamp anyway), and idempotency keys older than a day.
 */
export const disableIdleAccountsJob: JobDefinition = {
  name: 'auth.disable-idle-accounts',
  version: 1,
  cron: '10 2 * * *',
  async handler(platform) {
    const now = platform.clock.now();
    const ctx = contextFor(platform, systemActor('job:auth.disable-idle-accounts'));
    return platform.db.tx(async (tx) => {
      const disabled = await disableIdleAccounts(tx, new Date(now.getTime() - platform.config.login.accountIdleDays * 86_400_000), now);
      for (const user of disabled) {
        await audit(tx, ctx, { action: 'user.disable_idle', objectType: 'user', objectId: user.id, after: { username: user.username, status: 'disabled' }, regionPath: user.region_path });
      }
      await deleteExpiredSessions(tx, now);
      await pruneAttempts(tx, new Date(now.getTime() - 86_400_000));
      await purgeRequestNonces(tx, new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000));
      await purgeIdempotencyKeys(tx, new Date(now.getTime() - 86_400_000));
      return { disabled: disabled.length };
    });
  },
};

export const authJobs: JobDefinition[] = [disableIdleAccountsJob];
