import fs from 'node:fs';
import {
  PROJECT_STATUS,
  ZCreateAcceptanceRequest,
  ZCreateInspectionRequest,
  ZCreateMilestoneRequest,
  ZCreateReportRequest,
  ZUpdateMilestoneRequest,
  type TAcceptance,
  type TCreateAcceptanceRequest,
  type TCreateInspectionRequest,
  type TCreateMilestoneRequest,
  type TCreateReportRequest,
  type TInspection,
  type TMilestone,
  type TProgressReport,
  type TProjectFile,
  type TReportingStatus,
  type TSupervisionRow,
  type TUpdateMilestoneRequest,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { fieldProblem, platformErrors } from '../../platform/errors/index.js';
import { fileErrors, storedFilePath, storeFile, type FileKind } from '../../platform/files/index.js';
import { newId } from '../../platform/ids.js';
import { beijingDate } from '../../platform/time.js';
import { organizationNames } from '../organizations/index.js';
import { PARTY_NAMES, projectErrors as errors } from './errors.js';
import { relationTo, requireProject, transitionProject } from './project.service.js';
import {
  acceptancesOf,
  attachFiles,
  filesOf,
  findFile,
  inspectionsOf,
  insertAcceptance,
  insertFile,
  insertInspection,
  insertMilestone,
  insertReport,
  milestonesOf,
  reportsOf,
  updateMilestoneRow,
} from './records.repository.js';
import { listProjects } from './repository.js';
import { reportingStatus } from './reporting-rules.js';
import type { Party } from './state-machine.js';
import type { InspectionRow, MilestoneRow, ProjectFileRow, ProjectRow, ReportRow } from './tables.js';

const FOLLOWED: readonly ProjectRow['status'][] = ['in_progress', 'completed', 'accepted', 'suspended', 'closed'];

/** The project, if the actor's side is the one that records this kind of thing. */
async function requireSide(ctx: ServiceContext, projectId: string, side: Party): Promise<ProjectRow> {
  const project = await requireProject(ctx, projectId);
  const relation = await relationTo(ctx, project);
  const may =
    side === 'owner' ? relation.isOwner : side === 'above' ? relation.isAbove : relation.isOwner || relation.isAbove;
  if (!may) throw errors.wrongParty({ action: { 'zh-CN': '此项记录', en: 'This record' }, party: PARTY_NAMES[side] });
  return project;
}

function toFile(row: ProjectFileRow): TProjectFile {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    isPublic: row.is_public === 1,
    createdAt: row.created_at,
  };
}

function toMilestone(row: MilestoneRow, today: string): TMilestone {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.due_on,
    targetValue: row.target_value,
    unit: row.unit,
    achievedValue: row.achieved_value,
    achievedOn: row.achieved_on,
    overdue: !row.achieved_on && row.due_on < today,
  };
}

type FollowUp = { action: string; owner: string; dueOn: string; done: boolean };

function audit(
  ctx: ServiceContext,
  project: ProjectRow,
  action: string,
  entityType: string,
  entityId: string,
  changes: Record<string, unknown>,
) {
  return {
    chainId: project.owner_organization_id,
    action,
    entityType,
    entityId,
    changes: Object.fromEntries(Object.entries(changes).map(([key, after]) => [key, { before: null, after }])),
    ...auditBy(ctx),
  };
}

/** Stores an uploaded photo or document under the project; photos lose their metadata on the way in. */
export async function uploadProjectFile(
  ctx: ServiceContext,
  projectId: string,
  upload: { kind: FileKind; fileName: string; bytes: Buffer; isPublic: boolean; dataDir: string },
): Promise<TProjectFile> {
  const project = await requireSide(ctx, projectId, 'either');
  const stored = storeFile(upload.dataDir, upload.kind, upload.fileName, upload.bytes);
  const row: ProjectFileRow = {
    id: stored.id,
    project_id: project.id,
    owner_kind: 'project',
    owner_id: project.id,
    kind: upload.kind,
    file_name: stored.fileName,
    mime: stored.mime,
    size: stored.size,
    sha256: stored.sha256,
    storage_path: stored.storagePath,
    is_public: upload.isPublic ? 1 : 0,
    created_at: new Date().toISOString(),
    created_by: ctx.actor.username,
  };
  await withTransaction(ctx.db, async (tx) => {
    await insertFile(tx, row);
    await recordAudit(
      tx,
      audit(ctx, project, 'project.file_upload', 'project_file', row.id, {
        fileName: row.file_name,
        sha256: row.sha256,
      }),
    );
  });
  return toFile(row);
}

