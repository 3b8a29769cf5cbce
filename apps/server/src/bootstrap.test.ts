import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepare } from './bootstrap.js';
import { allocateToProject } from './modules/funds/index.js';
import { systemContext } from './platform/context.js';
import { loggerOptions } from './platform/logging.js';
import { makeNetwork, makeProject } from './test-support/factories.js';
import { donate, fundAccountId, makeActiveProject } from './test-support/funds-factories.js';
import { rawExecute } from './test-support/raw-sql.js';
import { testConfig } from './test-support/test-app.js';
import { createTestDatabase, TEST_DATA_KEY, type TestDatabase } from './test-support/test-database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Starts as `tongxin serve` does until it would listen, on this file's database; the messages it logged. */
async function start(): Promise<string[]> {
  const messages: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        messages.push(String((JSON.parse(line) as { msg?: unknown }).msg));
      done();
    },
  });
  const config = { ...testConfig(database.dataDir, database.url), dataKey: TEST_DATA_KEY.toString('hex') };
  const prepared = await prepare(config, pino(loggerOptions('info'), sink));
  await prepared.db.close();
  return messages;
}

const REBUILT = /^The figure buckets were empty while the records were not: rebuilt them/;
/** The buckets that hold something (a status entered and left on one day leaves a zero, which a rebuild omits). */
const buckets = () =>
  rawExecute(
    database.db,
    'select measure, grain, period, organization_id, d1, d2, value from figure_buckets where value <> 0 order by measure, grain, period, organization_id, d1, d2',
  );
const rebuilds = () =>
  rawExecute(database.db, "select actor_username, changes from audit_events where action = 'figures.rebuild'");

describe('figure buckets at start-up', { timeout: 60_000 }, () => {
  it('a new database, and one whose records give no figures yet, start without a rebuild', async () => {
    expect((await start()).filter((message) => REBUILT.test(message))).toEqual([]);
    const net = await makeNetwork(database.db);
    await makeProject(database.db, net.orgs.dengkou); // a draft counts nowhere
    expect((await start()).filter((message) => REBUILT.test(message))).toEqual([]);
    expect(await buckets()).toEqual([]);
    expect(await rebuilds()).toEqual([]);
  });

  it('empty buckets beside records are rebuilt once, audited, with one line in the log', async () => {
    const net = await makeNetwork(database.db);
    const project = await makeActiveProject(database.db, net.orgs.dengkou, { category: 'education' });
    await donate(database.db, net.orgs.dengkou, 800_00, { receivedOn: '2026-02-01' });
    await allocateToProject(systemContext(database.db.executor), randomUUID(), {
      fundAccountId: await fundAccountId(database.db, net.orgs.dengkou),
      projectId: project.id,
      amount: 300_00,
      allocatedOn: '2026-02-02',
    });
    const written = await buckets();
    expect(written.length).toBeGreaterThan(0);

    // A data directory from before the buckets, or restored without them.
    await rawExecute(database.db, 'delete from figure_buckets');
    const messages = await start();
    expect(messages.filter((message) => REBUILT.test(message))).toHaveLength(1);
    expect(await buckets()).toEqual(written);
    const audited = await rebuilds();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor_username).toBe('system');
    expect(JSON.parse(String(audited[0]?.changes))).toMatchObject({
      buckets: { before: 0, after: written.length },
      reason: { after: 'empty buckets at start-up' },
    });

    // Once: the next start finds them.
    expect((await start()).filter((message) => REBUILT.test(message))).toEqual([]);
    expect(await rebuilds()).toHaveLength(1);
  });

  it('buckets that hold anything are left as they are, however few', async () => {
    await rawExecute(database.db, "delete from figure_buckets where measure <> 'funds.received'");
    const left = await buckets();
    expect(left.length).toBeGreaterThan(0);
    expect((await start()).filter((message) => REBUILT.test(message))).toEqual([]);
    expect(await buckets()).toEqual(left);
    expect(await rebuilds()).toHaveLength(1);
  });
});
