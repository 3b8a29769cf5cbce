import { CompiledQuery } from 'kysely';
import { dialectOf } from './dialect.js';
import { tablesOf, type Executor } from './executor.js';

const numbered = new Map<string, string>();

/** PostgreSQL numbers its placeholders. */
function forPostgres(text: string): string {
  let sqlText = numbered.get(text);
  if (!sqlText) {
    let n = 0;
    sqlText = text.replace(/\?/g, () => `$${++n}`);
    numbered.set(text, sqlText);
  }
  return sqlText;
}

/**
 * Runs a statement written out in SQL that both databases understand, with `?` placeholders, skipping the
 * query builder. Only for the few statements every posting runs, where building the query costs about as
 * much as running it; everything else uses the builder.
 */
export async function runWrittenSql(
  executor: Executor,
  text: string,
  parameters: readonly unknown[],
): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
  const sqlText = dialectOf(executor) === 'postgres' ? forPostgres(text) : text;
  const result = await tablesOf<unknown>(executor).executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(sqlText, [...parameters]),
  );
  return { rows: result.rows, affected: Number(result.numAffectedRows ?? 0n) };
}
