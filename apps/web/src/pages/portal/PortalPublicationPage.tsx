import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { PUBLICATION_KIND } from '@tongxin/contracts';
import { Breadcrumb, Image, List, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { keys } from '../../api/keys';
import { publicPublication, publicPublicationFileUrl } from '../../api/portal';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { PortalSection } from './PortalSection';

/** One published publication: its text, its cover and its attachments to open. */
export function PortalPublicationPage() {
  const t = useT();
  const label = useLabel();
  const { id = '' } = useParams();
  const publication = useQuery({ queryKey: keys.portalPublication(id), queryFn: () => publicPublication(id) });
  if (publication.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (publication.isError) return <ErrorState error={publication.error} onRetry={() => void publication.refetch()} />;
  const p = publication.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/portal">{t('portal.nav.home')}</Link> },
          { title: <Link to="/portal/publications">{t('portal.nav.publications')}</Link> },
          { title: p.title },
        ]}
      />
      <article className="tx-portal-article">
        <Tag>{label(PUBLICATION_KIND.labels, p.kind)}</Tag>
        <Typography.Title level={2} style={{ margin: '8px 0' }} data-testid="portal-publication-title">
          {p.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          <Link to={`/portal/organizations/${p.organizationId}`}>{p.organizationName}</Link> · {p.publishedOn}
          {p.issueNumber && ` · ${p.issueNumber}`}
        </Typography.Text>
        {p.cover && (
          <div style={{ margin: '16px 0' }}>
            <Image
              src={publicPublicationFileUrl(p.id, p.cover.id)}
              alt={p.cover.fileName}
              style={{ maxWidth: 360, borderRadius: 6 }}
            />
          </div>
        )}
        {p.summary && (
          <Typography.Paragraph strong style={{ marginTop: 16 }}>
            {p.summary}
          </Typography.Paragraph>
        )}
        <div className="tx-record-text">{p.body}</div>
        {p.attachments.length > 0 && (
          <PortalSection title={t('portal.publication.attachments')}>
            <List
              dataSource={p.attachments}
              renderItem={(file) => (
                <List.Item key={file.id}>
                  <a href={publicPublicationFileUrl(p.id, file.id)} target="_blank" rel="noreferrer">
                    <FilePdfOutlined /> {file.fileName}
                  </a>
                </List.Item>
              )}
            />
          </PortalSection>
        )}
      </article>
    </>
  );
}
