import type { Kysely } from 'kysely';
import { columnTypes } from '../db/index.js';
import type { ModuleMigrations } from '../db/index.js';

export const auditMigrations: ModuleMigrations = {
  '20261129_00_platform_audit': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('audit_events')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('chain_id', 'text', (c) => c.notNull())
        .addColumn('seq', t.count, (c) => c.notNull())
        .addColumn('occurred_at', t.instant, (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_username', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('changes', t.json, (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_events_chain_seq', ['chain_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('audit_events_entity')
        .on('audit_events')
        .columns(['entity_type', 'entity_id'])
        .execute();
      await db.schema
        .createTable('audit_chain_heads')
        .addColumn('chain_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', t.count, (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
    },
  },
};
