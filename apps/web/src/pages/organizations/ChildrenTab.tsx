import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type TOrganization,
} from '@tongxin/contracts';
import { Alert, Button, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import { fetchOrganizations } from '../../api/organizations';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { compareNodes } from './buildTree';
import { OrgTypeIcon } from './OrgTypeIcon';
import { StatusBadge } from './StatusBadge';

const PAGE = 200;

type Props = { organization: TOrganization; canCreate: boolean; onCreate: () => void };

/** The organizations directly under this one, today. */
export function ChildrenTab({ organization, canCreate, onCreate }: Props) {
  const t = useT();
  const label = useLabel();
  const [params] = useSearchParams();
  const keep = params.get('asOf') ? `?asOf=${params.get('asOf')}` : '';
  const query = { parentId: organization.id, pageSize: PAGE, sort: 'name' as const };
  const children = useQuery({
    queryKey: keys.orgChildren(organization.id),
    queryFn: ({ signal }) => fetchOrganizations(query, signal),
  });
  if (children.isError) return <ErrorState error={children.error} onRetry={() => void children.refetch()} compact />;
  const rows = [...(children.data?.items ?? [])].sort(compareNodes);
  const truncated = (children.data?.total ?? 0) > PAGE;

  if (!children.isPending && rows.length === 0) {
    return (
      <EmptyState
        title={t('org.children.empty')}
        hint={canCreate ? t('org.children.emptyAction') : undefined}
        action={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
              {t('org.action.create')}
            </Button>
          )
        }
      />
    );
  }

  return (
    <>
      {truncated && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('org.children.more', { count: PAGE })} />
      )}
      <Table<TOrganization>
        rowKey="id"
        size="middle"
        loading={children.isPending}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          {
            key: 'name',
            title: t('org.field.name'),
            render: (_, row) => (
              <Link to={`/organizations/${row.id}${keep}`} style={{ display: 'inline-flex', gap: 6 }}>
                <OrgTypeIcon type={row.type} />
                {row.name}
              </Link>
            ),
          },
          {
            key: 'type',
            title: t('org.field.type'),
            render: (_, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {label(ORGANIZATION_TYPE_LABELS, row.type)} · {label(ORGANIZATION_LEVEL_LABELS, row.level)}
              </span>
            ),
          },
          {
            key: 'region',
            title: t('org.field.region'),
            render: (_, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {row.regionName?.split(' ').slice(-1)[0] ?? row.regionCode ?? t('common.none')}
              </span>
            ),
          },
          {
            key: 'childCount',
            title: <span style={{ whiteSpace: 'nowrap' }}>{t('org.field.childCount')}</span>,
            dataIndex: 'childCount',
            align: 'right',
          },
          {
            key: 'status',
            title: t('org.field.status'),
            render: (_, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={row.status} text={label(ORGANIZATION_STATUS_LABELS, row.status)} />
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
