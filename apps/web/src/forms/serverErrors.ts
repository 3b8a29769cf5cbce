import type { FormInstance } from 'antd';
import { isApiError } from '../api/ApiError';

export type PlacedErrors = {
  /** Problems that belong to no field of this form, to show above it. */
  unplaced: string[];
  /** True when everything the server said now stands at a field, so nothing needs showing above the form. */
  allPlaced: boolean;
};

/** The longest of the form's field names that the server's path starts with: `head.idNumber` before `head`. */
function fieldOf(path: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of known) {
    const matches = path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`);
    if (matches && (!best || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * Puts the server's field problems at the form's fields (paths are body field names: creditCode,
 * regionCode, effectiveOn, head.idNumber…; a dotted name stands for a nested form field), scrolls to the
 * first, and returns what has no field here.
 */
export function placeServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): PlacedErrors {
  if (!isApiError(error)) return { unplaced: [], allPlaced: false };
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  const problems = error.fields;
  for (const problem of problems) {
    const name = fieldOf(problem.path, fieldNames);
    if (name) byField.set(name, [...(byField.get(name) ?? []), problem.message]);
    else unplaced.push(problem.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.'), errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(first.value.split('.'), { block: 'center' });
  // A summary such as "some fields are not valid" stays above the form; a refusal whose message already
  // stands at its field (a taken username) is not repeated there.
  const repeatsField = problems.some((problem) => problem.message === error.message);
  return { unplaced, allPlaced: byField.size > 0 && unplaced.length === 0 && repeatsField };
}
