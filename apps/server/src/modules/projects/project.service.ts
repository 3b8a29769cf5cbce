import {
  PROJECT_ACTION,
  PROJECT_STATUS,
  regionPrefix,
  ZCreateProjectRequest,
  ZProjectListQuery,
  ZTransitionRequest,
  ZUpdateProjectRequest,
  type TCreateProjectRequest,
  type TPage,
  type TProject,
  type TProjectListQuery,
  type TProjectTransition,
  type TTransitionRequest,
  type TUpdateProjectRequest,
} from '@tongxin/contracts';
import type { z } from 'zod';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { fieldProblem, platformErrors, type FieldProblem } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { beijingDate } from '../../platform/time.js';
import {
  organizationIdsAtLevel,
  organizationNames,
  organizationPlacement,
  requireWritableOrganization,
} from '../organizations/index.js';
import { lookupRegion, regionFullNames } from '../regions/index.js';
import { visibleHouseholdIds, visibleVillages } from '../registry/index.js';
import { PARTY_NAMES, projectErrors as errors, projectFieldMessages as messages } from './errors.js';
import {
  changeStatus,
  findProject,
  insertProject,
  insertTransition,
  listProjects,
  listTransitions,
  partnersOf,
  replacePartners,
  replaceTargets,
  targetsOf,
  updateProjectRow,
} from './repository.js';
import { recordEditFigures, recordTransitionFigures } from './figures.js';
import { actionsFrom, allowedActions, partyMayAct, targetStatus, TRANSITIONS } from './state-machine.js';
import type { ProjectRow, ProjectTargetRow } from './tables.js';

/** Roles that run projects; auditors, supervisors and cadres read them. */
const MANAGERS = new Set(['platform_admin', 'org_admin', 'org_staff']);
/** States in which the project's details may still change. */
const EDITABLE = new Set(['draft', 'submitted', 'approved', 'in_progress']);
const AUDITED = [
  'name',
  'category',
  'infrastructure_kind',
  'government_obligated',
  'assistance_mode',
  'budget',
  'planned_start',
  'planned_end',
  'description',
  'beneficiary_counts',
] as const satisfies readonly (keyof ProjectRow)[];

type Relation = { isOwner: boolean; isAbove: boolean };

/** How the actor stands to a project whose owner sits at `ownerPath` in the network. */
function relationOf(ctx: ServiceContext, project: ProjectRow, ownerPath: string | null): Relation {
  if (!MANAGERS.has(ctx.actor.role)) return { isOwner: false, isAbove: false };
  if (ctx.actor.role === 'platform_admin') return { isOwner: true, isAbove: true };
  const isOwner = project.owner_organization_id === ctx.actor.organizationId;
  const isAbove = !isOwner && ownerPath !== null && ownerPath.startsWith(ctx.actor.organizationPath);
  return { isOwner, isAbove };
}

/** How the actor stands to a project: its own organization runs it, or one above it supervises it. */
export async function relationTo(ctx: ServiceContext, project: ProjectRow): Promise<Relation> {
  const owner = await organizationPlacement(ctx.db, project.owner_organization_id);
  return relationOf(ctx, project, owner?.path ?? null);
}

