import { randomUUID } from 'node:crypto';
import type { TDesignation, TOrganization, TProject } from '@tongxin/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeOrganization } from '../../test-support/factories.js';
import { makeActiveProject, makeDonor } from '../../test-support/funds-factories.js';
import { rawExecute } from '../../test-support/raw-sql.js';
import { loadTestVillages, makeVillage, testVillageCode } from '../../test-support/registry-factories.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test-support/test-database.js';
import { projectFundingFacts } from '../projects/index.js';
import { designationBreach, parseDesignationKey } from './designation.js';
import {
  allocateToProject,
  closePeriod,
  createPaymentBatch,
  fundAccounts,
  recordDonation,
  refundDonation,
  reverseEntry,
  settlePayments,
  transferFunds,
  verifyLedger,
} from './index.js';
import { findDonations } from './index.js';

/*
 * Model-based test of the ledger: random sequences of donations, allocations, transfers, payments,
 * refunds, reversals and period closes run against the real services and against a reference model
 * written here from the rules alone (FIFO shares per account, designation table by hand). Every command
 * must succeed or be refused exactly when the model says, with the model's error code; afterwards the
 * balances agree, `ledger verify` finds nothing, and money in = money out + money held.
 */

let database: TestDatabase;
let villageId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadTestVillages(database.db);
  const host = await makeOrganization(database.db, { name: '村主管单位', level: 'county', regionCode: '150822' });
  villageId = (await makeVillage(database.db, host, testVillageCode('150822', 9))).id;
});
afterAll(() => database?.close());

const ctx = () => systemContext(database.db.executor);

// ----- the world of one run: four organizations, four projects, six designations

type World = { orgs: TOrganization[]; projects: TProject[]; donors: string[]; designations: TDesignation[] };

async function makeWorld(): Promise<World> {
  const db = database.db;
  const region = await makeOrganization(db, { level: 'provincial', regionCode: '150000' });
  const city = await makeOrganization(db, { level: 'prefecture', regionCode: '150800', parent: region });
  const dengkou = await makeOrganization(db, { level: 'county', regionCode: '150822', parent: city });
  const wltzq = await makeOrganization(db, { level: 'county', regionCode: '150824', parent: city });
  const orgs = [region, city, dengkou, wltzq];
  const projects = [
    await makeActiveProject(db, dengkou, {
      category: 'education',
      targetVillageIds: [villageId],
      targetRegionCodes: ['150822'],
    }),
    await makeActiveProject(db, dengkou, { category: 'industry', targetRegionCodes: ['150822'] }),
    await makeActiveProject(db, wltzq, { category: 'education', targetRegionCodes: ['150824'] }),
    await makeActiveProject(db, dengkou, { category: 'industry', governmentObligated: true }),
  ];
  const donors = [];
  for (const org of orgs) donors.push((await makeDonor(db, org)).id);
  const designations: TDesignation[] = [
    { kind: 'unrestricted' },
    { kind: 'village', villageId },
    { kind: 'region', regionCode: '150800' },
    { kind: 'category', category: 'education' },
    { kind: 'project', projectId: projects[1]?.id ?? '' },
    { kind: 'region', regionCode: '150900' },
  ];
  return { orgs, projects, donors, designations };
}

/** Which designation may pay which project, written out by hand from the rules (project 3 is government-obligated). */
const MAY_PAY: readonly (readonly boolean[])[] = [
  [true, true, true, true],
  [true, false, false, false],
  [true, true, true, true],
  [true, false, true, false],
  [false, true, false, false],
  [false, false, false, false],
];
const PROJECT_OWNER = [2, 2, 3, 2];
const GOVERNMENT_OBLIGATED = [false, false, false, true];

// ----- the model

type Lot = { donation: number; amount: number };
type Link = { from: string | null; to: string | null; donation: number; amount: number };
type ModelEntry = { kind: string; links: Link[]; orgs: number[]; reversed: boolean; realId: string };
type ModelDonation = {
  org: number;
  designation: number;
  amount: number;
  refunded: number;
  reversed: boolean;
  realId: string;
};

type Model = {
  accounts: Map<string, Lot[]>;
  closed: Set<string>;
  donations: ModelDonation[];
  entries: ModelEntry[];
  paidOut: number;
};

