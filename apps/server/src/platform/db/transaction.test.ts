import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { afterCommit, withTransaction } from './index.js';

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
