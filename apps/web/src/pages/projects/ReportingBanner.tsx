import type { TOverdueItem, TProject, TReportingStatus } from '@tongxin/contracts';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { beijingToday } from '../../lib/dates';
import { daysBetween, OVERDUE_DETAIL, OVERDUE_KIND_LABELS, REPORTABLE } from './shared/labels';

/** Within this many days a coming report is announced. */
const SOON_DAYS = 30;
/** Overdue items listed in the banner; the rest are counted. */
const LISTED = 4;

type Props = {
  project: TProject;
  reporting: TReportingStatus;
  /** The user's organization runs the project and files its reports. */
  canReport: boolean;
  onReport: () => void;
  /** Opens the tab where an overdue milestone or follow-up is seen. */
  onOpenTab: (tab: 'milestones' | 'inspections') => void;
};

/** One overdue item in words: 进展报告（报告期 2025-04-02 – 2025-07-02），应于 2025-07-02 前完成，已逾期 150 天. */
export function useOverdueText(): (item: TOverdueItem) => string {
  const t = useT();
  const today = beijingToday();
  return (item) =>
    t('projects.overdue.line', {
      kind: t(OVERDUE_KIND_LABELS[item.kind]),
      detail: t(OVERDUE_DETAIL[item.kind], { title: item.title }),
      due: item.dueOn,
      days: daysBetween(item.dueOn, today),
    });
}

/**
 * What the reporting rules ask of the project now: overdue reports, milestones and follow-ups, or the next
 * report when it is due within a month. Nothing when all is on time.
 */
export function ReportingBanner({ project, reporting, canReport, onReport, onOpenTab }: Props) {
  const t = useT();
  const overdueText = useOverdueText();
  const today = beijingToday();
  const { overdue, nextReportDue } = reporting;
  const reportsOverdue = overdue.some((item) => item.kind === 'progress_report' || item.kind === 'final_report');
  const mayReport = canReport && (REPORTABLE.progress.has(project.status) || REPORTABLE.final.has(project.status));
  // The way to what is late: the report form, or the tab with the late milestone or follow-up.
  let action: ReactNode;
  if (mayReport && (reportsOverdue || overdue.length === 0)) {
    action = (
      <Button size="small" type="primary" onClick={onReport}>
        {t('projects.report.new')}
      </Button>
    );
  } else if (overdue.some((item) => item.kind === 'milestone')) {
    action = (
      <Button size="small" onClick={() => onOpenTab('milestones')}>
        {t('projects.banner.toMilestones')}
      </Button>
    );
  } else if (overdue.some((item) => item.kind === 'follow_up')) {
    action = (
      <Button size="small" onClick={() => onOpenTab('inspections')}>
        {t('projects.banner.toFollowUps')}
      </Button>
    );
  }

  if (overdue.length > 0) {
    const rest = overdue.length - LISTED;
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="reporting-banner"
        title={t('projects.banner.overdue', { count: overdue.length })}
        description={
          <>
            <ul className="tx-banner-list">
              {overdue.slice(0, LISTED).map((item) => (
                <li key={`${item.kind}-${item.dueOn}-${item.title}`}>{overdueText(item)}</li>
              ))}
            </ul>
            {rest > 0 && <div>{t('projects.banner.more', { count: rest })}</div>}
            {nextReportDue && (
              <div>{t('projects.banner.next', { date: nextReportDue, days: daysBetween(today, nextReportDue) })}</div>
            )}
          </>
        }
        action={action}
      />
    );
  }
  if (nextReportDue && daysBetween(today, nextReportDue) <= SOON_DAYS) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="reporting-banner"
        title={t('projects.banner.next', { date: nextReportDue, days: daysBetween(today, nextReportDue) })}
        description={t('projects.banner.rule')}
        action={action}
      />
    );
  }
  return null;
}
