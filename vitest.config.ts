import { defineConfig } from 'vitest/config';

/**
 * Projects, sharing the workers:
 * - `veikart`: every test, on PGlite and, when TEST_DATABASE_URL is set, PostgreSQL. With both, the
 *   API tests run with the response cache off on PGlite and on on PostgreSQL (test/support/db.ts
 *   cacheOn), so CI runs every API test in both cache modes (issue 20);
 * - `api-pglite-other-cache` (`npm run test:cache-modes`, i.e. VEIKART_TEST_CACHE_MODES=both): the
 *   API tests again on PGlite in its other cache mode, for the full cross product. Not in `npm test`:
 *   it adds about three minutes on two cores.
 */
const crossProduct = process.env.VEIKART_TEST_CACHE_MODES === 'both';
const pgliteOtherCache = process.env.TEST_DATABASE_URL ? 'on' : 'off';
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
      ...(crossProduct
        ? [
            {
              extends: true as const,
              test: {
                name: 'api-pglite-other-cache',
                include: ['test/api/**/*.test.ts'],
                env: { VEIKART_TEST_CACHE: pgliteOtherCache, TEST_DATABASE_URL: '' },
              },
            },
          ]
        : []),
    ],
  },
});
