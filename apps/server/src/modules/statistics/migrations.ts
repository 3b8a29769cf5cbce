import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';
import { figureMigrations } from '../../platform/figures/index.js';

export const statisticsMigrations: ModuleMigrations = {
  ...figureMigrations,
  '20261129_31_statistics_annual_packs': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('annual_packs')
        .addColumn('organization_id', t.id, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('issued_at', t.instant, (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('sections', t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint('annual_packs_key', ['organization_id', 'year'])
        .execute();
    },
  },
};
