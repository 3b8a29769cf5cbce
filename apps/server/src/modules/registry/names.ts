import type { Executor } from '../../platform/db/index.js';
import { userSummaries } from '../accounts/index.js';
import { organizationNames } from '../organizations/index.js';
import { regionFullNames } from '../regions/index.js';
import type { Names } from './mapping.js';

/** The names registry records show beside their codes and ids, fetched once per page. */
export async function namesFor(
  db: Executor,
  refs: { regionCodes: readonly string[]; organizationIds: readonly string[]; userIds?: readonly (string | null)[] },
): Promise<Names> {
  const userIds = (refs.userIds ?? []).filter((id): id is string => id !== null);
  const [regions, organizations, users] = await Promise.all([
    regionFullNames(db, refs.regionCodes),
    organizationNames(db, refs.organizationIds),
    userIds.length > 0 ? userSummaries(db, userIds) : Promise.resolve(new Map()),
  ]);
  return { regions, organizations, users };
}
