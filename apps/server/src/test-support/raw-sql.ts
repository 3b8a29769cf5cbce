import { sql, type Kysely } from 'kysely';
import { tablesOf } from '../platform/db/index.js';
import type { Database } from '../platform/db/index.js';

/**
 * Direct SQL for tests that play the part of someone editing the database behind the application's
 * back (tampering with the audit trail, say). Application code never does this.
 */
export async function rawExecute(
  db: Database,
  text: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const kysely: Kysely<unknown> = tablesOf<unknown>(db.executor);
  const parts = text.split('?');
  const query = sql.join(
    parts.map((part, i) => (i < parts.length - 1 ? sql`${sql.raw(part)}${params[i]}` : sql.raw(part))),
    sql``,
  );
  const result = await query.execute(kysely);
  return result.rows as Record<string, unknown>[];
}
