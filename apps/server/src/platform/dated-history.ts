import { fieldProblem, type FieldProblem } from './errors/index.js';
import { beijingDate } from './time.js';

/**
 * Records with a dated history (organizations, households) keep every state over [valid_from, valid_to).
 * A change takes effect no later than today and no earlier than the change before it, so that the
 * history never has to be rewritten.
 */
export function effectiveDateProblems(
  effectiveOn: string,
  lastValidFrom: string | null,
  now: Date = new Date(),
): FieldProblem[] {
  const today = beijingDate(now);
  if (effectiveOn > today) {
    return [
      fieldProblem(
        'effectiveOn',
        { 'zh-CN': '生效日期不能晚于今天（{today}）', en: 'The effective date cannot be after today ({today})' },
        { today },
      ),
    ];
  }
  if (lastValidFrom && effectiveOn < lastValidFrom) {
    return [
      fieldProblem(
        'effectiveOn',
        {
          'zh-CN': '生效日期不能早于上一次变更的生效日期（{last}）',
          en: 'The effective date cannot be before that of the previous change ({last})',
        },
        { last: lastValidFrom },
      ),
    ];
  }
  return [];
}

export type DatedVersion = { id: string; valid_from: string; changed_fields: string };

export type VersionStore<V extends DatedVersion> = {
  close(id: string, validTo: string): Promise<void>;
  insert(version: V): Promise<void>;
  /** Overwrites the state of an existing version, keeping its id and validity. */
  amend(id: string, version: V): Promise<void>;
};

/**
 * Closes the version in force and opens the next one from its effective date. History is kept per day,
 * so a second change with the same effective date amends that day's version (the fields it changed are
 * merged) instead of leaving a version that was never in force; the audit trail keeps every step.
 */
export async function appendVersion<V extends DatedVersion>(
  current: V | undefined,
  next: V,
  store: VersionStore<V>,
): Promise<void> {
  if (current && current.valid_from === next.valid_from) {
    const merged = [
      ...new Set([
        ...(JSON.parse(current.changed_fields) as string[]),
        ...(JSON.parse(next.changed_fields) as string[]),
      ]),
    ];
    await store.amend(current.id, { ...next, changed_fields: JSON.stringify(merged) });
    return;
  }
  if (current) await store.close(current.id, next.valid_from);
  await store.insert(next);
}
