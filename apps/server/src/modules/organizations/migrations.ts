import { sql, type Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const organizationMigrations: ModuleMigrations = {
  '20261129_02_organizations_init': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('organizations')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text', (c) => c.references('regions.code'))
        .addColumn('parent_id', t.id, (c) => c.references('organizations.id'))
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('established_on', t.date)
        .addColumn('address', 'text')
        .addColumn('phone', 'text')
        .addColumn('description', 'text')
        .addColumn('pinyin', 'text', (c) => c.notNull())
        .addColumn('initials', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();
      await db.schema.createIndex('organizations_region').on('organizations').column('region_code').execute();
      await db.schema.createIndex('organizations_name').on('organizations').column('name').execute();

      await db.schema
        .createTable('organization_versions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('valid_from', t.date, (c) => c.notNull())
        .addColumn('valid_to', t.date)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('parent_id', t.id)
        .addColumn('credit_code', 'text')
        .addColumn('changed_fields', t.json, (c) => c.notNull())
        .addColumn('change_note', 'text')
        .addColumn('recorded_at', t.instant, (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .execute();
      await db.schema
        .createIndex('organization_versions_org')
        .on('organization_versions')
        .columns(['organization_id', 'valid_from'])
        .execute();
      await db.schema
        .createIndex('organization_versions_parent')
        .on('organization_versions')
        .columns(['parent_id', 'valid_from'])
        .execute();

      await db.schema
        .createTable('organization_memberships')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('association_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('member_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('term', 'text')
        .addColumn('starts_on', t.date)
        .addColumn('ends_on', t.date)
        .addColumn('note', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('organization_memberships_association')
        .on('organization_memberships')
        .columns(['association_id', 'member_id'])
        .execute();
    },
  },
  '20261130_01_organizations_operator': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('organizations')
        .addColumn('is_operator', columnTypes(db).flag, (c) => c.notNull().defaultTo(0))
        .execute();
      // Until now the operator's organization was known only as the home of the first administrator, made
      // with it at first start (accounts' ensurePlatformAdmin).
      await sql`update organizations set is_operator = 1
        where id in (select organization_id from users where username = 'admin' and role = 'platform_admin')`.execute(
        db,
      );
    },
  },
};
