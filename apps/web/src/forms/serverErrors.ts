import type { FormInstance } from 'antd';
import { isApiError } from '../api/ApiError';

export type PlacedErrors = {
  /** Problems that belong to no field of this form, to show above it. */
  unplaced: string[];
  /** True when everything the server said now stands at a field, so nothing needs showing above the form. */
  allPlaced: boolean;
};

type NamePath = (string | number)[];

const isIndex = (part: string) => /^\d+$/.test(part);

/**
 * The field of the form that a server path belongs to, as a name path: the longest of the form's field names
 * that the path starts with (`head.idNumber` before `head`). A `*` in a field name stands for a row of a list
 * (`beneficiaryCounts.*.count` takes `beneficiaryCounts.0.count`).
 */
function fieldOf(path: string, known: readonly string[]): NamePath | undefined {
  const parts = path.split(/[.[\]]+/).filter(Boolean);
  let best: NamePath | undefined;
  for (const name of known) {
    const pattern = name.split('.');
    if (pattern.length > parts.length || (best && pattern.length <= best.length)) continue;
    const matches = pattern.every((part, index) => {
      const actual = parts[index] ?? '';
      return part === actual || (part === '*' && isIndex(actual));
    });
    if (matches) best = parts.slice(0, pattern.length).map((part) => (isIndex(part) ? Number(part) : part));
  }
  return best;
}

/**
 * Puts the server's field problems at the form's fields (paths are body field names: creditCode,
 * regionCode, effectiveOn, head.idNumber, beneficiaryCounts.0.count…; a dotted name stands for a nested form
 * field), scrolls to the first, and returns what has no field here. `aliases` names the form field of a body
 * field the form shows under another name (`plannedEnd` → the date range `planned`). `codeFields` names the
 * field a refusal without a field path is about (FUNDS_INSUFFICIENT → `amount`): its message stands there.
 */
export function placeServerErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  codeFields: Readonly<Record<string, string>> = {},
): PlacedErrors {
  if (!isApiError(error)) return { unplaced: [], allPlaced: false };
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  const known = [...fieldNames, ...Object.keys(aliases)];
  const codeField = codeFields[error.code];
  const problems =
    error.fields.length === 0 && codeField && fieldOf(codeField, known)
      ? [{ path: codeField, message: error.message }]
      : error.fields;
  for (const problem of problems) {
    const found = fieldOf(problem.path, known);
    if (!found) {
      unplaced.push(problem.message);
      continue;
    }
    const alias = aliases[found.join('.')];
    const name = alias ? alias.split('.') : found;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next();
  if (!first.done) form.scrollToField(first.value.name, { block: 'center' });
  // A summary such as "some fields are not valid" stays above the form; a refusal whose message already
  // stands at its field (a taken username) is not repeated there.
  const repeatsField = problems.some((problem) => problem.message === error.message);
  return { unplaced, allPlaced: byField.size > 0 && unplaced.length === 0 && repeatsField };
}
