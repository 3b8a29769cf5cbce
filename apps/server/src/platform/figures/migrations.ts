import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../db/index.js';

export const figureMigrations: ModuleMigrations = {
  '20261129_30_platform_figures': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('figure_buckets')
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('grain', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('organization_id', t.id, (c) => c.notNull())
        .addColumn('d1', 'text', (c) => c.notNull())
        .addColumn('d2', 'text', (c) => c.notNull())
        .addColumn('value', t.count, (c) => c.notNull())
        .addPrimaryKeyConstraint('figure_buckets_key', ['measure', 'grain', 'period', 'organization_id', 'd1', 'd2'])
        .execute();
    },
  },
};
