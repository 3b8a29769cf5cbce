import { defineConfig } from 'vitest/config';

/** Unit and integration tests of the workspaces; the browser suite has its own config in tests/e2e. */
export default defineConfig({ test: { projects: ['packages/contracts', 'apps/server'] } });
