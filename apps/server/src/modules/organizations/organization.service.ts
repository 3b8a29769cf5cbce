import {
  ORGANIZATION_LEVEL_LABELS,
  regionPrefix,
  type TCreateOrganizationRequest,
  type TMoveOrganizationRequest,
  type TOrganization,
  type TOrganizationListQuery,
  type TOrganizationTreeNode,
  type TOrganizationVersion,
  type TPage,
  type TUpdateOrganizationRequest,
  ZCreateOrganizationRequest,
  ZOrganizationListQuery,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf, type Scope } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { assertNoFieldProblems, fieldProblem, platformErrors } from '../../platform/errors/index.js';
import { pinyinKeys } from '../../platform/i18n/index.js';
import { appendVersion, effectiveDateProblems, type VersionStore } from '../../platform/dated-history.js';
import { newId } from '../../platform/ids.js';
import { beijingDate } from '../../platform/time.js';
import { lookupRegion, regionFullNames } from '../regions/index.js';
import { organizationErrors as errors, organizationFieldMessages } from './errors.js';
import { toOrganization, toVersion } from './mapping.js';
import {
  amendVersion,
  closeVersion,
  currentVersion,
  findByCreditCode,
  findChildPlacementsUnscoped,
  findIdsAtLevel,
  findNames,
  findOrganization,
  findOrganizationUnscoped,
  insertOrganization,
  insertVersion,
  listOrganizations,
  listTreeNodes,
  listVersions,
  moveSubtree,
  updateOrganizationRow,
  versionsAsOf,
  type OrganizationWithNames,
} from './repository.js';
import { misplacedChildren, nameList, parentDateProblems, placementProblems } from './rules.js';
import type { OrganizationRow, OrganizationVersionRow } from './tables.js';

/** Fields whose changes the dated history keeps. */
const VERSIONED_FIELDS = [
  'name',
  'short_name',
  'type',
  'level',
  'status',
  'region_code',
  'parent_id',
  'credit_code',
] as const;
/** Fields recorded in the audit trail on every change. */
const AUDITED_FIELDS = [
  ...VERSIONED_FIELDS,
  'established_on',
  'address',
  'phone',
  'description',
] as const satisfies readonly (keyof OrganizationRow)[];

async function present(db: Executor, row: OrganizationWithNames): Promise<TOrganization> {
  return toOrganization(row, await regionFullNames(db, [row.region_code]));
}

async function requireVisible(ctx: ServiceContext, id: string, scope: Scope = scopeOf(ctx.actor)) {
  const row = await findOrganization(ctx.db, scope, id);
  if (!row) throw errors.notFound({ id });
  return row;
}

/** The organization, if the actor may change it: 404 when invisible, 403 when visible but not theirs. */
export async function requireWritableOrganization(ctx: ServiceContext, id: string): Promise<OrganizationWithNames> {
  const writable = await findOrganization(ctx.db, writeScopeOf(ctx.actor), id);
  if (writable) return writable;
  const visible = await requireVisible(ctx, id);
  throw errors.notWritable({ name: visible.name });
}

/**
 * The same check by the organization's place in the tree alone, for writes that need no more than its id,
 * name and path (a posting runs it on every request). Refusals are those of requireWritableOrganization.
 */
export async function requireWritablePlacement(ctx: ServiceContext, id: string): Promise<OrganizationPlacement> {
  const placement = await organizationPlacement(ctx.db, id);
  const scope = writeScopeOf(ctx.actor);
  const inScope =
    scope.kind === 'all' ||
    (placement !== null &&
      (scope.kind === 'cadre'
        ? placement.path === scope.organizationPath
        : placement.path.startsWith(scope.organizationPath)));
  if (placement && inScope) return placement;
  await requireWritableOrganization(ctx, id);
  throw errors.notFound({ id });
}

export async function getOrganization(ctx: ServiceContext, id: string): Promise<TOrganization> {
  return present(ctx.db, await requireVisible(ctx, id));
}

