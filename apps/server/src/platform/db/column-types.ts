import { type ColumnDataType, type Expression, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

type DataType = ColumnDataType | Expression<unknown>;

/**
 * Column types for migrations, the same meaning on both databases:
 * - id: UUIDv7 (uuid on PostgreSQL, text on SQLite)
 * - money: integer fen in 64 bits (bigint / INTEGER), never a float
 * - instant: a UTC instant (timestamptz / ISO-8601 text with milliseconds and Z)
 * - date: a Beijing calendar date (date / 'YYYY-MM-DD' text)
 * - flag: 0 or 1 in a small integer, since better-sqlite3 cannot bind booleans
 * - json: JSON text
 */
export function columnTypes(
  db: Kysely<unknown>,
): Record<'id' | 'money' | 'instant' | 'date' | 'flag' | 'json' | 'count', DataType> {
  const postgres = dialectOf(db) === 'postgres';
  return {
    id: postgres ? 'uuid' : 'text',
    money: 'bigint',
    count: 'bigint',
    instant: postgres ? 'timestamptz' : 'text',
    date: postgres ? 'date' : 'text',
    flag: postgres ? 'smallint' : 'integer',
    json: 'text',
  };
}
