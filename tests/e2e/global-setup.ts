import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './support/server.js';

/**
 * On SQLite, seeds the demo once for the whole run: a server starts on an empty data directory, seeds it and
 * stops (closing the database cleanly), and every test file's server then starts from a copy of that
 * directory instead of seeding its own (seeding is most of a server's start). On PostgreSQL the servers
 * share one database, which the first of them seeds.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['TONGXIN_E2E_DATABASE_URL']) return undefined;
  const template = await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-template-'));
  const server = await startServer({ dataDir: template });
  await server.stop();
  process.env['TONGXIN_E2E_TEMPLATE_DIR'] = template;
  return () => rm(template, { recursive: true, force: true });
}