export async function findOrganizations(
  ctx: ServiceContext,
  input: TOrganizationListQuery,
): Promise<TPage<TOrganization>> {
  const query = ZOrganizationListQuery.parse(input);
  const scope = scopeOf(ctx.actor);
  const within = query.within ? (await requireVisible(ctx, query.within, scope)).path : undefined;
  const { rows, total } = await listOrganizations(ctx.db, scope, {
    text: query.q,
    type: query.type,
    level: query.level,
    status: query.status,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
    withinPath: within,
    parentId: query.parentId,
    sort: query.sort,
    order: query.order,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const names = await regionFullNames(
    ctx.db,
    rows.map((row) => row.region_code),
  );
  return { items: rows.map((row) => toOrganization(row, names)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The network as the actor may see it, today or as it stood on `asOf`: names and parents come from the
 * dated history, so a past date shows who was under whom then.
 */
export async function organizationTree(ctx: ServiceContext, asOf?: string): Promise<TOrganizationTreeNode[]> {
  const current = await listTreeNodes(ctx.db, scopeOf(ctx.actor));
  if (!asOf) {
    return current.map((row) => ({
      id: row.id,
      name: row.name,
      shortName: row.short_name,
      type: row.type,
      level: row.level,
      status: row.status,
      regionCode: row.region_code,
      parentId: row.parent_id,
    }));
  }
  const versions = await versionsAsOf(
    ctx.db,
    asOf,
    current.map((row) => row.id),
  );
  return versions.map((version) => ({
    id: version.organization_id,
    name: version.name,
    shortName: version.short_name,
    type: version.type,
    level: version.level,
    status: version.status,
    regionCode: version.region_code,
    parentId: version.parent_id,
  }));
}

/**
 * The ids of an organization and everything under it as the network stood on a date, for figures that
 * roll up a past year as the tree was then.
 */
export async function organizationsUnderAsOf(db: Executor, rootId: string, date: string): Promise<string[]> {
  const versions = await versionsAsOf(db, date);
  const children = new Map<string, string[]>();
  for (const version of versions) {
    if (!version.parent_id) continue;
    const list = children.get(version.parent_id) ?? [];
    list.push(version.organization_id);
    children.set(version.parent_id, list);
  }
  if (!versions.some((version) => version.organization_id === rootId)) return [];
  const result: string[] = [];
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    result.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

export async function organizationHistory(ctx: ServiceContext, id: string): Promise<TOrganizationVersion[]> {
  await requireVisible(ctx, id);
  return (await listVersions(ctx.db, id)).map(toVersion);
}

function versionOf(
  row: OrganizationRow,
  validFrom: string,
  changedFields: readonly string[],
  ctx: ServiceContext,
  note: string | null | undefined,
  now: Date,
): OrganizationVersionRow {
  return {
    id: newId(),
    organization_id: row.id,
    valid_from: validFrom,
    valid_to: null,
    name: row.name,
    short_name: row.short_name,
    type: row.type,
    level: row.level,
    status: row.status,
    region_code: row.region_code,
    parent_id: row.parent_id,
    credit_code: row.credit_code,
    changed_fields: JSON.stringify(changedFields),
    change_note: note ?? null,
    recorded_at: now.toISOString(),
    recorded_by: ctx.actor.username,
  };
}

function versionStore(tx: Executor): VersionStore<OrganizationVersionRow> {
  return {
    close: (id, validTo) => closeVersion(tx, id, validTo),
    insert: (version) => insertVersion(tx, version),
    amend: (id, version) => amendVersion(tx, id, version),
  };
}

function unknownParent() {
  return platformErrors.validationFailed({}, [fieldProblem('parentId', organizationFieldMessages.parentUnknown)]);
}

async function assertCreditCodeFree(db: Executor, creditCode: string | null | undefined, selfId: string | null) {
  if (!creditCode) return;
  const holder = await findByCreditCode(db, creditCode);
  if (holder && holder.id !== selfId) throw errors.creditCodeTaken.at('creditCode', { creditCode, name: holder.name });
}

/**
 * An organization's new region or level must still hold its children: a city association given another
 * city's region would otherwise keep counties that lie outside it. (Grandchildren lie within the children.)
 */
async function assertChildrenStillFit(tx: Executor, parent: OrganizationRow): Promise<void> {
  const { outsideRegion, aboveLevel } = misplacedChildren(parent, await findChildPlacementsUnscoped(tx, parent.id));
  if (outsideRegion.length > 0 && parent.region_code) {
    const region = await lookupRegion(tx, parent.region_code);
    throw errors.childrenOutsideRegion.at('regionCode', {
      count: outsideRegion.length,
      region: region?.full_name ?? parent.region_code,
      names: nameList(outsideRegion.map((child) => child.name)),
    });
  }
  if (aboveLevel.length > 0) {
    throw errors.childrenAboveLevel.at('level', {
      count: aboveLevel.length,
      level: ORGANIZATION_LEVEL_LABELS[parent.level],
      names: nameList(aboveLevel.map((child) => child.name)),
    });
  }
}

/**
 * Registers an organization. `isOperator` marks the one that runs the installation (made with the first
 * administrator at first start); no request can set it.
 */
export async function createOrganization(
  ctx: ServiceContext,
  input: TCreateOrganizationRequest,
  { isOperator = false }: { isOperator?: boolean } = {},
): Promise<TOrganization> {
  const data = ZCreateOrganizationRequest.parse(input);
  const now = new Date();
  const effectiveOn = data.effectiveOn ?? beijingDate(now);
  return withTransaction(ctx.db, async (tx) => {
    let parent: OrganizationRow | null = null;
    if (data.parentId) {
      parent = (await findOrganization(tx, writeScopeOf(ctx.actor), data.parentId)) ?? null;
      if (!parent) throw unknownParent();
    } else if (ctx.actor.role !== 'platform_admin') {
      throw errors.rootNotAllowed();
    }
    assertNoFieldProblems([
      ...(await placementProblems(tx, { level: data.level, regionCode: data.regionCode ?? null, parent })),
      ...effectiveDateProblems(effectiveOn, null, now),
      ...(await parentDateProblems(tx, effectiveOn, parent)),
    ]);
    await assertCreditCodeFree(tx, data.creditCode, null);
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    const row: OrganizationRow = {
      id,
      name: data.name,
      short_name: data.shortName ?? null,
      type: data.type,
      level: data.level,
      region_code: data.regionCode ?? null,
      parent_id: parent?.id ?? null,
      path,
      depth: path.split('/').length - 2,
      credit_code: data.creditCode ?? null,
      status: data.status,
      established_on: data.establishedOn ?? null,
      address: data.address ?? null,
      phone: data.phone ?? null,
      description: data.description ?? null,
      is_operator: isOperator ? 1 : 0,
      ...pinyinKeys(data.name),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await insertOrganization(tx, row);
    await insertVersion(tx, versionOf(row, effectiveOn, VERSIONED_FIELDS, ctx, data.changeNote, now));
    await recordAudit(tx, {
      chainId: id,
      action: 'organization.create',
      entityType: 'organization',
      entityId: id,
      changes: diffChanges(null, row, AUDITED_FIELDS),
      ...auditBy(ctx),
      at: now,
    });
    return present(tx, { ...row, parent_name: parent?.name ?? null, child_count: 0 });
  });
}

export async function updateOrganization(
  ctx: ServiceContext,
  id: string,
  input: TUpdateOrganizationRequest,
): Promise<TOrganization> {
  const now = new Date();
  return withTransaction(ctx.db, async (tx) => {
    const before = await requireWritableOrganization({ ...ctx, db: tx }, id);
    const { parent_name: parentName, child_count: childCount, ...beforeRow } = before;
    const after: OrganizationRow = {
      ...beforeRow,
      ...(input.name !== undefined ? { name: input.name, ...pinyinKeys(input.name) } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName ?? null } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.regionCode !== undefined ? { region_code: input.regionCode ?? null } : {}),
      ...(input.creditCode !== undefined ? { credit_code: input.creditCode ?? null } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.establishedOn !== undefined ? { established_on: input.establishedOn ?? null } : {}),
      ...(input.address !== undefined ? { address: input.address ?? null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone ?? null } : {}),
      ...(input.description !== undefined ? { description: input.description ?? null } : {}),
      updated_at: now.toISOString(),
    };
    const changes = diffChanges(before, after, AUDITED_FIELDS);
    if (Object.keys(changes).length === 0) return present(tx, before);
    const parent = before.parent_id ? ((await findOrganizationUnscoped(tx, before.parent_id)) ?? null) : null;
    const versioned = VERSIONED_FIELDS.filter((field) => field in changes);
    const current = await currentVersion(tx, id);
    const effectiveOn = input.effectiveOn ?? beijingDate(now);
    assertNoFieldProblems([
      ...(await placementProblems(tx, { level: after.level, regionCode: after.region_code, parent })),
      ...(versioned.length > 0 ? effectiveDateProblems(effectiveOn, current?.valid_from ?? null, now) : []),
    ]);
    if (childCount > 0 && (after.region_code !== before.region_code || after.level !== before.level)) {
      await assertChildrenStillFit(tx, after);
    }
    await assertCreditCodeFree(tx, after.credit_code, id);
    const { id: _id, path: _path, depth: _depth, parent_id: _parentId, ...changed } = after;
    await updateOrganizationRow(tx, id, changed);
    if (versioned.length > 0) {
      await appendVersion(
        current,
        versionOf(after, effectiveOn, versioned, ctx, input.changeNote, now),
        versionStore(tx),
      );
    }
    await recordAudit(tx, {
      chainId: id,
      action: 'organization.update',
      entityType: 'organization',
      entityId: id,
      changes,
      ...auditBy(ctx),
      at: now,
    });
    return present(tx, { ...after, parent_name: parentName, child_count: childCount });
  });
}

/**
 * Re-parents an organization with its whole subtree. Access and roll-ups follow at once, because both
 * are computed from the path; the history keeps the old parent up to the effective date.
 */
export async function moveOrganization(
  ctx: ServiceContext,
  id: string,
  input: TMoveOrganizationRequest,
): Promise<TOrganization> {
  const now = new Date();
  const effectiveOn = input.effectiveOn ?? beijingDate(now);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const moving = await requireWritableOrganization(txCtx, id);
    if (ctx.actor.role !== 'platform_admin' && ctx.actor.organizationPath.startsWith(moving.path)) {
      throw errors.moveOwnOrganization();
    }
    const parent = await findOrganization(tx, writeScopeOf(ctx.actor), input.parentId);
    if (!parent) throw unknownParent();
    if (parent.path.startsWith(moving.path)) throw errors.moveIntoOwnSubtree.at('parentId', { name: moving.name });
    if (parent.id === moving.parent_id) return present(tx, moving);
    const current = await currentVersion(tx, id);
    assertNoFieldProblems([
      ...(await placementProblems(tx, { level: moving.level, regionCode: moving.region_code, parent })),
      ...effectiveDateProblems(effectiveOn, current?.valid_from ?? null, now),
      ...(await parentDateProblems(tx, effectiveOn, parent)),
    ]);
    const newPath = `${parent.path}${moving.id}/`;
    await moveSubtree(tx, id, parent.id, moving.path, newPath, now.toISOString());
    const after: OrganizationRow = { ...moving, parent_id: parent.id, path: newPath, updated_at: now.toISOString() };
    await appendVersion(
      current,
      versionOf(after, effectiveOn, ['parent_id'], ctx, input.changeNote, now),
      versionStore(tx),
    );
    await recordAudit(tx, {
      chainId: id,
      action: 'organization.move',
      entityType: 'organization',
      entityId: id,
      changes: {
        parent_id: { before: moving.parent_id, after: parent.id },
        parent_name: { before: moving.parent_name, after: parent.name },
      },
      ...auditBy(ctx),
      at: now,
    });
    return present(tx, { ...after, parent_name: parent.name, child_count: moving.child_count });
  });
}

/** Ids of the organizations of one level, for filters such as "projects of county-level organizations". */
export async function organizationIdsAtLevel(db: Executor, level: OrganizationRow['level']): Promise<string[]> {
  return findIdsAtLevel(db, level);
}

export async function organizationNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  return findNames(db, [...new Set(ids)]);
}

export type OrganizationPlacement = {
  id: string;
  name: string;
  path: string;
  level: OrganizationRow['level'];
  regionCode: string | null;
};

/** Where an organization sits, for building a signed-in user's scope; not for display. */
export async function organizationPlacement(db: Executor, id: string): Promise<OrganizationPlacement | null> {
  const row = await findOrganizationUnscoped(db, id);
  return row ? { id: row.id, name: row.name, path: row.path, level: row.level, regionCode: row.region_code } : null;
}