const fundKey = (org: number, designation: number) => `fund:${org}:${designation}`;
const projectKey = (project: number) => `project:${project}`;
const payableKey = (project: number) => `payable:${project}`;
const orgOfKey = (key: string) =>
  key.startsWith('fund:') ? Number(key.split(':')[1]) : (PROJECT_OWNER[Number(key.split(':')[1])] ?? 0);

function cloneAccounts(model: Model): Map<string, Lot[]> {
  return new Map([...model.accounts].map(([key, lots]) => [key, lots.map((lot) => ({ ...lot }))]));
}

/** Takes shares out of an account, oldest first or one donation's; null when there is not enough. */
function take(accounts: Map<string, Lot[]>, key: string, amount: number, donation?: number): Lot[] | null {
  const lots = accounts.get(key) ?? [];
  const pieces: Lot[] = [];
  let wanted = amount;
  for (const lot of lots) {
    if (wanted === 0) break;
    if (lot.amount === 0 || (donation !== undefined && lot.donation !== donation)) continue;
    const piece = Math.min(wanted, lot.amount);
    lot.amount -= piece;
    wanted -= piece;
    pieces.push({ donation: lot.donation, amount: piece });
  }
  if (wanted > 0) return null;
  accounts.set(
    key,
    lots.filter((lot) => lot.amount > 0),
  );
  return pieces;
}

function put(accounts: Map<string, Lot[]>, key: string, lots: readonly Lot[]): void {
  accounts.set(key, [...(accounts.get(key) ?? []), ...lots.map((lot) => ({ ...lot }))]);
}

/** Moves money between model accounts; null from/to = in from outside / out of the books. */
function move(
  accounts: Map<string, Lot[]>,
  from: string | null,
  to: string | null,
  amount: number,
  donation?: number,
): Link[] | null {
  const pieces = from === null ? [{ donation: donation ?? -1, amount }] : take(accounts, from, amount, donation);
  if (!pieces) return null;
  if (to !== null) put(accounts, to, pieces);
  return pieces.map((piece) => ({ from, to, donation: piece.donation, amount: piece.amount }));
}

const isClosed = (model: Model, orgs: readonly number[], year: number) =>
  orgs.some((org) => model.closed.has(`${org}:${year}`));

type Outcome = { ok: true } | { ok: false; code: string };
const OK: Outcome = { ok: true };
const refused = (code: string): Outcome => ({ ok: false, code });

async function outcomeOf(work: () => Promise<unknown>): Promise<{ outcome: Outcome; value: unknown }> {
  try {
    return { outcome: OK, value: await work() };
  } catch (error) {
    if (isAppError(error)) return { outcome: refused(error.code), value: null };
    throw error;
  }
}

type Real = { world: World };
type Command = fc.AsyncCommand<Model, Real>;

const dateIn = (year: number) => `${year}-06-15`;

