import { DownloadOutlined, RedoOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Result, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadErrorReport, fetchImportProblems, type ImportJob, type ImportProblem } from '../../../api/imports';
import { keys } from '../../../api/keys';
import { ErrorState } from '../../../components/ErrorState';
import { useLang, useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { outcomeOf, type ImportOutcome } from './labels';

const TITLES: Readonly<Record<Exclude<ImportOutcome, 'running'>, MessageKey>> = {
  failed: 'registry.import.result.failed',
  imported: 'registry.import.result.imported',
  partly: 'registry.import.result.partly',
  refused: 'registry.import.result.refused',
};

const HINTS: Readonly<Record<Exclude<ImportOutcome, 'running'>, MessageKey>> = {
  failed: 'registry.import.result.failedHint',
  imported: 'registry.import.result.importedHint',
  partly: 'registry.import.result.partlyHint',
  refused: 'registry.import.result.refusedHint',
};

const STATUS = { failed: 'error', imported: 'success', partly: 'warning', refused: 'error' } as const;

/** The problems of an import, row by row, a page at a time from the server. */
function ProblemTable({ job }: { job: ImportJob }) {
  const t = useT();
  const { lang } = useLang();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const problems = useQuery({
    queryKey: keys.importProblems(job.id, page, pageSize),
    queryFn: ({ signal }) => fetchImportProblems(job.id, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  if (problems.isError) return <ErrorState error={problems.error} onRetry={() => void problems.refetch()} compact />;
  return (
    <Table<ImportProblem>
      rowKey={(problem) => `${problem.row}-${problem.column}-${problem.message['zh-CN']}`}
      size="small"
      loading={problems.isFetching}
      dataSource={problems.data?.items ?? []}
      pagination={{
        current: page,
        pageSize,
        total: problems.data?.total ?? job.problemCount ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => t('registry.import.problemTotal', { total }),
        onChange: (next, size) => {
          setPage(size === pageSize ? next : 1);
          setPageSize(size);
        },
      }}
      columns={[
        {
          key: 'row',
          title: t('registry.import.problem.row'),
          dataIndex: 'row',
          width: 80,
          align: 'right',
        },
        {
          key: 'column',
          title: t('registry.import.problem.column'),
          dataIndex: 'column',
          width: 180,
          render: (column: string) => <span style={{ whiteSpace: 'nowrap' }}>{column}</span>,
        },
        {
          key: 'reason',
          title: t('registry.import.problem.reason'),
          render: (_, problem) => problem.message[lang],
        },
      ]}
    />
  );
}

type Props = { job: ImportJob; onRetry: () => void; onRestart: () => void };

/** Step 4: what was found and what was imported, the problems, the error report, and the way back. */
export function ImportResult({ job, onRetry, onRestart }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const outcome = outcomeOf(job);
  const report = useMutation({
    mutationFn: () => downloadErrorReport(job.id),
    onSuccess: (name) => void message.success(t('registry.import.reportDownloaded', { name })),
    onError: (error) => void message.error(error.message),
  });
  if (outcome === 'running') return null;
  const counts = {
    total: job.totalRows ?? 0,
    valid: job.validRows ?? 0,
    errors: job.errorRows ?? 0,
    committed: job.committedRows ?? 0,
  };
  return (
    <div data-testid="import-result">
      <Result
        status={STATUS[outcome]}
        style={{ padding: '8px 0 16px' }}
        title={<span data-testid="import-outcome">{t(TITLES[outcome], counts)}</span>}
        subTitle={outcome === 'failed' ? (job.message ?? t(HINTS.failed)) : t(HINTS[outcome], counts)}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            {job.hasErrorReport && (
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={report.isPending}
                onClick={() => report.mutate()}
              >
                {t('registry.import.downloadReport')}
              </Button>
            )}
            {outcome !== 'imported' && (
              <Button icon={<RedoOutlined />} onClick={onRetry} type={job.hasErrorReport ? 'default' : 'primary'}>
                {t('registry.import.retry')}
              </Button>
            )}
            {job.committed && (job.committedRows ?? 0) > 0 && (
              <Link
                to={
                  job.kind === 'households' ? '/registry/households?sort=updatedAt&order=desc' : '/registry/households'
                }
              >
                <Button type={outcome === 'imported' ? 'primary' : 'default'} icon={<TeamOutlined />}>
                  {t('registry.import.viewHouseholds')}
                </Button>
              </Link>
            )}
            <Button icon={<UploadOutlined />} onClick={onRestart}>
              {t('registry.import.another')}
            </Button>
          </Space>
        }
      />
      {outcome !== 'failed' && (
        <div className="tx-import-counts" data-testid="import-counts">
          <Statistic title={t('registry.import.count.total')} value={counts.total} />
          <Statistic
            title={t('registry.import.count.valid')}
            value={counts.valid}
            styles={{ content: { color: '#389e0d' } }}
          />
          <Statistic
            title={t('registry.import.count.errors')}
            value={counts.errors}
            styles={{ content: { color: counts.errors > 0 ? '#cf1322' : undefined } }}
          />
          <Statistic title={t('registry.import.count.committed')} value={counts.committed} />
        </div>
      )}
      {(job.problemCount ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('registry.import.problemsTitle')}
          </Typography.Title>
          <div data-testid="import-problems">
            <ProblemTable job={job} />
          </div>
        </>
      )}
    </div>
  );
}
