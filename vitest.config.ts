import { defineConfig } from 'vitest/config';

// Unit and integration tests. Each test file gets its own database (PGlite in memory by default,
// a fresh PostgreSQL database cloned from a migrated template when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
