import { useQuery } from '@tanstack/react-query';
import { ORGANIZATION_LEVEL_LABELS, ORGANIZATION_TYPE_LABELS, type TPortalOrganization } from '@tongxin/contracts';
import { Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../../api/keys';
import { portalOrganizations } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 10;

/** The organizations on the portal, searchable by name, from the top of the network down. */
export function OrganizationTable() {
  const t = useT();
  const label = useLabel();
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 300);
  const query = { q, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: keys.portalOrganizations(query), queryFn: () => portalOrganizations(query) });
  const columns: TableColumnsType<TPortalOrganization> = [
    {
      key: 'name',
      title: t('portal.organization.name'),
      render: (_, row) => (
        <Link to={`/portal/organizations/${row.id}`} data-testid="portal-organization-link">
          {row.name}
        </Link>
      ),
    },
    {
      key: 'level',
      title: t('portal.organization.level'),
      render: (_, row) => label(ORGANIZATION_LEVEL_LABELS, row.level),
    },
    {
      key: 'type',
      title: t('portal.organization.type'),
      responsive: ['md'],
      render: (_, row) => label(ORGANIZATION_TYPE_LABELS, row.type),
    },
    {
      key: 'region',
      title: t('portal.organization.region'),
      responsive: ['md'],
      render: (_, row) => row.regionName ?? t('common.none'),
    },
  ];
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} compact />;
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('portal.organization.search')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table<TPortalOrganization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{
          emptyText: (
            <EmptyState compact title={t('portal.organization.empty')} hint={t('portal.organization.emptyHint')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
    </>
  );
}
