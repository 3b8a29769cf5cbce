import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_LEVELS,
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  type TOrganizationLevel,
  type TProject,
  type TProjectCategory,
  type TProjectStatus,
} from '@tongxin/contracts';
import { Button, Card, DatePicker, Input, Select, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keys } from '../../api/keys';
import { exportProjects, fetchProjects, type ProjectListQuery } from '../../api/projects';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { ListTable, NoMatch } from '../../components/ListTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { RegionCascader } from '../../components/RegionCascader';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { ColumnPicker, useColumnChoice } from '../registry/shared/ColumnPicker';
import { MONO, pickOne } from '../registry/shared/labels';
import { listTableChange, useListParams } from '../registry/shared/useListParams';
import { useOwnRegion } from '../registry/shared/useOwnRegion';
import { ProjectFormDrawer, type ProjectFormTarget } from './ProjectFormDrawer';
import { BeneficiaryList } from './shared/Beneficiaries';
import { isProjectCategory, isProjectStatus } from './shared/labels';
import { ProjectStatusTag } from './shared/Tags';
import { useRunsProjects } from './shared/useProjectSide';

type SortField = 'code' | 'name' | 'budget' | 'plannedStart' | 'updatedAt';
const SORTS: readonly SortField[] = ['code', 'name', 'budget', 'plannedStart', 'updatedAt'];

