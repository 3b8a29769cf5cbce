import { Button, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';

/** A page of a list as the server answers it, with the query's state. */
export type ListResult<T> = {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
  list: ListResult<T>;
  /** The page shown, from the page's query. */
  page: { page?: number; pageSize?: number };
  /** Shown when the list holds nothing and no filter is set: what to do next. */
  empty: ReactNode;
  /** Shown when filters are set and nothing matches (see NoMatch). */
  noMatch?: ReactNode;
  filtered?: boolean;
  /** The count beside the pager, e.g. "共 12 笔捐赠"; by default "共 12 条". */
  totalText?: (total: number) => ReactNode;
  /** The count's test id, for browser tests that read it. */
  totalTestId?: string;
  pageSizes?: number[];
  /** Where a page change goes when the table has no `onChange` of its own (sorting lists have one). */
  onPage?: (changes: { page: number; pageSize: number }) => void;
};

/**
 * The table of a list page: loading, a failed load with a retry, the empty and no-match states, and the
 * pager with its sizes and count — the same on every list, so that county staff find them where they expect.
 */
export function ListTable<T extends object>({
  list,
  page,
  empty,
  noMatch,
  filtered = false,
  totalText,
  totalTestId = 'list-total',
  pageSizes = [20, 50, 100, 200],
  onPage,
  onChange,
  ...table
}: ListTableProps<T>) {
  const t = useT();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      scroll={{ x: 'max-content' }}
      {...table}
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.isPending ? ' ' : filtered && noMatch ? noMatch : empty }}
      pagination={{
        current: page.page ?? 1,
        pageSize: page.pageSize ?? 20,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: pageSizes,
        showTotal: (total) => (
          <Typography.Text type="secondary" data-testid={totalTestId}>
            {totalText ? totalText(total) : t('common.total', { total })}
          </Typography.Text>
        ),
      }}
      onChange={
        onChange ?? ((pagination) => onPage?.({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }))
      }
    />
  );
}

/** Nothing matches the filters: says so and offers to clear them. */
export function NoMatch({ title, hint, onClear }: { title: ReactNode; hint?: ReactNode; onClear: () => void }) {
  const t = useT();
  return (
    <EmptyState
      compact
      title={title}
      hint={hint}
      action={<Button onClick={onClear}>{t('projects.clearFilters')}</Button>}
    />
  );
}
