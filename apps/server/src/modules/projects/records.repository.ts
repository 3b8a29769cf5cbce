import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { AcceptanceRow, InspectionRow, MilestoneRow, ProjectFileRow, ProjectTables, ReportRow } from './tables.js';

const db = (executor: Executor) => tablesOf<ProjectTables>(executor);

// Every function here takes a project id the service has already found in the actor's scope.

export async function insertFile(executor: Executor, row: ProjectFileRow): Promise<void> {
  await db(executor).insertInto('project_files').values(row).execute();
}

export async function filesOf(executor: Executor, projectId: string): Promise<ProjectFileRow[]> {
  return db(executor)
    .selectFrom('project_files')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .execute();
}

export async function findFile(executor: Executor, projectId: string, id: string): Promise<ProjectFileRow | undefined> {
  return db(executor)
    .selectFrom('project_files')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves uploaded files under a report or inspection; only the project's loose photos can move. */
export async function attachFiles(
  executor: Executor,
  projectId: string,
  ids: readonly string[],
  owner: { kind: 'report' | 'inspection'; id: string; isPublic: boolean },
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db(executor)
    .updateTable('project_files')
    .set({ owner_kind: owner.kind, owner_id: owner.id, is_public: owner.isPublic ? 1 : 0 })
    .where('project_id', '=', projectId)
    .where('owner_kind', '=', 'project')
    .where('kind', '=', 'photo')
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertMilestone(executor: Executor, row: MilestoneRow): Promise<void> {
  await db(executor).insertInto('project_milestones').values(row).execute();
}

export async function milestonesOf(executor: Executor, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor)
    .selectFrom('project_milestones')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('due_on')
    .execute();
}

export async function updateMilestoneRow(
  executor: Executor,
  projectId: string,
  id: string,
  changes: Partial<Omit<MilestoneRow, 'id' | 'project_id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db(executor)
    .updateTable('project_milestones')
    .set(changes)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertReport(executor: Executor, row: ReportRow): Promise<void> {
  await db(executor).insertInto('project_reports').values(row).execute();
}

export async function reportsOf(executor: Executor, projectIds: readonly string[]): Promise<ReportRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor)
    .selectFrom('project_reports')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('reported_on', 'desc')
    .execute();
}

export async function insertInspection(executor: Executor, row: InspectionRow): Promise<void> {
  await db(executor).insertInto('project_inspections').values(row).execute();
}

export async function inspectionsOf(executor: Executor, projectIds: readonly string[]): Promise<InspectionRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor)
    .selectFrom('project_inspections')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('visited_on', 'desc')
    .execute();
}

export async function insertAcceptance(executor: Executor, row: AcceptanceRow): Promise<void> {
  await db(executor).insertInto('project_acceptances').values(row).execute();
}

export async function acceptancesOf(executor: Executor, projectId: string): Promise<AcceptanceRow[]> {
  return db(executor)
    .selectFrom('project_acceptances')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('checked_on', 'desc')
    .execute();
}
