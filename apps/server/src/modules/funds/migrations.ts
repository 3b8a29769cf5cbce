import type { Kysely } from 'kysely';
import { columnTypes, type ModuleMigrations } from '../../platform/db/index.js';

export const fundsMigrations: ModuleMigrations = {
  '20261129_08_funds_ledger': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('ledger_accounts')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('designation', 'text')
        .addColumn('project_id', t.id, (c) => c.references('projects.id'))
        .addColumn('balance', t.money, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_accounts_organization')
        .on('ledger_accounts')
        .columns(['organization_id', 'kind'])
        .execute();
      await db.schema.createIndex('ledger_accounts_project').on('ledger_accounts').column('project_id').execute();

      await db.schema
        .createTable('journal_entries')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('business_date', t.date, (c) => c.notNull())
        .addColumn('entered_at', t.instant, (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_username', 'text', (c) => c.notNull())
        .addColumn('memo', 'text', (c) => c.notNull())
        .addColumn('reverses_entry_id', t.id, (c) => c.references('journal_entries.id'))
        .addColumn('reversed_by_entry_id', t.id)
        .addColumn('is_related_party', t.flag, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('journal_entries_organization')
        .on('journal_entries')
        .columns(['organization_id', 'business_date'])
        .execute();
      await db.schema
        .createTable('journal_lines')
        .addColumn('entry_id', t.id, (c) => c.notNull().references('journal_entries.id'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('account_id', t.id, (c) => c.notNull().references('ledger_accounts.id'))
        .addColumn('organization_id', t.id, (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addPrimaryKeyConstraint('journal_lines_pk', ['entry_id', 'line_no'])
        .execute();
      await db.schema.createIndex('journal_lines_account').on('journal_lines').column('account_id').execute();

      await db.schema
        .createTable('fund_lots')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('account_id', t.id, (c) => c.notNull().references('ledger_accounts.id'))
        .addColumn('donation_id', t.id, (c) => c.notNull())
        .addColumn('remaining', t.money, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fund_lots_account').on('fund_lots').columns(['account_id', 'id']).execute();
      await db.schema.createIndex('fund_lots_donation').on('fund_lots').column('donation_id').execute();
      await db.schema
        .createTable('trace_links')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('entry_id', t.id, (c) => c.notNull().references('journal_entries.id'))
        .addColumn('donation_id', t.id, (c) => c.notNull())
        .addColumn('from_account_id', t.id)
        .addColumn('to_account_id', t.id)
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('ref', 'text')
        .execute();
      await db.schema.createIndex('trace_links_donation').on('trace_links').column('donation_id').execute();
      await db.schema.createIndex('trace_links_entry').on('trace_links').column('entry_id').execute();
      await db.schema.createIndex('trace_links_to').on('trace_links').column('to_account_id').execute();

      await db.schema
        .createTable('ledger_periods')
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('closed_at', t.instant, (c) => c.notNull())
        .addColumn('closed_by', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('ledger_periods_pk', ['organization_id', 'year'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['owner_id', 'key'])
        .execute();
    },
  },
  '20261129_09_funds_donations': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('donors')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('salutation', 'text')
        .addColumn('phone_cipher', 'text')
        .addColumn('phone_masked', 'text')
        .addColumn('address_cipher', 'text')
        .addColumn('address_masked', 'text')
        .addColumn('credit_code', 'text')
        .addColumn('is_related_party', t.flag, (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('donors_organization').on('donors').columns(['organization_id', 'name']).execute();
      await db.schema
        .createTable('donations')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('donor_id', t.id, (c) => c.notNull().references('donors.id'))
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('method', 'text')
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('refunded_amount', t.money, (c) => c.notNull())
        .addColumn('items', t.json, (c) => c.notNull())
        .addColumn('designation', 'text', (c) => c.notNull())
        .addColumn('display_as', 'text', (c) => c.notNull())
        .addColumn('received_on', t.date, (c) => c.notNull())
        .addColumn('pledge_id', t.id)
        .addColumn('campaign_ref', 'text')
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_related_party', t.flag, (c) => c.notNull())
        .addColumn('entry_id', t.id, (c) => c.notNull().references('journal_entries.id'))
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('donations_organization')
        .on('donations')
        .columns(['organization_id', 'received_on'])
        .execute();
      await db.schema.createIndex('donations_donor').on('donations').column('donor_id').execute();
      await db.schema
        .createTable('payment_batches')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('approved_on', t.date, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('entry_id', t.id, (c) => c.notNull().references('journal_entries.id'))
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('payment_batches_project').on('payment_batches').column('project_id').execute();
      await db.schema
        .createTable('payment_items')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('batch_id', t.id, (c) => c.notNull().references('payment_batches.id'))
        .addColumn('payee_kind', 'text', (c) => c.notNull())
        .addColumn('payee_name', 'text', (c) => c.notNull())
        .addColumn('household_id', t.id)
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('settled_on', t.date)
        .addColumn('settle_entry_id', t.id)
        .addColumn('is_related_party', t.flag, (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('payment_items_batch').on('payment_items').column('batch_id').execute();
    },
  },
  '20261129_10_funds_receipts': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('receipts')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('donation_id', t.id, (c) => c.notNull().references('donations.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('verification_code', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('official_bill_number', 'text')
        .addColumn('replaces_receipt_id', t.id)
        .addColumn('issued_at', t.instant, (c) => c.notNull())
        .addColumn('voided_at', t.instant)
        .addColumn('void_reason', 'text')
        .addUniqueConstraint('receipts_number', ['organization_id', 'number'])
        .execute();
      await db.schema.createIndex('receipts_donation').on('receipts').column('donation_id').execute();
      await db.schema.createIndex('receipts_lookup').on('receipts').columns(['number', 'verification_code']).execute();
      await db.schema
        .createTable('receipt_counters')
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('receipt_counters_pk', ['organization_id', 'year'])
        .execute();
    },
  },
  '20261129_11_funds_pledges': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('pledges')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('donor_id', t.id, (c) => c.notNull().references('donors.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('designation', 'text', (c) => c.notNull())
        .addColumn('display_as', 'text', (c) => c.notNull())
        .addColumn('pledged_on', t.date, (c) => c.notNull())
        .addColumn('total', t.money, (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pledges_organization').on('pledges').column('organization_id').execute();
      await db.schema
        .createTable('pledge_instalments')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('pledge_id', t.id, (c) => c.notNull().references('pledges.id'))
        .addColumn('due_on', t.date, (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pledge_instalments_pledge').on('pledge_instalments').column('pledge_id').execute();
      await db.schema.createIndex('donations_pledge').on('donations').column('pledge_id').execute();
    },
  },
  '20261129_12_funds_remainders': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('project_remainders')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('project_id', t.id, (c) => c.notNull().references('projects.id'))
        .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('designation', 'text')
        .addColumn('consent', 'text')
        .addColumn('handled_on', t.date, (c) => c.notNull())
        .addColumn('entry_id', t.id, (c) => c.notNull().references('journal_entries.id'))
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_remainders_project').on('project_remainders').column('project_id').execute();
    },
  },
};