async function present(ctx: ServiceContext, rows: readonly ProjectRow[]): Promise<TProject[]> {
  const ids = rows.map((row) => row.id);
  const [targets, partners] = await Promise.all([targetsOf(ctx.db, ids), partnersOf(ctx.db, ids)]);
  const regionCodes = targets.filter((t) => t.kind === 'region').map((t) => t.ref);
  const organizations = await organizationNames(ctx.db, [
    ...rows.map((row) => row.owner_organization_id),
    ...partners.map((p) => p.organization_id),
  ]);
  // Each owner once, whatever the number of its projects on the page.
  const owners = new Map<string, Awaited<ReturnType<typeof organizationPlacement>>>();
  for (const id of new Set(rows.map((row) => row.owner_organization_id)))
    owners.set(id, await organizationPlacement(ctx.db, id));
  const regions = await regionFullNames(ctx.db, regionCodes);
  const result: TProject[] = [];
  for (const row of rows) {
    const mine = targets.filter((t) => t.project_id === row.id);
    const owner = owners.get(row.owner_organization_id) ?? null;
    const relation = relationOf(ctx, row, owner?.path ?? null);
    const refs = (kind: ProjectTargetRow['kind']) => mine.filter((t) => t.kind === kind).map((t) => t.ref);
    result.push({
      id: row.id,
      code: row.code,
      name: row.name,
      ownerOrganizationId: row.owner_organization_id,
      ownerOrganizationName: organizations.get(row.owner_organization_id) ?? '',
      level: owner?.level ?? 'county',
      category: row.category,
      infrastructureKind: row.infrastructure_kind,
      governmentObligated: row.government_obligated === 1,
      assistanceMode: row.assistance_mode,
      status: row.status,
      suspendedFrom: row.suspended_from,
      targetRegionCodes: refs('region'),
      targetRegionNames: refs('region').map((code) => regions.get(code) ?? code),
      targetVillageIds: refs('village'),
      householdIds: refs('household'),
      beneficiaryCounts: JSON.parse(row.beneficiary_counts) as TProject['beneficiaryCounts'],
      partners: partners
        .filter((p) => p.project_id === row.id)
        .map((p) => ({
          organizationId: p.organization_id,
          role: p.role,
          organizationName: organizations.get(p.organization_id) ?? '',
        })),
      budget: row.budget,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      actualStart: row.actual_start,
      actualEnd: row.actual_end,
      description: row.description,
      allowedActions: allowedActions(row.status, relation),
      canEdit: relation.isOwner && EDITABLE.has(row.status),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
  return result;
}

export async function requireProject(ctx: ServiceContext, id: string): Promise<ProjectRow> {
  const row = await findProject(ctx.db, scopeOf(ctx.actor), id);
  if (!row) throw errors.notFound({ id });
  return row;
}

export async function getProject(ctx: ServiceContext, id: string): Promise<TProject> {
  const [project] = await present(ctx, [await requireProject(ctx, id)]);
  if (!project) throw errors.notFound({ id });
  return project;
}

/** The list filters of a query, shared by the list and its export. */
export async function projectFilter(ctx: ServiceContext, query: z.output<typeof ZProjectListQuery>) {
  const atLevel = query.level ? await organizationIdsAtLevel(ctx.db, query.level) : undefined;
  return {
    text: query.q,
    category: query.category,
    status: query.status,
    ownerIds: query.organizationId
      ? (atLevel ?? [query.organizationId]).filter((id) => id === query.organizationId)
      : atLevel,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
    yearStart: query.year ? `${query.year}-01-01` : undefined,
    yearEnd: query.year ? `${query.year}-12-31` : undefined,
  };
}

export async function findProjects(ctx: ServiceContext, input: TProjectListQuery): Promise<TPage<TProject>> {
  const query = ZProjectListQuery.parse(input);
  const { rows, total } = await listProjects(ctx.db, scopeOf(ctx.actor), {
    ...(await projectFilter(ctx, query)),
    sort: query.sort,
    order: query.order,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

type ProjectFacts = Pick<
  z.output<typeof ZUpdateProjectRequest>,
  'targetRegionCodes' | 'targetVillageIds' | 'householdIds' | 'partners' | 'category' | 'infrastructureKind'
>;

/** Targets and partners must exist and be visible; an infrastructure project names its kind. */
async function factProblems(ctx: ServiceContext, ownerId: string, facts: ProjectFacts): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const code of facts.targetRegionCodes ?? []) {
    if (!(await lookupRegion(ctx.db, code)))
      problems.push(fieldProblem('targetRegionCodes', messages.regionUnknown, { code }));
  }
  const villages = facts.targetVillageIds ?? [];
  if ((await visibleVillages(ctx, villages)).length !== new Set(villages).size) {
    problems.push(fieldProblem('targetVillageIds', messages.villageUnknown));
  }
  const households = facts.householdIds ?? [];
  if ((await visibleHouseholdIds(ctx, households)).length !== new Set(households).size) {
    problems.push(fieldProblem('householdIds', messages.householdUnknown));
  }
  const partners = facts.partners ?? [];
  const known = await organizationNames(
    ctx.db,
    partners.map((p) => p.organizationId),
  );
  if (partners.some((p) => !known.has(p.organizationId)))
    problems.push(fieldProblem('partners', messages.partnerUnknown));
  if (partners.some((p) => p.organizationId === ownerId))
    problems.push(fieldProblem('partners', messages.partnerIsOwner));
  if (facts.category === 'infrastructure' && !facts.infrastructureKind) {
    problems.push(fieldProblem('infrastructureKind', messages.infrastructureKind));
  }
  return problems;
}

/** Targets as rows: regions as given, villages also by their region (so region filters find them). */
async function targetRows(ctx: ServiceContext, projectId: string, facts: ProjectFacts): Promise<ProjectTargetRow[]> {
  const villages = await visibleVillages(ctx, facts.targetVillageIds ?? []);
  const regions = new Set([...(facts.targetRegionCodes ?? []), ...villages.map((v) => v.regionCode)]);
  return [
    ...[...regions].map((ref) => ({ project_id: projectId, kind: 'region' as const, ref })),
    ...villages.map((v) => ({ project_id: projectId, kind: 'village' as const, ref: v.id })),
    ...[...new Set(facts.householdIds ?? [])].map((ref) => ({
      project_id: projectId,
      kind: 'household' as const,
      ref,
    })),
  ];
}

function audit(
  ctx: ServiceContext,
  project: Pick<ProjectRow, 'id' | 'owner_organization_id'>,
  action: string,
  changes: ReturnType<typeof diffChanges>,
) {
  return {
    chainId: project.owner_organization_id,
    action,
    entityType: 'project',
    entityId: project.id,
    changes,
    ...auditBy(ctx),
  };
}

export async function createProject(ctx: ServiceContext, input: TCreateProjectRequest): Promise<TProject> {
  const data = ZCreateProjectRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (!MANAGERS.has(ctx.actor.role)) throw platformErrors.forbidden();
    const owner = await requireWritableOrganization(txCtx, data.ownerOrganizationId).catch(() => {
      throw platformErrors.validationFailed({}, [fieldProblem('ownerOrganizationId', messages.ownerNotWritable)]);
    });
    const problems = await factProblems(txCtx, owner.id, data);
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    const now = new Date().toISOString();
    const id = newId();
    const row: ProjectRow = {
      id,
      code: `XM${data.plannedStart.slice(0, 4)}-${id.slice(-6).toUpperCase()}`,
      name: data.name,
      owner_organization_id: owner.id,
      category: data.category,
      infrastructure_kind: data.category === 'infrastructure' ? (data.infrastructureKind ?? null) : null,
      government_obligated: data.governmentObligated ? 1 : 0,
      assistance_mode: data.assistanceMode,
      status: 'draft',
      suspended_from: null,
      budget: data.budget,
      planned_start: data.plannedStart,
      planned_end: data.plannedEnd,
      actual_start: null,
      actual_end: null,
      description: data.description ?? null,
      beneficiary_counts: JSON.stringify(data.beneficiaryCounts),
      created_at: now,
      updated_at: now,
    };
    await insertProject(tx, row);
    await replaceTargets(tx, id, await targetRows(txCtx, id, data));
    await replacePartners(
      tx,
      id,
      data.partners.map((p) => ({ project_id: id, organization_id: p.organizationId, role: p.role })),
    );
    await recordAudit(tx, audit(ctx, row, 'project.create', diffChanges(null, row, ['code', ...AUDITED])));
    return getProject(txCtx, id);
  });
}

/** The project if the actor's side may change it: 404 when invisible, 403 when visible but not theirs. */
async function requireOwned(ctx: ServiceContext, id: string): Promise<ProjectRow> {
  const row = await findProject(ctx.db, writeScopeOf(ctx.actor), id, true);
  if (row && MANAGERS.has(ctx.actor.role)) return row;
  await requireProject(ctx, id);
  throw errors.notWritable();
}

export async function updateProject(ctx: ServiceContext, id: string, input: TUpdateProjectRequest): Promise<TProject> {
  const data = ZUpdateProjectRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await requireOwned(txCtx, id);
    if (!EDITABLE.has(before.status)) throw errors.notEditable({ status: PROJECT_STATUS.labels[before.status] });
    const category = data.category ?? before.category;
    const facts = {
      ...data,
      category,
      infrastructureKind:
        data.infrastructureKind ?? (category === 'infrastructure' ? before.infrastructure_kind : null),
    };
    const problems = await factProblems(txCtx, before.owner_organization_id, facts);
    const plannedStart = data.plannedStart ?? before.planned_start;
    const plannedEnd = data.plannedEnd ?? before.planned_end;
    if (plannedEnd < plannedStart) {
      problems.push(
        fieldProblem('plannedEnd', {
          'zh-CN': '结束日期不能早于开始日期',
          en: 'The end date cannot be before the start date',
        }),
      );
    }
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    const after: ProjectRow = {
      ...before,
      name: data.name ?? before.name,
      category,
      infrastructure_kind: category === 'infrastructure' ? (facts.infrastructureKind ?? null) : null,
      government_obligated:
        data.governmentObligated === undefined ? before.government_obligated : data.governmentObligated ? 1 : 0,
      assistance_mode: data.assistanceMode ?? before.assistance_mode,
      budget: data.budget ?? before.budget,
      planned_start: plannedStart,
      planned_end: plannedEnd,
      description: data.description !== undefined ? data.description : before.description,
      beneficiary_counts: data.beneficiaryCounts ? JSON.stringify(data.beneficiaryCounts) : before.beneficiary_counts,
      updated_at: new Date().toISOString(),
    };
    const { id: _id, created_at: _created, ...columns } = after;
    await updateProjectRow(tx, id, columns);
    await recordEditFigures(tx, before, after, beijingDate());
    if (data.targetRegionCodes || data.targetVillageIds || data.householdIds) {
      const current = await targetsOf(tx, [id]);
      const keep = (kind: ProjectTargetRow['kind']) => current.filter((t) => t.kind === kind).map((t) => t.ref);
      await replaceTargets(
        tx,
        id,
        await targetRows(txCtx, id, {
          targetRegionCodes: data.targetRegionCodes ?? keep('region'),
          targetVillageIds: data.targetVillageIds ?? keep('village'),
          householdIds: data.householdIds ?? keep('household'),
        }),
      );
    }
    if (data.partners) {
      await replacePartners(
        tx,
        id,
        data.partners.map((p) => ({ project_id: id, organization_id: p.organizationId, role: p.role })),
      );
    }
    await recordAudit(tx, audit(ctx, before, 'project.update', diffChanges(before, after, AUDITED)));
    return getProject(txCtx, id);
  });
}