export async function projectFile(ctx: ServiceContext, projectId: string, fileId: string, dataDir: string) {
  await requireProject(ctx, projectId);
  const row = await findFile(ctx.db, projectId, fileId);
  if (!row) throw fileErrors.notFound();
  const file = storedFilePath(dataDir, row.storage_path);
  if (!fs.existsSync(file)) throw fileErrors.notFound();
  return { file, name: row.file_name, mime: row.mime };
}

export async function addMilestone(
  ctx: ServiceContext,
  projectId: string,
  input: TCreateMilestoneRequest,
): Promise<TMilestone> {
  const data = ZCreateMilestoneRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const project = await requireSide({ ...ctx, db: tx }, projectId, 'owner');
    const row: MilestoneRow = {
      id: newId(),
      project_id: project.id,
      title: data.title,
      due_on: data.dueOn,
      target_value: data.targetValue ?? null,
      unit: data.unit ?? null,
      achieved_value: null,
      achieved_on: null,
      created_at: new Date().toISOString(),
    };
    await insertMilestone(tx, row);
    await recordAudit(
      tx,
      audit(ctx, project, 'project.milestone_create', 'milestone', row.id, { title: row.title, dueOn: row.due_on }),
    );
    return toMilestone(row, beijingDate());
  });
}

export async function updateMilestone(
  ctx: ServiceContext,
  projectId: string,
  milestoneId: string,
  input: TUpdateMilestoneRequest,
): Promise<TMilestone> {
  const data = ZUpdateMilestoneRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const project = await requireSide({ ...ctx, db: tx }, projectId, 'owner');
    const changes = {
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.dueOn !== undefined ? { due_on: data.dueOn } : {}),
      ...(data.targetValue !== undefined ? { target_value: data.targetValue } : {}),
      ...(data.unit !== undefined ? { unit: data.unit } : {}),
      ...(data.achievedValue !== undefined ? { achieved_value: data.achievedValue } : {}),
      ...(data.achievedOn !== undefined ? { achieved_on: data.achievedOn } : {}),
    };
    if (!(await updateMilestoneRow(tx, project.id, milestoneId, changes))) throw errors.notFound({ id: milestoneId });
    await recordAudit(tx, audit(ctx, project, 'project.milestone_update', 'milestone', milestoneId, data));
    const row = (await milestonesOf(tx, [project.id])).find((m) => m.id === milestoneId);
    if (!row) throw errors.notFound({ id: milestoneId });
    return toMilestone(row, beijingDate());
  });
}

const REPORTABLE: Record<'progress' | 'final', readonly ProjectRow['status'][]> = {
  progress: ['in_progress', 'suspended', 'completed'],
  final: ['completed', 'accepted', 'closed', 'terminated'],
};

/** A progress or final report, with photos uploaded beforehand; its public flag decides whether the portal may show it. */
export async function addReport(
  ctx: ServiceContext,
  projectId: string,
  input: TCreateReportRequest,
): Promise<TProgressReport> {
  const data = ZCreateReportRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const project = await requireSide({ ...ctx, db: tx }, projectId, 'owner');
    if (!REPORTABLE[data.kind].includes(project.status)) {
      throw platformErrors.validationFailed({}, [
        fieldProblem(
          'kind',
          {
            'zh-CN': '项目为“{status}”时不能提交此类报告',
            en: 'This kind of report cannot be filed while the project is “{status}”',
          },
          { status: PROJECT_STATUS.labels[project.status] },
        ),
      ]);
    }
    const row: ReportRow = {
      id: newId(),
      project_id: project.id,
      kind: data.kind,
      reported_on: data.reportedOn,
      text: data.text,
      figures: JSON.stringify(data.figures),
      is_public: data.isPublic ? 1 : 0,
      created_at: new Date().toISOString(),
      created_by: ctx.actor.username,
    };
    await insertReport(tx, row);
    const attached = await attachFiles(tx, project.id, data.photoIds, {
      kind: 'report',
      id: row.id,
      isPublic: data.isPublic,
    });
    if (attached !== new Set(data.photoIds).size) {
      throw platformErrors.validationFailed({}, [
        fieldProblem('photoIds', {
          'zh-CN': '所选照片不存在或已用于其他记录',
          en: 'A chosen photo does not exist or belongs to another record',
        }),
      ]);
    }
    await recordAudit(
      tx,
      audit(ctx, project, `project.report_${data.kind}`, 'report', row.id, {
        reportedOn: row.reported_on,
        photos: attached,
      }),
    );
    const files = await filesOf(tx, project.id);
    return toReport(row, files);
  });
}

