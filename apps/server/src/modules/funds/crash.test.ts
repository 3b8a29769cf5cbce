/**
 * Crash test of the idempotent donation API: a driver keeps several donations in flight against the real
 * server (a child process) while the server is killed with SIGKILL 20 times and restarted. A request that
 * got no answer is sent again with the same key and body until it is acknowledged. Afterwards every key
 * that was ever sent is one donation, exactly once, with the acknowledged id; the ledger verifies, and so
 * does the audit trail. Runs on SQLite and, with TONGXIN_TEST_DIALECT=postgres, on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TDonation } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../platform/audit/index.js';
import { systemContext } from '../../platform/context.js';
import { openDatabase, type Database } from '../../platform/db/index.js';
import { makeNetwork } from '../../test-support/factories.js';
import { makeDonor } from '../../test-support/funds-factories.js';
import {
  serverLauncher,
  signInOver,
  type ServerLauncher,
  type ServerProcess,
} from '../../test-support/server-process.js';
import { createTestDatabase, TEST_DATA_KEY, testDialect, type TestDatabase } from '../../test-support/test-database.js';
import { findDonations, fundAccounts, verifyLedger } from './index.js';

const KILLS = 20;
const KILLS_WITH_REQUESTS_IN_FLIGHT = 15;
/** Donations the driver keeps in flight at once. */
const CONCURRENCY = 6;
/** Each server acknowledges this many donations before it is killed: it dies warm and busy, not starting. */
const ACKS_BEFORE_KILL = 6;
const SERVER_DIR = fileURLToPath(new URL('../../../', import.meta.url));

let database: TestDatabase;
let launcher: ServerLauncher | null = null;
let reopened: Database | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await launcher?.close();
  await reopened?.close();
  await database.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Gift = {
  key: string;
  body: Record<string, unknown>;
  amount: number;
  acknowledged: { id: string; createdAt: string } | null;
  /** The kills that cut off an attempt of this gift. */
  cutBy: number[];
  refusals: string[];
};

/** A kill: requests in flight when it came, how many of them got no answer, when, and how long the server was down. */
type Kill = { inFlight: number; cutOff: number; at: number; downMs: number };

/** An attempt in flight; `kill` is set when the server died under it. */
type Attempt = { kill: number | null };

/** A started server: the n-th start is ended by the n-th kill. */
type Live = { url: string; start: number };

