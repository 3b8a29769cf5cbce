import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationIdsInScope } from '../organizations/index.js';
import type { PublicationFileRow, PublicationRow, PublicationTables } from './tables.js';

const db = (executor: Executor) => tablesOf<PublicationTables>(executor);

/**
 * Whom a query answers: a signed-in user's scope (publications of organizations in it, in every state), or
 * the public, who reach published publications only — whatever else a caller asks for.
 */
export type PublicationReach = Scope | { kind: 'public' };

export const PUBLIC_REACH: PublicationReach = { kind: 'public' };

type Condition = (eb: ExpressionBuilder<PublicationTables, 'publications'>) => Expression<SqlBool>;

function reachCondition(executor: Executor, reach: PublicationReach): Condition | null {
  switch (reach.kind) {
    case 'all':
      return null;
    case 'public':
      return (eb) => eb('publications.status', '=', 'published');
    case 'subtree':
    case 'region':
    case 'cadre':
      return (eb) => eb('publications.owner_organization_id', 'in', organizationIdsInScope(executor, reach));
  }
}

export async function findPublication(
  executor: Executor,
  reach: PublicationReach,
  id: string,
): Promise<PublicationRow | undefined> {
  let query = db(executor).selectFrom('publications').selectAll('publications').where('publications.id', '=', id);
  const condition = reachCondition(executor, reach);
  if (condition) query = query.where(condition);
  return query.executeTakeFirst();
}

/** Which of these publications the scope reaches (for a page of rows: which ones the actor may write). */
export async function publicationIdsReached(
  executor: Executor,
  reach: PublicationReach,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let query = db(executor).selectFrom('publications').select('publications.id').where('publications.id', 'in', ids);
  const condition = reachCondition(executor, reach);
  if (condition) query = query.where(condition);
  return new Set((await query.execute()).map((row) => row.id));
}

export type PublicationFilter = {
  text?: string | undefined;
  kind?: PublicationRow['kind'] | undefined;
  status?: PublicationRow['status'] | undefined;
  organizationId?: string | undefined;
  year?: number | undefined;
  /** Newest edits first for the people who write; newest publication date first for the public. */
  order: 'updated' | 'published';
  offset: number;
  limit: number;
};

export async function listPublications(
  executor: Executor,
  reach: PublicationReach,
  filter: PublicationFilter,
): Promise<{ rows: PublicationRow[]; total: number }> {
  let query = db(executor).selectFrom('publications');
  const condition = reachCondition(executor, reach);
  if (condition) query = query.where(condition);
  if (filter.text) {
    const text = `%${filter.text}%`;
    query = query.where((eb) =>
      eb.or([eb('publications.title', 'like', text), eb('publications.summary', 'like', text)]),
    );
  }
  if (filter.kind) query = query.where('publications.kind', '=', filter.kind);
  if (filter.status) query = query.where('publications.status', '=', filter.status);
  if (filter.organizationId) query = query.where('publications.owner_organization_id', '=', filter.organizationId);
  if (filter.year !== undefined) {
    query = query
      .where('publications.published_on', '>=', `${filter.year}-01-01`)
      .where('publications.published_on', '<=', `${filter.year}-12-31`);
  }
  const ordered =
    filter.order === 'published'
      ? query
          .selectAll('publications')
          .orderBy('publications.published_on', 'desc')
          .orderBy('publications.first_published_at', 'desc')
      : query.selectAll('publications').orderBy('publications.updated_at', 'desc');
  const [rows, count] = await Promise.all([
    ordered.orderBy('publications.id', 'desc').offset(filter.offset).limit(filter.limit).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertPublication(executor: Executor, row: PublicationRow): Promise<void> {
  await db(executor).insertInto('publications').values(row).execute();
}

export async function updatePublicationRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<PublicationRow, 'id' | 'created_at' | 'created_by' | 'status'>>,
): Promise<void> {
  await db(executor).updateTable('publications').set(changes).where('id', '=', id).execute();
}

/** Moves a publication to its next state only if it is still in the state read: two clicks, one step. */
export async function changeStatus(
  executor: Executor,
  id: string,
  from: PublicationRow['status'],
  changes: Pick<PublicationRow, 'status' | 'updated_at'> &
    Partial<Pick<PublicationRow, 'published_on' | 'first_published_at' | 'withdrawn_reason' | 'withdrawn_at'>>,
): Promise<boolean> {
  const result = await db(executor)
    .updateTable('publications')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The files of publications the reach covers; a caller that asks for others gets none of theirs. */
export async function filesOf(
  executor: Executor,
  reach: PublicationReach,
  publicationIds: readonly string[],
): Promise<PublicationFileRow[]> {
  if (publicationIds.length === 0) return [];
  let query = db(executor)
    .selectFrom('publication_files')
    .innerJoin('publications', 'publications.id', 'publication_files.publication_id')
    .selectAll('publication_files')
    .where('publication_files.publication_id', 'in', publicationIds);
  const condition = reachCondition(executor, reach);
  if (condition) query = query.where(condition);
  return query.orderBy('publication_files.created_at').orderBy('publication_files.id').execute();
}

/** One file of one publication, if the reach covers the publication (for the public: if it is published). */
export async function findFile(
  executor: Executor,
  reach: PublicationReach,
  publicationId: string,
  fileId: string,
): Promise<PublicationFileRow | undefined> {
  let query = db(executor)
    .selectFrom('publication_files')
    .innerJoin('publications', 'publications.id', 'publication_files.publication_id')
    .selectAll('publication_files')
    .where('publication_files.publication_id', '=', publicationId)
    .where('publication_files.id', '=', fileId);
  const condition = reachCondition(executor, reach);
  if (condition) query = query.where(condition);
  return query.executeTakeFirst();
}

export async function insertFile(executor: Executor, row: PublicationFileRow): Promise<void> {
  await db(executor).insertInto('publication_files').values(row).execute();
}

export async function deleteFile(executor: Executor, publicationId: string, fileId: string): Promise<boolean> {
  const result = await db(executor)
    .deleteFrom('publication_files')
    .where('publication_id', '=', publicationId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
