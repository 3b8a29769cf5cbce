import type { TEntryKind } from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { beijingDate } from '../../platform/time.js';
import { heldBy } from './account-sides.js';
import { projectMoneyLeft, relatedPartyEntriesOf } from './disclosure.repository.js';

export type RelatedPartyFact = {
  entryId: string;
  organizationId: string;
  kind: TEntryKind;
  businessDate: string;
  /** The Beijing date the entry was recorded (and so shown in the organization's published accounts). */
  recordedOn: string;
  memo: string;
};

export async function relatedPartyTransactions(
  executor: Executor,
  organizationIds: readonly string[],
): Promise<RelatedPartyFact[]> {
  return (await relatedPartyEntriesOf(executor, organizationIds))
    .filter((entry) => entry.reversed_by_entry_id === null)
    .map((entry) => ({
      entryId: entry.id,
      organizationId: entry.organization_id,
      kind: entry.kind,
      businessDate: entry.business_date,
      recordedOn: beijingDate(new Date(entry.entered_at)),
      memo: entry.memo,
    }));
}

/** Per project: the money it still holds (project fund and payables) and the first day a remainder was handled. */
export async function projectRemainderFacts(
  executor: Executor,
  projectIds: readonly string[],
): Promise<Map<string, { held: number; handledOn: string | null }>> {
  const { balances, handled } = await projectMoneyLeft(executor, projectIds);
  const facts = new Map<string, { held: number; handledOn: string | null }>();
  for (const id of projectIds) facts.set(id, { held: 0, handledOn: null });
  for (const row of balances) {
    const fact = row.project_id ? facts.get(row.project_id) : undefined;
    if (fact) fact.held += heldBy(row.kind, row.balance);
  }
  for (const row of handled) {
    const fact = facts.get(row.project_id);
    if (fact) fact.handledOn = row.handled_on;
  }
  return facts;
}