/**
 * Takes one step of the lifecycle. A step the state does not allow is refused naming the state and what
 * it allows; a step for the other side (an approval by the project's own organization) is refused naming
 * who takes it. Every step is kept in the timeline and the audit trail.
 */
export async function transitionProject(ctx: ServiceContext, id: string, input: TTransitionRequest): Promise<TProject> {
  const request = ZTransitionRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const project = await requireProject(txCtx, id);
    const transition = TRANSITIONS[request.action];
    const actionName = PROJECT_ACTION.labels[request.action];
    if (!transition.from.includes(project.status)) {
      const allowed = actionsFrom(project.status).map((a) => PROJECT_ACTION.labels[a]);
      throw errors.actionNotAllowed({
        status: PROJECT_STATUS.labels[project.status],
        action: actionName,
        allowed:
          allowed.length > 0 ? joined(allowed) : { 'zh-CN': '无（项目已结束）', en: 'nothing (the project has ended)' },
      });
    }
    if (!partyMayAct(transition.by, await relationTo(txCtx, project))) {
      throw errors.wrongParty({ action: actionName, party: PARTY_NAMES[transition.by] });
    }
    const reason = request.reason?.trim() || null;
    if (transition.needsReason && !reason) {
      throw platformErrors.validationFailed({}, [fieldProblem('reason', messages.reasonRequired)]);
    }
    const on = request.on ?? beijingDate();
    const to = targetStatus(request.action, project.suspended_from);
    const now = new Date().toISOString();
    const moved = await changeStatus(tx, id, project.status, {
      status: to,
      suspended_from: to === 'suspended' ? project.status : null,
      updated_at: now,
      ...(request.action === 'start' ? { actual_start: on } : {}),
      ...(request.action === 'complete' ? { actual_end: on } : {}),
      ...(request.action === 'fail_acceptance' ? { actual_end: null } : {}),
    });
    if (!moved) throw errors.changedMeanwhile();
    await insertTransition(tx, {
      id: newId(),
      project_id: id,
      action: request.action,
      from_status: project.status,
      to_status: to,
      reason,
      on_date: on,
      actor_id: ctx.actor.userId,
      actor_username: ctx.actor.username,
      actor_organization_name: ctx.actor.organizationName,
      recorded_at: now,
    });
    await recordTransitionFigures(tx, project, to, on);
    await recordAudit(
      tx,
      audit(ctx, project, `project.${request.action}`, {
        status: { before: project.status, after: to },
        ...(reason ? { reason: { before: null, after: reason } } : {}),
      }),
    );
    return getProject(txCtx, id);
  });
}

function joined(labels: readonly { 'zh-CN': string; en: string }[]) {
  return { 'zh-CN': labels.map((l) => `“${l['zh-CN']}”`).join('、'), en: labels.map((l) => `“${l.en}”`).join(', ') };
}

export async function projectTimeline(ctx: ServiceContext, id: string): Promise<TProjectTransition[]> {
  await requireProject(ctx, id);
  return (await listTransitions(ctx.db, id)).map((row) => ({
    id: row.id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    on: row.on_date,
    actorUsername: row.actor_username,
    actorOrganizationName: row.actor_organization_name,
    recordedAt: row.recorded_at,
  }));
}
