import { EditOutlined, ProjectOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  INFRASTRUCTURE_KIND,
  ORGANIZATION_LEVEL_LABELS,
  PROJECT_ACTION,
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  type TProjectAction,
} from '@tongxin/contracts';
import { Badge, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import { fetchProject, fetchProjectRecords } from '../../api/projects';
import { RecordPageState } from '../../components/RecordPageState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../layout/BreadcrumbContext';
import { formatYuan } from '../../lib/money';
import { ProjectFundsTab } from '../funds/project/ProjectFundsTab';
import { MONO } from '../registry/shared/labels';
import { AcceptanceDrawer } from './AcceptanceDrawer';
import { InspectionDrawer } from './InspectionDrawer';
import { ProjectFormDrawer, type ProjectFormTarget } from './ProjectFormDrawer';
import { ReportDrawer } from './ReportDrawer';
import { ReportingBanner } from './ReportingBanner';
import { ACTION_KIND, ACTION_ORDER } from './shared/labels';
import { ProjectStatusTag } from './shared/Tags';
import { useProjectSide } from './shared/useProjectSide';
import { AcceptanceTab } from './tabs/AcceptanceTab';
import { FilesTab } from './tabs/FilesTab';
import { InspectionsTab } from './tabs/InspectionsTab';
import { MilestonesTab } from './tabs/MilestonesTab';
import { OverviewTab } from './tabs/OverviewTab';
import { ReportsTab } from './tabs/ReportsTab';
import { TimelineTab } from './tabs/TimelineTab';
import { TransitionModal } from './TransitionModal';

const TABS = ['overview', 'milestones', 'reports', 'inspections', 'acceptance', 'funds', 'files', 'timeline'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((tab) => tab === value);

/** A drawer of the page: a new report, inspection or acceptance check. */
type RecordDrawer = 'report' | 'inspection' | 'acceptance';

/** 帮扶项目: one project with the steps open to the user, its records and its timeline. */
export function ProjectPage() {
  const t = useT();
  const label = useLabel();
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const project = useQuery({
    queryKey: keys.project(projectId),
    queryFn: ({ signal }) => fetchProject(projectId, signal),
  });
  const records = useQuery({
    queryKey: keys.projectRecords(projectId),
    queryFn: ({ signal }) => fetchProjectRecords(projectId, signal),
    enabled: project.isSuccess,
  });
  const side = useProjectSide(project.data);
  const [action, setAction] = useState<TProjectAction | null>(null);
  const [drawer, setDrawer] = useState<RecordDrawer | null>(null);
  const [formTarget, setFormTarget] = useState<ProjectFormTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const p = project.data;

  const crumbs = useMemo<Crumb[]>(() => (p ? [{ key: p.id, title: p.name }] : []), [p]);
  usePageCrumbs(crumbs);

  if (project.isPending || project.isError || !p) return <RecordPageState query={project} rows={12} />;

  const requested = params.get('tab');
  const tab: TabKey = isTab(requested) ? requested : 'overview';
  const setTab = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'overview') copy.delete('tab');
        else copy.set('tab', next);
        return copy;
      },
      { replace: true },
    );
  const open = (next: RecordDrawer) => {
    setOpening((count) => count + 1);
    setDrawer(next);
  };
  const takeStep = (next: TProjectAction) => {
    // An acceptance is decided by its checklist: the check's verdict takes the step.
    if (next === 'accept' || next === 'fail_acceptance') {
      setTab('acceptance');
      open('acceptance');
      return;
    }
    setOpening((count) => count + 1);
    setAction(next);
  };

  const r = records.data;
  const count = (n: number | undefined, overdue = 0) =>
    n ? (
      <Badge
        count={overdue || n}
        color={overdue ? '#fa541c' : '#e6e9ef'}
        style={overdue ? undefined : { color: '#5c6370', boxShadow: 'none' }}
        size="small"
        offset={[4, -2]}
        title={overdue ? t('projects.tab.overdueCount', { count: overdue }) : undefined}
      />
    ) : null;
  const tabLabel = (text: string, badge: ReactNode) => (
    <span>
      {text}
      {badge}
    </span>
  );
  const overdueMilestones = r?.milestones.filter((m) => m.overdue).length ?? 0;
  const overdueFollowUps = r?.inspections.flatMap((i) => i.followUps).filter((f) => f.overdue).length ?? 0;
  const actions = ACTION_ORDER.filter((candidate) => p.allowedActions.includes(candidate));

  const items: { key: TabKey; label: ReactNode; children: ReactNode }[] = [
    { key: 'overview', label: t('projects.tab.overview'), children: <OverviewTab project={p} /> },
    {
      key: 'milestones',
      label: tabLabel(t('projects.tab.milestones'), count(r?.milestones.length, overdueMilestones)),
      children: <MilestonesTab project={p} records={records} canEdit={side.isOwner} />,
    },
    {
      key: 'reports',
      label: tabLabel(t('projects.tab.reports'), count(r?.reports.length)),
      children: <ReportsTab project={p} records={records} canReport={side.isOwner} onNew={() => open('report')} />,
    },
    {
      key: 'inspections',
      label: tabLabel(t('projects.tab.inspections'), count(r?.inspections.length, overdueFollowUps)),
      children: (
        <InspectionsTab project={p} records={records} canInspect={side.isAbove} onNew={() => open('inspection')} />
      ),
    },
    {
      key: 'acceptance',
      label: tabLabel(t('projects.tab.acceptance'), count(r?.acceptances.length)),
      children: (
        <AcceptanceTab project={p} records={records} canCheck={side.isAbove} onNew={() => open('acceptance')} />
      ),
    },
    { key: 'funds', label: t('projects.tab.funds'), children: <ProjectFundsTab project={p} /> },
    {
      key: 'files',
      label: tabLabel(t('projects.tab.files'), count(r?.files.length)),
      children: <FilesTab project={p} records={records} canUpload={side.isOwner || side.isAbove} />,
    },
    { key: 'timeline', label: t('projects.tab.timeline'), children: <TimelineTab project={p} /> },
  ];

  const facts: { key: string; label: string; value: ReactNode }[] = [
    {
      key: 'budget',
      label: t('projects.field.budget'),
      value: (
        <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="project-budget">
          {formatYuan(p.budget)}
        </span>
      ),
    },
    {
      key: 'planned',
      label: t('projects.field.planned'),
      value: t('projects.period', { from: p.plannedStart, to: p.plannedEnd }),
    },
    {
      key: 'actual',
      label: t('projects.field.actual'),
      value: p.actualStart
        ? p.actualEnd
          ? t('projects.period', { from: p.actualStart, to: p.actualEnd })
          : t('projects.since', { from: p.actualStart })
        : t('projects.notStarted'),
    },
  ];

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Space align="center" size={10} wrap>
              <ProjectOutlined style={{ fontSize: 20, color: '#1a5fb4' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="project-title">
                {p.name}
              </Typography.Title>
              <ProjectStatusTag status={p.status} />
              {p.status === 'suspended' && p.suspendedFrom && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('projects.suspendedFrom', { status: label(PROJECT_STATUS.labels, p.suspendedFrom) })}
                </Typography.Text>
              )}
            </Space>
            <div className="tx-detail-meta" style={{ gap: 6 }}>
              <Typography.Text type="secondary" style={MONO} data-testid="project-code">
                {p.code}
              </Typography.Text>
              <Tag color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
                {label(PROJECT_CATEGORY.labels, p.category)}
                {p.infrastructureKind && ` · ${label(INFRASTRUCTURE_KIND.labels, p.infrastructureKind)}`}
              </Tag>
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {label(ORGANIZATION_LEVEL_LABELS, p.level)}
              </Tag>
              <Typography.Text style={{ fontSize: 13, color: '#5c6370' }} data-testid="project-owner">
                {p.ownerOrganizationName}
              </Typography.Text>
            </div>
            <div className="tx-facts">
              {facts.map((fact) => (
                <div key={fact.key} className="tx-fact">
                  <div className="tx-fact-label">{fact.label}</div>
                  <div className="tx-fact-value">{fact.value}</div>
                </div>
              ))}
            </div>
          </div>
          {(actions.length > 0 || p.canEdit) && (
            <Space wrap style={{ justifyContent: 'flex-end' }} data-testid="project-actions">
              {actions.map((candidate) => (
                <Button
                  key={candidate}
                  type={ACTION_KIND[candidate] === 'forward' ? 'primary' : 'default'}
                  danger={ACTION_KIND[candidate] === 'stop'}
                  onClick={() => takeStep(candidate)}
                >
                  {label(PROJECT_ACTION.labels, candidate)}
                </Button>
              ))}
              {p.canEdit && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => {
                    setOpening((n) => n + 1);
                    setFormTarget({ mode: 'edit', project: p });
                  }}
                >
                  {t('common.edit')}
                </Button>
              )}
            </Space>
          )}
        </div>
      </Card>
      {r && (
        <ReportingBanner
          project={p}
          reporting={r.reporting}
          canReport={side.isOwner}
          onReport={() => {
            setTab('reports');
            open('report');
          }}
          onOpenTab={setTab}
        />
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden data-testid="project-tabs" />
      </Card>
      <TransitionModal key={`step-${opening}`} project={p} action={action} onClose={() => setAction(null)} />
      <ReportDrawer key={`report-${opening}`} project={p} open={drawer === 'report'} onClose={() => setDrawer(null)} />
      <InspectionDrawer
        key={`inspection-${opening}`}
        project={p}
        open={drawer === 'inspection'}
        onClose={() => setDrawer(null)}
      />
      <AcceptanceDrawer
        key={`acceptance-${opening}`}
        project={p}
        open={drawer === 'acceptance'}
        onClose={() => setDrawer(null)}
      />
      <ProjectFormDrawer
        key={`form-${opening}`}
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={() => setFormTarget(null)}
      />
    </>
  );
}
