import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const projectMigrations: ModuleMigrations = {
  '20261129_06_projects_init': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('projects')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('infrastructure_kind', 'text')
        .addColumn('government_obligated', t.flag, (c) => c.notNull())
        .addColumn('assistance_mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('suspended_from', 'text')
        .addColumn('budget', t.money, (c) => c.notNull())
        .addColumn('planned_start', t.date, (c) => c.notNull())
        .addColumn('planned_end', t.date, (c) => c.notNull())
        .addColumn('actual_start', t.date)
        .addColumn('actual_end', t.date)
        .addColumn('description', 'text')
        .addColumn('beneficiary_counts', t.json, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      for (const column of ['owner_organization_id', 'status', 'category', 'planned_start']) {
        await db.schema.createIndex(`projects_${column}`).on('projects').column(column).execute();
      }
      await db.schema
        .createTable('project_targets')
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_targets_pk', ['project_id', 'kind', 'ref'])
        .execute();
      await db.schema.createIndex('project_targets_ref').on('project_targets').columns(['kind', 'ref']).execute();
      await db.schema
        .createTable('project_partners')
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_partners_pk', ['project_id', 'organization_id'])
        .execute();
      await db.schema
        .createIndex('project_partners_organization')
        .on('project_partners')
        .column('organization_id')
        .execute();
      await db.schema
        .createTable('project_transitions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text', (c) => c.notNull())
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('on_date', t.date, (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('actor_organization_name', 'text', (c) => c.notNull())
        .addColumn('recorded_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_transitions_project')
        .on('project_transitions')
        .columns(['project_id', 'recorded_at'])
        .execute();
    },
  },
  '20261129_07_projects_records': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('project_files')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', t.id, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_path', 'text', (c) => c.notNull())
        .addColumn('is_public', t.flag, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_files_owner')
        .on('project_files')
        .columns(['project_id', 'owner_kind', 'owner_id'])
        .execute();
      await db.schema
        .createTable('project_milestones')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_on', t.date, (c) => c.notNull())
        .addColumn('target_value', 'real')
        .addColumn('unit', 'text')
        .addColumn('achieved_value', 'real')
        .addColumn('achieved_on', t.date)
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_milestones_project').on('project_milestones').column('project_id').execute();
      await db.schema
        .createTable('project_reports')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reported_on', t.date, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('figures', t.json, (c) => c.notNull())
        .addColumn('is_public', t.flag, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_reports_project')
        .on('project_reports')
        .columns(['project_id', 'reported_on'])
        .execute();
      await db.schema
        .createTable('project_inspections')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('visited_on', t.date, (c) => c.notNull())
        .addColumn('inspectors', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('follow_ups', t.json, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_inspections_project')
        .on('project_inspections')
        .column('project_id')
        .execute();
      await db.schema
        .createTable('project_acceptances')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('checked_on', t.date, (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('checklist', t.json, (c) => c.notNull())
        .addColumn('remarks', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_acceptances_project')
        .on('project_acceptances')
        .column('project_id')
        .execute();
    },
  },
};
