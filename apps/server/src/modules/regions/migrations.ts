import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../../platform/db/index.js';

export const regionMigrations: ModuleMigrations = {
  '20261129_01_regions_init': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('regions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('pinyin', 'text', (c) => c.notNull())
        .addColumn('initials', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();
      await db.schema.createIndex('regions_name').on('regions').column('name').execute();
      await db.schema.createIndex('regions_pinyin').on('regions').column('pinyin').execute();
      await db.schema.createIndex('regions_initials').on('regions').column('initials').execute();
    },
  },
};
