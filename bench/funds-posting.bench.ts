/**
 * Posting donations, each measurement next to its baseline in the same run:
 *   - through the service layer: `recordDonation` one after another (idempotency key claimed and answered,
 *     checks, journal entry and lines, donated share, trace link, running totals, audit event and whatever
 *     else it does), next to raw inserts of the same rows — the idempotency row, the journal entry, its two
 *     lines, the trace link, the lot and the donation, as plain INSERTs in one transaction per donation,
 *     through the same driver, into the same tables (no reads, no audit event, no running totals).
 *     Target on SQLite: ≥ 20% of raw.
 *   - over HTTP: POST /api/v1/donations, a fresh Idempotency-Key per request, next to GET /api/health (one
 *     `select 1`, no session) of the same server. The server is `tongxin serve` from source in a process of
 *     its own, so that the load generator does not share its thread. The issue's target on SQLite: ≥ 25% of
 *     the bare route; restated in docs/decisions/0005 as ≥ 40% of the raw inserts, measured again in slices
 *     between the HTTP runs.
 * Each pair runs in alternating slices, so that a change in the machine's load weighs on both sides alike.
 *   npm run bench                       SQLite, 5 s per measurement
 *   npm run bench -- --quick            1 s per measurement
 *   TONGXIN_TEST_DATABASE_URL=… npm run bench   PostgreSQL figures beside the SQLite ones
 *   BENCH_PROFILE=<dir>                 CPU profiles of the server processes into <dir>
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { recordDonation } from '../apps/server/src/modules/funds/index.js';
import { tablesOf } from '../apps/server/src/platform/db/index.js';
import { newId } from '../apps/server/src/platform/ids.js';
import { makeNetwork } from '../apps/server/src/test-support/factories.js';
import { makeDonor } from '../apps/server/src/test-support/funds-factories.js';
import { serverLauncher, signInOver } from '../apps/server/src/test-support/server-process.js';
import { contextOf } from '../apps/server/src/test-support/test-app.js';
import { createTestDatabase, TEST_DATA_KEY } from '../apps/server/src/test-support/test-database.js';

const quick = process.argv.includes('--quick');
const seconds = quick ? 1 : 5;
const CONNECTIONS = 10;
const SERVICE_TARGET = 0.2;
const HTTP_TARGET = 0.25;
/**
 * docs/decisions/0005: the raw inserts of a gift's rows alone run below 0.25 of the bare route, so the HTTP
 * target is restated against them: a gift over HTTP costs at most 2.5 times the SQL of its rows.
 */
const HTTP_RESTATED_TARGET = 0.4;

type Row = Record<string, unknown>;
type Rate = { perSecond: number; count: number };
type HttpRate = { rps: number; p99: number; errors: number };
type Figures = { raw: Rate; service: Rate; bare: HttpRate; post: HttpRate; rawBesideHttp: Rate };

/**
 * Measures two loops in alternating half-second slices (after a warm-up of each), so that a change in
 * the machine's load during the run weighs on both alike. Each loop runs one call at a time.
 */
async function compareRates(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  duration: number,
): Promise<[Rate, Rate]> {
  const totals = [
    { count: 0, ms: 0 },
    { count: 0, ms: 0 },
  ];
  const slice = async (once: () => Promise<unknown>, ms: number) => {
    let count = 0;
    const started = performance.now();
    while (performance.now() < started + ms) {
      await once();
      count += 1;
    }
    return { count, ms: performance.now() - started };
  };
  await slice(a, 300);
  await slice(b, 300);
  for (let round = 0; round < duration * 2; round++) {
    for (const [i, once] of [a, b].entries()) {
      const done = await slice(once, 500);
      const total = totals[i];
      if (total) {
        total.count += done.count;
        total.ms += done.ms;
      }
    }
  }
  const rate = (t: { count: number; ms: number } | undefined): Rate => ({
    perSecond: t ? t.count / (t.ms / 1000) : 0,
    count: t?.count ?? 0,
  });
  return [rate(totals[0]), rate(totals[1])];
}

/**
 * The same for two HTTP loads: alternating one-second runs of autocannon, after a warm-up of each; and a loop
 * in this process for a second after each round, measured beside them.
 */