function toReport(row: ReportRow, files: readonly ProjectFileRow[]): TProgressReport {
  return {
    id: row.id,
    kind: row.kind,
    reportedOn: row.reported_on,
    text: row.text,
    figures: JSON.parse(row.figures) as TProgressReport['figures'],
    isPublic: row.is_public === 1,
    photos: files.filter((f) => f.owner_kind === 'report' && f.owner_id === row.id).map(toFile),
    authorUsername: row.created_by,
    createdAt: row.created_at,
  };
}

function toInspection(row: InspectionRow, files: readonly ProjectFileRow[], today: string): TInspection {
  return {
    id: row.id,
    visitedOn: row.visited_on,
    inspectors: row.inspectors,
    findings: row.findings,
    rating: row.rating,
    followUps: (JSON.parse(row.follow_ups) as FollowUp[]).map((f) => ({ ...f, overdue: !f.done && f.dueOn < today })),
    photos: files.filter((f) => f.owner_kind === 'inspection' && f.owner_id === row.id).map(toFile),
    authorUsername: row.created_by,
    createdAt: row.created_at,
  };
}

/** An inspection visit (跟踪督导) by the supervising side, with findings, rating and follow-ups. */
export async function addInspection(
  ctx: ServiceContext,
  projectId: string,
  input: TCreateInspectionRequest,
): Promise<TInspection> {
  const data = ZCreateInspectionRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const project = await requireSide({ ...ctx, db: tx }, projectId, 'above');
    const row: InspectionRow = {
      id: newId(),
      project_id: project.id,
      visited_on: data.visitedOn,
      inspectors: data.inspectors,
      findings: data.findings,
      rating: data.rating,
      follow_ups: JSON.stringify(data.followUps),
      created_at: new Date().toISOString(),
      created_by: ctx.actor.username,
    };
    await insertInspection(tx, row);
    await attachFiles(tx, project.id, data.photoIds, { kind: 'inspection', id: row.id, isPublic: false });
    await recordAudit(
      tx,
      audit(ctx, project, 'project.inspection', 'inspection', row.id, {
        visitedOn: row.visited_on,
        rating: row.rating,
      }),
    );
    return toInspection(row, await filesOf(tx, project.id), beijingDate());
  });
}

/**
 * An acceptance check (检查验收) of a completed project: the checklist's verdict takes the project to
 * 验收通过 or back to 实施, in the same transaction.
 */
export async function addAcceptance(
  ctx: ServiceContext,
  projectId: string,
  input: TCreateAcceptanceRequest,
): Promise<TAcceptance> {
  const data = ZCreateAcceptanceRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const project = await requireSide(txCtx, projectId, 'above');
    const failed = data.checklist.filter((item) => !item.passed);
    const verdict = failed.length === 0 ? 'pass' : 'fail';
    const row = {
      id: newId(),
      project_id: project.id,
      checked_on: data.checkedOn,
      verdict,
      checklist: JSON.stringify(data.checklist.map((c) => ({ item: c.item, passed: c.passed, note: c.note ?? null }))),
      remarks: data.remarks ?? null,
      created_at: new Date().toISOString(),
      created_by: ctx.actor.username,
    } as const;
    await transitionProject(txCtx, project.id, {
      action: verdict === 'pass' ? 'accept' : 'fail_acceptance',
      reason: verdict === 'pass' ? null : failed.map((f) => f.item).join('；'),
      on: data.checkedOn,
    });
    await insertAcceptance(tx, row);
    return toAcceptance(row);
  });
}

