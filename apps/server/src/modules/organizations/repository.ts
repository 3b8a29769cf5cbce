import { sql } from 'kysely';
import type { Scope } from '../../platform/access/index.js';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import { organizationScopeCondition } from './scope.repository.js';
import type { MembershipRow, OrganizationRow, OrganizationTables, OrganizationVersionRow } from './tables.js';

const db = (executor: Executor) => tablesOf<OrganizationTables>(executor);

export type OrganizationWithNames = OrganizationRow & { parent_name: string | null; child_count: number };

function selectWithNames(executor: Executor) {
  return db(executor)
    .selectFrom('organizations')
    .leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
    .selectAll('organizations')
    .select('parent.name as parent_name')
    .select((eb) =>
      eb
        .selectFrom('organizations as child')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('child.parent_id', '=', 'organizations.id')
        .as('child_count'),
    );
}

function normalize<T extends { child_count: number | null }>(row: T): T & { child_count: number } {
  return { ...row, child_count: row.child_count ?? 0 };
}

/** An organization the scope reaches, or undefined (out of scope reads as absent). */
export async function findOrganization(
  executor: Executor,
  scope: Scope,
  id: string,
): Promise<OrganizationWithNames | undefined> {
  const condition = organizationScopeCondition(scope);
  let query = selectWithNames(executor).where('organizations.id', '=', id);
  if (condition) query = query.where(condition);
  const row = await query.executeTakeFirst();
  return row ? normalize(row) : undefined;
}

