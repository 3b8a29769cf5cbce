import { useQuery } from '@tanstack/react-query';
import { ORGANIZATION_LEVEL_LABELS, ORGANIZATION_STATUS_LABELS, ORGANIZATION_TYPE_LABELS } from '@tongxin/contracts';
import { Breadcrumb, Descriptions, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { Link, useParams } from 'react-router';
import { keys } from '../../api/keys';
import { portalDisclosures, portalOrganization } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { Money } from '../funds/shared/Money';
import { PortalSection } from './PortalSection';
import { ProjectTable } from './ProjectTable';
import { PublicationList } from './PublicationList';

/** An organization's disclosures: its public projects and their money, and what it has published. */
function Disclosures({ organizationId }: { organizationId: string }) {
  const t = useT();
  const disclosures = useQuery({
    queryKey: keys.portalDisclosures(organizationId),
    queryFn: () => portalDisclosures(organizationId),
  });
  if (disclosures.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (disclosures.isError) {
    return <ErrorState error={disclosures.error} onRetry={() => void disclosures.refetch()} compact />;
  }
  const d = disclosures.data;
  const totals = [
    { key: 'budget', label: t('portal.disclosures.budget'), fen: d.totals.budget },
    { key: 'received', label: t('portal.project.received'), fen: d.totals.received },
    { key: 'spent', label: t('portal.project.spent'), fen: d.totals.spent },
  ];
  return (
    <>
      <PortalSection title={t('portal.disclosures.projects')} testId="portal-disclosure-projects">
        <div className="tx-portal-figures">
          {totals.map((total) => (
            <div key={total.key} className="tx-portal-figure" data-testid={`portal-total-${total.key}`}>
              <div className="tx-fact-label">{total.label}</div>
              <Money fen={total.fen} strong style={{ fontSize: 20 }} />
            </div>
          ))}
        </div>
        <ProjectTable
          rows={d.projects}
          withOrganization={false}
          withMoney
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          empty={<EmptyState compact title={t('portal.project.empty')} hint={t('portal.project.emptyHint')} />}
        />
      </PortalSection>
      {/* The disclosure-clock board (what is due, overdue and done under the charity disclosure rules) takes its
          place here, between the money and the publications, once the server reports it in the disclosures. */}
      <PortalSection title={t('portal.disclosures.publications')} testId="portal-disclosure-publications">
        <PublicationList items={d.publications} empty={<EmptyState compact title={t('portal.publication.empty')} />} />
      </PortalSection>
    </>
  );
}

/** 组织信息公开: an organization's basic information and its disclosures. */
export function PortalOrganizationPage() {
  const t = useT();
  const label = useLabel();
  const { id = '' } = useParams();
  const organization = useQuery({ queryKey: keys.portalOrganization(id), queryFn: () => portalOrganization(id) });
  if (organization.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
  }
  const o = organization.data;
  const none = t('common.none');
  const facts: DescriptionsProps['items'] = [
    { key: 'type', label: t('portal.organization.type'), children: label(ORGANIZATION_TYPE_LABELS, o.type) },
    { key: 'level', label: t('portal.organization.level'), children: label(ORGANIZATION_LEVEL_LABELS, o.level) },
    { key: 'region', label: t('portal.organization.region'), children: o.regionName ?? none },
    {
      key: 'parent',
      label: t('portal.organization.parent'),
      children: o.parentId ? <Link to={`/portal/organizations/${o.parentId}`}>{o.parentName}</Link> : none,
    },
    { key: 'creditCode', label: t('portal.organization.creditCode'), children: o.creditCode ?? none },
    { key: 'established', label: t('portal.organization.established'), children: o.establishedOn ?? none },
    { key: 'status', label: t('portal.organization.status'), children: label(ORGANIZATION_STATUS_LABELS, o.status) },
  ];
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/portal">{t('portal.nav.home')}</Link> }, { title: o.name }]}
      />
      <div className="tx-portal-title">
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="portal-organization-name">
          {o.name}
        </Typography.Title>
      </div>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={facts} style={{ marginBottom: 12 }} />
      {o.description && <div className="tx-record-text">{o.description}</div>}
      <Disclosures organizationId={o.id} />
    </>
  );
}
