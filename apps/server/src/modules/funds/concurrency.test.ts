/**
 * Concurrent allocations from one fund: it holds exactly 10× an amount and 50 allocations of that amount
 * arrive at once, each with its own idempotency key. Exactly 10 succeed, the other 40 are refused with
 * FUNDS_INSUFFICIENT, the fund ends empty and the ledger verifies. On PostgreSQL the 50 run on a pool of
 * 12 connections, so that up to 12 transactions race for the fund's shares; on SQLite they queue for the
 * one connection, and the test checks the same outcome.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/index.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeNetwork } from '../../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject, makeDonor } from '../../test-support/funds-factories.js';
import { rawExecute } from '../../test-support/raw-sql.js';
import { contextOf } from '../../test-support/test-app.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test-support/test-database.js';
import {
  allocateToProject,
  findDonations,
  fundAccounts,
  projectFunding,
  recordDonation,
  verifyLedger,
} from './index.js';

const POOL_SIZE = 12;
const AMOUNT = 123_456;
const FITS = 10;
const ATTEMPTS = 50;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ poolSize: POOL_SIZE });
});
afterAll(() => database.close());

/**
 * On PostgreSQL, watches from a connection of its own how many transactions wait at once for the lock on
 * the fund's account: evidence that the allocations really raced rather than ran one after another.
 */
function watchLockWaits(): { stop: () => Promise<number> } {
  if (!database.url) return { stop: () => Promise.resolve(0) };
  const watcher = openDatabase({ url: database.url, dataDir: database.dataDir, poolSize: 1 });
  let running = true;
  let most = 0;
  const watching = (async () => {
    while (running) {
      const [row] = await rawExecute(
        watcher,
        "select count(*) as waiting from pg_stat_activity where wait_event_type = 'Lock' and query like '%ledger_accounts%for update%'",
      );
      most = Math.max(most, Number(row?.waiting ?? 0));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await watching;
      await watcher.close();
      return most;
    },
  };
}

describe(`concurrent allocations (${testDialect()})`, () => {
  it('lets exactly 10 of 50 concurrent allocations through a fund holding 10 of them', async () => {
    const net = await makeNetwork(database.db);
    const organization = net.orgs.wltzq;
    const project = await makeActiveProject(database.db, organization);
    // Two gifts, so that an allocation may take shares of both (first in, first out).
    await donate(database.db, organization, AMOUNT * 4 + 1_000);
    await donate(database.db, organization, AMOUNT * 6 - 1_000);
    const fund = await fundAccountId(database.db, organization);
    const ctx = await contextOf(database.db, net.users.wltzqAdmin.username);
    const balance = async () =>
      (await fundAccounts(ctx, { organizationId: organization.id, includeEmpty: true })).find((a) => a.id === fund)
        ?.balance;
    expect(await balance()).toBe(AMOUNT * FITS);

    const watch = watchLockWaits();
    const outcomes = await Promise.allSettled(
      Array.from({ length: ATTEMPTS }, () =>
        allocateToProject(ctx, randomUUID(), {
          fundAccountId: fund,
          projectId: project.id,
          amount: AMOUNT,
          allocatedOn: '2026-04-10',
        }),
      ),
    );
    const mostWaiting = await watch.stop();
    if (database.url) expect(mostWaiting).toBeGreaterThanOrEqual(2);
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const refusals = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [isAppError(o.reason) ? o.reason.code : String(o.reason)] : [],
    );
    expect(succeeded).toHaveLength(FITS);
    expect(refusals).toEqual(Array.from({ length: ATTEMPTS - FITS }, () => 'FUNDS_INSUFFICIENT'));
    expect(new Set(succeeded.map((o) => o.value.entryId)).size).toBe(FITS);

    expect(await balance()).toBe(0);
    expect((await projectFunding(ctx, project.id)).received).toBe(AMOUNT * FITS);
    expect((await verifyLedger(database.db.executor)).problems).toEqual([]);
  });

  it('posts a gift once when the same key arrives ten times at once', async () => {
    const net = await makeNetwork(database.db);
    const donor = await makeDonor(database.db, net.orgs.dengkou);
    const ctx = await contextOf(database.db, net.users.dengkouStaff.username);
    const key = randomUUID();
    const body = {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      method: 'online' as const,
      amount: 52_000,
      receivedOn: '2026-04-11',
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => recordDonation(ctx, key, body)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    const listed = await findDonations(ctx, { donorId: donor.id });
    expect(listed.items.map((d) => d.id)).toEqual([answers[0]?.id]);
    expect((await verifyLedger(database.db.executor)).problems).toEqual([]);
  });
});
