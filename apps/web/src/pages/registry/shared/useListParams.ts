import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | number | null | undefined>;

/**
 * A list's filters, sort and page kept in the address bar, so that a list can be bookmarked, shared and
 * returned to with the browser's Back button. Any change but a page change starts again at page one.
 */
export function useListParams(): [URLSearchParams, (changes: ParamChanges, resetPage?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: ParamChanges, resetPage = true) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: false },
    );
  return [params, update];
}
