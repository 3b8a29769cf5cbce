import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { donate, makeDonor, makePledge } from '../../test-support/funds-factories.js';
import { contextOf, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { createPledge, findDonations, findPledges, getPledge, recordDonation, reverseEntry } from './index.js';
import { coverInstalments } from './pledge-schedule.js';

let server: TestServer;
let net: Network;
let county: ServiceContext;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  county = await contextOf(server.database.db, net.users.dengkouAdmin.username);
});
afterAll(() => server.close());

describe('pledge schedule', () => {
  const schedule = [
    { id: 'a', due_on: '2026-03-31', amount: 300 },
    { id: 'b', due_on: '2026-06-30', amount: 300 },
    { id: 'c', due_on: '2026-09-30', amount: 400 },
  ];
  it('covers instalments in the order they fall due and flags what passed its date uncovered', () => {
    const result = coverInstalments(schedule, 450, '2026-07-01');
    expect(result.instalments.map((i) => [i.covered, i.status])).toEqual([
      [300, 'fulfilled'],
      [150, 'overdue'],
      [0, 'due'],
    ]);
    expect(result.overdue).toBe(150);
  });
  it('an instalment due today is not yet overdue', () => {
    expect(coverInstalments(schedule, 0, '2026-03-31').overdue).toBe(0);
    expect(coverInstalments(schedule, 0, '2026-04-01').overdue).toBe(300);
  });
});

describe('pledges', () => {
  it('counts gifts against the pledge, and a reversed gift no longer counts', async () => {
    const pledge = await makePledge(server.database.db, net.orgs.dengkou);
    expect(pledge).toMatchObject({ total: 100_000, fulfilled: 0, overdue: 50_000 });
    expect(pledge.instalments.map((i) => i.status)).toEqual(['overdue', 'due']);
    const gift = await donate(server.database.db, net.orgs.dengkou, 50_000, {
      donorId: pledge.donorId,
      pledgeId: pledge.id,
    });
    expect(await getPledge(county, pledge.id)).toMatchObject({ fulfilled: 50_000, overdue: 0 });
    await donate(server.database.db, net.orgs.dengkou, 7_00, { donorId: pledge.donorId });
    const fulfilling = await findDonations(county, { pledgeId: pledge.id });
    expect(fulfilling.items.map((d) => d.id)).toEqual([gift.id]);
    expect((await findPledges(county, { overdueOnly: true })).items.map((p) => p.id)).not.toContain(pledge.id);
    await reverseEntry(county, randomUUID(), gift.entryId, { reversedOn: '2026-11-01', reason: '录入错误' });
    expect(await getPledge(county, pledge.id)).toMatchObject({ fulfilled: 0, overdue: 50_000 });
    expect((await findPledges(county, { overdueOnly: true })).items.map((p) => p.id)).toContain(pledge.id);
  });

  it('records a pledge once per idempotency key; the same key for another pledge is refused', async () => {
    const donor = await makeDonor(server.database.db, net.orgs.dengkou);
    const key = randomUUID();
    const input = {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      kind: 'build' as const,
      title: '认建村卫生室',
      pledgedOn: '2026-02-01',
      instalments: [{ dueOn: '2026-12-31', amount: 300_000 }],
    };
    const first = await createPledge(county, key, input);
    const retried = await createPledge(county, key, input);
    expect(retried.id).toBe(first.id);
    expect((await findPledges(county, { donorId: donor.id })).total).toBe(1);
    const reused = await createPledge(county, key, { ...input, title: '认建村小学' }).catch((error: unknown) => error);
    expect(isAppError(reused) && reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a gift from another donor against the pledge, at the field', async () => {
    const pledge = await makePledge(server.database.db, net.orgs.dengkou);
    const other = await makeDonor(server.database.db, net.orgs.dengkou);
    let refused: unknown = null;
    try {
      await recordDonation(county, randomUUID(), {
        organizationId: net.orgs.dengkou.id,
        donorId: other.id,
        method: 'cash',
        amount: 10_000,
        receivedOn: '2026-05-01',
        pledgeId: pledge.id,
      });
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused) && refused.fields.map((f) => f.path)).toEqual(['pledgeId']);
  });
});
