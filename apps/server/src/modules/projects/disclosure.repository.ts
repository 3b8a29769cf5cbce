import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { ProjectRow, ProjectTables, ProjectTransitionRow, ReportRow } from './tables.js';

const db = (executor: Executor) => tablesOf<ProjectTables>(executor);

/** Approved projects of the given owners (the caller passes organizations it may see). */
export async function approvedProjectsOf(executor: Executor, ownerIds: readonly string[]): Promise<ProjectRow[]> {
  if (ownerIds.length === 0) return [];
  return db(executor)
    .selectFrom('projects')
    .selectAll()
    .where('owner_organization_id', 'in', [...ownerIds])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_transitions')
          .select('project_transitions.id')
          .whereRef('project_transitions.project_id', '=', 'projects.id')
          .where('project_transitions.action', '=', 'approve'),
      ),
    )
    .execute();
}

export async function publicReportsOf(executor: Executor, projectIds: readonly string[]): Promise<ReportRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor)
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', 'in', [...projectIds])
    .where('is_public', '=', 1)
    .orderBy('reported_on')
    .execute();
}

export async function endingTransitionsOf(
  executor: Executor,
  projectIds: readonly string[],
): Promise<ProjectTransitionRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor)
    .selectFrom('project_transitions')
    .selectAll()
    .where('project_id', 'in', [...projectIds])
    .where('action', 'in', ['approve', 'complete', 'terminate'])
    .orderBy('on_date')
    .execute();
}
