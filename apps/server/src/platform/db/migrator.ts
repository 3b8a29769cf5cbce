import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { dialectOf } from './dialect.js';
import { tablesOf, type Executor } from './executor.js';

/**
 * Each module owns its migrations. Names start with a date and a sequence number
 * (`20261129_01_organizations_init`) so that one global order holds across modules.
 */
export type ModuleMigrations = Readonly<Record<string, Migration>>;

const NAME_PATTERN = /^\d{8}_\d{2}_[a-z0-9_]+$/;

export function collectMigrations(sets: readonly ModuleMigrations[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (!NAME_PATTERN.test(name)) throw new Error(`Migration name ${name} does not match ${NAME_PATTERN}`);
      if (name in all) throw new Error(`Migration ${name} is defined twice`);
      all[name] = migration;
    }
  }
  return all;
}

export type MigrationReport = { applied: string[] };

export async function migrateToLatest(
  executor: Executor,
  migrations: Record<string, Migration>,
): Promise<MigrationReport> {
  const db: Kysely<unknown> = tablesOf<unknown>(executor);
  // On PostgreSQL the bookkeeping tables live in the connection's own schema; without naming it, Kysely
  // would take a same-named table in another schema for ours.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
