import { BENEFICIARY_GROUP, PROJECT_CATEGORY, PROJECT_STATUS, type TProjectStatus } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import {
  addFigures,
  type FigureRecordQuery,
  type FigureRecords,
  type FigureSource,
} from '../../platform/figures/index.js';
import { editDeltas, editMovesFigures, transitionDeltas } from './figures-deltas.js';
import { replayProjectFigures, statusCellsOn } from './figures-replay.js';
import { approvalDate, approvedProjectsRecordedSince, projectsBehindFigure } from './figures.repository.js';
import type { ProjectRow } from './tables.js';

const category = { name: 'category', label: { 'zh-CN': '项目类别', en: 'Category' }, values: PROJECT_CATEGORY.labels };
const group = {
  name: 'group',
  label: { 'zh-CN': '受益对象类型', en: 'Beneficiary type' },
  values: BENEFICIARY_GROUP.labels,
};
const status = { name: 'status', label: { 'zh-CN': '项目状态', en: 'Status' }, values: PROJECT_STATUS.labels };

export const projectFigures: FigureSource = {
  name: 'projects',
  label: { 'zh-CN': '帮扶项目', en: 'Projects' },
  order: 10,
  measures: {
    'projects.approved': {
      label: { 'zh-CN': '立项项目数', en: 'Projects approved' },
      unit: 'count',
      kind: 'flow',
      d1: category,
      note: {
        'zh-CN': '在所选期间立项的项目，按立项日期计',
        en: 'Projects approved in the period, by the date of approval',
      },
    },
    'projects.approved_budget': {
      label: { 'zh-CN': '立项金额', en: 'Approved budget' },
      unit: 'fen',
      kind: 'flow',
      d1: category,
      note: {
        'zh-CN': '在所选期间立项的项目的立项金额（预算，不是到账或支出）',
        en: 'The budgets of projects approved in the period (planned money, not received or spent)',
      },
    },
    'projects.beneficiaries': {
      label: { 'zh-CN': '受益对象', en: 'Beneficiaries' },
      unit: 'count',
      kind: 'flow',
      d1: group,
      note: {
        'zh-CN': '在所选期间立项的项目填报的受益人数、户数、村数等，按立项日期计',
        en: 'Beneficiaries (people, households, villages…) the projects approved in the period stated',
      },
    },
    'projects.count': {
      label: { 'zh-CN': '项目数（按状态）', en: 'Projects by status' },
      unit: 'count',
      kind: 'stock',
      d1: category,
      d2: status,
      note: {
        'zh-CN': '截至所选日期已立项的项目，按当日所处状态计',
        en: 'Projects approved by the date, by the status they were in on that date',
      },
    },
    'projects.budget': {
      label: { 'zh-CN': '立项金额（按状态）', en: 'Approved budget by status' },
      unit: 'fen',
      kind: 'stock',
      d1: category,
      d2: status,
      note: {
        'zh-CN': '截至所选日期已立项的项目的立项金额，按当日所处状态计',
        en: 'Budgets of projects approved by the date, by the status they were in on that date',
      },
    },
  },
  records: async (ctx: ServiceContext, query): Promise<FigureRecords> => {
    const { rows, total } = await projectsBehind(ctx.db, query);
    return {
      columns: [
        { key: 'code', label: { 'zh-CN': '项目编号', en: 'Code' } },
        { key: 'name', label: { 'zh-CN': '项目名称', en: 'Name' } },
        { key: 'category', label: category.label },
        { key: 'status', label: status.label },
        { key: 'budget', label: { 'zh-CN': '立项金额', en: 'Budget' }, unit: 'fen' },
      ],
      rows: rows.map((row) => ({
        id: row.id,
        link: `/projects/${row.id}`,
        cells: {
          code: row.code,
          name: row.name,
          category: PROJECT_CATEGORY.labels[row.category],
          status: PROJECT_STATUS.labels[row.status],
          budget: row.budget,
        },
      })),
      total,
    };
  },
  replay: replayProjectFigures,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The projects behind a figure, with the category, status and budget it counts them under. Approval figures
 * follow a project's edits (立项金额 is the current budget, under the current category), so they are the
 * projects as they are now. Status figures as of a date count a project as it was then: projects changed
 * since are taken through the replay of their steps and edits up to that date, the others read as they are.
 */
async function projectsBehind(
  executor: Executor,
  query: FigureRecordQuery,
): Promise<{ rows: Pick<ProjectRow, 'id' | 'code' | 'name' | 'category' | 'status' | 'budget'>[]; total: number }> {
  const byStatus = query.measure === 'projects.count' || query.measure === 'projects.budget';
  if (!byStatus || query.to === undefined) return projectsBehindFigure(executor, query);
  // From a minute before the day after: an edit takes its day a moment after the row records its time.
  const since = new Date(Date.parse(`${query.to}T00:00:00+08:00`) + DAY_MS - 60_000).toISOString();
  const settled = await projectsBehindFigure(executor, query, since);
  const changed = await approvedProjectsRecordedSince(executor, query.organizationIds, since);
  const cells = await statusCellsOn(executor, changed, query.to);
  const then = changed.flatMap((project) => {
    const matching = (cells.get(project.id) ?? []).filter(
      (cell) =>
        (query.d1 === undefined || cell.category === query.d1) && (query.d2 === undefined || cell.status === query.d2),
    );
    const count = matching.reduce((sum, cell) => sum + cell.count, 0);
    const budget = matching.reduce((sum, cell) => sum + cell.budget, 0);
    const [counted] = matching;
    if (!counted || (count === 0 && budget === 0)) return [];
    return [
      {
        ...project,
        category: counted.category as ProjectRow['category'],
        status: counted.status as ProjectRow['status'],
        budget,
      },
    ];
  });
  const rows = [...settled.rows, ...then]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, query.limit);
  return { rows, total: settled.total + then.length };
}

/** Figures of one lifecycle step: approval adds the project; later steps move it between statuses. */
export async function recordTransitionFigures(
  executor: Executor,
  project: ProjectRow,
  to: TProjectStatus,
  on: string,
): Promise<void> {
  await addFigures(executor, transitionDeltas(project, to, on));
}

/**
 * Figures of an edit to a counted project's category, budget or beneficiaries: the status figures change
 * today, the approval figures on the approval date.
 */
export async function recordEditFigures(
  executor: Executor,
  before: ProjectRow,
  after: ProjectRow,
  today: string,
): Promise<void> {
  if (!editMovesFigures(before, after)) return;
  const approvedOn = (await approvalDate(executor, before.id)) ?? today;
  await addFigures(executor, editDeltas(before, after, today, approvedOn));
}
