/**
 * What the access guard costs per request: an authenticated read (session lookup, scope, one organization)
 * next to /api/health (one `select 1`, no session) on the same server in the same run.
 *   npm run bench                      SQLite, 5 s per route
 *   npm run bench -- --quick           1 s per route
 *   TONGXIN_TEST_DIALECT=postgres TONGXIN_TEST_DATABASE_URL=… npm run bench   the same on PostgreSQL
 */
import autocannon from 'autocannon';
import { buildApp } from '../apps/server/src/app.js';
import { createLogger } from '../apps/server/src/platform/logging.js';
import { makeNetwork } from '../apps/server/src/test-support/factories.js';
import { signIn, testConfig } from '../apps/server/src/test-support/test-app.js';
import { createTestDatabase, testDialect } from '../apps/server/src/test-support/test-database.js';

const quick = process.argv.includes('--quick');
const duration = quick ? 1 : 5;

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const database = await createTestDatabase();
const network = await makeNetwork(database.db);
const app = await buildApp({
  db: database.db,
  config: testConfig(database.dataDir, database.url),
  logger: createLogger({ level: 'silent', pretty: false }),
  serveWeb: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const client = await signIn(app, network.users.dengkouAdmin.username);

const bare = await measure(`${base}/api/health`);
const guarded = await measure(`${base}/api/v1/organizations/${network.orgs.dengkou.id}`, { cookie: client.cookie });

const line = (name: string, r: typeof bare) =>
  `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`;
process.stdout.write(`\nHTTP, ${testDialect()}, 20 connections, ${duration} s each\n`);
process.stdout.write(`${line('GET /api/health (baseline, no session)', bare)}\n`);
process.stdout.write(`${line('GET /api/v1/organizations/:id (signed in)', guarded)}\n`);
process.stdout.write(`ratio signed-in / baseline: ${(guarded.rps / bare.rps).toFixed(2)}\n`);

await app.close();
await database.close();
