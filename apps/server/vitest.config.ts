import { defineConfig } from 'vitest/config';

/**
 * Server tests against real databases: SQLite by default, PostgreSQL when the test runner sets
 * TONGXIN_TEST_DIALECT=postgres and TONGXIN_TEST_DATABASE_URL. Each test file gets its own database
 * (a temp SQLite file, or a fresh PostgreSQL schema), migrated once.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
