import type { TEntryKind } from '@tongxin/contracts';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FundsTables, LedgerAccountRow, TraceLinkRow } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

// The public subset: open data reads the books of projects the caller found public (projects module,
// publicProjectsForOpenData); these reads take those projects' ids instead of a reader's scope.

/** The project funds and payables of public projects. */
export async function accountsOfPublicProjects(
  executor: Executor,
  projectIds: readonly string[],
): Promise<LedgerAccountRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor).selectFrom('ledger_accounts').selectAll().where('project_id', 'in', projectIds).execute();
}

export type PublicProjectLinkRow = TraceLinkRow & {
  entry_kind: TEntryKind;
  business_date: string;
  reversed_by_entry_id: string | null;
};

/** Every share of money that moved into, out of or within accounts of public projects, with its entry. */
export async function linksOfPublicProjectAccounts(
  executor: Executor,
  accountIds: readonly string[],
): Promise<PublicProjectLinkRow[]> {
  if (accountIds.length === 0) return [];
  return db(executor)
    .selectFrom('trace_links')
    .innerJoin('journal_entries', 'journal_entries.id', 'trace_links.entry_id')
    .selectAll('trace_links')
    .select([
      'journal_entries.kind as entry_kind',
      'journal_entries.business_date',
      'journal_entries.reversed_by_entry_id',
    ])
    .where((eb) =>
      eb.or([eb('trace_links.from_account_id', 'in', accountIds), eb('trace_links.to_account_id', 'in', accountIds)]),
    )
    .orderBy('journal_entries.business_date')
    .orderBy('trace_links.id')
    .execute();
}
