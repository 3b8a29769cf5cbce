import type { TProjectStatus } from '@tongxin/contracts';
import type { FigureDelta } from '../../platform/figures/index.js';
import type { ProjectRow } from './tables.js';

/**
 * What the projects source writes for each change, as pure functions of the project then: the live path
 * (`figures.ts`) adds them as the change commits, the replay (`figures-replay.ts`) recomputes them from the
 * transitions and edits, so the two cannot drift apart.
 */

/**
 * A project counts in the figures from its approval (立项) on: drafts and submissions are not yet projects
 * of the organization, and one terminated before approval never was.
 */
export function isCountedIn(status: TProjectStatus, suspendedFrom: TProjectStatus | null): boolean {
  if (status === 'draft' || status === 'submitted') return false;
  if (status === 'suspended') return suspendedFrom !== 'draft' && suspendedFrom !== 'submitted';
  return true;
}

/** A project's weight in the status figures, signed: +1 entering a bucket, -1 leaving it. */
function statusDeltas(project: ProjectRow, on: string, projectStatus: TProjectStatus, sign: 1 | -1): FigureDelta[] {
  const base = { organizationId: project.owner_organization_id, on, d1: project.category, d2: projectStatus };
  return [
    { ...base, measure: 'projects.count', value: sign },
    { ...base, measure: 'projects.budget', value: sign * project.budget },
  ];
}

function beneficiaryDeltas(project: ProjectRow, on: string, sign: 1 | -1): FigureDelta[] {
  const counts = JSON.parse(project.beneficiary_counts) as { group: string; count: number }[];
  return counts.map((entry) => ({
    measure: 'projects.beneficiaries',
    organizationId: project.owner_organization_id,
    on,
    d1: entry.group,
    value: sign * entry.count,
  }));
}

/** Figures of one lifecycle step of `project` (as it is before the step): approval adds it; later steps move it. */
export function transitionDeltas(project: ProjectRow, to: TProjectStatus, on: string): FigureDelta[] {
  const wasCounted = isCountedIn(project.status, project.suspended_from);
  if (to === 'approved' && !wasCounted) {
    const base = { organizationId: project.owner_organization_id, on, d1: project.category };
    return [
      { ...base, measure: 'projects.approved', value: 1 },
      { ...base, measure: 'projects.approved_budget', value: project.budget },
      ...beneficiaryDeltas(project, on, 1),
      ...statusDeltas(project, on, to, 1),
    ];
  }
  if (wasCounted) return [...statusDeltas(project, on, project.status, -1), ...statusDeltas(project, on, to, 1)];
  return [];
}

/** Whether an edit moves figures at all: a counted project's category, budget or beneficiaries changed. */
export function editMovesFigures(before: ProjectRow, after: ProjectRow): boolean {
  return (
    isCountedIn(before.status, before.suspended_from) &&
    (before.category !== after.category ||
      before.budget !== after.budget ||
      before.beneficiary_counts !== after.beneficiary_counts)
  );
}

/**
 * Figures of an edit to a counted project's category or budget: the status figures change on the day of the
 * edit, the approval figures on the approval date (立项金额 of a year is the approved projects' current budgets).
 */
export function editDeltas(before: ProjectRow, after: ProjectRow, today: string, approvedOn: string): FigureDelta[] {
  if (!editMovesFigures(before, after)) return [];
  const approval = (project: ProjectRow, sign: 1 | -1): FigureDelta[] => {
    const base = { organizationId: project.owner_organization_id, on: approvedOn, d1: project.category };
    return [
      { ...base, measure: 'projects.approved', value: sign },
      { ...base, measure: 'projects.approved_budget', value: sign * project.budget },
      ...beneficiaryDeltas(project, approvedOn, sign),
    ];
  };
  return [
    ...approval(before, -1),
    ...approval(after, 1),
    ...statusDeltas(before, today, before.status, -1),
    ...statusDeltas(after, today, after.status, 1),
  ];
}
