import { PostgresAdapter, type Kysely } from 'kysely';
import { tablesOf, type Executor } from './executor.js';

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<unknown> | Executor): DialectName {
  const kysely = 'getExecutor' in db ? db : tablesOf<unknown>(db);
  return kysely.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
