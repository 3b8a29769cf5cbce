import { CheckCircleFilled, CloseCircleFilled, PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TAcceptance, TProject } from '@tongxin/contracts';
import { Alert, Button, Skeleton, Table, Tag, Typography } from 'antd';
import type { ProjectRecords } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';

type Props = {
  project: TProject;
  records: UseQueryResult<ProjectRecords>;
  /** The user's organization is above the project's and checks its acceptance. */
  canCheck: boolean;
  onNew: () => void;
};

type Item = TAcceptance['checklist'][number];

function Acceptance({ acceptance }: { acceptance: TAcceptance }) {
  const t = useT();
  const passed = acceptance.verdict === 'pass';
  return (
    <article className="tx-record" data-testid="acceptance">
      <header className="tx-record-head">
        <Typography.Text strong>
          {t('projects.acceptance.checkedOnLine', { date: acceptance.checkedOn })}
        </Typography.Text>
        <Tag
          color={passed ? 'green' : 'red'}
          icon={passed ? <CheckCircleFilled /> : <CloseCircleFilled />}
          style={{ marginInlineEnd: 0 }}
          data-testid="verdict"
        >
          {passed ? t('projects.acceptance.verdictPass') : t('projects.acceptance.verdictFail')}
        </Tag>
        <span className="tx-record-by">
          {t('projects.recordedBy', { user: acceptance.authorUsername, time: formatDateTime(acceptance.createdAt) })}
        </span>
      </header>
      <Table<Item>
        size="small"
        rowKey={(row) => row.item}
        dataSource={acceptance.checklist}
        pagination={false}
        columns={[
          { key: 'item', title: t('projects.acceptance.item'), dataIndex: 'item' },
          {
            key: 'passed',
            title: t('projects.acceptance.result'),
            render: (_, row) =>
              row.passed ? (
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {t('projects.acceptance.pass')}
                </Tag>
              ) : (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('projects.acceptance.fail')}
                </Tag>
              ),
          },
          {
            key: 'note',
            title: t('projects.acceptance.note'),
            render: (_, row) => row.note ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
          },
        ]}
      />
      {acceptance.remarks && (
        <div className="tx-record-text" style={{ marginTop: 10 }}>
          <Typography.Text type="secondary">
            {t('common.labelled', { label: t('projects.acceptance.remarks') })}
          </Typography.Text>
          {acceptance.remarks}
        </div>
      )}
    </article>
  );
}

/** 验收: the acceptance checks, item by item, and the verdict each gave. */
export function AcceptanceTab({ project, records, canCheck, onNew }: Props) {
  const t = useT();
  if (records.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (records.isError) return <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  const acceptances = [...records.data.acceptances].sort(
    (a, b) => b.checkedOn.localeCompare(a.checkedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  const awaiting = project.status === 'completed';
  const newButton =
    canCheck && awaiting ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
        {t('projects.acceptance.new')}
      </Button>
    ) : undefined;
  return (
    <>
      <div className="tx-toolbar">
        <Typography.Text type="secondary">{t('projects.acceptance.hint')}</Typography.Text>
        <div className="tx-toolbar-spacer" />
        {newButton}
      </div>
      {awaiting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={canCheck ? t('projects.acceptance.awaitingYou') : t('projects.acceptance.awaiting')}
        />
      )}
      {acceptances.length === 0 ? (
        <EmptyState
          compact
          title={t('projects.acceptance.empty')}
          hint={canCheck ? t('projects.acceptance.emptyHint') : t('projects.acceptance.emptyReadOnly')}
          action={newButton}
        />
      ) : (
        <div className="tx-records" data-testid="acceptances">
          {acceptances.map((acceptance) => (
            <Acceptance key={acceptance.id} acceptance={acceptance} />
          ))}
        </div>
      )}
    </>
  );
}