class Donate implements Command {
  constructor(
    readonly org: number,
    readonly designation: number,
    readonly amount: number,
    readonly year: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const expected = isClosed(model, [this.org], this.year) ? refused('FUNDS_PERIOD_CLOSED') : OK;
    const { outcome, value } = await outcomeOf(() =>
      recordDonation(ctx(), randomUUID(), {
        organizationId: real.world.orgs[this.org]?.id ?? '',
        donorId: real.world.donors[this.org] ?? '',
        method: 'bank_transfer',
        amount: this.amount,
        designation: real.world.designations[this.designation] ?? { kind: 'unrestricted' },
        receivedOn: dateIn(this.year),
      }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok) return;
    const donation = value as { id: string; entryId: string };
    const index = model.donations.length;
    model.donations.push({
      org: this.org,
      designation: this.designation,
      amount: this.amount,
      refunded: 0,
      reversed: false,
      realId: donation.id,
    });
    const links = move(model.accounts, null, fundKey(this.org, this.designation), this.amount, index) ?? [];
    model.entries.push({ kind: 'donation', links, orgs: [this.org], reversed: false, realId: donation.entryId });
  }
  toString = () => `donate(org ${this.org}, designation ${this.designation}, ${this.amount}, ${this.year})`;
}

async function realFundId(real: Real, org: number, designation: number): Promise<string | null> {
  const accounts = await fundAccounts(ctx(), {
    organizationId: real.world.orgs[org]?.id ?? '',
    kind: 'fund',
    includeEmpty: true,
  });
  const wanted = JSON.stringify(real.world.designations[designation]);
  return accounts.find((a) => JSON.stringify(a.designation) === wanted)?.id ?? null;
}

/** What the rules say about paying a project from a designation, in the order the service checks them. */
function projectRefusal(designation: number, project: number): Outcome | null {
  if (GOVERNMENT_OBLIGATED[project]) return refused('FUNDS_GOVERNMENT_OBLIGATED');
  if (!MAY_PAY[designation]?.[project]) return refused('FUNDS_DESIGNATION_BREACH');
  return null;
}

/** The model's funds, in a stable order, for commands that pick one of them. */
function fundsOf(model: Model): [number, number][] {
  return [...model.accounts.keys()]
    .filter((key) => key.startsWith('fund:'))
    .sort()
    .map((key) => [Number(key.split(':')[1]), Number(key.split(':')[2])]);
}

abstract class FromFund {
  org = 0;
  designation = 0;
  constructor(readonly fund: number) {}
  check = (model: Model) => fundsOf(model).length > 0;
  /** Fixes which fund this command takes money from, once the model is known. */
  pick(model: Model): void {
    const funds = fundsOf(model);
    [this.org, this.designation] = funds[this.fund % funds.length] ?? [0, 0];
  }
}

/** A project the fund's designation may pay (owned by `owner` when given), starting the search at `from`. */
function fittingProject(designation: number, from: number, owner?: number): number | null {
  for (let i = 0; i < 4; i++) {
    const p = (from + i) % 4;
    if (MAY_PAY[designation]?.[p] && !GOVERNMENT_OBLIGATED[p] && (owner === undefined || PROJECT_OWNER[p] === owner))
      return p;
  }
  return null;
}

class Allocate extends FromFund implements Command {
  constructor(
    fund: number,
    public project: number,
    readonly amount: number,
    readonly year: number,
    /** Aim at a project the rules allow, so that most allocations go through. */
    readonly aim: boolean,
  ) {
    super(fund);
  }
  async run(model: Model, real: Real) {
    this.pick(model);
    if (this.aim) this.project = fittingProject(this.designation, this.project, this.org) ?? this.project;
    const accounts = cloneAccounts(model);
    let expected: Outcome =
      projectRefusal(this.designation, this.project) ??
      (PROJECT_OWNER[this.project] !== this.org ? refused('FUNDS_PROJECT_OF_OTHER_ORGANIZATION') : OK);
    let links: Link[] | null = null;
    if (expected.ok && isClosed(model, [this.org], this.year)) expected = refused('FUNDS_PERIOD_CLOSED');
    if (expected.ok) {
      links = move(accounts, fundKey(this.org, this.designation), projectKey(this.project), this.amount);
      if (!links) expected = refused('FUNDS_INSUFFICIENT');
    }
    const { outcome, value } = await outcomeOf(async () =>
      allocateToProject(ctx(), randomUUID(), {
        fundAccountId: (await realFundId(real, this.org, this.designation)) ?? '',
        projectId: real.world.projects[this.project]?.id ?? '',
        amount: this.amount,
        allocatedOn: dateIn(this.year),
      }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok || !links) return;
    model.accounts = accounts;
    model.entries.push({
      kind: 'allocation',
      links,
      orgs: [this.org],
      reversed: false,
      realId: (value as { entryId: string }).entryId,
    });
  }
  override toString = () =>
    `allocate(fund #${this.fund}: org ${this.org}, designation ${this.designation} → project ${this.project}, ${this.amount}, ${this.year})`;
}

class Transfer extends FromFund implements Command {
  constructor(
    fund: number,
    public to: number,
    public project: number | null,
    readonly amount: number,
    readonly year: number,
    readonly aim: boolean,
  ) {
    super(fund);
  }
  async run(model: Model, real: Real) {
    this.pick(model);
    if (this.aim) {
      const fit = this.project === null ? null : fittingProject(this.designation, this.project);
      if (fit !== null && PROJECT_OWNER[fit] !== this.org) [this.project, this.to] = [fit, PROJECT_OWNER[fit] ?? 0];
      else [this.project, this.to] = [null, (this.org + 1 + (this.to % 3)) % 4];
    }
    const accounts = cloneAccounts(model);
    let expected: Outcome = this.to === this.org ? refused('FUNDS_TRANSFER_TO_SELF') : OK;
    if (expected.ok && this.project !== null)
      expected =
        projectRefusal(this.designation, this.project) ??
        (PROJECT_OWNER[this.project] !== this.to ? refused('FUNDS_PROJECT_OF_OTHER_ORGANIZATION') : OK);
    if (expected.ok && isClosed(model, [this.org, this.to], this.year)) expected = refused('FUNDS_PERIOD_CLOSED');
    let links: Link[] | null = null;
    if (expected.ok) {
      const target = this.project === null ? fundKey(this.to, this.designation) : projectKey(this.project);
      links = move(accounts, fundKey(this.org, this.designation), target, this.amount);
      if (!links) expected = refused('FUNDS_INSUFFICIENT');
    }
    const { outcome, value } = await outcomeOf(async () =>
      transferFunds(ctx(), randomUUID(), {
        fundAccountId: (await realFundId(real, this.org, this.designation)) ?? '',
        toOrganizationId: real.world.orgs[this.to]?.id ?? '',
        projectId: this.project === null ? null : (real.world.projects[this.project]?.id ?? ''),
        amount: this.amount,
        transferredOn: dateIn(this.year),
      }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok || !links) return;
    model.accounts = accounts;
    model.entries.push({
      kind: 'transfer',
      links,
      orgs: [this.org, this.to],
      reversed: false,
      realId: (value as { entryId: string }).entryId,
    });
  }
  override toString = () =>
    `transfer(fund #${this.fund}: org ${this.org}, designation ${this.designation} → org ${this.to}${this.project === null ? '' : ` project ${this.project}`}, ${this.amount}, ${this.year})`;
}

class Pay implements Command {
  project = 0;
  constructor(
    readonly pick: number,
    readonly amount: number,
    readonly paid: boolean,
    readonly year: number,
  ) {}
  check = (model: Model) => [...model.accounts.keys()].some((key) => key.startsWith('project:'));
  async run(model: Model, real: Real) {
    const funded = [...model.accounts.keys()].filter((key) => key.startsWith('project:')).sort();
    this.project = Number(funded[this.pick % funded.length]?.split(':')[1] ?? 0);
    const owner = PROJECT_OWNER[this.project] ?? 0;
    const accounts = cloneAccounts(model);
    let expected: Outcome = isClosed(model, [owner], this.year) ? refused('FUNDS_PERIOD_CLOSED') : OK;
    const set = expected.ok ? move(accounts, projectKey(this.project), payableKey(this.project), this.amount) : null;
    if (expected.ok && !set) expected = refused('FUNDS_INSUFFICIENT');
    const { outcome, value } = await outcomeOf(() =>
      createPaymentBatch(ctx(), randomUUID(), {
        projectId: real.world.projects[this.project]?.id ?? '',
        title: '发放',
        approvedOn: dateIn(this.year),
        items: [{ payeeKind: 'household', payeeName: '王小明', amount: this.amount }],
      }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok || !set) return;
    const batch = value as { id: string; entryId: string; items: { id: string }[] };
    model.entries.push({ kind: 'disbursement', links: set, orgs: [owner], reversed: false, realId: batch.entryId });
    const settle =
      move(accounts, payableKey(this.project), this.paid ? null : projectKey(this.project), this.amount) ?? [];
    const settled = await settlePayments(ctx(), randomUUID(), batch.id, {
      itemIds: batch.items.map((item) => item.id),
      outcome: this.paid ? 'paid' : 'failed',
      settledOn: dateIn(this.year),
    });
    expect(settled.status).toBe('settled');
    model.accounts = accounts;
    if (this.paid) model.paidOut += this.amount;
    model.entries.push({ kind: 'payment', links: settle, orgs: [owner], reversed: false, realId: '' });
  }
  toString = () => `pay(project ${this.project}, ${this.amount}, ${this.paid ? 'paid' : 'failed'}, ${this.year})`;
}

class Refund implements Command {
  constructor(
    readonly donation: number,
    readonly amount: number,
    readonly year: number,
  ) {}
  check = (model: Model) => model.donations.length > 0;
  async run(model: Model) {
    const index = this.donation % model.donations.length;
    const donation = model.donations[index];
    if (!donation) return;
    const accounts = cloneAccounts(model);
    let expected: Outcome = isClosed(model, [donation.org], this.year) ? refused('FUNDS_PERIOD_CLOSED') : OK;
    const links = expected.ok
      ? move(accounts, fundKey(donation.org, donation.designation), null, this.amount, index)
      : null;
    if (expected.ok && !links) expected = refused('FUNDS_REFUND_TOO_LARGE');
    const { outcome } = await outcomeOf(() =>
      refundDonation(ctx(), randomUUID(), donation.realId, {
        amount: this.amount,
        refundedOn: dateIn(this.year),
        reason: '退款',
      }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok || !links) return;
    model.accounts = accounts;
    donation.refunded += this.amount;
    const entryId = await lastEntryOf(donation.realId);
    model.entries.push({ kind: 'refund', links, orgs: [donation.org], reversed: false, realId: entryId });
  }
  toString = () => `refund(donation #${this.donation}, ${this.amount}, ${this.year})`;
}

/** The refund's entry: the newest entry of the gift's trace. */
async function lastEntryOf(donationId: string): Promise<string> {
  const rows = await rawExecute(
    database.db,
    'select entry_id from trace_links where donation_id = ? order by id desc limit 1',
    [donationId],
  );
  const id = rows[0]?.entry_id;
  return typeof id === 'string' ? id : '';
}

class Reverse implements Command {
  constructor(
    readonly entry: number,
    readonly year: number,
  ) {}
  check = (model: Model) => model.entries.some((e) => e.realId !== '');
  async run(model: Model) {
    const candidates = model.entries.filter((e) => e.realId !== '');
    const entry = candidates[this.entry % candidates.length];
    if (!entry) return;
    const accounts = cloneAccounts(model);
    let expected: Outcome = OK;
    let links: Link[] | null = [];
    if (entry.kind === 'reversal') expected = refused('FUNDS_NOT_REVERSIBLE');
    else if (entry.kind === 'disbursement') expected = refused('FUNDS_SETTLE_INSTEAD');
    else if (entry.reversed) expected = refused('FUNDS_ALREADY_REVERSED');
    else if (
      isClosed(
        model,
        [
          ...new Set(
            entry.links
              .flatMap((l) => [l.from, l.to])
              .filter((k) => k !== null)
              .map(orgOfKey),
          ),
        ],
        this.year,
      )
    )
      expected = refused('FUNDS_PERIOD_CLOSED');
    else {
      for (const link of entry.links) {
        const back = move(accounts, link.to, link.from, link.amount, link.donation);
        if (!back) {
          links = null;
          break;
        }
        links.push(...back);
      }
      if (!links) expected = refused('FUNDS_INSUFFICIENT');
    }
    const { outcome, value } = await outcomeOf(() =>
      reverseEntry(ctx(), randomUUID(), entry.realId, { reversedOn: dateIn(this.year), reason: '更正' }),
    );
    expect(outcome).toEqual(expected);
    if (!outcome.ok || !links) return;
    model.accounts = accounts;
    entry.reversed = true;
    for (const link of entry.links) {
      const donation = model.donations[link.donation];
      if (!donation) continue;
      if (entry.kind === 'donation') donation.reversed = true;
      if (entry.kind === 'refund') donation.refunded -= link.amount;
    }
    model.entries.push({
      kind: 'reversal',
      links,
      orgs: entry.orgs,
      reversed: false,
      realId: (value as { entryId: string }).entryId,
    });
  }
  toString = () => `reverse(entry #${this.entry}, ${this.year})`;
}

class ClosePeriod implements Command {
  constructor(readonly org: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const expected = model.closed.has(`${this.org}:2025`) ? refused('FUNDS_PERIOD_ALREADY_CLOSED') : OK;
    const { outcome } = await outcomeOf(() =>
      closePeriod(ctx(), { organizationId: real.world.orgs[this.org]?.id ?? '', year: 2025 }),
    );
    expect(outcome).toEqual(expected);
    model.closed.add(`${this.org}:2025`);
  }
  toString = () => `close 2025 (org ${this.org})`;
}

const org = fc.integer({ min: 0, max: 3 });
const designation = fc.integer({ min: 0, max: 5 });
const project = fc.integer({ min: 0, max: 3 });
const amount = fc.integer({ min: 1, max: 600 });
const year = fc.constantFrom(2026, 2026, 2026, 2025);

const donate = fc
  .tuple(org, designation, fc.integer({ min: 1, max: 1000 }), year)
  .map(([o, d, a, y]) => new Donate(o, d, a, y));
const allocate = fc
  .tuple(fc.nat(), project, amount, year, fc.boolean())
  .map(([f, p, a, y, aim]) => new Allocate(f, p, a, y, aim));
const commands = fc.commands(
  [
    // Gifts and allocations twice as often as the rest, so that money is there to move.
    donate,
    donate,
    allocate,
    allocate,
    fc
      .tuple(fc.nat(), org, fc.option(project, { nil: null }), amount, year, fc.boolean())
      .map(([f, t, p, a, y, aim]) => new Transfer(f, t, p, a, y, aim)),
    fc.tuple(fc.nat(), amount, fc.boolean(), year).map(([p, a, paid, y]) => new Pay(p, a, paid, y)),
    fc.tuple(fc.nat(), amount, fc.boolean(), year).map(([p, a, paid, y]) => new Pay(p, a, paid, y)),
    fc.tuple(fc.nat(), amount, year).map(([d, a, y]) => new Refund(d, a, y)),
    fc.tuple(fc.nat(), year).map(([e, y]) => new Reverse(e, y)),
    org.map((o) => new ClosePeriod(o)),
  ],
  { maxCommands: 60, size: 'large' },
);

/** The real balances of a world's accounts under the model's keys. */
async function realBalances(world: World): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  for (const [index, organization] of world.orgs.entries()) {
    for (const account of await fundAccounts(ctx(), { organizationId: organization.id, includeEmpty: true })) {
      let key: string;
      if (account.kind === 'fund') {
        const d = world.designations.findIndex((x) => JSON.stringify(x) === JSON.stringify(account.designation));
        key = fundKey(index, d);
      } else if (account.kind === 'project_fund' || account.kind === 'payable') {
        const p = world.projects.findIndex((x) => x.id === account.projectId);
        key = account.kind === 'project_fund' ? projectKey(p) : payableKey(p);
      } else key = `holding:${index}`;
      balances.set(key, (balances.get(key) ?? 0) + account.balance);
    }
  }
  return balances;
}

it('the ledger matches a reference model over random sequences, and every invariant holds afterwards', async () => {
  await fc.assert(
    fc.asyncProperty(commands, async (sequence) => {
      const world = await makeWorld();
      const model: Model = { accounts: new Map(), closed: new Set(), donations: [], entries: [], paidOut: 0 };
      await fc.asyncModelRun(() => ({ model, real: { world } }), sequence);

      // The system matches the model, account by account.
      const real = await realBalances(world);
      let held = 0;
      for (const [key, lots] of model.accounts) {
        const expected = lots.reduce((sum, lot) => sum + lot.amount, 0);
        held += expected;
        expect(real.get(key) ?? 0, key).toBe(expected);
      }
      const holdings = [...real].filter(([key]) => key.startsWith('holding:')).reduce((sum, [, v]) => sum + v, 0);
      expect(holdings).toBe(held);

      // Money in = money out + money held, from the system's own records.
      const donations = (
        await Promise.all(world.orgs.map((o) => findDonations(ctx(), { organizationId: o.id, pageSize: 200 })))
      ).flatMap((page) => page.items);
      const received = donations.filter((d) => d.status !== 'reversed').reduce((sum, d) => sum + d.amount, 0);
      const refunded = donations.filter((d) => d.status !== 'reversed').reduce((sum, d) => sum + d.refundedAmount, 0);
      expect(received).toBe(refunded + model.paidOut + holdings);
      for (const [index, donation] of model.donations.entries()) {
        const found = donations.find((d) => d.id === donation.realId);
        expect(found?.refundedAmount, `donation #${index}`).toBe(donation.refunded);
        expect(found?.status === 'reversed', `donation #${index}`).toBe(donation.reversed);
      }

      // No share of a gift sits in a project its designation does not allow.
      for (const p of world.projects) {
        const facts = await projectFundingFacts(database.db.executor, p.id);
        const rows = await rawExecute(
          database.db,
          'select d.designation from fund_lots l join ledger_accounts a on a.id = l.account_id join donations d on d.id = l.donation_id where a.project_id = ? and l.remaining > 0',
          [p.id],
        );
        for (const row of rows) {
          if (facts) expect(designationBreach(parseDesignationKey(String(row.designation)), facts)).toBeNull();
        }
      }
      expect((await verifyLedger(database.db.executor)).problems).toEqual([]);
    }),
    // PostgreSQL answers each statement over a socket: fewer runs there keep the suite's time in bounds.
    {
      numRuns: Number(process.env.TONGXIN_PROPERTY_RUNS ?? (testDialect() === 'postgres' ? 30 : 80)),
      endOnFailure: true,
    },
  );
}, 600_000);
