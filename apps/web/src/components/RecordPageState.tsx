import { Card, Skeleton } from 'antd';
import { ErrorState } from './ErrorState';

type RecordQuery = { isPending: boolean; error: unknown; refetch: () => unknown };

/**
 * A record's page before the record is there: a skeleton of the page while it loads, the reason and a retry
 * when it could not be loaded.
 */
export function RecordPageState({ query, rows = 8 }: { query: RecordQuery; rows?: number }) {
  return (
    <Card>
      {query.isPending ? (
        <Skeleton active title={{ width: '40%' }} paragraph={{ rows }} />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </Card>
  );
}
