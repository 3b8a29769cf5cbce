import { PUBLICATION_KIND, type TPublicPublicationListItem } from '@tongxin/contracts';
import { List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLabel } from '../../i18n/useLabel';

type Props = {
  items: readonly TPublicPublicationListItem[];
  loading?: boolean;
  empty: ReactNode;
  /** Page controls for the full list; a short list on another page has none. */
  pagination?: React.ComponentProps<typeof List>['pagination'];
};

/** Published publications: kind, title (to its page), issuing organization and date, summary. */
export function PublicationList({ items, loading, empty, pagination }: Props) {
  const label = useLabel();
  return (
    <List<TPublicPublicationListItem>
      itemLayout="vertical"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: empty }}
      pagination={pagination}
      renderItem={(item) => (
        <List.Item key={item.id} data-testid="portal-publication">
          <div className="tx-record-head" style={{ marginBottom: 4 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{label(PUBLICATION_KIND.labels, item.kind)}</Tag>
            <Link to={`/portal/publications/${item.id}`} style={{ fontWeight: 600 }}>
              {item.title}
            </Link>
            {item.issueNumber && <Typography.Text type="secondary">{item.issueNumber}</Typography.Text>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {item.organizationName} · {item.publishedOn}
          </Typography.Text>
          {item.summary && (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }}>
              {item.summary}
            </Typography.Paragraph>
          )}
        </List.Item>
      )}
    />
  );
}
