import type { TProjectStatus } from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { approvedProjectsOf, endingTransitionsOf, publicReportsOf } from './disclosure.repository.js';

/** What the disclosure clocks need of a project: its span, its end, and its public reports. */
export type ProjectDisclosureFacts = {
  id: string;
  name: string;
  ownerOrganizationId: string;
  status: TProjectStatus;
  approvedOn: string;
  startsOn: string;
  plannedEnd: string;
  /** The day work ended (completed) or the project was terminated; null while it runs. */
  endedOn: string | null;
  publicReports: { kind: 'progress' | 'final'; reportedOn: string }[];
};

export async function projectDisclosureFacts(
  executor: Executor,
  ownerIds: readonly string[],
): Promise<ProjectDisclosureFacts[]> {
  const projects = await approvedProjectsOf(executor, ownerIds);
  const ids = projects.map((p) => p.id);
  const [reports, transitions] = await Promise.all([
    publicReportsOf(executor, ids),
    endingTransitionsOf(executor, ids),
  ]);
  return projects.map((project) => {
    const steps = transitions.filter((t) => t.project_id === project.id);
    const approvedOn = steps.find((t) => t.action === 'approve')?.on_date ?? project.planned_start;
    const ended = project.status === 'terminated' ? steps.findLast((t) => t.action === 'terminate') : undefined;
    return {
      id: project.id,
      name: project.name,
      ownerOrganizationId: project.owner_organization_id,
      status: project.status,
      approvedOn,
      startsOn: project.actual_start ?? approvedOn,
      plannedEnd: project.planned_end,
      endedOn: ended?.on_date ?? project.actual_end,
      publicReports: reports
        .filter((r) => r.project_id === project.id)
        .map((r) => ({ kind: r.kind, reportedOn: r.reported_on })),
    };
  });
}
