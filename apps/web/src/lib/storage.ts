/** A small preference kept in the browser (column choices, sider state); never anything sensitive. */
export function readPreference<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  try {
    const raw = window.localStorage.getItem(`tongxin.${key}`);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(`tongxin.${key}`, JSON.stringify(value));
  } catch {
    // Private windows may refuse storage; the preference then lasts for this page only.
  }
}
