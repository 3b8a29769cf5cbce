import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { INSPECTION_RATING, type TInspection, type TProject } from '@tongxin/contracts';
import { Button, Skeleton, Table, Tag, Typography } from 'antd';
import { projectFileUrl, type ProjectRecords } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { PhotoGallery } from '../shared/PhotoGallery';
import { RATING_COLORS } from '../shared/ratings';

type Props = {
  project: TProject;
  records: UseQueryResult<ProjectRecords>;
  /** The user's organization is above the project's and inspects it. */
  canInspect: boolean;
  onNew: () => void;
};

type FollowUp = TInspection['followUps'][number];

function Inspection({ projectId, inspection }: { projectId: string; inspection: TInspection }) {
  const t = useT();
  const label = useLabel();
  return (
    <article className="tx-record" data-testid="inspection">
      <header className="tx-record-head">
        <Typography.Text strong>
          {t('projects.inspection.visitedOnLine', { date: inspection.visitedOn })}
        </Typography.Text>
        <Tag color={RATING_COLORS[inspection.rating]} style={{ marginInlineEnd: 0 }} data-testid="rating">
          {t('projects.inspection.ratingLine', { rating: label(INSPECTION_RATING.labels, inspection.rating) })}
        </Tag>
        <span className="tx-record-by">
          {t('projects.recordedBy', { user: inspection.authorUsername, time: formatDateTime(inspection.createdAt) })}
        </span>
      </header>
      <div className="tx-record-meta">
        {t('common.labelled', { label: t('projects.inspection.inspectors') })}
        {inspection.inspectors}
      </div>
      <div className="tx-record-text">{inspection.findings}</div>
      {inspection.followUps.length > 0 && (
        <Table<FollowUp>
          size="small"
          rowKey={(row) => `${row.action}-${row.dueOn}`}
          dataSource={inspection.followUps}
          pagination={false}
          style={{ marginTop: 12 }}
          data-testid="follow-ups"
          rowClassName={(row) => (row.overdue ? 'tx-row-overdue' : '')}
          columns={[
            { key: 'action', title: t('projects.inspection.followUp'), dataIndex: 'action' },
            {
              key: 'owner',
              title: t('projects.inspection.followUpOwner'),
              dataIndex: 'owner',
              render: (owner: string) => <span style={{ whiteSpace: 'nowrap' }}>{owner}</span>,
            },
            {
              key: 'dueOn',
              title: t('projects.inspection.followUpDue'),
              render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.dueOn}</span>,
            },
            {
              key: 'state',
              title: t('projects.milestone.state'),
              render: (_, row) =>
                row.done ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('projects.inspection.done')}
                  </Tag>
                ) : row.overdue ? (
                  <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="overdue-tag">
                    {t('projects.overdue.tag')}
                  </Tag>
                ) : (
                  <Tag style={{ marginInlineEnd: 0 }}>{t('projects.inspection.open')}</Tag>
                ),
            },
          ]}
        />
      )}
      <PhotoGallery photos={inspection.photos} srcOf={(photoId) => projectFileUrl(projectId, photoId)} />
    </article>
  );
}

/** 督导检查: the visits of the organizations above, with findings, rating, follow-ups and photos. */
export function InspectionsTab({ project, records, canInspect, onNew }: Props) {
  const t = useT();
  if (records.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (records.isError) return <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  const inspections = [...records.data.inspections].sort(
    (a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  const newButton = canInspect ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
      {t('projects.inspection.new')}
    </Button>
  ) : undefined;
  return (
    <>
      <div className="tx-toolbar">
        <Typography.Text type="secondary">{t('projects.inspection.hint')}</Typography.Text>
        <div className="tx-toolbar-spacer" />
        {newButton}
      </div>
      {inspections.length === 0 ? (
        <EmptyState
          compact
          title={t('projects.inspection.empty')}
          hint={canInspect ? t('projects.inspection.emptyHint') : t('projects.inspection.emptyReadOnly')}
          action={newButton}
        />
      ) : (
        <div className="tx-records" data-testid="inspections">
          {inspections.map((inspection) => (
            <Inspection key={inspection.id} projectId={project.id} inspection={inspection} />
          ))}
        </div>
      )}
    </>
  );
}
