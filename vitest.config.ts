import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Migrated database templates made once per run; each test file opens a copy (test/support/db.ts).
    globalSetup: ['./test/support/global-setup.ts'],
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