export type OrganizationFilter = {
  text?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  status?: string | undefined;
  regionPrefix?: string | undefined;
  withinPath?: string | undefined;
  parentId?: string | undefined;
  /** Leave out the installation's operator (the portal lists the field's organizations only). */
  excludeOperator?: boolean | undefined;
  sort: 'name' | 'level' | 'createdAt' | 'regionCode';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

const SORT_COLUMNS = {
  name: 'organizations.pinyin',
  level: 'organizations.depth',
  createdAt: 'organizations.created_at',
  regionCode: 'organizations.region_code',
} as const;

export async function listOrganizations(
  executor: Executor,
  scope: Scope,
  filter: OrganizationFilter,
): Promise<{ rows: OrganizationWithNames[]; total: number }> {
  let query = selectWithNames(executor);
  const condition = organizationScopeCondition(scope);
  if (condition) query = query.where(condition);
  if (filter.text) {
    const text = filter.text;
    const folded = text.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb('organizations.name', 'like', `%${text}%`),
        eb('organizations.short_name', 'like', `%${text}%`),
        eb('organizations.pinyin', 'like', `${folded}%`),
        eb('organizations.initials', 'like', `${folded}%`),
        eb('organizations.credit_code', '=', text.toUpperCase()),
      ]),
    );
  }
  if (filter.type) query = query.where('organizations.type', '=', filter.type as OrganizationRow['type']);
  if (filter.level) query = query.where('organizations.level', '=', filter.level as OrganizationRow['level']);
  if (filter.status) query = query.where('organizations.status', '=', filter.status as OrganizationRow['status']);
  if (filter.regionPrefix) query = query.where('organizations.region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.withinPath) query = query.where('organizations.path', 'like', `${filter.withinPath}%`);
  if (filter.parentId) query = query.where('organizations.parent_id', '=', filter.parentId);
  if (filter.excludeOperator) query = query.where('organizations.is_operator', '=', 0);
  const countQuery = query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, count] = await Promise.all([
    query
      .orderBy(SORT_COLUMNS[filter.sort], filter.order)
      .orderBy('organizations.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    countQuery.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(normalize), total: count.n };
}

/** Every organization in scope, for drawing the tree. */
export async function listTreeNodes(executor: Executor, scope: Scope): Promise<OrganizationRow[]> {
  let query = db(executor).selectFrom('organizations').selectAll();
  const condition = organizationScopeCondition(scope);
  if (condition) query = query.where(condition);
  return query.orderBy('depth').orderBy('pinyin').execute();
}

/** Unscoped read for rules that must see beyond the actor's scope (e.g. cycle checks); never returned to a caller. */
export async function findOrganizationUnscoped(executor: Executor, id: string): Promise<OrganizationRow | undefined> {
  return db(executor).selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The organizations directly under one, for re-checking their placement when the parent's region or level
 * changes. Unscoped (they lie in the parent's subtree anyway); only names reach a caller, in a refusal.
 */
export async function findChildPlacementsUnscoped(
  executor: Executor,
  parentId: string,
): Promise<Pick<OrganizationRow, 'name' | 'level' | 'region_code'>[]> {
  return db(executor)
    .selectFrom('organizations')
    .select(['name', 'level', 'region_code'])
    .where('parent_id', '=', parentId)
    .orderBy('pinyin')
    .execute();
}

/** Names by id, for records that show their owner (a name is never confidential within the network). */
export async function findNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db(executor).selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findIdsAtLevel(executor: Executor, level: OrganizationRow['level']): Promise<string[]> {
  return (await db(executor).selectFrom('organizations').select('id').where('level', '=', level).execute()).map(
    (row) => row.id,
  );
}

export async function findByCreditCode(executor: Executor, creditCode: string): Promise<OrganizationRow | undefined> {
  return db(executor).selectFrom('organizations').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

export async function insertOrganization(executor: Executor, row: OrganizationRow): Promise<void> {
  await db(executor).insertInto('organizations').values(row).execute();
}

export async function updateOrganizationRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<OrganizationRow, 'id' | 'path' | 'depth' | 'parent_id'>>,
): Promise<void> {
  await db(executor).updateTable('organizations').set(changes).where('id', '=', id).execute();
}

/** Re-roots a subtree: every path under `oldPath` now starts with `newPath`. */
export async function moveSubtree(
  executor: Executor,
  id: string,
  newParentId: string,
  oldPath: string,
  newPath: string,
  updatedAt: string,
): Promise<number> {
  const depthDelta = newPath.split('/').length - oldPath.split('/').length;
  await db(executor).updateTable('organizations').set({ parent_id: newParentId }).where('id', '=', id).execute();
  const result = await db(executor)
    .updateTable('organizations')
    .set((eb) => ({
      path: sql<string>`${newPath} || substr(${eb.ref('path')}, ${oldPath.length + 1})`,
      depth: eb('depth', '+', depthDelta),
      updated_at: updatedAt,
    }))
    .where('path', 'like', `${oldPath}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function currentVersion(
  executor: Executor,
  organizationId: string,
): Promise<OrganizationVersionRow | undefined> {
  return db(executor)
    .selectFrom('organization_versions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The date from which an organization is on record at all. */
export async function firstValidFrom(executor: Executor, organizationId: string): Promise<string | null> {
  const row = await db(executor)
    .selectFrom('organization_versions')
    .select((eb) => eb.fn.min('valid_from').as('first'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row?.first ?? null;
}

export async function closeVersion(executor: Executor, versionId: string, validTo: string): Promise<void> {
  await db(executor)
    .updateTable('organization_versions')
    .set({ valid_to: validTo })
    .where('id', '=', versionId)
    .execute();
}

export async function amendVersion(executor: Executor, id: string, row: OrganizationVersionRow): Promise<void> {
  const { id: _id, organization_id: _organization, valid_from: _from, valid_to: _to, ...state } = row;
  await db(executor).updateTable('organization_versions').set(state).where('id', '=', id).execute();
}

export async function insertVersion(executor: Executor, row: OrganizationVersionRow): Promise<void> {
  await db(executor).insertInto('organization_versions').values(row).execute();
}

export async function listVersions(
  executor: Executor,
  organizationId: string,
): Promise<(OrganizationVersionRow & { parent_name: string | null })[]> {
  return db(executor)
    .selectFrom('organization_versions as v')
    .leftJoin('organizations as p', 'p.id', 'v.parent_id')
    .selectAll('v')
    .select('p.name as parent_name')
    .where('v.organization_id', '=', organizationId)
    .orderBy('v.valid_from', 'desc')
    .orderBy('v.recorded_at', 'desc')
    .execute();
}

/** The versions in force on a date: valid_from ≤ date < valid_to. */
export async function versionsAsOf(
  executor: Executor,
  date: string,
  organizationIds?: readonly string[],
): Promise<OrganizationVersionRow[]> {
  let query = db(executor)
    .selectFrom('organization_versions')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]));
  if (organizationIds) {
    if (organizationIds.length === 0) return [];
    query = query.where('organization_id', 'in', organizationIds);
  }
  return query.execute();
}

export async function listMemberships(executor: Executor, associationId: string) {
  return db(executor)
    .selectFrom('organization_memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.member_id')
    .selectAll('m')
    .select(['o.name as member_name', 'o.type as member_type'])
    .where('m.association_id', '=', associationId)
    .orderBy('m.role')
    .orderBy('o.pinyin')
    .execute();
}

export async function findMembership(executor: Executor, associationId: string, membershipId: string) {
  return db(executor)
    .selectFrom('organization_memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.member_id')
    .selectAll('m')
    .select(['o.name as member_name', 'o.type as member_type'])
    .where('m.association_id', '=', associationId)
    .where('m.id', '=', membershipId)
    .executeTakeFirst();
}

export async function insertMembership(executor: Executor, row: MembershipRow): Promise<void> {
  await db(executor).insertInto('organization_memberships').values(row).execute();
}

export async function updateMembershipRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<MembershipRow, 'id' | 'association_id' | 'member_id' | 'created_at'>>,
): Promise<void> {
  await db(executor).updateTable('organization_memberships').set(changes).where('id', '=', id).execute();
}

export async function deleteMembership(executor: Executor, id: string): Promise<void> {
  await db(executor).deleteFrom('organization_memberships').where('id', '=', id).execute();
}
