import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { ProjectFileRow, ProjectRow, ProjectTables, ReportRow } from './tables.js';

const db = (executor: Executor) => tablesOf<ProjectTables>(executor);

/**
 * The public's reach: a project is public once it was approved (立项). Drafts, submissions and projects sent
 * back or stopped before approval never were, whatever their state now; every query below applies this.
 */
export function isPublicProject(executor: Executor) {
  return (eb: ExpressionBuilder<ProjectTables, 'projects'>): Expression<SqlBool> =>
    eb(
      'projects.id',
      'in',
      db(executor)
        .selectFrom('project_transitions')
        .select('project_transitions.project_id')
        .where('project_transitions.to_status', '=', 'approved'),
    );
}

export type PublicProjectFilter = {
  text?: string | undefined;
  category?: ProjectRow['category'] | undefined;
  organizationId?: string | undefined;
  offset: number;
  limit: number;
};

/** Public projects, the most recently started first. */
export async function listPublicProjects(
  executor: Executor,
  filter: PublicProjectFilter,
): Promise<{ rows: ProjectRow[]; total: number }> {
  let query = db(executor).selectFrom('projects').where(isPublicProject(executor));
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([eb('projects.name', 'like', `%${text}%`), eb('projects.code', 'like', `${text}%`)]),
    );
  }
  if (filter.category) query = query.where('projects.category', '=', filter.category);
  if (filter.organizationId) query = query.where('projects.owner_organization_id', '=', filter.organizationId);
  const [rows, count] = await Promise.all([
    query
      .selectAll('projects')
      .orderBy('projects.planned_start', 'desc')
      .orderBy('projects.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findPublicProject(executor: Executor, id: string): Promise<ProjectRow | undefined> {
  return db(executor)
    .selectFrom('projects')
    .selectAll('projects')
    .where('projects.id', '=', id)
    .where(isPublicProject(executor))
    .executeTakeFirst();
}

/** The reports its organization marked public, newest first; the project has been found public. */
export async function publicReportsOf(executor: Executor, projectId: string): Promise<ReportRow[]> {
  return db(executor)
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('is_public', '=', 1)
    .orderBy('reported_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Photos marked public that belong to a public report; inspection photos and documents never are. */
export async function publicPhotosOf(executor: Executor, projectId: string): Promise<ProjectFileRow[]> {
  return db(executor)
    .selectFrom('project_files')
    .selectAll('project_files')
    .where('project_files.project_id', '=', projectId)
    .where('project_files.kind', '=', 'photo')
    .where('project_files.is_public', '=', 1)
    .where('project_files.owner_kind', '=', 'report')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_reports')
          .select('project_reports.id')
          .whereRef('project_reports.id', '=', 'project_files.owner_id')
          .where('project_reports.is_public', '=', 1),
      ),
    )
    .orderBy('project_files.created_at')
    .orderBy('project_files.id')
    .execute();
}
