import {
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  type TOverdueItem,
  type TProjectAction,
  type TProjectCategory,
  type TProjectStatus,
} from '@tongxin/contracts';
import type { MessageKey } from '../../../i18n/zh-CN';

export const STATUS_COLORS: Readonly<Record<TProjectStatus, string>> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'cyan',
  in_progress: 'blue',
  completed: 'purple',
  accepted: 'lime',
  closed: 'green',
  suspended: 'orange',
  terminated: 'red',
};

/** Steps that need a reason (the server refuses them without one). */
export const NEEDS_REASON: ReadonlySet<TProjectAction> = new Set(['reject', 'fail_acceptance', 'suspend', 'terminate']);

/**
 * Where a step leads, to say so before it is taken (the server's state machine decides; `resume` returns to
 * the state the project was suspended from).
 */
export const ACTION_TARGET: Readonly<Record<TProjectAction, TProjectStatus | 'previous'>> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'draft',
  start: 'in_progress',
  complete: 'completed',
  accept: 'accepted',
  fail_acceptance: 'in_progress',
  close: 'closed',
  suspend: 'suspended',
  resume: 'previous',
  terminate: 'terminated',
};

/** How a step's button looks: the way forward is primary, stopping is dangerous, the rest plain. */
export const ACTION_KIND: Readonly<Record<TProjectAction, 'forward' | 'back' | 'stop'>> = {
  submit: 'forward',
  approve: 'forward',
  reject: 'back',
  start: 'forward',
  complete: 'forward',
  accept: 'forward',
  fail_acceptance: 'back',
  close: 'forward',
  suspend: 'stop',
  resume: 'forward',
  terminate: 'stop',
};

/** The order of the buttons: forward first, then back, then stopping. */
export const ACTION_ORDER: readonly TProjectAction[] = [
  'submit',
  'approve',
  'start',
  'complete',
  'accept',
  'close',
  'resume',
  'reject',
  'fail_acceptance',
  'suspend',
  'terminate',
];

/** Hints for the reason of a step, per step. */
export const REASON_PLACEHOLDERS: Partial<Readonly<Record<TProjectAction, MessageKey>>> = {
  reject: 'projects.transition.reasonPlaceholder.reject',
  fail_acceptance: 'projects.transition.reasonPlaceholder.fail_acceptance',
  suspend: 'projects.transition.reasonPlaceholder.suspend',
  terminate: 'projects.transition.reasonPlaceholder.terminate',
};

export type OverdueKind = TOverdueItem['kind'];

export const OVERDUE_KINDS: readonly OverdueKind[] = ['progress_report', 'final_report', 'milestone', 'follow_up'];

export const OVERDUE_KIND_LABELS: Readonly<Record<OverdueKind, MessageKey>> = {
  progress_report: 'projects.overdue.kind.progress_report',
  final_report: 'projects.overdue.kind.final_report',
  milestone: 'projects.overdue.kind.milestone',
  follow_up: 'projects.overdue.kind.follow_up',
};

export const OVERDUE_KIND_COLORS: Readonly<Record<OverdueKind, string>> = {
  progress_report: 'volcano',
  final_report: 'magenta',
  milestone: 'geekblue',
  follow_up: 'purple',
};

/** What an overdue item is about, in words: the period of a report, the title of a milestone… */
export const OVERDUE_DETAIL: Readonly<Record<OverdueKind, MessageKey>> = {
  progress_report: 'projects.overdue.detail.progress_report',
  final_report: 'projects.overdue.detail.final_report',
  milestone: 'projects.overdue.detail.milestone',
  follow_up: 'projects.overdue.detail.follow_up',
};

/** Days from one Beijing calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const day = (date: string) => {
    const [year = 0, month = 1, dayOfMonth = 1] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, dayOfMonth) / 86_400_000;
  };
  return Math.round(day(to) - day(from));
}

export const isProjectStatus = (value: string | null | undefined): value is TProjectStatus =>
  PROJECT_STATUS.values.some((status) => status === value);

export const isProjectCategory = (value: string | null | undefined): value is TProjectCategory =>
  PROJECT_CATEGORY.values.some((category) => category === value);

/** States in which the project runs and reports are expected. */
export const RUNNING: ReadonlySet<TProjectStatus> = new Set([
  'approved',
  'in_progress',
  'completed',
  'accepted',
  'suspended',
]);

/** Report kinds the server takes in each state. */
export const REPORTABLE: Readonly<Record<'progress' | 'final', ReadonlySet<TProjectStatus>>> = {
  progress: new Set(['in_progress', 'suspended', 'completed']),
  final: new Set(['completed', 'accepted', 'closed', 'terminated']),
};
