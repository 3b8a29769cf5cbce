import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { PROJECT_ACTION, type TProject, type TProjectTransition } from '@tongxin/contracts';
import { Skeleton, Tag, Timeline, Typography } from 'antd';
import { keys } from '../../../api/keys';
import { fetchProjectTimeline } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { ACTION_KIND } from '../shared/labels';
import { ProjectStatusTag } from '../shared/Tags';

const COLORS = { forward: 'blue', back: 'orange', stop: 'red' } as const;

/**
 * 时间线: every step of the lifecycle, oldest first: what was done, from which state to which, on which day,
 * by whom (user and organization), when it was recorded, and why when a reason was given.
 */
export function TimelineTab({ project }: { project: TProject }) {
  const t = useT();
  const label = useLabel();
  const timeline = useQuery({
    queryKey: keys.projectTimeline(project.id),
    queryFn: ({ signal }) => fetchProjectTimeline(project.id, signal),
  });
  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (timeline.isError) return <ErrorState compact error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const steps = timeline.data.items;
  if (steps.length === 0) {
    return <EmptyState compact title={t('projects.timeline.empty')} hint={t('projects.timeline.emptyHint')} />;
  }
  const item = (step: TProjectTransition) => ({
    key: step.id,
    color: step.toStatus === 'closed' || step.toStatus === 'accepted' ? 'green' : COLORS[ACTION_KIND[step.action]],
    content: (
      <div data-testid="timeline-step" data-action={step.action}>
        <div className="tx-step-head">
          <Typography.Text strong data-testid="step-action">
            {label(PROJECT_ACTION.labels, step.action)}
          </Typography.Text>
          <span className="tx-step-states">
            <ProjectStatusTag status={step.fromStatus} />
            <ArrowRightOutlined style={{ color: '#8a919f', fontSize: 11 }} />
            <ProjectStatusTag status={step.toStatus} />
          </span>
        </div>
        <div className="tx-step-line" data-testid="step-who">
          {t('projects.timeline.who', {
            date: step.on,
            user: step.actorUsername,
            organization: step.actorOrganizationName,
          })}
        </div>
        {step.reason && (
          <div className="tx-step-line">
            <Tag color="orange" variant="filled" style={{ marginInlineEnd: 6 }}>
              {t('projects.timeline.reason')}
            </Tag>
            {step.reason}
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('projects.timeline.recordedAt', { time: formatDateTime(step.recordedAt) })}
        </Typography.Text>
      </div>
    ),
  });
  return (
    <div style={{ maxWidth: 760, paddingTop: 12 }}>
      <Timeline items={steps.map(item)} data-testid="timeline" />
    </div>
  );
}
