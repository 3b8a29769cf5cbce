import { insertMany, tablesOf, type Executor } from '../../platform/db/index.js';
import type { PersonRow, RegistryTables } from './tables.js';

const db = (executor: Executor) => tablesOf<RegistryTables>(executor);

export async function listMembers(executor: Executor, householdId: string): Promise<PersonRow[]> {
  return db(executor)
    .selectFrom('persons')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy((eb) => eb.case().when('relation', '=', 'head').then(0).else(1).end())
    .orderBy('birth_date')
    .execute();
}

/** A person by id; callers check access through the household. */
export async function findPerson(executor: Executor, id: string): Promise<PersonRow | undefined> {
  return db(executor).selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Registry-wide look-up by keyed hash, for duplicate detection: a person is registered in one household
 * only, whoever can see that household.
 */
export async function findPersonByHash(
  executor: Executor,
  hash: string,
): Promise<Pick<PersonRow, 'id' | 'household_id'> | undefined> {
  return db(executor)
    .selectFrom('persons')
    .select(['id', 'household_id'])
    .where('id_number_hash', '=', hash)
    .executeTakeFirst();
}

export async function findExistingHashes(executor: Executor, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db(executor)
    .selectFrom('persons')
    .select('id_number_hash')
    .where('id_number_hash', 'in', hashes)
    .execute();
  return new Set(rows.map((row) => row.id_number_hash));
}

export async function insertPersons(executor: Executor, rows: readonly PersonRow[]): Promise<void> {
  await insertMany(executor, 'persons', rows);
}

export async function updatePersonRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<PersonRow, 'id' | 'household_id' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('persons').set(changes).where('id', '=', id).execute();
}

export async function deletePerson(executor: Executor, id: string): Promise<void> {
  await db(executor).deleteFrom('persons').where('id', '=', id).execute();
}
