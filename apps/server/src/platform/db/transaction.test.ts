import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { afterCommit, tablesOf, withGroupCommit, withTransaction, type Executor } from './index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('afterCommit', () => {
  it('runs once the outermost transaction has committed, and never after a rollback', async () => {
    const seen: string[] = [];
    await withTransaction(database.db.executor, async (tx) => {
      await withTransaction(tx, () => {
        afterCommit(tx, () => seen.push('inner'));
        return Promise.resolve();
      });
      afterCommit(tx, () => seen.push('outer'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['inner', 'outer']);

    await expect(
      withTransaction(database.db.executor, (tx) => {
        afterCommit(tx, () => seen.push('rolled back'));
        return Promise.reject(new Error('refused'));
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['inner', 'outer']);

    afterCommit(database.db.executor, () => seen.push('outside'));
    expect(seen).toEqual(['inner', 'outer', 'outside']);
  });
});

describe('withGroupCommit', () => {
  const db = () => tablesOf<unknown>(database.db.executor);
  const insert = (tx: Executor, name: string) =>
    sql`insert into grouped_units (name) values (${name})`.execute(tablesOf(tx));

  it('commits the units that arrive together at once; a refused one takes back only its own writes', async () => {
    await sql`create table grouped_units (name text primary key)`.execute(db());
    const seen: string[] = [];
    const unit = (name: string, refuse = false) =>
      withGroupCommit(database.db.executor, async (tx) => {
        await insert(tx, name);
        afterCommit(tx, () => seen.push(name));
        await withTransaction(tx, (inner) => insert(inner, `${name} inner`));
        if (refuse) throw new Error(`${name} refused`);
        return name;
      });
    const outcomes = await Promise.allSettled([unit('a'), unit('b', true), unit('c'), unit('a')]);
    // The first runs alone; the other three arrive while it runs and share the next transaction.
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
      'a',
      'Error: b refused',
      'c',
      expect.stringMatching(/UNIQUE|duplicate key/),
    ]);
    const rows = await sql<{ name: string }>`select name from grouped_units order by name`.execute(db());
    expect(rows.rows.map((r) => r.name)).toEqual(['a', 'a inner', 'c', 'c inner']);
    expect(seen.sort()).toEqual(['a', 'c']);
  });
});
