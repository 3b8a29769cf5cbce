import type { TProjectCategory } from '@tongxin/contracts';
import { eventsOfEntities } from '../../platform/audit/index.js';
import type { Executor } from '../../platform/db/index.js';
import type { FigureDelta, FigureReplayBatch } from '../../platform/figures/index.js';
import { beijingDate } from '../../platform/time.js';
import { editDeltas, transitionDeltas } from './figures-deltas.js';
import { countProjects, projectsAfter, transitionsOf, type TransitionStep } from './figures.repository.js';
import { categoriesByIds } from './repository.js';
import type { ProjectRow } from './tables.js';

/** Projects per batch of a replay: each brings its steps and edits along. */
const BATCH = 500;

/** What an edit may change that the figures count. */
type Facts = Pick<ProjectRow, 'category' | 'budget' | 'beneficiary_counts'>;

/** An edit of a project's category, budget or beneficiaries: its audit event's id, day and the values it changed. */
type FactEdit = { id: string; day: string; before: Partial<Facts>; after: Partial<Facts> };

function factsIn(changes: Record<string, { before?: unknown; after?: unknown } | undefined>, side: 'before' | 'after') {
  const facts: Partial<Facts> = {};
  const category = changes.category?.[side];
  const budget = changes.budget?.[side];
  const beneficiaries = changes.beneficiary_counts?.[side];
  if (typeof category === 'string') facts.category = category as TProjectCategory;
  if (typeof budget === 'number') facts.budget = budget;
  if (typeof beneficiaries === 'string') facts.beneficiary_counts = beneficiaries;
  return facts;
}

/**
 * The edits of these projects that changed what the figures count, per project, oldest first. The project
 * row keeps only its current values; their history is in the audit trail, which records every edit's
 * before and after in the transaction that made it.
 */
async function factEdits(executor: Executor, projectIds: readonly string[]): Promise<Map<string, FactEdit[]>> {
  const edits = new Map<string, FactEdit[]>();
  for (const event of await eventsOfEntities(executor, 'project', projectIds, ['project.update'])) {
    if (!event.entity_id) continue;
    const changes = JSON.parse(event.changes) as Record<string, { before?: unknown; after?: unknown } | undefined>;
    const before = factsIn(changes, 'before');
    if (Object.keys(before).length === 0) continue;
    const edit = {
      id: event.id,
      day: beijingDate(new Date(event.occurred_at)),
      before,
      after: factsIn(changes, 'after'),
    };
    const list = edits.get(event.entity_id);
    if (list) list.push(edit);
    else edits.set(event.entity_id, [edit]);
  }
  return edits;
}

/**
 * Every delta the live path wrote for one project: its steps and edits in the order they happened (ids of
 * both sort in the order made), each applied to the project as it was then — the values before the first
 * edit are the current ones with every edit undone, newest first.
 */
function projectDeltas(
  current: ProjectRow,
  steps: readonly TransitionStep[],
  edits: readonly FactEdit[],
): FigureDelta[] {
  let facts: Facts = {
    category: current.category,
    budget: current.budget,
    beneficiary_counts: current.beneficiary_counts,
  };
  for (const edit of [...edits].reverse()) facts = { ...facts, ...edit.before };
  let project: ProjectRow = { ...current, ...facts, status: 'draft', suspended_from: null };
  let approvedOn: string | null = null;
  const events = [
    ...steps.map((step) => ({ id: step.id, step })),
    ...edits.map((edit) => ({ id: edit.id, edit })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const deltas: FigureDelta[] = [];
  for (const event of events) {
    if ('step' in event) {
      const { step } = event;
      const before = { ...project, status: step.from_status };
      deltas.push(...transitionDeltas(before, step.to_status, step.on_date));
      if (step.action === 'approve') approvedOn = step.on_date;
      project = {
        ...before,
        status: step.to_status,
        suspended_from: step.to_status === 'suspended' ? step.from_status : null,
      };
    } else {
      const after = { ...project, ...event.edit.after };
      deltas.push(...editDeltas(project, after, event.edit.day, approvedOn ?? event.edit.day));
      project = after;
    }
  }
  return deltas;
}

/** The projects source's replay: projects a batch at a time, each from its lifecycle steps and edits. */
export async function* replayProjectFigures(executor: Executor): AsyncGenerator<FigureReplayBatch> {
  const total = await countProjects(executor);
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const projects = await projectsAfter(executor, afterId, BATCH);
    if (projects.length === 0) return;
    const ids = projects.map((project) => project.id);
    const steps = await transitionsOf(executor, ids);
    const edits = await factEdits(executor, ids);
    const deltas = projects.flatMap((project) =>
      projectDeltas(project, steps.get(project.id) ?? [], edits.get(project.id) ?? []),
    );
    done += projects.length;
    afterId = projects[projects.length - 1]?.id ?? null;
    yield { deltas, done, total };
  }
}

/**
 * The categories of projects as they were when an id was made (a journal entry's, say): money figures keep
 * the category the project had when the money moved; a later edit moves the project figures only.
 */
export async function projectCategoriesWhen(
  executor: Executor,
  projectIds: readonly string[],
): Promise<(projectId: string, madeId: string) => TProjectCategory | undefined> {
  const ids = [...new Set(projectIds)];
  const current = await categoriesByIds(executor, ids);
  const edits = await factEdits(executor, ids);
  return (projectId, madeId) => {
    for (const edit of edits.get(projectId) ?? []) {
      if (edit.id > madeId && edit.before.category) return edit.before.category;
    }
    return current.get(projectId);
  };
}

/** What the status figures held for a project on a date: the category, status and budget it counted under. */
export type StatusCell = { category: string; status: string; count: number; budget: number };

/**
 * The status figures of these projects as they stood at the end of a date, per project: the sum of the
 * deltas the live path wrote on or before it (from the steps and edits, as the replay recomputes them), by
 * category and status. A project counted then has one cell with count 1 and its budget then.
 */
export async function statusCellsOn(
  executor: Executor,
  projects: readonly ProjectRow[],
  on: string,
): Promise<Map<string, StatusCell[]>> {
  const ids = projects.map((project) => project.id);
  const steps = await transitionsOf(executor, ids);
  const edits = await factEdits(executor, ids);
  const cells = new Map<string, StatusCell[]>();
  for (const project of projects) {
    const byCell = new Map<string, StatusCell>();
    for (const delta of projectDeltas(project, steps.get(project.id) ?? [], edits.get(project.id) ?? [])) {
      if (delta.on > on || (delta.measure !== 'projects.count' && delta.measure !== 'projects.budget')) continue;
      const key = `${delta.d1 ?? ''}\u0000${delta.d2 ?? ''}`;
      const cell = byCell.get(key) ?? { category: delta.d1 ?? '', status: delta.d2 ?? '', count: 0, budget: 0 };
      if (delta.measure === 'projects.count') cell.count += delta.value;
      else cell.budget += delta.value;
      byCell.set(key, cell);
    }
    cells.set(
      project.id,
      [...byCell.values()].filter((cell) => cell.count !== 0 || cell.budget !== 0),
    );
  }
  return cells;
}
