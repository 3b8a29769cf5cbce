import type { TDisclosureObligation, TDisclosureState } from '@tongxin/contracts';
import { addDays, addMonths, beijingDate } from '../../platform/time.js';

/**
 * The disclosure clocks of the charity disclosure rules (慈善组织信息公开办法, revised 2025, in force
 * 2026-01-01), as pure functions of dated facts. A clock starts on a day, is due on a day, and is done on
 * the first day something shows it done (a late showing still counts, as done late).
 */
export type Clock = {
  id: string;
  organizationId: string;
  obligation: TDisclosureObligation;
  subject: string;
  link: string | null;
  startsOn: string;
  dueOn: string;
  doneOn: string | null;
};

/** How a clock stood on a day: what was done after that day was not done yet. */
export function stateOn(clock: Clock, on: string): TDisclosureState {
  const done = clock.doneOn !== null && clock.doneOn <= on ? clock.doneOn : null;
  if (done) return done <= clock.dueOn ? 'done' : 'done_late';
  if (on > clock.dueOn) return 'overdue';
  return on >= clock.startsOn ? 'due' : 'upcoming';
}

/**
 * Basic information within 30 days of a change. Tongxin's portal shows an organization's registered
 * information as recorded, so the change is disclosed the day it is recorded (or the day it takes effect,
 * when recorded ahead of time).
 */
export function basicInfoClock(change: {
  id: string;
  organizationId: string;
  effectiveOn: string;
  recordedAt: string;
  subject: string;
}): Clock {
  const recordedOn = beijingDate(new Date(change.recordedAt));
  return {
    id: `basic_info:${change.id}`,
    organizationId: change.organizationId,
    obligation: 'basic_info',
    subject: change.subject,
    link: `/organizations/${change.organizationId}`,
    startsOn: change.effectiveOn,
    dueOn: addDays(change.effectiveOn, 30),
    doneOn: recordedOn > change.effectiveOn ? recordedOn : change.effectiveOn,
  };
}

export type ProjectClockFacts = {
  id: string;
  name: string;
  ownerOrganizationId: string;
  startsOn: string;
  plannedEnd: string;
  endedOn: string | null;
  publicReports: readonly { kind: 'progress' | 'final'; reportedOn: string }[];
};

/**
 * A project running longer than six months discloses its progress at least every three months from its
 * start: one clock per three-month period that has begun by `on` and ends before the project does. A
 * period is done by the first public report dated after it began.
 */
export function progressClocks(project: ProjectClockFacts, on: string): Clock[] {
  const end = project.endedOn ?? project.plannedEnd;
  if (addMonths(project.startsOn, 6) >= end) return [];
  const clocks: Clock[] = [];
  for (let k = 1; ; k += 1) {
    const from = addMonths(project.startsOn, 3 * (k - 1));
    const due = addMonths(project.startsOn, 3 * k);
    if (due > end || from > on) break;
    const report = project.publicReports.find((r) => r.reportedOn > from);
    clocks.push({
      id: `project_progress:${project.id}:${k}`,
      organizationId: project.ownerOrganizationId,
      obligation: 'project_progress',
      subject: `${project.name}（${from} – ${due}）`,
      link: `/projects/${project.id}`,
      startsOn: from,
      dueOn: due,
      doneOn: report?.reportedOn ?? null,
    });
  }
  return clocks;
}

/** Every project discloses in full within three months after it ends (work completed or terminated). */
export function finalReportClock(project: ProjectClockFacts): Clock | null {
  if (!project.endedOn) return null;
  const endedOn = project.endedOn;
  const report = project.publicReports.find((r) => r.kind === 'final' && r.reportedOn >= endedOn);
  return {
    id: `project_final:${project.id}`,
    organizationId: project.ownerOrganizationId,
    obligation: 'project_final',
    subject: project.name,
    link: `/projects/${project.id}`,
    startsOn: endedOn,
    dueOn: addMonths(endedOn, 3),
    doneOn: report?.reportedOn ?? null,
  };
}

/** Money left when a project ends is handled (returned or re-designated) within three months. */
export function remainderClock(
  project: ProjectClockFacts,
  money: { held: number; handledOn: string | null },
): Clock | null {
  if (!project.endedOn || (money.held <= 0 && !money.handledOn)) return null;
  return {
    id: `remainder:${project.id}`,
    organizationId: project.ownerOrganizationId,
    obligation: 'remainder',
    subject: project.name,
    link: `/projects/${project.id}`,
    startsOn: project.endedOn,
    dueOn: addMonths(project.endedOn, 3),
    doneOn: money.handledOn,
  };
}

/** The annual work report and the annual financial report of a year, both published by 31 May of the next. */
export function annualReportClock(
  organizationId: string,
  year: number,
  published: readonly { kind: string; year: number; publishedOn: string }[],
): Clock {
  const dates = ['annual_work_report', 'annual_financial_report'].map(
    (kind) =>
      published
        .filter((p) => p.kind === kind && p.year === year)
        .map((p) => p.publishedOn)
        .sort()[0],
  );
  const bothOn = dates.every((d) => d !== undefined) ? (dates.sort().at(-1) ?? null) : null;
  return {
    id: `annual_report:${organizationId}:${year}`,
    organizationId,
    obligation: 'annual_report',
    subject: String(year),
    link: `/statistics/annual?organizationId=${organizationId}&year=${year}`,
    startsOn: `${year + 1}-01-01`,
    dueOn: `${year + 1}-05-31`,
    doneOn: bothOn,
  };
}

/** A related-party transaction within 30 days; the organization's published accounts show it once recorded. */
export function relatedPartyClock(entry: {
  entryId: string;
  organizationId: string;
  businessDate: string;
  recordedOn: string;
  memo: string;
}): Clock {
  return {
    id: `related_party:${entry.entryId}`,
    organizationId: entry.organizationId,
    obligation: 'related_party',
    subject: entry.memo,
    link: `/funds/journal?entry=${entry.entryId}`,
    startsOn: entry.businessDate,
    dueOn: addDays(entry.businessDate, 30),
    doneOn: entry.recordedOn > entry.businessDate ? entry.recordedOn : entry.businessDate,
  };
}
