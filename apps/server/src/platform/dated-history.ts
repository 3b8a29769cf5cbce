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
