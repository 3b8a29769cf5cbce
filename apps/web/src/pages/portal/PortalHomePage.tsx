import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { keys } from '../../api/keys';
import { portalProjects, publicPublications } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useT } from '../../i18n/useT';
import { OrganizationTable } from './OrganizationTable';
import { PortalSection } from './PortalSection';
import { ProjectTable } from './ProjectTable';
import { PublicationList } from './PublicationList';

const RECENT_PROJECTS = { page: 1, pageSize: 8 };
const RECENT_PUBLICATIONS = { page: 1, pageSize: 5 };

/** 信息公开 home: what the portal offers, recent projects, organizations, the latest publications. */
export function PortalHomePage() {
  const t = useT();
  const projects = useQuery({
    queryKey: keys.portalProjects(RECENT_PROJECTS),
    queryFn: () => portalProjects(RECENT_PROJECTS),
  });
  const publications = useQuery({
    queryKey: keys.portalPublications(RECENT_PUBLICATIONS),
    queryFn: () => publicPublications(RECENT_PUBLICATIONS),
  });
  return (
    <>
      <div className="tx-portal-hero">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('portal.home.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: '8px 0 16px', maxWidth: 720 }}>
          {t('portal.home.intro')}
        </Typography.Paragraph>
        <Link to="/portal/receipt">
          <Button type="primary" icon={<SafetyCertificateOutlined />}>
            {t('portal.home.verify')}
          </Button>
        </Link>
      </div>
      <PortalSection
        title={t('portal.home.projects')}
        extra={<Link to="/portal/projects">{t('portal.home.allProjects')}</Link>}
        testId="portal-recent-projects"
      >
        {projects.isError ? (
          <ErrorState error={projects.error} onRetry={() => void projects.refetch()} compact />
        ) : (
          <ProjectTable
            rows={projects.data?.items ?? []}
            loading={projects.isPending}
            empty={<EmptyState compact title={t('portal.project.empty')} hint={t('portal.project.emptyHint')} />}
          />
        )}
      </PortalSection>
      <Row gutter={[24, 0]}>
        <Col xs={24} lg={14}>
          <PortalSection title={t('portal.home.organizations')} testId="portal-organizations">
            <OrganizationTable />
          </PortalSection>
        </Col>
        <Col xs={24} lg={10}>
          <PortalSection
            title={t('portal.home.publications')}
            extra={<Link to="/portal/publications">{t('portal.home.allPublications')}</Link>}
          >
            {publications.isError ? (
              <ErrorState error={publications.error} onRetry={() => void publications.refetch()} compact />
            ) : (
              <PublicationList
                items={publications.data?.items ?? []}
                loading={publications.isPending}
                empty={<EmptyState compact title={t('portal.publication.empty')} />}
              />
            )}
          </PortalSection>
        </Col>
      </Row>
    </>
  );
}
