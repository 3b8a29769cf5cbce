import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const accountMigrations: ModuleMigrations = {
  '20261129_03_accounts_init': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('users')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', t.flag, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_login_at', t.instant)
        .addColumn('password_changed_at', t.instant)
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_organization').on('users').column('organization_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('last_seen_at', t.instant, (c) => c.notNull())
        .addColumn('expires_at', t.instant, (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('at', t.instant, (c) => c.notNull())
        .addColumn('succeeded', t.flag, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_username').on('login_attempts').columns(['username', 'at']).execute();
      await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute();
    },
  },
};
