import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FundsTables } from './tables.js';

const db = (executor: Executor) => tablesOf<FundsTables>(executor);

/** Entries flagged as related-party transactions, posted from the given organizations' books. */
export async function relatedPartyEntriesOf(executor: Executor, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  return db(executor)
    .selectFrom('journal_entries')
    .select(['id', 'organization_id', 'kind', 'business_date', 'entered_at', 'memo', 'reversed_by_entry_id'])
    .where('organization_id', 'in', [...organizationIds])
    .where('is_related_party', '=', 1)
    .where('kind', '!=', 'reversal')
    .orderBy('business_date')
    .execute();
}

/** What each project's fund still holds (debit-positive balance sums) and when a remainder was first handled. */
export async function projectMoneyLeft(executor: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return { balances: [], handled: [] };
  const [balances, handled] = await Promise.all([
    db(executor)
      .selectFrom('ledger_accounts')
      .select(['project_id', 'kind'])
      .select((eb) => eb.fn.sum<number>('balance').as('balance'))
      .where('project_id', 'in', [...projectIds])
      .where('kind', 'in', ['project_fund', 'payable'])
      .groupBy(['project_id', 'kind'])
      .execute(),
    db(executor)
      .selectFrom('project_remainders')
      .innerJoin('journal_entries', 'journal_entries.id', 'project_remainders.entry_id')
      .select('project_remainders.project_id')
      .select((eb) => eb.fn.min<string>('project_remainders.handled_on').as('handled_on'))
      .where('project_remainders.project_id', 'in', [...projectIds])
      // A handling undone by a reversal no longer counts as handled.
      .where('journal_entries.reversed_by_entry_id', 'is', null)
      .groupBy('project_remainders.project_id')
      .execute(),
  ]);
  return { balances, handled };
}
