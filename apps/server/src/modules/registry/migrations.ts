import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const registryMigrations: ModuleMigrations = {
  '20261129_04_registry_init': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      const flag = (name: string) => [name, t.flag] as const;
      let villages = db.schema
        .createTable('villages')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('region_code', 'text', (c) => c.notNull().unique().references('regions.code'))
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'));
      for (const [name, type] of [
        flag('is_poor_village'),
        flag('is_old_base_village'),
        flag('is_relocation_site'),
        flag('has_hardened_road'),
        flag('has_tap_water'),
        flag('has_electricity'),
        flag('has_broadband'),
      ]) {
        villages = villages.addColumn(name, type, (c) => c.notNull().defaultTo(0));
      }
      await villages
        .addColumn('poverty_status', 'text', (c) => c.notNull())
        .addColumn('exit_year', 'integer')
        .addColumn('household_count', 'integer')
        .addColumn('population', 'integer')
        .addColumn('collective_income', t.money)
        .addColumn('work_team', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('villages_organization').on('villages').column('organization_id').execute();

      await db.schema
        .createTable('village_cadres')
        .addColumn('village_id', t.id, (c) => c.notNull().references('villages.id'))
        .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('village_cadres_pk', ['village_id', 'user_id'])
        .execute();
      await db.schema.createIndex('village_cadres_user').on('village_cadres').column('user_id').execute();

      await db.schema
        .createTable('households')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('village_id', t.id, (c) => c.notNull().references('villages.id'))
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('address_cipher', 'text')
        .addColumn('address_masked', 'text')
        .addColumn('phone_cipher', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('identified_year', 'integer')
        .addColumn('identification_score', 'real')
        .addColumn('main_cause', 'integer')
        .addColumn('second_cause', 'integer')
        .addColumn('third_cause', 'integer')
        .addColumn('income_per_capita', t.money)
        .addColumn('wage_income', t.money)
        .addColumn('production_income', t.money)
        .addColumn('transfer_income', t.money)
        .addColumn('property_income', t.money)
        .addColumn('housing_safe', t.flag)
        .addColumn('drinking_water_safe', t.flag)
        .addColumn('exit_year', 'integer')
        .addColumn('exit_way', 'text')
        .addColumn('monitoring_category', 'text')
        .addColumn('risks', t.json, (c) => c.notNull())
        .addColumn('risk_eliminated', t.flag, (c) => c.notNull())
        .addColumn('risk_elimination_way', 'text')
        .addColumn('risk_eliminated_on', t.date)
        .addColumn('cadre_user_id', t.id, (c) => c.references('users.id'))
        .addColumn('head_name', 'text')
        .addColumn('head_id_number_masked', 'text')
        .addColumn('member_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      for (const column of [
        'village_id',
        'organization_id',
        'region_code',
        'type',
        'cadre_user_id',
        'monitoring_category',
      ]) {
        await db.schema.createIndex(`households_${column}`).on('households').column(column).execute();
      }

      await db.schema
        .createTable('household_versions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('household_id', t.id, (c) => c.notNull().references('households.id'))
        .addColumn('valid_from', t.date, (c) => c.notNull())
        .addColumn('valid_to', t.date)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('monitoring_category', 'text')
        .addColumn('risks', t.json, (c) => c.notNull())
        .addColumn('risk_eliminated', t.flag, (c) => c.notNull())
        .addColumn('exit_year', 'integer')
        .addColumn('changed_fields', t.json, (c) => c.notNull())
        .addColumn('recorded_at', t.instant, (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .execute();
      await db.schema
        .createIndex('household_versions_household')
        .on('household_versions')
        .columns(['household_id', 'valid_from'])
        .execute();

      await db.schema
        .createTable('persons')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('household_id', t.id, (c) => c.notNull().references('households.id'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('id_number_cipher', 'text', (c) => c.notNull())
        .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
        .addColumn('id_number_masked', 'text', (c) => c.notNull())
        .addColumn('gender', 'text', (c) => c.notNull())
        .addColumn('birth_date', t.date, (c) => c.notNull())
        .addColumn('education', 'text')
        .addColumn('school_status', 'text')
        .addColumn('health', 'text')
        .addColumn('labour_ability', 'text')
        .addColumn('migrant_months', 'integer')
        .addColumn('has_medical_insurance', t.flag, (c) => c.notNull())
        .addColumn('has_pension_insurance', t.flag, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('persons_household').on('persons').column('household_id').execute();
    },
  },
  '20261129_05_registry_imports': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('import_jobs')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('total_rows', 'integer')
        .addColumn('valid_rows', 'integer')
        .addColumn('error_rows', 'integer')
        .addColumn('committed_rows', 'integer')
        .addColumn('committed', t.flag, (c) => c.notNull())
        .addColumn('problem_count', 'integer')
        .addColumn('problems', t.json)
        .addColumn('has_error_report', t.flag, (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('finished_at', t.instant)
        .execute();
      await db.schema
        .createIndex('import_jobs_organization')
        .on('import_jobs')
        .columns(['organization_id', 'created_at'])
        .execute();
    },
  },
};
