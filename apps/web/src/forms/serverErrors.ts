import type { FormInstance } from 'antd';
import { isApiError } from '../api/ApiError';

export type PlacedErrors = {
  /** Problems that belong to no field of this form, to show above it. */
  unplaced: string[];
  /** True when everything the server said now stands at a field, so nothing needs showing above the form. */
  allPlaced: boolean;
};

/**
 * Puts the server's field problems at the form's fields (paths are body field names: creditCode,
 * regionCode, effectiveOn…), scrolls to the first, and returns what has no field here.
 */
export function placeServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): PlacedErrors {
  if (!isApiError(error)) return { unplaced: [], allPlaced: false };
  const known = new Set(fieldNames);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  const problems = error.fields;
  for (const problem of problems) {
    const name = problem.path.split('.')[0] ?? '';
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), problem.message]);
    else unplaced.push(problem.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(first.value, { block: 'center' });
  // A summary such as "some fields are not valid" stays above the form; a refusal whose message already
  // stands at its field (a taken username) is not repeated there.
  const repeatsField = problems.some((problem) => problem.message === error.message);
  return { unplaced, allPlaced: byField.size > 0 && unplaced.length === 0 && repeatsField };
}
