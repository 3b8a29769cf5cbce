import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const publicationMigrations: ModuleMigrations = {
  '20261129_20_publications_init': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('publications')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('owner_organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('published_on', t.date)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('issue_number', 'text')
        .addColumn('issue_total', 'integer')
        .addColumn('copies_printed', 'integer')
        .addColumn('report_year', 'integer')
        .addColumn('withdrawn_reason', 'text')
        .addColumn('withdrawn_at', t.instant)
        .addColumn('first_published_at', t.instant)
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('publications_owner')
        .on('publications')
        .columns(['owner_organization_id', 'updated_at'])
        .execute();
      // The portal lists the published ones newest first.
      await db.schema
        .createIndex('publications_status_date')
        .on('publications')
        .columns(['status', 'published_on'])
        .execute();
      await db.schema
        .createTable('publication_files')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('publication_id', t.id, (c) => c.notNull().references('publications.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_path', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('publication_files_publication')
        .on('publication_files')
        .columns(['publication_id', 'role'])
        .execute();
    },
  },
};
