import { useQuery } from '@tanstack/react-query';
import {
  ASSISTANCE_MODE,
  PARTNER_ROLE,
  PROJECT_CATEGORY,
  REPORT_KIND,
  type TPortalDonation,
  type TPortalProject,
} from '@tongxin/contracts';
import { Breadcrumb, Descriptions, Skeleton, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { Link, useParams } from 'react-router';
import { keys } from '../../api/keys';
import { portalPhotoUrl, portalProject } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { Money } from '../funds/shared/Money';
import { BeneficiaryList } from '../projects/shared/Beneficiaries';
import { PhotoGallery } from '../projects/shared/PhotoGallery';
import { ReportFigures } from '../projects/shared/ReportFigures';
import { ProjectStatusTag } from '../projects/shared/Tags';
import { PortalSection } from './PortalSection';

function Reports({ project }: { project: TPortalProject }) {
  const t = useT();
  const label = useLabel();
  if (project.reports.length === 0) {
    return <EmptyState compact title={t('portal.project.noReports')} hint={t('portal.project.noReportsHint')} />;
  }
  return (
    <div className="tx-records">
      {project.reports.map((report) => (
        <article key={report.id} className="tx-record" data-testid="portal-report">
          <header className="tx-record-head">
            <Tag color={report.kind === 'final' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {label(REPORT_KIND.labels, report.kind)}
            </Tag>
            <Typography.Text strong>{report.reportedOn}</Typography.Text>
          </header>
          <div className="tx-record-text">{report.text}</div>
          <ReportFigures figures={report.figures} />
          <PhotoGallery photos={report.photos} srcOf={(photoId) => portalPhotoUrl(project.id, photoId)} size={120} />
        </article>
      ))}
    </div>
  );
}

function Donations({ donations }: { donations: readonly TPortalDonation[] }) {
  const t = useT();
  return (
    <Table<TPortalDonation>
      rowKey={(row, index) => `${row.publicName}-${row.receivedOn}-${index ?? 0}`}
      size="middle"
      dataSource={[...donations]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <EmptyState compact title={t('portal.project.noDonations')} /> }}
      columns={[
        {
          key: 'donor',
          title: t('portal.donation.donor'),
          render: (_, row) => <span data-testid="portal-donor">{row.publicName}</span>,
        },
        { key: 'date', title: t('portal.donation.date'), dataIndex: 'receivedOn' },
        {
          key: 'amount',
          title: t('portal.donation.amount'),
          align: 'right',
          render: (_, row) => <Money fen={row.amount} />,
        },
      ]}
    />
  );
}

/** A public project: what it is, its money, its public reports with photos, and who gave to it. */
export function PortalProjectPage() {
  const t = useT();
  const label = useLabel();
  const { id = '' } = useParams();
  const project = useQuery({ queryKey: keys.portalProject(id), queryFn: () => portalProject(id) });
  if (project.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const figures = [
    { key: 'budget', label: t('portal.project.budget'), fen: p.budget },
    { key: 'received', label: t('portal.project.received'), fen: p.funding.received },
    { key: 'spent', label: t('portal.project.spent'), fen: p.funding.spent },
    ...(p.funding.returned > 0
      ? [{ key: 'returned', label: t('portal.project.returned'), fen: p.funding.returned }]
      : []),
    { key: 'held', label: t('portal.project.held'), fen: p.funding.held },
  ];
  const none = t('common.none');
  const facts: DescriptionsProps['items'] = [
    {
      key: 'organization',
      label: t('projects.field.owner'),
      children: <Link to={`/portal/organizations/${p.organizationId}`}>{p.organizationName}</Link>,
    },
    { key: 'code', label: t('projects.field.code'), children: p.code },
    { key: 'category', label: t('projects.field.category'), children: label(PROJECT_CATEGORY.labels, p.category) },
    {
      key: 'mode',
      label: t('projects.field.assistanceMode'),
      children: label(ASSISTANCE_MODE.labels, p.assistanceMode),
    },
    { key: 'regions', label: t('projects.field.regions'), children: p.regionNames.join('、') || none },
    {
      key: 'planned',
      label: t('projects.field.planned'),
      children: t('portal.project.period', { from: p.plannedStart, to: p.plannedEnd }),
    },
    {
      key: 'actual',
      label: t('projects.field.actual'),
      children: p.actualStart ? t('portal.project.period', { from: p.actualStart, to: p.actualEnd ?? '…' }) : none,
    },
    {
      key: 'beneficiaries',
      label: t('projects.field.beneficiaries'),
      children: p.beneficiaryCounts.length > 0 ? <BeneficiaryList counts={p.beneficiaryCounts} inline /> : none,
    },
    {
      key: 'partners',
      label: t('projects.field.partners'),
      children:
        p.partners
          .map((partner) => `${partner.organizationName}（${label(PARTNER_ROLE.labels, partner.role)}）`)
          .join('、') || none,
    },
  ];
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/portal">{t('portal.nav.home')}</Link> },
          { title: <Link to="/portal/projects">{t('portal.nav.projects')}</Link> },
          { title: p.name },
        ]}
      />
      <div className="tx-portal-title">
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="portal-project-name">
          {p.name}
        </Typography.Title>
        <ProjectStatusTag status={p.status} />
      </div>
      <div className="tx-portal-figures" data-testid="portal-project-figures">
        {figures.map((figure) => (
          <div key={figure.key} className="tx-portal-figure" data-testid={`portal-figure-${figure.key}`}>
            <div className="tx-fact-label">{figure.label}</div>
            <Money fen={figure.fen} strong style={{ fontSize: 22 }} />
          </div>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('portal.project.moneyNote')}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={facts} style={{ marginBottom: 16 }} />
      {p.description && (
        <div className="tx-record-text" style={{ marginBottom: 8 }}>
          {p.description}
        </div>
      )}
      <PortalSection title={t('portal.project.reports')} testId="portal-reports">
        <Reports project={p} />
      </PortalSection>
      <PortalSection title={t('portal.project.donations')} testId="portal-donations">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('portal.project.donationsNote')}
        </Typography.Paragraph>
        <Donations donations={p.funding.donations} />
      </PortalSection>
    </>
  );
}
