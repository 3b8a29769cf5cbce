import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { AnnualPackRow, StatisticsTables } from './tables.js';

const db = (executor: Executor) => tablesOf<StatisticsTables>(executor);

/** The issued pack of an organization's year; the caller has checked that the organization is visible. */
export async function findIssuedPack(
  executor: Executor,
  organizationId: string,
  year: number,
): Promise<AnnualPackRow | undefined> {
  return db(executor)
    .selectFrom('annual_packs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** False when the year was issued already (by someone else, meanwhile). */
export async function insertIssuedPack(executor: Executor, row: AnnualPackRow): Promise<boolean> {
  const result = await db(executor)
    .insertInto('annual_packs')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'year']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