async function compareLoads(
  a: autocannon.Options,
  b: autocannon.Options,
  beside: () => Promise<unknown>,
  duration: number,
): Promise<[HttpRate, HttpRate, Rate]> {
  const totals = [a, b].map(() => ({ requests: 0, seconds: 0, p99: 0, errors: 0 }));
  const besideTotal = { count: 0, ms: 0 };
  await autocannon({ ...a, duration: 1 });
  await autocannon({ ...b, duration: 1 });
  for (let round = 0; round < duration; round++) {
    const started = performance.now();
    while (performance.now() < started + 1000) {
      await beside();
      besideTotal.count += 1;
    }
    besideTotal.ms += performance.now() - started;
    for (const [i, options] of [a, b].entries()) {
      const result = await autocannon({ ...options, duration: 1 });
      const total = totals[i];
      if (!total) continue;
      total.requests += result.requests.total;
      total.seconds += result.duration;
      total.p99 = Math.max(total.p99, result.latency.p99);
      total.errors += result.errors + result.non2xx;
    }
  }
  const rate = (t: (typeof totals)[number] | undefined): HttpRate => ({
    rps: t ? t.requests / t.seconds : 0,
    p99: t?.p99 ?? 0,
    errors: t?.errors ?? 0,
  });
  return [
    rate(totals[0]),
    rate(totals[1]),
    { perSecond: besideTotal.count / (besideTotal.ms / 1000), count: besideTotal.count },
  ];
}

async function measure(dialect: 'sqlite' | 'postgres'): Promise<Figures> {
  // createTestDatabase reads the dialect from the environment, as the test suite sets it.
  process.env.TONGXIN_TEST_DIALECT = dialect;
  const database = await createTestDatabase();
  const net = await makeNetwork(database.db);
  const organization = net.orgs.dengkou;
  const donor = await makeDonor(database.db, organization);
  const ctx = await contextOf(database.db, net.users.dengkouStaff.username);
  const body = {
    organizationId: organization.id,
    donorId: donor.id,
    method: 'bank_transfer' as const,
    amount: 10_000,
    receivedOn: '2026-03-15',
    displayAs: 'surname' as const,
  };

  // Raw inserts copy the rows the service wrote for one donation, with fresh ids.
  const first = await recordDonation(ctx, randomUUID(), body);
  const kysely = tablesOf<Record<string, Row>>(database.db.executor);
  const donation = await kysely
    .selectFrom('donations')
    .selectAll()
    .where('id', '=', first.id)
    .executeTakeFirstOrThrow();
  const entryId = String(donation.entry_id);
  const entry = await kysely
    .selectFrom('journal_entries')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  const lines = await kysely.selectFrom('journal_lines').selectAll().where('entry_id', '=', entryId).execute();
  const links = await kysely.selectFrom('trace_links').selectAll().where('entry_id', '=', entryId).execute();
  const lots = await kysely.selectFrom('fund_lots').selectAll().where('donation_id', '=', first.id).execute();
  const key = await kysely
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('owner_id', '=', ctx.actor.userId)
    .where('operation', '=', 'donation.record')
    .executeTakeFirstOrThrow();
  const rawDonation = async () => {
    const id = newId();
    const newEntryId = newId();
    await kysely.transaction().execute(async (tx) => {
      await tx
        .insertInto('idempotency_keys')
        .values({ ...key, key: randomUUID() })
        .execute();
      await tx
        .insertInto('journal_entries')
        .values({ ...entry, id: newEntryId })
        .execute();
      await tx
        .insertInto('journal_lines')
        .values(lines.map((line) => ({ ...line, entry_id: newEntryId })))
        .execute();
      await tx
        .insertInto('trace_links')
        .values(links.map((link) => ({ ...link, id: newId(), entry_id: newEntryId, donation_id: id })))
        .execute();
      await tx
        .insertInto('fund_lots')
        .values(lots.map((lot) => ({ ...lot, id: newId(), donation_id: id })))
        .execute();
      await tx
        .insertInto('donations')
        .values({ ...donation, id, entry_id: newEntryId })
        .execute();
    });
  };
  // The service layer, one donation after another, each with its own key.
  const [raw, service] = await compareRates(rawDonation, () => recordDonation(ctx, randomUUID(), body), seconds);

  // HTTP: the real server in a process of its own, on the same database.
  const launcher = serverLauncher({
    dataDir: database.dataDir,
    databaseUrl: database.url,
    dataKeyHex: TEST_DATA_KEY.toString('hex'),
    warmAhead: 0,
    execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
  });
  const server = await launcher.start();
  const signedIn = await signInOver(server.url, net.users.dengkouStaff.username);
  const bareOptions = { url: `${server.url}/api/health`, connections: CONNECTIONS };
  const postOptions: autocannon.Options = {
    url: server.url,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/donations',
        headers: { ...signedIn, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      },
    ],
  };
  const [bare, post, rawBesideHttp] = await compareLoads(bareOptions, postOptions, rawDonation, seconds);
  await server.stop();
  await launcher.close();
  await database.close();
  return { raw, service, bare, post, rawBesideHttp };
}

