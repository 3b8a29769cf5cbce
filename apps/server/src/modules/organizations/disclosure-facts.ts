import type { Executor } from '../../platform/db/index.js';
import { changesOf } from './disclosure.repository.js';

/** A change to an organization's registered information: when it took effect and when it was recorded. */
export type OrganizationChange = {
  id: string;
  organizationId: string;
  name: string;
  effectiveOn: string;
  recordedAt: string;
  changedFields: string[];
  note: string | null;
};

export async function organizationChanges(
  executor: Executor,
  organizationIds: readonly string[],
): Promise<OrganizationChange[]> {
  return (await changesOf(executor, organizationIds)).map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    effectiveOn: row.valid_from,
    recordedAt: row.recorded_at,
    changedFields: JSON.parse(row.changed_fields) as string[],
    note: row.change_note,
  }));
}
