import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_LEVELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  type TOrganization,
  type TOrganizationLevel,
  type TOrganizationStatus,
  type TOrganizationType,
} from '@tongxin/contracts';
import { Card, Input, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import { fetchOrganizations, type OrganizationListQuery } from '../../api/organizations';
import { EmptyState } from '../../components/EmptyState';
import { ListTable } from '../../components/ListTable';
import { RegionCascader } from '../../components/RegionCascader';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { ColumnPicker, useColumnChoice } from '../registry/shared/ColumnPicker';
import { listTableChange } from '../registry/shared/useListParams';
import { OrgTypeIcon } from './OrgTypeIcon';
import { StatusBadge } from './StatusBadge';

type SortField = 'name' | 'level' | 'createdAt' | 'regionCode';
const SORTS: readonly SortField[] = ['name', 'level', 'createdAt', 'regionCode'];
const COLUMN_KEYS = [
  'name',
  'shortName',
  'type',
  'level',
  'region',
  'parent',
  'creditCode',
  'status',
  'establishedOn',
  'childCount',
  'updatedAt',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const DEFAULT_COLUMNS: readonly ColumnKey[] = ['name', 'type', 'level', 'region', 'parent', 'status', 'childCount'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

/** Every organization in scope as a table: search, filters, sorting and pages kept in the address bar. */
export function OrganizationList() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const columnChoice = useColumnChoice('orgListColumns', COLUMN_KEYS, DEFAULT_COLUMNS);
  const { columns } = columnChoice;

  const query: OrganizationListQuery = {
    q: params.get('q') ?? undefined,
    type: pick<TOrganizationType>(params.get('type'), ORGANIZATION_TYPES),
    level: pick<TOrganizationLevel>(params.get('level'), ORGANIZATION_LEVELS),
    status: pick<TOrganizationStatus>(params.get('status'), ORGANIZATION_STATUSES),
    regionCode: params.get('region') ?? undefined,
    sort: pick(params.get('sort'), SORTS) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const list = useQuery({
    queryKey: keys.orgList(query),
    queryFn: ({ signal }) => fetchOrganizations(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage) next.delete('page');
      return next;
    });

  const sortOrder = (field: SortField) =>
    query.sort === field ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 };
  const all: Record<ColumnKey, TableColumnsType<TOrganization>[number]> = {
    name: {
      key: 'name',
      title: t('org.field.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      render: (_, row) => (
        <Link to={`/organizations/${row.id}`} style={{ display: 'inline-flex', gap: 6 }}>
          <OrgTypeIcon type={row.type} />
          {row.name}
        </Link>
      ),
    },
    shortName: { key: 'shortName', title: t('org.field.shortName'), render: (_, row) => row.shortName ?? '' },
    type: { key: 'type', title: t('org.field.type'), render: (_, row) => label(ORGANIZATION_TYPE_LABELS, row.type) },
    level: {
      key: 'level',
      title: t('org.field.level'),
      sorter: true,
      sortOrder: sortOrder('level'),
      render: (_, row) => label(ORGANIZATION_LEVEL_LABELS, row.level),
    },
    region: {
      key: 'regionCode',
      title: t('org.field.region'),
      sorter: true,
      sortOrder: sortOrder('regionCode'),
      render: (_, row) => row.regionName ?? row.regionCode ?? '',
    },
    parent: { key: 'parent', title: t('org.field.parent'), render: (_, row) => row.parentName ?? '' },
    creditCode: {
      key: 'creditCode',
      title: t('org.field.creditCode'),
      render: (_, row) => <span style={mono}>{row.creditCode ?? ''}</span>,
    },
    status: {
      key: 'status',
      title: t('org.field.status'),
      render: (_, row) => <StatusBadge status={row.status} text={label(ORGANIZATION_STATUS_LABELS, row.status)} />,
    },
    establishedOn: { key: 'establishedOn', title: t('org.field.establishedOn'), dataIndex: 'establishedOn' },
    childCount: { key: 'childCount', title: t('org.field.childCount'), dataIndex: 'childCount', align: 'right' },
    updatedAt: {
      key: 'createdAt',
      title: t('org.field.updatedAt'),
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (_, row) => formatDateTime(row.updatedAt),
    },
  };

  const filtered = Boolean(query.q || query.type || query.level || query.status || query.regionCode);

  return (
    <Card>
      <div className="tx-toolbar">
        <Input.Search
          allowClear
          style={{ width: 230 }}
          placeholder={t('org.list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() })}
          aria-label={t('common.search')}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('org.list.typeFilter')}
          value={query.type}
          options={options(ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES)}
          onChange={(value: TOrganizationType | undefined) => update({ type: value })}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('org.list.levelFilter')}
          value={query.level}
          options={options(ORGANIZATION_LEVEL_LABELS, ORGANIZATION_LEVELS)}
          onChange={(value: TOrganizationLevel | undefined) => update({ level: value })}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={t('org.list.statusFilter')}
          value={query.status}
          options={options(ORGANIZATION_STATUS_LABELS, ORGANIZATION_STATUSES)}
          onChange={(value: TOrganizationStatus | undefined) => update({ status: value })}
        />
        <RegionCascader
          style={{ width: 200 }}
          placeholder={t('org.list.regionFilter')}
          value={query.regionCode ?? null}
          onChange={(code) => update({ region: code })}
        />
        <div className="tx-toolbar-spacer" />
        <ColumnPicker
          choice={columnChoice}
          keys={COLUMN_KEYS}
          fixed="name"
          labelOf={(key) => (all[key].title as string) ?? key}
        />
      </div>
      <ListTable<TOrganization>
        list={list}
        page={query}
        columns={COLUMN_KEYS.filter((key) => columns.includes(key)).map((key) => all[key])}
        empty={
          <EmptyState
            compact
            title={filtered ? t('org.list.empty') : t('org.tree.empty')}
            hint={filtered ? t('org.list.emptyHint') : undefined}
          />
        }
        onChange={listTableChange(update, SORTS, 'asc')}
      />
    </Card>
  );
}
