import type { TOverdueItem, TProjectStatus, TReportingStatus } from '@tongxin/contracts';
import { addMonths } from '../../platform/time.js';

export type ReportingFacts = {
  status: TProjectStatus;
  actualStart: string | null;
  plannedEnd: string;
  actualEnd: string | null;
  reports: readonly { kind: 'progress' | 'final'; reportedOn: string }[];
  milestones: readonly { title: string; dueOn: string; achievedOn: string | null }[];
  followUps: readonly { action: string; dueOn: string; done: boolean }[];
};

const FINISHED: readonly TProjectStatus[] = ['terminated'];

/**
 * The charity disclosure rule as a schedule: a project running longer than six months reports its progress
 * at least every three months from its start, and every project reports in full within three months after
 * it ends. A period counts as reported when a report is dated within it. Milestones and inspection
 * follow-ups past their dates and not done are overdue as well.
 */
export function reportingStatus(facts: ReportingFacts, today: string): TReportingStatus {
  const overdue: TOverdueItem[] = [];
  for (const milestone of facts.milestones) {
    if (!milestone.achievedOn && milestone.dueOn < today)
      overdue.push({ kind: 'milestone', dueOn: milestone.dueOn, title: milestone.title });
  }
  for (const followUp of facts.followUps) {
    if (!followUp.done && followUp.dueOn < today)
      overdue.push({ kind: 'follow_up', dueOn: followUp.dueOn, title: followUp.action });
  }
  const start = facts.actualStart;
  if (!start || FINISHED.includes(facts.status)) return { nextReportDue: null, overdue: sorted(overdue) };

  const end = facts.actualEnd ?? facts.plannedEnd;
  const dates = facts.reports.map((r) => r.reportedOn);
  let nextReportDue: string | null = null;
  if (addMonths(start, 6) < end) {
    let from = start;
    for (let k = 1; ; k++) {
      const due = addMonths(start, 3 * k);
      if (due > end) break;
      const reported = dates.some((d) => d > from && d <= due);
      if (!reported && due < today) overdue.push({ kind: 'progress_report', dueOn: due, title: `${from} – ${due}` });
      if (!reported && due >= today && nextReportDue === null) nextReportDue = due;
      from = due;
    }
  }
  const finalDue = addMonths(end, 3);
  const hasFinal = facts.reports.some((r) => r.kind === 'final');
  if (!hasFinal && end < today) {
    if (finalDue < today) overdue.push({ kind: 'final_report', dueOn: finalDue, title: end });
    else nextReportDue ??= finalDue;
  }
  return { nextReportDue, overdue: sorted(overdue) };
}

function sorted(items: TOverdueItem[]): TOverdueItem[] {
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
