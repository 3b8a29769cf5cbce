import { sql } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { dialectOf, insertMany, runWrittenSql, tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type {
  FundLotRow,
  FundsTables,
  JournalEntryRow,
  JournalLineRow,
  LedgerAccountRow,
  LedgerPeriodRow,
  ProjectRemainderRow,
  TraceLinkRow,
} from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

/** Creates the account if it is new, and returns it either way. */
export async function ensureAccount(executor: Executor, row: LedgerAccountRow): Promise<LedgerAccountRow> {
  const existing = await db(executor)
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('key', '=', row.key)
    .executeTakeFirst();
  if (existing) return existing;
  await db(executor)
    .insertInto('ledger_accounts')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return db(executor).selectFrom('ledger_accounts').selectAll().where('key', '=', row.key).executeTakeFirstOrThrow();
}

export async function findAccountsByIds(executor: Executor, ids: readonly string[]): Promise<LedgerAccountRow[]> {
  if (ids.length === 0) return [];
  return db(executor).selectFrom('ledger_accounts').selectAll().where('id', 'in', ids).execute();
}

/**
 * Holds the accounts an entry touches until the transaction ends, in id order so that two postings never
 * wait on each other crosswise. SQLite needs no lock: its writers are serialized already.
 */
export async function lockAccounts(executor: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || dialectOf(executor) !== 'postgres') return;
  await db(executor)
    .selectFrom('ledger_accounts')
    .select('id')
    .where('id', 'in', [...ids].sort())
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The shares an account holds, oldest first; only the named donation's when one is given. */
export async function lotsOf(executor: Executor, accountId: string, donationId?: string): Promise<FundLotRow[]> {
  let query = db(executor)
    .selectFrom('fund_lots')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('remaining', '>', 0);
  if (donationId) query = query.where('donation_id', '=', donationId);
  return query.orderBy('id').execute();
}

export async function setLotRemaining(executor: Executor, id: string, remaining: number): Promise<void> {
  if (remaining === 0) await db(executor).deleteFrom('fund_lots').where('id', '=', id).execute();
  else await db(executor).updateTable('fund_lots').set({ remaining }).where('id', '=', id).execute();
}

export async function insertLots(executor: Executor, rows: readonly FundLotRow[]): Promise<void> {
  await insertMany(executor, 'fund_lots', rows);
}

export async function insertEntry(
  executor: Executor,
  entry: JournalEntryRow,
  lines: readonly JournalLineRow[],
  links: readonly TraceLinkRow[],
): Promise<void> {
  await insertMany(executor, 'journal_entries', [entry]);
  await insertMany(executor, 'journal_lines', lines);
  await insertMany(executor, 'trace_links', links);
}

/** Adds to the running total and returns the new balance. */
export async function addToBalance(executor: Executor, accountId: string, delta: number): Promise<number> {
  const { rows } = await runWrittenSql(
    executor,
    'update ledger_accounts set balance = balance + ? where id = ? returning balance',
    [delta, accountId],
  );
  const balance = rows[0]?.balance;
  if (typeof balance !== 'number') throw new Error(`ledger account ${accountId} does not exist`);
  return balance;
}

export async function findEntry(executor: Executor, id: string): Promise<JournalEntryRow | undefined> {
  return db(executor).selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linesOf(executor: Executor, entryIds: readonly string[]): Promise<JournalLineRow[]> {
  if (entryIds.length === 0) return [];
  return db(executor)
    .selectFrom('journal_lines')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .orderBy('entry_id')
    .orderBy('line_no')
    .execute();
}

export async function linksOfEntry(executor: Executor, entryId: string): Promise<TraceLinkRow[]> {
  return db(executor).selectFrom('trace_links').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
}

/** Marks an entry as reversed, unless it already is; false when another reversal came first. */
export async function markReversed(executor: Executor, entryId: string, reversalId: string): Promise<boolean> {
  const result = await db(executor)
    .updateTable('journal_entries')
    .set({ reversed_by_entry_id: reversalId })
    .where('id', '=', entryId)
    .where('reversed_by_entry_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function closedPeriods(
  executor: Executor,
  organizationIds: readonly string[],
  year: number,
): Promise<LedgerPeriodRow[]> {
  if (organizationIds.length === 0) return [];
  return db(executor)
    .selectFrom('ledger_periods')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where('year', '=', year)
    .execute();
}

export async function insertPeriod(executor: Executor, row: LedgerPeriodRow): Promise<boolean> {
  const result = await db(executor)
    .insertInto('ledger_periods')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'year']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function periodsOf(executor: Executor, organizationIds: readonly string[]): Promise<LedgerPeriodRow[]> {
  if (organizationIds.length === 0) return [];
  return db(executor)
    .selectFrom('ledger_periods')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .orderBy('year')
    .execute();
}

// ----- checks for `ledger verify`: they read the whole ledger on purpose.

/** Entries whose lines do not sum to zero, overall or within one organization. */
export async function unbalancedEntries(
  executor: Executor,
): Promise<{ entry_id: string; organization_id: string; total: number }[]> {
  const rows = await db(executor)
    .selectFrom('journal_lines')
    .select(['entry_id', 'organization_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .groupBy(['entry_id', 'organization_id'])
    .having((eb) => eb.fn.sum('amount'), '!=', 0)
    .execute();
  return rows;
}

export async function entriesWithoutLines(executor: Executor): Promise<string[]> {
  const rows = await db(executor)
    .selectFrom('journal_entries')
    .select('id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('journal_lines')
            .select(sql.lit(1).as('one'))
            .whereRef('journal_lines.entry_id', '=', 'journal_entries.id'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.id);
}

export async function derivedBalances(executor: Executor): Promise<Map<string, number>> {
  const rows = await db(executor)
    .selectFrom('journal_lines')
    .select(['account_id', (eb) => eb.fn.sum<number>('amount').as('total')])
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((row) => [row.account_id, row.total]));
}

export async function lotTotals(executor: Executor): Promise<Map<string, number>> {
  const rows = await db(executor)
    .selectFrom('fund_lots')
    .select(['account_id', (eb) => eb.fn.sum<number>('remaining').as('total')])
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((row) => [row.account_id, row.total]));
}

export async function allAccounts(executor: Executor): Promise<LedgerAccountRow[]> {
  return db(executor).selectFrom('ledger_accounts').selectAll().execute();
}

export type AccountFilter = { organizationId?: string | undefined; kind?: string | undefined; includeEmpty: boolean };

/** Accounts of the organizations in scope. */
export async function listAccounts(
  executor: Executor,
  scope: Scope,
  filter: AccountFilter,
): Promise<LedgerAccountRow[]> {
  let query = db(executor).selectFrom('ledger_accounts').selectAll();
  if (scope.kind !== 'all') query = query.where('organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.kind) query = query.where('kind', '=', filter.kind as LedgerAccountRow['kind']);
  if (!filter.includeEmpty) query = query.where('balance', '!=', 0);
  return query.orderBy('organization_id').orderBy('kind').orderBy('key').execute();
}

export async function accountsOfProject(executor: Executor, projectId: string): Promise<LedgerAccountRow[]> {
  return db(executor).selectFrom('ledger_accounts').selectAll().where('project_id', '=', projectId).execute();
}

export async function linksOfDonation(executor: Executor, donationId: string): Promise<TraceLinkRow[]> {
  return db(executor)
    .selectFrom('trace_links')
    .selectAll()
    .where('donation_id', '=', donationId)
    .orderBy('id')
    .execute();
}

export async function linksTouching(executor: Executor, accountIds: readonly string[]): Promise<TraceLinkRow[]> {
  if (accountIds.length === 0) return [];
  return db(executor)
    .selectFrom('trace_links')
    .selectAll()
    .where((eb) => eb.or([eb('from_account_id', 'in', accountIds), eb('to_account_id', 'in', accountIds)]))
    .orderBy('id')
    .execute();
}

export async function lotsOfDonation(executor: Executor, donationId: string): Promise<FundLotRow[]> {
  return db(executor)
    .selectFrom('fund_lots')
    .selectAll()
    .where('donation_id', '=', donationId)
    .where('remaining', '>', 0)
    .orderBy('id')
    .execute();
}

export async function entriesByIds(executor: Executor, ids: readonly string[]): Promise<JournalEntryRow[]> {
  if (ids.length === 0) return [];
  return db(executor)
    .selectFrom('journal_entries')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** For each donation, the account its shares last came into this account from. */
export async function inboundSources(executor: Executor, accountId: string): Promise<Map<string, string>> {
  const rows = await db(executor)
    .selectFrom('trace_links')
    .select(['donation_id', 'from_account_id'])
    .where('to_account_id', '=', accountId)
    .where('from_account_id', 'is not', null)
    .orderBy('id')
    .execute();
  const sources = new Map<string, string>();
  for (const row of rows) if (row.from_account_id) sources.set(row.donation_id, row.from_account_id);
  return sources;
}

export async function insertRemainder(executor: Executor, row: ProjectRemainderRow): Promise<void> {
  await db(executor).insertInto('project_remainders').values(row).execute();
}

/** A project's remainder handlings, each with the reversal of its entry when it was undone. */
export async function remaindersOf(
  executor: Executor,
  projectId: string,
): Promise<(ProjectRemainderRow & { reversed_by_entry_id: string | null })[]> {
  return db(executor)
    .selectFrom('project_remainders')
    .innerJoin('journal_entries', 'journal_entries.id', 'project_remainders.entry_id')
    .selectAll('project_remainders')
    .select('journal_entries.reversed_by_entry_id')
    .where('project_remainders.project_id', '=', projectId)
    .orderBy('project_remainders.id')
    .execute();
}

export type JournalFilter = {
  ids?: readonly string[];
  organizationId?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
};

/** Entries that touch the books of an organization in scope, newest business date first. */
export async function listEntries(
  executor: Executor,
  scope: Scope,
  filter: JournalFilter,
): Promise<{ rows: JournalEntryRow[]; total: number }> {
  let touching = db(executor).selectFrom('journal_lines').select('journal_lines.entry_id');
  if (scope.kind !== 'all')
    touching = touching.where('journal_lines.organization_id', 'in', organizationIdsInScope(executor, scope));
  if (filter.organizationId) touching = touching.where('journal_lines.organization_id', '=', filter.organizationId);
  let query = db(executor).selectFrom('journal_entries').where('id', 'in', touching);
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.kind) query = query.where('kind', '=', filter.kind as JournalEntryRow['kind']);
  if (filter.from) query = query.where('business_date', '>=', filter.from);
  if (filter.to) query = query.where('business_date', '<=', filter.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('business_date', 'desc')
      .orderBy('id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/**
 * The business records behind entries: the gift an entry received (or refunded, through its trace links),
 * and the payment batch it created or settled. Projects come from the entries' accounts.
 */
export async function entryRecords(executor: Executor, entryIds: readonly string[]) {
  if (entryIds.length === 0) return { donations: [], batches: [] };
  const ids = [...entryIds];
  const [donations, batches] = await Promise.all([
    db(executor)
      .selectFrom('donations')
      .innerJoin('trace_links', 'trace_links.donation_id', 'donations.id')
      .innerJoin('journal_entries', 'journal_entries.id', 'trace_links.entry_id')
      .select(['trace_links.entry_id', 'donations.id', 'donations.received_on', 'donations.amount'])
      .where('trace_links.entry_id', 'in', ids)
      .where('journal_entries.kind', 'in', ['donation', 'refund'])
      .distinct()
      .execute(),
    db(executor)
      .selectFrom('payment_batches')
      .leftJoin('payment_items', 'payment_items.batch_id', 'payment_batches.id')
      .select([
        'payment_batches.id',
        'payment_batches.title',
        'payment_batches.entry_id',
        'payment_items.settle_entry_id',
      ])
      .where((eb) => eb.or([eb('payment_batches.entry_id', 'in', ids), eb('payment_items.settle_entry_id', 'in', ids)]))
      .distinct()
      .execute(),
  ]);
  return { donations, batches };
}