function toAcceptance(row: {
  id: string;
  checked_on: string;
  verdict: 'pass' | 'fail';
  checklist: string;
  remarks: string | null;
  created_by: string;
  created_at: string;
}): TAcceptance {
  return {
    id: row.id,
    checkedOn: row.checked_on,
    verdict: row.verdict,
    checklist: JSON.parse(row.checklist) as TAcceptance['checklist'],
    remarks: row.remarks,
    authorUsername: row.created_by,
    createdAt: row.created_at,
  };
}

function statusOf(
  project: ProjectRow,
  milestones: readonly MilestoneRow[],
  reports: readonly ReportRow[],
  inspections: readonly InspectionRow[],
  today: string,
): TReportingStatus {
  return reportingStatus(
    {
      status: project.status,
      actualStart: project.actual_start,
      plannedEnd: project.planned_end,
      actualEnd: project.actual_end,
      reports: reports
        .filter((r) => r.project_id === project.id)
        .map((r) => ({ kind: r.kind, reportedOn: r.reported_on })),
      milestones: milestones
        .filter((m) => m.project_id === project.id)
        .map((m) => ({ title: m.title, dueOn: m.due_on, achievedOn: m.achieved_on })),
      followUps: inspections
        .filter((i) => i.project_id === project.id)
        .flatMap((i) =>
          (JSON.parse(i.follow_ups) as FollowUp[]).map((f) => ({ action: f.action, dueOn: f.dueOn, done: f.done })),
        ),
    },
    today,
  );
}

export type ProjectRecords = {
  milestones: TMilestone[];
  reports: TProgressReport[];
  inspections: TInspection[];
  acceptances: TAcceptance[];
  files: TProjectFile[];
  reporting: TReportingStatus;
};

export async function projectRecords(ctx: ServiceContext, projectId: string): Promise<ProjectRecords> {
  const project = await requireProject(ctx, projectId);
  const today = beijingDate();
  const [milestones, reports, inspections, acceptances, files] = await Promise.all([
    milestonesOf(ctx.db, [project.id]),
    reportsOf(ctx.db, [project.id]),
    inspectionsOf(ctx.db, [project.id]),
    acceptancesOf(ctx.db, project.id),
    filesOf(ctx.db, project.id),
  ]);
  return {
    milestones: milestones.map((m) => toMilestone(m, today)),
    reports: reports.map((r) => toReport(r, files)),
    inspections: inspections.map((i) => toInspection(i, files, today)),
    acceptances: acceptances.map(toAcceptance),
    files: files.filter((f) => f.owner_kind === 'project').map(toFile),
    reporting: statusOf(project, milestones, reports, inspections, today),
  };
}

/** The supervision board: running projects in scope with something overdue, most overdue first. */
export async function supervisionBoard(ctx: ServiceContext): Promise<TSupervisionRow[]> {
  const rows: ProjectRow[] = [];
  for (const status of FOLLOWED) {
    rows.push(
      ...(
        await listProjects(ctx.db, scopeOf(ctx.actor), {
          status,
          sort: 'plannedStart',
          order: 'asc',
          offset: 0,
          limit: 1000,
        })
      ).rows,
    );
  }
  const ids = rows.map((row) => row.id);
  const today = beijingDate();
  const [milestones, reports, inspections] = await Promise.all([
    milestonesOf(ctx.db, ids),
    reportsOf(ctx.db, ids),
    inspectionsOf(ctx.db, ids),
  ]);
  const names = await organizationNames(
    ctx.db,
    rows.map((row) => row.owner_organization_id),
  );
  return rows
    .map((project) => ({
      project: {
        id: project.id,
        code: project.code,
        name: project.name,
        status: project.status,
        ownerOrganizationName: names.get(project.owner_organization_id) ?? '',
      },
      overdue: statusOf(project, milestones, reports, inspections, today).overdue,
    }))
    .filter((row) => row.overdue.length > 0)
    .sort((a, b) => (a.overdue[0]?.dueOn ?? '').localeCompare(b.overdue[0]?.dueOn ?? ''));
}