const dialects: ('sqlite' | 'postgres')[] = process.env.TONGXIN_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results = new Map<string, Figures>();
for (const dialect of dialects) results.set(dialect, await measure(dialect));

const width = 44;
const cell = (text: string) => text.padStart(24);
const line = (label: string, value: (f: Figures, dialect: string) => string) =>
  `  ${label.padEnd(width)}${dialects.map((d) => cell(value(results.get(d) as Figures, d))).join('')}\n`;
const perSecond = (n: number) => `${n.toFixed(0)} /s`;
const http = (r: HttpRate) => `${r.rps.toFixed(0)} /s p99 ${r.p99} ms${r.errors ? ` ${r.errors} err` : ''}`;
/** A ratio, with the verdict on SQLite, where the targets apply. */
const judged = (ratio: number, target: number, dialect: string) =>
  dialect === 'sqlite' ? `${ratio.toFixed(2)} (${ratio >= target ? 'met' : 'MISSED'})` : ratio.toFixed(2);

process.stdout.write(
  `\nPosting donations: ${seconds} s per measurement in alternating slices; service and raw one call at a time, ` +
    `HTTP ${CONNECTIONS} connections\n`,
);
process.stdout.write(line('', (_f, d) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL')));
process.stdout.write(line('raw inserts (7 rows, 1 tx per donation)', (f) => perSecond(f.raw.perSecond)));
process.stdout.write(line('recordDonation (service layer)', (f) => perSecond(f.service.perSecond)));
process.stdout.write(
  line(`ratio service / raw (target ≥ ${SERVICE_TARGET} on SQLite)`, (f, d) =>
    judged(f.service.perSecond / f.raw.perSecond, SERVICE_TARGET, d),
  ),
);
process.stdout.write(line('GET /api/health (bare route)', (f) => http(f.bare)));
process.stdout.write(line('POST /api/v1/donations (a key each)', (f) => http(f.post)));
process.stdout.write(
  line(`ratio POST / bare (issue: ≥ ${HTTP_TARGET} on SQLite)`, (f, d) =>
    judged(f.post.rps / f.bare.rps, HTTP_TARGET, d),
  ),
);
// What the issue's HTTP target asks for at the least: the raw inserts alone, without HTTP, against the bare route.
process.stdout.write(
  line('for scale: raw inserts / bare route', (f) => (f.rawBesideHttp.perSecond / f.bare.rps).toFixed(2)),
);
process.stdout.write(line('raw inserts between the HTTP runs', (f) => perSecond(f.rawBesideHttp.perSecond)));
process.stdout.write(
  line(`ratio POST / raw (0005: ≥ ${HTTP_RESTATED_TARGET} on SQLite)`, (f, d) =>
    judged(f.post.rps / f.rawBesideHttp.perSecond, HTTP_RESTATED_TARGET, d),
  ),
);
const failed = [...results.values()].reduce((sum, f) => sum + f.bare.errors + f.post.errors, 0);
if (failed > 0) {
  process.stdout.write(`  ${failed} requests failed or were refused: the HTTP figures are not to be trusted.\n`);
  process.exitCode = 1;
}
