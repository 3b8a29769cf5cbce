import type { ImportJob, ImportKind, ImportMode } from '../../../api/imports';
import type { MessageKey } from '../../../i18n/zh-CN';

export const KIND_LABELS: Readonly<Record<ImportKind, MessageKey>> = {
  households: 'registry.import.kind.households',
  persons: 'registry.import.kind.persons',
};

export const MODE_LABELS: Readonly<Record<ImportMode, MessageKey>> = {
  all: 'registry.import.mode.all',
  valid: 'registry.import.mode.valid',
};

/**
 * The phases the server reports, as a person would name them: a workbook's rows are counted first, then
 * every row is checked and, when it passes, written, in one pass and one transaction.
 */
export const PHASES = ['counting', 'importing'] as const;
export const PHASE_LABELS: Readonly<Record<(typeof PHASES)[number], MessageKey>> = {
  counting: 'registry.import.phase.counting',
  importing: 'registry.import.phase.importing',
};

export function phaseIndex(job: Pick<ImportJob, 'phase' | 'status'>): number {
  if (job.status !== 'running' || job.phase === 'done') return PHASES.length;
  const index = PHASES.findIndex((phase) => phase === job.phase);
  return index < 0 ? 0 : index;
}

/** How an import ended, for its colour and its sentence. */
export type ImportOutcome = 'running' | 'failed' | 'imported' | 'partly' | 'refused';

export function outcomeOf(job: ImportJob): ImportOutcome {
  if (job.status === 'running') return 'running';
  if (job.status === 'failed') return 'failed';
  if (!job.committed) return 'refused';
  return (job.errorRows ?? 0) > 0 ? 'partly' : 'imported';
}
