import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { ProjectPartnerRow, ProjectRow, ProjectTables, ProjectTargetRow, ProjectTransitionRow } from './tables.js';

const db = (executor: Executor) => tablesOf<ProjectTables>(executor);

/**
 * Which projects a scope reaches: those owned by organizations in scope and those an organization in
 * scope is a partner of (read only; the service decides what partners may do). A supervisor also sees
 * every project that targets a region within its own.
 */
function projectScope(
  executor: Executor,
  scope: Scope,
): ((eb: ExpressionBuilder<ProjectTables, 'projects'>) => Expression<SqlBool>) | null {
  if (scope.kind === 'all') return null;
  const organizations = () => organizationIdsInScope(executor, scope);
  const asPartner = () =>
    db(executor)
      .selectFrom('project_partners')
      .select('project_partners.project_id')
      .where('project_partners.organization_id', 'in', organizations());
  return (eb) => {
    const conditions = [
      eb('projects.owner_organization_id', 'in', organizations()),
      eb('projects.id', 'in', asPartner()),
    ];
    if (scope.kind === 'region') {
      conditions.push(
        eb(
          'projects.id',
          'in',
          db(executor)
            .selectFrom('project_targets')
            .select('project_targets.project_id')
            .where('project_targets.kind', '=', 'region')
            .where('project_targets.ref', 'like', `${scope.regionPrefix}%`),
        ),
      );
    }
    return eb.or(conditions);
  };
}

/** Projects whose owner the scope reaches (for writes: partners and region readers excluded). */
function ownedScope(
  executor: Executor,
  scope: Scope,
): ((eb: ExpressionBuilder<ProjectTables, 'projects'>) => Expression<SqlBool>) | null {
  if (scope.kind === 'all') return null;
  return (eb) => eb('projects.owner_organization_id', 'in', organizationIdsInScope(executor, scope));
}

export async function findProject(
  executor: Executor,
  scope: Scope,
  id: string,
  owned = false,
): Promise<ProjectRow | undefined> {
  let query = db(executor).selectFrom('projects').selectAll('projects').where('projects.id', '=', id);
  const condition = owned ? ownedScope(executor, scope) : projectScope(executor, scope);
  if (condition) query = query.where(condition);
  return query.executeTakeFirst();
}

export type ProjectFilter = {
  text?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  ownerIds?: readonly string[] | undefined;
  regionPrefix?: string | undefined;
  yearStart?: string | undefined;
  yearEnd?: string | undefined;
  sort: 'code' | 'name' | 'budget' | 'plannedStart' | 'updatedAt';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

const SORT = {
  code: 'projects.code',
  name: 'projects.name',
  budget: 'projects.budget',
  plannedStart: 'projects.planned_start',
  updatedAt: 'projects.updated_at',
} as const;

function filtered(
  executor: Executor,
  scope: Scope,
  filter: Omit<ProjectFilter, 'sort' | 'order' | 'offset' | 'limit'>,
) {
  let query = db(executor).selectFrom('projects');
  const condition = projectScope(executor, scope);
  if (condition) query = query.where(condition);
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([eb('projects.name', 'like', `%${text}%`), eb('projects.code', 'like', `${text}%`)]),
    );
  }
  if (filter.category) query = query.where('projects.category', '=', filter.category as ProjectRow['category']);
  if (filter.status) query = query.where('projects.status', '=', filter.status as ProjectRow['status']);
  if (filter.ownerIds) {
    if (filter.ownerIds.length === 0) return null;
    query = query.where('projects.owner_organization_id', 'in', filter.ownerIds);
  }
  if (filter.regionPrefix) {
    const prefix = filter.regionPrefix;
    query = query.where(
      'projects.id',
      'in',
      db(executor)
        .selectFrom('project_targets')
        .select('project_targets.project_id')
        .where('project_targets.kind', '=', 'region')
        .where('project_targets.ref', 'like', `${prefix}%`),
    );
  }
  if (filter.yearStart && filter.yearEnd) {
    query = query
      .where('projects.planned_start', '<=', filter.yearEnd)
      .where('projects.planned_end', '>=', filter.yearStart);
  }
  return query;
}

export async function listProjects(
  executor: Executor,
  scope: Scope,
  filter: ProjectFilter,
): Promise<{ rows: ProjectRow[]; total: number }> {
  const query = filtered(executor, scope, filter);
  if (!query) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    query
      .selectAll('projects')
      .orderBy(SORT[filter.sort], filter.order)
      .orderBy('projects.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Every matching project in pages of a thousand, for exports that stream. */
export async function* streamProjects(
  executor: Executor,
  scope: Scope,
  filter: Omit<ProjectFilter, 'sort' | 'order' | 'offset' | 'limit'>,
): AsyncGenerator<ProjectRow[]> {
  let after: string | null = null;
  for (;;) {
    let query = filtered(executor, scope, filter);
    if (!query) return;
    if (after !== null) query = query.where('projects.id', '>', after);
    const rows = await query.selectAll('projects').orderBy('projects.id').limit(1000).execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

export async function insertProject(executor: Executor, row: ProjectRow): Promise<void> {
  await db(executor).insertInto('projects').values(row).execute();
}

export async function updateProjectRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<ProjectRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('projects').set(changes).where('id', '=', id).execute();
}

/** Moves a project from one state to the next only if it is still in the state read: two clicks, one step. */
export async function changeStatus(
  executor: Executor,
  id: string,
  from: ProjectRow['status'],
  changes: Pick<ProjectRow, 'status' | 'suspended_from' | 'updated_at'> &
    Partial<Pick<ProjectRow, 'actual_start' | 'actual_end'>>,
): Promise<boolean> {
  const result = await db(executor)
    .updateTable('projects')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceTargets(
  executor: Executor,
  projectId: string,
  rows: readonly ProjectTargetRow[],
): Promise<void> {
  await db(executor).deleteFrom('project_targets').where('project_id', '=', projectId).execute();
  await insertMany(executor, 'project_targets', rows);
}

export async function replacePartners(
  executor: Executor,
  projectId: string,
  rows: readonly ProjectPartnerRow[],
): Promise<void> {
  await db(executor).deleteFrom('project_partners').where('project_id', '=', projectId).execute();
  await insertMany(executor, 'project_partners', rows);
}

export async function targetsOf(executor: Executor, projectIds: readonly string[]): Promise<ProjectTargetRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor).selectFrom('project_targets').selectAll().where('project_id', 'in', projectIds).execute();
}

export async function partnersOf(executor: Executor, projectIds: readonly string[]): Promise<ProjectPartnerRow[]> {
  if (projectIds.length === 0) return [];
  return db(executor).selectFrom('project_partners').selectAll().where('project_id', 'in', projectIds).execute();
}

export async function insertTransition(executor: Executor, row: ProjectTransitionRow): Promise<void> {
  await db(executor).insertInto('project_transitions').values(row).execute();
}

export async function listTransitions(executor: Executor, projectId: string): Promise<ProjectTransitionRow[]> {
  return db(executor)
    .selectFrom('project_transitions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Names of projects, whoever asks (labels for ledger accounts and traces; not rows). */
export async function projectNamesByIds(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db(executor).selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Categories of projects, whoever asks (figures by category; not rows). */
export async function categoriesByIds(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, ProjectRow['category']>> {
  if (ids.length === 0) return new Map();
  const rows = await db(executor)
    .selectFrom('projects')
    .select(['id', 'category'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.category]));
}
