import type { Key } from 'react';
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

type TableSorter = { columnKey?: Key; order?: 'ascend' | 'descend' | null };

/**
 * A list table's onChange: its page, page size and sort go to the address bar (without starting again at page
 * one). Sorting by a column that is not one of `sorts` clears the sort; the list's own order (`defaultOrder`)
 * is not written, so that the address stays short.
 */
export function listTableChange(
  update: (changes: ParamChanges, resetPage?: boolean) => void,
  sorts: readonly string[],
  defaultOrder: 'asc' | 'desc',
) {
  return (
    pagination: { current?: number; pageSize?: number },
    _filters: unknown,
    sorter: TableSorter | TableSorter[],
  ) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey ? String(single.columnKey) : null;
    const field = sorts.find((sort) => sort === key);
    const order = single?.order === 'ascend' ? 'asc' : single?.order === 'descend' ? 'desc' : null;
    update(
      {
        page: pagination.current ?? 1,
        pageSize: pagination.pageSize ?? 20,
        sort: single?.order && field ? field : null,
        order: order === defaultOrder ? null : order,
      },
      false,
    );
  };
}
