import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate';
import { createTestPlatform } from '../support/platform';

describe('migrations (on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set)', () => {
  it('applies every migration once and is a no-op the second time', async () => {
    const platform = await createTestPlatform();
    try {
      const again = await migrate(platform.db);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBeGreaterThan(0);
      const { rows } = await platform.db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['regions', 'gov_units', 'enterprises', 'banks', 'users', 'sessions', 'api_keys', 'audit_log', 'rule_param_overrides']),
      );
    } finally {
      await platform.close();
    }
  });
});
