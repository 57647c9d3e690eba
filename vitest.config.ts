import { defineConfig } from 'vitest/config';

/**
 * Projects, sharing the workers:
 * - `veikart`: every test, with the response cache on (its default), on PGlite and, when
 *   TEST_DATABASE_URL is set, PostgreSQL;
 * - `api-cache-off` (`npm run test:cache-modes`, i.e. VEIKART_TEST_CACHE_MODES=both): the API tests
 *   again with the response cache off, on PGlite only (issue 20). Not in `npm test`: it adds about
 *   three minutes on two cores, and `npm test` is already at its 15-minute budget.
 */
const cacheOff = process.env.VEIKART_TEST_CACHE_MODES === 'both';
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Migrated database templates made once per run; each test file opens a copy (test/support/db.ts).
    globalSetup: ['./test/support/global-setup.ts'],
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'veikart', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      ...(cacheOff
        ? [
            {
              extends: true as const,
              test: { name: 'api-cache-off', include: ['test/api/**/*.test.ts'], env: { VEIKART_TEST_CACHE: 'off', TEST_DATABASE_URL: '' } },
            },
          ]
        : []),
    ],
  },
});
