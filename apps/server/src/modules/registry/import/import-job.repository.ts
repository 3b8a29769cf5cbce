import type { Scope } from '../../../platform/access/index.js';
import { tablesOf, type Executor } from '../../../platform/db/index.js';
import { organizationIdsInScope } from '../../organizations/index.js';
import type { ImportJobRow, RegistryTables } from '../tables.js';

const db = (executor: Executor) => tablesOf<RegistryTables>(executor);

export async function insertImportJob(executor: Executor, row: ImportJobRow): Promise<void> {
  await db(executor).insertInto('import_jobs').values(row).execute();
}

export async function updateImportJob(
  executor: Executor,
  id: string,
  changes: Partial<Omit<ImportJobRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('import_jobs').set(changes).where('id', '=', id).execute();
}

/** Jobs of organizations in scope; an actor always sees their own. */
function scoped(executor: Executor, scope: Scope, actorId: string) {
  const query = db(executor).selectFrom('import_jobs').selectAll();
  return scope.kind === 'all'
    ? query
    : query.where((eb) =>
        eb.or([
          eb('import_jobs.actor_id', '=', actorId),
          eb('import_jobs.organization_id', 'in', organizationIdsInScope(executor, scope)),
        ]),
      );
}

export async function findImportJob(
  executor: Executor,
  scope: Scope,
  actorId: string,
  id: string,
): Promise<ImportJobRow | undefined> {
  return scoped(executor, scope, actorId).where('import_jobs.id', '=', id).executeTakeFirst();
}

export async function listImportJobs(
  executor: Executor,
  scope: Scope,
  actorId: string,
  limit: number,
): Promise<ImportJobRow[]> {
  return scoped(executor, scope, actorId).orderBy('import_jobs.created_at', 'desc').limit(limit).execute();
}

/** Jobs left running by a process that stopped; they can never finish. */
export async function failInterruptedJobs(executor: Executor, at: string, message: string): Promise<void> {
  await db(executor)
    .updateTable('import_jobs')
    .set({ status: 'failed', message, finished_at: at })
    .where('status', '=', 'running')
    .execute();
}
