import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { FigureRecordQuery } from '../../platform/figures/index.js';
import type { ProjectRow, ProjectTables, ProjectTransitionRow } from './tables.js';

const db = (executor: Executor) => tablesOf<ProjectTables>(executor);

export async function approvalDate(executor: Executor, projectId: string): Promise<string | null> {
  const row = await db(executor)
    .selectFrom('project_transitions')
    .select('on_date')
    .where('project_id', '=', projectId)
    .where('action', '=', 'approve')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  return row?.on_date ?? null;
}

/**
 * The projects behind a figure of this module: owned by the given organizations (the statistics module
 * has already limited them to the caller's scope), approved in the range, or — for status figures — in
 * the given status on the range's last day, by their category and budget now. For a status figure as of a
 * past date, `recordedBefore` leaves out projects changed since (their category and budget then may differ).
 */
export async function projectsBehindFigure(
  executor: Executor,
  query: FigureRecordQuery,
  recordedBefore?: string,
): Promise<{ rows: ProjectRow[]; total: number }> {
  if (query.organizationIds.length === 0) return { rows: [], total: 0 };
  const byStatus = query.measure === 'projects.count' || query.measure === 'projects.budget';
  let select = db(executor)
    .selectFrom('projects')
    .where('projects.owner_organization_id', 'in', [...query.organizationIds])
    .where((eb) => {
      let approved = eb
        .selectFrom('project_transitions as a')
        .select('a.id')
        .whereRef('a.project_id', '=', 'projects.id')
        .where('a.action', '=', 'approve');
      if (query.to) approved = approved.where('a.on_date', '<=', query.to);
      if (query.from && !byStatus) approved = approved.where('a.on_date', '>=', query.from);
      return eb.exists(approved);
    });
  if (recordedBefore !== undefined) select = select.where('projects.updated_at', '<', recordedBefore);
  if (query.d1 !== undefined) select = select.where('projects.category', '=', query.d1 as ProjectRow['category']);
  if (byStatus && query.d2 !== undefined) {
    const status = query.d2 as ProjectRow['status'];
    select = select.where((eb) => {
      let last = eb
        .selectFrom('project_transitions as t')
        .select('t.to_status')
        .whereRef('t.project_id', '=', 'projects.id')
        .orderBy('t.on_date', 'desc')
        .orderBy('t.recorded_at', 'desc')
        // Steps of one millisecond (a submission and its approval) in the order they were taken, as the replay.
        .orderBy('t.id', 'desc')
        .limit(1);
      if (query.to) last = last.where('t.on_date', '<=', query.to);
      return eb(last, '=', status);
    });
  }
  const [rows, count] = await Promise.all([
    select.selectAll('projects').orderBy('projects.code').limit(query.limit).execute(),
    select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/**
 * Approved projects of the given organizations changed (edited or moved a step) at or after an instant:
 * `updateProject` and every step stamp `updated_at` in the transaction that makes the change.
 */
export async function approvedProjectsRecordedSince(
  executor: Executor,
  organizationIds: readonly string[],
  since: string,
): Promise<ProjectRow[]> {
  if (organizationIds.length === 0) return [];
  return db(executor)
    .selectFrom('projects')
    .selectAll('projects')
    .where('projects.owner_organization_id', 'in', [...organizationIds])
    .where('projects.updated_at', '>=', since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_transitions as a')
          .select('a.id')
          .whereRef('a.project_id', '=', 'projects.id')
          .where('a.action', '=', 'approve'),
      ),
    )
    .orderBy('projects.code')
    .execute();
}

/** How many projects there are, for the progress of a replay of their figures. */
export async function countProjects(executor: Executor): Promise<number> {
  const row = await db(executor)
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The next projects by id after `afterId` (from the first when null): a replay reads them a batch at a time. */
export async function projectsAfter(executor: Executor, afterId: string | null, limit: number): Promise<ProjectRow[]> {
  let select = db(executor).selectFrom('projects').selectAll();
  if (afterId !== null) select = select.where('id', '>', afterId);
  return select.orderBy('id').limit(limit).execute();
}

export type TransitionStep = Pick<
  ProjectTransitionRow,
  'id' | 'project_id' | 'action' | 'from_status' | 'to_status' | 'on_date'
>;

/** The lifecycle steps of these projects, per project in the order they were taken. */
export async function transitionsOf(
  executor: Executor,
  projectIds: readonly string[],
): Promise<Map<string, TransitionStep[]>> {
  const steps = new Map<string, TransitionStep[]>();
  if (projectIds.length === 0) return steps;
  const rows = await db(executor)
    .selectFrom('project_transitions')
    .select(['id', 'project_id', 'action', 'from_status', 'to_status', 'on_date'])
    .where('project_id', 'in', [...projectIds])
    .orderBy('project_id')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = steps.get(row.project_id);
    if (list) list.push(row);
    else steps.set(row.project_id, [row]);
  }
  return steps;
}