/** `tongxin ledger verify` from source, as an operator runs it after a crash. */
function ledgerVerifyCli(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'src/cli/main.ts', 'ledger', 'verify'],
      {
        cwd: SERVER_DIR,
        env: {
          ...process.env,
          TONGXIN_DATA_DIR: database.dataDir,
          DATABASE_URL: database.url ?? '',
          TONGXIN_DATA_KEY: TEST_DATA_KEY.toString('hex'),
          LOG_LEVEL: 'warn',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe(`crash test (${testDialect()})`, () => {
  it(
    'keeps every acknowledged donation exactly once through 20 SIGKILLs with donations in flight',
    { timeout: 300_000 },
    async () => {
      const started = performance.now();
      const net = await makeNetwork(database.db);
      const organization = net.orgs.dengkou;
      const donor = await makeDonor(database.db, organization);
      // On SQLite the server alone holds the file while it runs, as in production, so that each start
      // recovers the write-ahead log the killed server left behind.
      if (database.url === null) await database.db.close();

      launcher = serverLauncher({
        dataDir: database.dataDir,
        databaseUrl: database.url,
        dataKeyHex: TEST_DATA_KEY.toString('hex'),
      });
      let server: ServerProcess = await launcher.start();
      const headers = {
        ...(await signInOver(server.url, net.users.dengkouStaff.username)),
        'content-type': 'application/json',
      };

      // The server while it is up; while it is down, a promise of the next one.
      let live: Promise<Live> = Promise.resolve({ url: server.url, start: 0 });
      let up: (next: Live) => void = () => undefined;
      const goDown = () => {
        live = new Promise((resolve) => (up = resolve));
      };

      const gifts: Gift[] = [];
      const kills: Kill[] = [];
      const inFlight = new Set<Attempt>();
      let strayLosses = 0;
      const acksByStart: number[] = [];
      let stopNewGifts = false;

      function newGift(): Gift {
        const i = gifts.length;
        const key = randomUUID();
        const base = {
          organizationId: organization.id,
          donorId: donor.id,
          receivedOn: '2026-03-15',
          displayAs: 'surname',
          note: key,
        };
        let body: Record<string, unknown>;
        let amount: number;
        if (i % 3 === 2) {
          const quantity = 1 + (i % 5);
          amount = quantity * (15_000 + i);
          body = {
            ...base,
            form: 'goods',
            items: [{ name: '棉被', quantity, unit: '床', unitValue: 15_000 + i, valuationBasis: '市场价' }],
          };
        } else {
          amount = 10_000 + i;
          body = {
            ...base,
            form: 'money',
            method: i % 3 === 0 ? 'bank_transfer' : 'online',
            amount,
            designation: i % 3 === 0 ? { kind: 'unrestricted' } : { kind: 'category', category: 'education' },
          };
        }
        const gift: Gift = { key, body, amount, acknowledged: null, cutBy: [], refusals: [] };
        gifts.push(gift);
        return gift;
      }

      async function attempt(gift: Gift): Promise<void> {
        const { url, start } = await live;
        const current: Attempt = { kill: null };
        inFlight.add(current);
        try {
          const response = await fetch(`${url}/api/v1/donations`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': gift.key },
            body: JSON.stringify(gift.body),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.text();
          if (response.status === 201) {
            const donation = JSON.parse(text) as TDonation;
            gift.acknowledged = { id: donation.id, createdAt: donation.createdAt };
            acksByStart[start] = (acksByStart[start] ?? 0) + 1;
          } else {
            gift.refusals.push(`${response.status} ${text}`);
          }
        } catch {
          // No answer: the server died under the request, or just before it (a request that set out as the
          // kill came). Either way it was sent to a server that was killed; anything else is unexplained.
          const kill = kills[start];
          if (!kill) strayLosses += 1;
          else {
            gift.cutBy.push(start);
            if (current.kill === start) kill.cutOff += 1;
          }
        } finally {
          inFlight.delete(current);
        }
      }

      async function driver(): Promise<void> {
        while (!stopNewGifts) {
          const gift = newGift();
          while (!gift.acknowledged && gift.refusals.length < 3) await attempt(gift);
        }
      }

      const drivers = Array.from({ length: CONCURRENCY }, () => driver());
      for (let k = 0; k < KILLS; k++) {
        const patience = Date.now() + 20_000;
        while ((acksByStart[k] ?? 0) < ACKS_BEFORE_KILL && Date.now() < patience) await sleep(5);
        await sleep(Math.random() * 300);
        while (inFlight.size === 0 && Date.now() < patience) await sleep(1);
        for (const running of inFlight) running.kill = k;
        kills.push({ inFlight: inFlight.size, cutOff: 0, at: Date.now(), downMs: 0 });
        goDown();
        await server.kill('SIGKILL');
        server = await launcher.start();
        const kill = kills[k];
        if (kill) kill.downMs = Date.now() - kill.at;
        up({ url: server.url, start: k + 1 });
      }
      stopNewGifts = true;
      await Promise.all(drivers);
      await server.kill('SIGTERM');

      // What the driver saw: every gift acknowledged, nothing refused, no answer lost but to a kill.
      expect(gifts.flatMap((g) => g.refusals.map((r) => `${g.key}: ${r}`))).toEqual([]);
      expect(gifts.filter((g) => !g.acknowledged)).toEqual([]);
      expect(strayLosses).toBe(0);
      const killsCuttingRequests = kills.filter((k) => k.cutOff > 0).length;
      expect(kills).toHaveLength(KILLS);
      expect(killsCuttingRequests).toBeGreaterThanOrEqual(KILLS_WITH_REQUESTS_IN_FLIGHT);

      // What the books say: each key sent is one donation, the acknowledged one.
      reopened = database.url === null ? openDatabase({ url: null, dataDir: database.dataDir }) : null;
      const db = reopened ?? database.db;
      const ctx = systemContext(db.executor);
      const listed: TDonation[] = [];
      for (let page = 1; ; page++) {
        const result = await findDonations(ctx, { donorId: donor.id, page, pageSize: 200 });
        listed.push(...result.items);
        if (listed.length >= result.total || result.items.length === 0) break;
      }
      const byKey = new Map<string, TDonation[]>();
      for (const donation of listed)
        byKey.set(donation.note ?? '', [...(byKey.get(donation.note ?? '') ?? []), donation]);
      const wrong = gifts.flatMap((gift) => {
        const found = byKey.get(gift.key) ?? [];
        const [only] = found;
        if (found.length === 1 && only?.id === gift.acknowledged?.id && only?.amount === gift.amount) return [];
        const ids = found.map((d) => `${d.id} (${d.amount})`).join(', ');
        return [
          `${gift.key}: ${found.length} donations ${ids}; acknowledged ${gift.acknowledged?.id} (${gift.amount})`,
        ];
      });
      expect(wrong).toEqual([]);
      expect(listed).toHaveLength(gifts.length);
      const funds = await fundAccounts(ctx, { organizationId: organization.id, kind: 'fund' });
      expect(funds.reduce((sum, fund) => sum + fund.balance, 0)).toBe(gifts.reduce((sum, g) => sum + g.amount, 0));

      expect((await verifyLedger(db.executor)).problems).toEqual([]);
      expect((await verifyAuditChains(db.executor)).breaks).toEqual([]);
      const cli = await ledgerVerifyCli();
      expect(cli.out).toContain('OK:');
      expect(cli.code).toBe(0);

      // Answers lost after the commit: the retry got the first answer back from the key.
      const answeredFromKey = gifts.filter((gift) =>
        gift.cutBy.some((k) => {
          const kill = kills[k];
          return kill !== undefined && gift.acknowledged !== null && Date.parse(gift.acknowledged.createdAt) < kill.at;
        }),
      ).length;
      const downtimes = kills.map((k) => k.downMs);
      process.stdout.write(
        `crash test (${testDialect()}): ${gifts.length} donations, ${KILLS} kills, ` +
          `${killsCuttingRequests} of them cutting off requests in flight (in flight/cut off: ` +
          `${kills.map((k) => `${k.inFlight}/${k.cutOff}`).join(' ')}), ` +
          `${gifts.filter((g) => g.cutBy.length > 0).length} keys retried, ${answeredFromKey} committed before the ` +
          `kill and answered from the key on retry; down ${Math.min(...downtimes)}–${Math.max(...downtimes)} ms ` +
          `per kill; ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`,
      );
    },
  );
});
