import { CompiledQuery } from 'kysely';
import { dialectOf } from './dialect.js';
import { tablesOf, type Executor } from './executor.js';

/** Parameters one statement may bind: SQLite's default limit is 32,766, PostgreSQL's 65,535. */
const MAX_PARAMETERS = { sqlite: 32_000, postgres: 65_000 } as const;
const MAX_ROWS = 1000;

const statements = new Map<string, string>();

function statementFor(dialect: 'sqlite' | 'postgres', table: string, columns: readonly string[], rows: number): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  let text = statements.get(key);
  if (!text) {
    let n = 0;
    const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
    const tuple = () => `(${columns.map(placeholder).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
    statements.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows of one shape with as few statements as the database allows, skipping the query
 * builder: a million-row import spends its time on the data, not on building a syntax tree per value, and
 * the rows of a posting, written thousands of times a minute, cost their SQL alone (building one insert
 * costs about as much as running it). Table and column names come from code, never from input.
 */
export async function insertMany(
  executor: Executor,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const dialect = dialectOf(executor);
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS[dialect] / columns.length));
  const kysely = tablesOf<unknown>(executor);
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of batch) for (const column of columns) parameters.push(row[column]);
    await kysely.executeQuery(CompiledQuery.raw(statementFor(dialect, table, columns, batch.length), parameters));
  }
}
