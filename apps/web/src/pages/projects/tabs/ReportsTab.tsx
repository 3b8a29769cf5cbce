import { EyeInvisibleOutlined, GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { REPORT_KIND, type TProgressReport, type TProject } from '@tongxin/contracts';
import { Alert, Button, Skeleton, Tag, Typography } from 'antd';
import { projectFileUrl, type ProjectRecords } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { REPORTABLE } from '../shared/labels';
import { PhotoGallery } from '../shared/PhotoGallery';
import { ReportFigures } from '../shared/ReportFigures';

type Props = {
  project: TProject;
  records: UseQueryResult<ProjectRecords>;
  /** The user's organization runs the project and files its reports. */
  canReport: boolean;
  onNew: () => void;
};

function Report({ projectId, report }: { projectId: string; report: TProgressReport }) {
  const t = useT();
  const label = useLabel();
  return (
    <article className="tx-record" data-testid="report">
      <header className="tx-record-head">
        <Tag color={report.kind === 'final' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {label(REPORT_KIND.labels, report.kind)}
        </Tag>
        <Typography.Text strong data-testid="report-date">
          {report.reportedOn}
        </Typography.Text>
        {report.isPublic ? (
          <Tag icon={<GlobalOutlined />} color="cyan" variant="outlined" style={{ marginInlineEnd: 0 }}>
            {t('projects.report.public')}
          </Tag>
        ) : (
          <Tag icon={<EyeInvisibleOutlined />} variant="outlined" style={{ marginInlineEnd: 0 }}>
            {t('projects.report.internal')}
          </Tag>
        )}
        <span className="tx-record-by">
          {t('projects.recordedBy', { user: report.authorUsername, time: formatDateTime(report.createdAt) })}
        </span>
      </header>
      <div className="tx-record-text">{report.text}</div>
      <ReportFigures figures={report.figures} />
      <PhotoGallery photos={report.photos} srcOf={(photoId) => projectFileUrl(projectId, photoId)} />
    </article>
  );
}

/** 进展报告: the progress and final reports, newest first, with their figures and photos. */
export function ReportsTab({ project, records, canReport, onNew }: Props) {
  const t = useT();
  if (records.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (records.isError) return <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  const reports = [...records.data.reports].sort(
    (a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  const reportable = REPORTABLE.progress.has(project.status) || REPORTABLE.final.has(project.status);
  const next = records.data.reporting.nextReportDue;
  const newButton =
    canReport && reportable ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
        {t('projects.report.new')}
      </Button>
    ) : undefined;

  return (
    <>
      <div className="tx-toolbar">
        <Typography.Text type="secondary">
          {next ? t('projects.report.nextDue', { date: next }) : t('projects.banner.rule')}
        </Typography.Text>
        <div className="tx-toolbar-spacer" />
        {newButton}
      </div>
      {canReport && !reportable && project.status !== 'terminated' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('projects.report.notYet')} />
      )}
      {reports.length === 0 ? (
        <EmptyState
          compact
          title={t('projects.report.empty')}
          hint={canReport ? t('projects.banner.rule') : t('projects.report.emptyReadOnly')}
          action={newButton}
        />
      ) : (
        <div className="tx-records" data-testid="reports">
          {reports.map((report) => (
            <Report key={report.id} projectId={project.id} report={report} />
          ))}
        </div>
      )}
    </>
  );
}
