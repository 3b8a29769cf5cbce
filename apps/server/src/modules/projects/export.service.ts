import type { PassThrough } from 'node:stream';
import {
  formatFen,
  ORGANIZATION_LEVEL_LABELS,
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  ZProjectListQuery,
  type TOverdueItem,
  type TProjectListQuery,
  type TSupervisionRow,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { streamWorkbook, type SheetColumn } from '../../platform/xlsx-stream.js';
import { organizationNames, organizationPlacement } from '../organizations/index.js';
import { beijingDate } from '../../platform/time.js';
import { projectFilter } from './project.service.js';
import { supervisionBoard } from './records.service.js';
import { regionFullNames } from '../regions/index.js';
import { streamProjects, targetsOf } from './repository.js';
import type { ProjectRow, ProjectTargetRow } from './tables.js';

type Context = {
  owners: ReadonlyMap<string, string>;
  levels: ReadonlyMap<string, keyof typeof ORGANIZATION_LEVEL_LABELS>;
  targets: readonly ProjectTargetRow[];
  regions: ReadonlyMap<string, string>;
};

const COLUMNS: SheetColumn<ProjectRow, Context>[] = [
  { header: '项目编号', width: 16, value: (p) => p.code },
  { header: '项目名称', width: 36, value: (p) => p.name },
  { header: '负责单位', width: 30, value: (p, c) => c.owners.get(p.owner_organization_id) ?? '' },
  {
    header: '层级',
    width: 8,
    value: (p, c) => ORGANIZATION_LEVEL_LABELS[c.levels.get(p.owner_organization_id) ?? 'county']['zh-CN'],
  },
  { header: '类别', width: 12, value: (p) => PROJECT_CATEGORY.labels[p.category]['zh-CN'] },
  { header: '状态', width: 10, value: (p) => PROJECT_STATUS.labels[p.status]['zh-CN'] },
  { header: '立项金额（元）', width: 16, value: (p) => formatFen(p.budget) },
  { header: '计划开始', width: 12, value: (p) => p.planned_start },
  { header: '计划结束', width: 12, value: (p) => p.planned_end },
  { header: '实际开始', width: 12, value: (p) => p.actual_start ?? '' },
  { header: '实际结束', width: 12, value: (p) => p.actual_end ?? '' },
  {
    header: '实施地区',
    width: 40,
    value: (p, c) =>
      c.targets
        .filter((t) => t.project_id === p.id && t.kind === 'region')
        .map((t) => c.regions.get(t.ref) ?? t.ref)
        .join('；'),
  },
];

/** The filtered project list as a workbook, streamed; the export is audited like every other. */
export async function exportProjects(ctx: ServiceContext, input: TProjectListQuery): Promise<PassThrough> {
  const filter = await projectFilter(ctx, ZProjectListQuery.parse(input));
  return streamWorkbook({
    sheetName: '项目',
    columns: COLUMNS,
    pages: (async function* () {
      for await (const rows of streamProjects(ctx.db, scopeOf(ctx.actor), filter)) {
        const targets = await targetsOf(
          ctx.db,
          rows.map((row) => row.id),
        );
        const ownerIds = [...new Set(rows.map((row) => row.owner_organization_id))];
        const levels = new Map<string, keyof typeof ORGANIZATION_LEVEL_LABELS>();
        for (const id of ownerIds) levels.set(id, (await organizationPlacement(ctx.db, id))?.level ?? 'county');
        yield {
          rows,
          context: {
            owners: await organizationNames(ctx.db, ownerIds),
            levels,
            targets,
            regions: await regionFullNames(
              ctx.db,
              targets.filter((t) => t.kind === 'region').map((t) => t.ref),
            ),
          },
        };
      }
    })(),
    onDone: (count) =>
      recordAudit(ctx.db, {
        chainId: ctx.actor.organizationId,
        action: 'projects.export',
        entityType: 'export',
        entityId: null,
        changes: { filters: { before: null, after: input }, rows: { before: null, after: count } },
        ...auditBy(ctx),
      }),
  });
}

type OverdueRow = { project: TSupervisionRow['project']; item: TOverdueItem };

const OVERDUE_KIND_NAMES: Readonly<Record<TOverdueItem['kind'], string>> = {
  progress_report: '进展报告',
  final_report: '结项报告',
  milestone: '里程碑',
  follow_up: '整改事项',
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The supervision board as a workbook: one row per overdue item, the days it is late counted to today. */
export function exportSupervision(ctx: ServiceContext, kind?: TOverdueItem['kind']): PassThrough {
  const today = beijingDate();
  const columns: SheetColumn<OverdueRow, null>[] = [
    { header: '项目编号', width: 16, value: (r) => r.project.code },
    { header: '项目名称', width: 36, value: (r) => r.project.name },
    { header: '负责单位', width: 30, value: (r) => r.project.ownerOrganizationName },
    { header: '项目状态', width: 10, value: (r) => PROJECT_STATUS.labels[r.project.status]['zh-CN'] },
    { header: '逾期事项', width: 10, value: (r) => OVERDUE_KIND_NAMES[r.item.kind] },
    { header: '内容', width: 40, value: (r) => r.item.title },
    { header: '应完成日期', width: 12, value: (r) => r.item.dueOn },
    { header: '逾期天数', width: 10, value: (r) => String(daysBetween(r.item.dueOn, today)) },
  ];
  return streamWorkbook({
    sheetName: '逾期事项',
    columns,
    pages: (async function* () {
      const board = await supervisionBoard(ctx);
      const rows: OverdueRow[] = board.flatMap((row) =>
        row.overdue.filter((item) => !kind || item.kind === kind).map((item) => ({ project: row.project, item })),
      );
      yield { rows, context: null };
    })(),
    onDone: (count) =>
      recordAudit(ctx.db, {
        chainId: ctx.actor.organizationId,
        action: 'projects.supervision_export',
        entityType: 'export',
        entityId: null,
        changes: { kind: { before: null, after: kind ?? null }, rows: { before: null, after: count } },
        ...auditBy(ctx),
      }),
  });
}
