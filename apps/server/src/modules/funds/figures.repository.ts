import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FigureRecordQuery } from '../../platform/figures/index.js';
import type { FundsTables, JournalEntryRow, LedgerAccountRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

export type FigureMove = {
  entry_id: string;
  link_id: string;
  kind: JournalEntryRow['kind'];
  business_date: string;
  memo: string;
  amount: number;
  from: LedgerAccountRow | null;
  to: LedgerAccountRow | null;
};

/** Enough for a look at the records behind a figure; the full list is the journal's. */
const MOVES_MAX = 5000;

/**
 * The movements of money in a date range whose counted side is an account of the given organizations (the
 * statistics module has already limited them to the caller's scope): `countedSide` of a movement, the other
 * side of a reversal's, which runs the other way. With the accounts on both sides, for the caller to classify.
 */
export async function entriesBehindFigure(
  executor: Executor,
  query: FigureRecordQuery,
  countedSide: 'from' | 'to',
): Promise<FigureMove[]> {
  if (query.organizationIds.length === 0) return [];
  const orgAccounts = db(executor)
    .selectFrom('ledger_accounts')
    .select('ledger_accounts.id')
    .where('ledger_accounts.organization_id', 'in', [...query.organizationIds]);
  let select = db(executor)
    .selectFrom('trace_links')
    .innerJoin('journal_entries', 'journal_entries.id', 'trace_links.entry_id')
    .select([
      'trace_links.id as link_id',
      'trace_links.entry_id',
      'trace_links.from_account_id',
      'trace_links.to_account_id',
      'trace_links.amount',
      'journal_entries.kind',
      'journal_entries.business_date',
      'journal_entries.memo',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('journal_entries.kind', '<>', 'reversal'),
          eb(`trace_links.${countedSide}_account_id`, 'in', orgAccounts),
        ]),
        eb.and([
          eb('journal_entries.kind', '=', 'reversal'),
          eb(`trace_links.${countedSide === 'from' ? 'to' : 'from'}_account_id`, 'in', orgAccounts),
        ]),
      ]),
    );
  if (query.from) select = select.where('journal_entries.business_date', '>=', query.from);
  if (query.to) select = select.where('journal_entries.business_date', '<=', query.to);
  const links = await select
    .orderBy('journal_entries.business_date')
    .orderBy('journal_entries.entered_at')
    .orderBy('trace_links.id')
    .limit(MOVES_MAX)
    .execute();
  const ids = [...new Set(links.flatMap((link) => [link.from_account_id, link.to_account_id]))].filter(
    (id): id is string => id !== null,
  );
  const accounts =
    ids.length === 0
      ? new Map<string, LedgerAccountRow>()
      : new Map(
          (await db(executor).selectFrom('ledger_accounts').selectAll().where('id', 'in', ids).execute()).map(
            (account) => [account.id, account],
          ),
        );
  const account = (id: string | null) => (id ? (accounts.get(id) ?? null) : null);
  return links.map((link) => ({
    entry_id: link.entry_id,
    link_id: link.link_id,
    kind: link.kind,
    business_date: link.business_date,
    memo: link.memo,
    amount: link.amount,
    from: account(link.from_account_id),
    to: account(link.to_account_id),
  }));
}

/** How many trace links there are, for the progress of a replay of the money figures. */
export async function countTraceLinks(executor: Executor): Promise<number> {
  const row = await db(executor)
    .selectFrom('trace_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export type ReplayedLink = {
  id: string;
  entry_id: string;
  kind: JournalEntryRow['kind'];
  business_date: string;
  from_account_id: string | null;
  to_account_id: string | null;
  amount: number;
};

/** The next trace links by id after `afterId` (from the first when null), with their entry's kind and date. */
export async function traceLinksAfter(
  executor: Executor,
  afterId: string | null,
  limit: number,
): Promise<ReplayedLink[]> {
  let select = db(executor)
    .selectFrom('trace_links')
    .innerJoin('journal_entries', 'journal_entries.id', 'trace_links.entry_id')
    .select([
      'trace_links.id',
      'trace_links.entry_id',
      'journal_entries.kind',
      'journal_entries.business_date',
      'trace_links.from_account_id',
      'trace_links.to_account_id',
      'trace_links.amount',
    ]);
  if (afterId !== null) select = select.where('trace_links.id', '>', afterId);
  return select.orderBy('trace_links.id').limit(limit).execute();
}
