import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import { isPublicProject } from './public.repository.js';
import type { ProjectRow, ProjectTables } from './tables.js';

/**
 * The public subset, for open-data files anyone may download: projects the portal shows (isPublicProject).
 * `owners` narrows them to the projects owned within a subtree; it is the publisher's choice of organization,
 * not a reader's permission. Planned dates overlapping `year`.
 */
export async function listPublicProjectsForOpenData(
  executor: Executor,
  owners: Scope,
  year: { start: string; end: string } | null,
): Promise<ProjectRow[]> {
  let query = tablesOf<ProjectTables>(executor)
    .selectFrom('projects')
    .selectAll('projects')
    .where(isPublicProject(executor));
  if (owners.kind !== 'all')
    query = query.where('projects.owner_organization_id', 'in', organizationIdsInScope(executor, owners));
  if (year)
    query = query.where('projects.planned_start', '<=', year.end).where('projects.planned_end', '>=', year.start);
  return query.orderBy('projects.code').orderBy('projects.id').execute();
}
