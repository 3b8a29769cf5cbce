import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Table, Typography } from 'antd';
import { fetchImports, type ImportJob } from '../../../api/imports';
import { keys } from '../../../api/keys';
import { ErrorState } from '../../../components/ErrorState';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { KIND_LABELS, MODE_LABELS, outcomeOf, type ImportOutcome } from './labels';

const BADGES: Readonly<Record<ImportOutcome, 'processing' | 'error' | 'success' | 'warning'>> = {
  running: 'processing',
  failed: 'error',
  imported: 'success',
  partly: 'warning',
  refused: 'error',
};

/** The latest imports of the user's organizations, to look at a result again. */
export function RecentImports({ currentId, onShow }: { currentId: string | null; onShow: (id: string) => void }) {
  const t = useT();
  const imports = useQuery({
    queryKey: [...keys.imports, 'recent'],
    queryFn: ({ signal }) => fetchImports(signal),
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.status === 'running') ? 2000 : false),
  });
  return (
    <Card title={t('registry.import.recentTitle')}>
      {imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} compact />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="small"
          loading={imports.isPending}
          dataSource={imports.data?.items ?? []}
          pagination={(imports.data?.items.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          rowClassName={(job) => (job.id === currentId ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Typography.Text type="secondary">{t('registry.import.recentEmpty')}</Typography.Text> }}
          columns={[
            {
              key: 'time',
              title: t('registry.import.recent.time'),
              render: (_, job) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</span>,
            },
            {
              key: 'file',
              title: t('registry.import.recent.file'),
              render: (_, job) => (
                <Typography.Text ellipsis={{ tooltip: job.fileName }} style={{ maxWidth: 240 }}>
                  {job.fileName}
                </Typography.Text>
              ),
            },
            {
              key: 'kind',
              title: t('registry.import.recent.kind'),
              render: (_, job) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {t(KIND_LABELS[job.kind])} · {t(MODE_LABELS[job.mode])}
                </span>
              ),
            },
            {
              key: 'status',
              title: t('registry.import.recent.status'),
              render: (_, job) => {
                const outcome = outcomeOf(job);
                return (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <Badge status={BADGES[outcome]} text={t(`registry.import.outcome.${outcome}`)} />
                  </span>
                );
              },
            },
            {
              key: 'rows',
              title: t('registry.import.recent.rows'),
              render: (_, job) =>
                job.totalRows === null ? (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ) : (
                  <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {t('registry.import.recent.rowsText', {
                      total: job.totalRows,
                      errors: job.errorRows ?? 0,
                      committed: job.committedRows ?? 0,
                    })}
                  </span>
                ),
            },
            {
              key: 'actor',
              title: t('registry.import.recent.actor'),
              render: (_, job) => job.actorUsername,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, job) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShow(job.id)}>
                  {t('registry.import.recent.show')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