const COLUMN_KEYS = [
  'name',
  'code',
  'status',
  'category',
  'owner',
  'level',
  'regions',
  'beneficiaries',
  'budget',
  'planned',
  'actual',
  'updatedAt',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const DEFAULT_COLUMNS: readonly ColumnKey[] = ['name', 'status', 'category', 'owner', 'budget', 'planned'];
const COLUMN_TITLES: Readonly<Record<ColumnKey, MessageKey>> = {
  name: 'projects.field.name',
  code: 'projects.field.code',
  status: 'projects.field.status',
  category: 'projects.field.category',
  owner: 'projects.field.owner',
  level: 'projects.field.level',
  regions: 'projects.field.regions',
  beneficiaries: 'projects.field.beneficiaries',
  budget: 'projects.field.budget',
  planned: 'projects.field.planned',
  actual: 'projects.field.actual',
  updatedAt: 'projects.field.updatedAt',
};

const FILTERS = ['q', 'category', 'level', 'status', 'region', 'org', 'year'] as const;

/** A period on two short lines, so that a list keeps narrow: 2025-09-01 / 至 2026-08-31. */
function Period({ from, to }: { from: string; to: string | null }) {
  const t = useT();
  return (
    <div style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', lineHeight: 1.4 }}>
      <div>{from}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {to ? t('projects.periodEnd', { to }) : t('projects.periodOpen')}
      </Typography.Text>
    </div>
  );
}

/** 项目列表: the projects in the user's scope (own, below, or as a partner), with filters and an export. */
export function ProjectsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const navigate = useNavigate();
  const ownRegion = useOwnRegion();
  const runsProjects = useRunsProjects();
  const [params, update] = useListParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const columnChoice = useColumnChoice('projectColumns', COLUMN_KEYS, DEFAULT_COLUMNS);
  const { columns } = columnChoice;
  const [target, setTarget] = useState<ProjectFormTarget | null>(null);
  const [opening, setOpening] = useState(0);

  const category = params.get('category');
  const status = params.get('status');
  const year = Number(params.get('year')) || undefined;
  const query: ProjectListQuery = {
    q: params.get('q') ?? undefined,
    category: isProjectCategory(category) ? category : undefined,
    level: pickOne<TOrganizationLevel>(params.get('level'), ORGANIZATION_LEVELS),
    status: isProjectStatus(status) ? status : undefined,
    regionCode: params.get('region') ?? undefined,
    organizationId: params.get('org') ?? undefined,
    year,
    sort: pickOne(params.get('sort'), SORTS) ?? 'updatedAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = FILTERS.some((name) => params.has(name));
  const list = useQuery({
    queryKey: keys.projectList(query),
    queryFn: ({ signal }) => fetchProjects(query, signal),
    placeholderData: keepPreviousData,
  });

  const clearFilters = () => {
    setSearch('');
    update(Object.fromEntries(FILTERS.map((name) => [name, null])));
  };
  const openCreate = () => {
    setOpening((count) => count + 1);
    setTarget({ mode: 'create' });
  };
  const sortOrder = (field: SortField) =>
    query.sort === field ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const nowrap = { whiteSpace: 'nowrap' } as const;

  const all: Record<ColumnKey, TableColumnsType<TProject>[number]> = {
    name: {
      key: 'name',
      title: t(COLUMN_TITLES.name),
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, row) => (
        <div style={{ minWidth: 180, maxWidth: 260 }}>
          <Link to={`/projects/${row.id}`} data-testid="project-link">
            {row.name}
          </Link>
          {!columns.includes('code') && <div style={{ ...MONO, color: '#8a919f' }}>{row.code}</div>}
        </div>
      ),
    },
    code: {
      key: 'code',
      title: t(COLUMN_TITLES.code),
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (_, row) => <span style={{ ...MONO, ...nowrap }}>{row.code}</span>,
    },
    status: {
      key: 'status',
      title: t(COLUMN_TITLES.status),
      render: (_, row) => <ProjectStatusTag status={row.status} />,
    },
    category: {
      key: 'category',
      title: t(COLUMN_TITLES.category),
      render: (_, row) => <span style={nowrap}>{label(PROJECT_CATEGORY.labels, row.category)}</span>,
    },
    owner: {
      key: 'owner',
      title: t(COLUMN_TITLES.owner),
      render: (_, row) => <div style={{ minWidth: 120, maxWidth: 170 }}>{row.ownerOrganizationName}</div>,
    },
    level: {
      key: 'level',
      title: t(COLUMN_TITLES.level),
      render: (_, row) => <span style={nowrap}>{label(ORGANIZATION_LEVEL_LABELS, row.level)}</span>,
    },
    regions: {
      key: 'regions',
      title: t(COLUMN_TITLES.regions),
      render: (_, row) =>
        row.targetRegionNames.length > 0 ? (
          <Tooltip title={row.targetRegionNames.join(t('registry.listSeparator'))} placement="topLeft">
            <div style={{ minWidth: 100, maxWidth: 220 }}>
              {row.targetRegionNames.map((name) => name.split(' ').at(-1)).join(t('registry.listSeparator'))}
            </div>
          </Tooltip>
        ) : (
          none
        ),
    },
    beneficiaries: {
      key: 'beneficiaries',
      title: t(COLUMN_TITLES.beneficiaries),
      render: (_, row) =>
        row.beneficiaryCounts.length > 0 ? <BeneficiaryList counts={row.beneficiaryCounts} inline /> : none,
    },
    budget: {
      key: 'budget',
      title: <span style={nowrap}>{t(COLUMN_TITLES.budget)}</span>,
      sorter: true,
      sortOrder: sortOrder('budget'),
      align: 'right',
      render: (_, row) => (
        <span style={{ ...nowrap, fontVariantNumeric: 'tabular-nums' }}>{formatYuan(row.budget)}</span>
      ),
    },
    planned: {
      key: 'plannedStart',
      title: t(COLUMN_TITLES.planned),
      sorter: true,
      sortOrder: sortOrder('plannedStart'),
      render: (_, row) => <Period from={row.plannedStart} to={row.plannedEnd} />,
    },
    actual: {
      key: 'actual',
      title: t(COLUMN_TITLES.actual),
      render: (_, row) => (row.actualStart ? <Period from={row.actualStart} to={row.actualEnd} /> : none),
    },
    updatedAt: {
      key: 'updatedAt',
      title: t(COLUMN_TITLES.updatedAt),
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      // The list starts newest first; the first click keeps that order and the second turns it.
      sortDirections: ['descend', 'ascend'],
      render: (_, row) => <span style={nowrap}>{formatDateTime(row.updatedAt)}</span>,
    },
  };

  const createButton = runsProjects ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
      {t('projects.create')}
    </Button>
  ) : null;

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('projects.pageTitle')}</h1>
        {createButton}
      </div>
      <Card>
        <div className="tx-toolbar">
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('projects.searchPlaceholder')}
            aria-label={t('projects.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('projects.field.category')}
            aria-label={t('projects.field.category')}
            value={query.category}
            options={options(PROJECT_CATEGORY.labels, PROJECT_CATEGORY.values)}
            onChange={(value: TProjectCategory | undefined) => update({ category: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('projects.field.status')}
            aria-label={t('projects.field.status')}
            value={query.status}
            options={options(PROJECT_STATUS.labels, PROJECT_STATUS.values)}
            onChange={(value: TProjectStatus | undefined) => update({ status: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('projects.field.level')}
            aria-label={t('projects.field.level')}
            value={query.level}
            options={ORGANIZATION_LEVELS.map((level) => ({
              value: level,
              label: label(ORGANIZATION_LEVEL_LABELS, level),
            }))}
            onChange={(value: TOrganizationLevel | undefined) => update({ level: value })}
          />
          <RegionCascader
            style={{ width: 200 }}
            rootCode={ownRegion}
            placeholder={t('projects.filter.region')}
            value={query.regionCode ?? null}
            onChange={(code) => update({ region: code })}
          />
          <OrganizationSelect
            allowClear
            style={{ width: 220 }}
            placeholder={t('projects.filter.organization')}
            value={query.organizationId ?? null}
            onChange={(id) => update({ org: id })}
          />
          <DatePicker
            picker="year"
            style={{ width: 120 }}
            placeholder={t('projects.filter.year')}
            aria-label={t('projects.filter.year')}
            value={year ? dayjs(`${year}-01-01`) : null}
            onChange={(value) => update({ year: value ? value.year() : null })}
          />
          <div className="tx-toolbar-actions">
            <ExportButton
              run={() => exportProjects(query)}
              hint={t('projects.export.hint')}
              disabled={(list.data?.total ?? 0) === 0}
            />
            <ColumnPicker
              choice={columnChoice}
              keys={COLUMN_KEYS}
              fixed="name"
              labelOf={(key) => t(COLUMN_TITLES[key])}
            />
          </div>
        </div>
        <ListTable<TProject>
          list={list}
          page={query}
          columns={COLUMN_KEYS.filter((key) => key === 'name' || columns.includes(key)).map((key) => all[key])}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/projects/${row.id}`) })}
          filtered={filtered}
          noMatch={<NoMatch title={t('projects.noMatch')} hint={t('org.list.emptyHint')} onClear={clearFilters} />}
          empty={
            <EmptyState
              compact
              title={t('projects.empty')}
              hint={runsProjects ? t('projects.emptyHint') : t('projects.emptyReadOnly')}
              action={createButton}
            />
          }
          totalText={(total) => t('projects.total', { total })}
          totalTestId="project-total"
          onChange={listTableChange(update, SORTS, 'desc')}
        />
      </Card>
      <ProjectFormDrawer
        key={opening}
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          void navigate(`/projects/${saved.id}`);
        }}
      />
    </>
  );
}
