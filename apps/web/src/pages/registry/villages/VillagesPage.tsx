import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { VILLAGE_POVERTY_STATUS, type TVillage, type TVillagePovertyStatus } from '@tongxin/contracts';
import { Button, Card, Select, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keys } from '../../../api/keys';
import { exportVillages, fetchVillages, type VillageListQuery } from '../../../api/registry';
import { EmptyState } from '../../../components/EmptyState';
import { ListTable } from '../../../components/ListTable';
import { ExportButton } from '../../../components/ExportButton';
import { RegionCascader } from '../../../components/RegionCascader';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { formatDateTime } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import { useCan, useSessionUser } from '../../../session/SessionUserContext';
import { ColumnPicker, useColumnChoice } from '../shared/ColumnPicker';
import { MONO, pickOne } from '../shared/labels';
import { listTableChange, useListParams } from '../shared/useListParams';
import { useOwnRegion } from '../shared/useOwnRegion';
import { InfrastructureIcons } from './Infrastructure';
import { PovertyStatusTag, VillageFlags } from './VillageFlags';
import { VillageFormDrawer, type VillageFormTarget } from './VillageFormDrawer';

type SortField = 'regionCode' | 'registeredHouseholds';
const SORTS: readonly SortField[] = ['regionCode', 'registeredHouseholds'];
const COLUMN_KEYS = [
  'name',
  'regionCode',
  'flags',
  'povertyStatus',
  'registeredHouseholds',
  'householdCount',
  'population',
  'infrastructure',
  'collectiveIncome',
  'organization',
  'workTeam',
  'updatedAt',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'name',
  'flags',
  'povertyStatus',
  'registeredHouseholds',
  'householdCount',
  'population',
  'infrastructure',
  'collectiveIncome',
];
const COLUMN_TITLES: Readonly<Record<ColumnKey, MessageKey>> = {
  name: 'registry.village.name',
  regionCode: 'registry.village.regionCode',
  flags: 'registry.village.flags',
  povertyStatus: 'registry.village.povertyStatus',
  registeredHouseholds: 'registry.village.registeredHouseholds',
  householdCount: 'registry.village.householdCount',
  population: 'registry.village.population',
  infrastructure: 'registry.village.infrastructure',
  collectiveIncome: 'registry.village.collectiveIncome',
  organization: 'registry.village.organization',
  workTeam: 'registry.village.workTeam',
  updatedAt: 'registry.household.updatedAt',
};
const FLAG_VALUES = ['true', 'false'] as const;

/** 村: the registered villages in the user's scope, with their indicators. */
export function VillagesPage() {
  const t = useT();
  const options = useLabelOptions();
  const can = useCan();
  const user = useSessionUser();
  const navigate = useNavigate();
  const ownRegion = useOwnRegion();
  const [params, update] = useListParams();
  const columnChoice = useColumnChoice('registryVillageColumns', COLUMN_KEYS, DEFAULT_COLUMNS);
  const { columns } = columnChoice;
  const [target, setTarget] = useState<VillageFormTarget | null>(null);
  const [opening, setOpening] = useState(0);

  const query: VillageListQuery = {
    regionCode: params.get('region') ?? undefined,
    isPoorVillage: pickOne(params.get('poor'), FLAG_VALUES),
    isOldBaseVillage: pickOne(params.get('oldBase'), FLAG_VALUES),
    povertyStatus: pickOne<TVillagePovertyStatus>(params.get('status'), VILLAGE_POVERTY_STATUS.values),
    sort: pickOne(params.get('sort'), SORTS) ?? 'regionCode',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const list = useQuery({
    queryKey: keys.villageList(query),
    queryFn: ({ signal }) => fetchVillages(query, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query.regionCode || query.isPoorVillage || query.isOldBaseVillage || query.povertyStatus);

  const sortOrder = (field: SortField) =>
    query.sort === field ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const number = (value: number | null) =>
    value === null ? none : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{value.toLocaleString('zh-CN')}</span>;

  const all: Record<ColumnKey, TableColumnsType<TVillage>[number]> = {
    name: {
      key: 'name',
      title: t(COLUMN_TITLES.name),
      fixed: 'left',
      render: (_, row) => (
        <Tooltip title={row.fullName} placement="topLeft">
          <div style={{ whiteSpace: 'nowrap' }}>
            <Link to={`/registry/villages/${row.id}`} data-testid="village-link">
              {row.name}
            </Link>
            <div style={{ fontSize: 12, color: '#8a919f' }}>{row.fullName.split(' ').at(-2)}</div>
          </div>
        </Tooltip>
      ),
    },
    regionCode: {
      key: 'regionCode',
      title: t(COLUMN_TITLES.regionCode),
      sorter: true,
      sortOrder: sortOrder('regionCode'),
      render: (_, row) => <span style={MONO}>{row.regionCode}</span>,
    },
    flags: {
      key: 'flags',
      title: t(COLUMN_TITLES.flags),
      render: (_, row) =>
        row.isPoorVillage || row.isOldBaseVillage || row.isRelocationSite ? <VillageFlags village={row} /> : none,
    },
    povertyStatus: {
      key: 'povertyStatus',
      title: t(COLUMN_TITLES.povertyStatus),
      render: (_, row) => <PovertyStatusTag village={row} />,
    },
    registeredHouseholds: {
      key: 'registeredHouseholds',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.registeredHouseholds)}</span>,
      sorter: true,
      sortOrder: sortOrder('registeredHouseholds'),
      align: 'right',
      render: (_, row) => number(row.registeredHouseholds),
    },
    householdCount: {
      key: 'householdCount',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.householdCount)}</span>,
      align: 'right',
      render: (_, row) => number(row.householdCount),
    },
    population: {
      key: 'population',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.population)}</span>,
      align: 'right',
      render: (_, row) => number(row.population),
    },
    infrastructure: {
      key: 'infrastructure',
      title: t(COLUMN_TITLES.infrastructure),
      render: (_, row) => <InfrastructureIcons village={row} />,
    },
    collectiveIncome: {
      key: 'collectiveIncome',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.collectiveIncome)}</span>,
      align: 'right',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatYuan(row.collectiveIncome) ?? none}
        </span>
      ),
    },
    organization: {
      key: 'organization',
      title: t(COLUMN_TITLES.organization),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.organizationName}</span>,
    },
    workTeam: {
      key: 'workTeam',
      title: t(COLUMN_TITLES.workTeam),
      ellipsis: true,
      width: 240,
      render: (_, row) => row.workTeam ?? none,
    },
    updatedAt: {
      key: 'updatedAt',
      title: t(COLUMN_TITLES.updatedAt),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.updatedAt)}</span>,
    },
  };

  const yesNo = [
    { value: 'true', label: t('registry.yes') },
    { value: 'false', label: t('registry.no') },
  ];
  // Village cadres keep the records of the villages they are stationed in; registering villages is the
  // responsible organization's work (the server refuses it to cadres).
  const canWrite = can('write') && user.role !== 'cadre';
  const openCreate = () => {
    setOpening((count) => count + 1);
    setTarget({ mode: 'create' });
  };

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('registry.village.pageTitle')}</h1>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
            {t('registry.village.create')}
          </Button>
        )}
      </div>
      <Card>
        <div className="tx-toolbar">
          <RegionCascader
            style={{ width: 240 }}
            rootCode={ownRegion}
            placeholder={t('registry.village.regionFilter')}
            value={query.regionCode ?? null}
            onChange={(code) => update({ region: code })}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('registry.village.poorVillage')}
            aria-label={t('registry.village.poorVillage')}
            value={query.isPoorVillage}
            options={yesNo}
            labelRender={({ value }) =>
              `${t('common.labelled', { label: t('registry.village.poorVillage') })}${yesNo.find((option) => option.value === value)?.label ?? ''}`
            }
            onChange={(value: string | undefined) => update({ poor: value })}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('registry.village.oldBaseVillage')}
            aria-label={t('registry.village.oldBaseVillage')}
            value={query.isOldBaseVillage}
            options={yesNo}
            labelRender={({ value }) =>
              `${t('common.labelled', { label: t('registry.village.oldBaseVillage') })}${yesNo.find((option) => option.value === value)?.label ?? ''}`
            }
            onChange={(value: string | undefined) => update({ oldBase: value })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('registry.village.povertyStatus')}
            aria-label={t('registry.village.povertyStatus')}
            value={query.povertyStatus}
            options={options(VILLAGE_POVERTY_STATUS.labels, VILLAGE_POVERTY_STATUS.values)}
            onChange={(value: TVillagePovertyStatus | undefined) => update({ status: value })}
          />
          <div className="tx-toolbar-spacer" />
          <ExportButton
            run={() => exportVillages(query)}
            hint={t('registry.village.exportHint')}
            disabled={(list.data?.total ?? 0) === 0}
          />
          <ColumnPicker
            choice={columnChoice}
            keys={COLUMN_KEYS}
            fixed="name"
            labelOf={(key) => t(COLUMN_TITLES[key])}
          />
        </div>
        <ListTable<TVillage>
          list={list}
          page={query}
          columns={COLUMN_KEYS.filter((key) => key === 'name' || columns.includes(key)).map((key) => all[key])}
          onRow={(row) => ({
            onDoubleClick: () => void navigate(`/registry/villages/${row.id}`),
          })}
          filtered={filtered}
          noMatch={<EmptyState compact title={t('registry.village.noMatch')} hint={t('org.list.emptyHint')} />}
          empty={
            <EmptyState
              compact
              title={t('registry.village.empty')}
              hint={canWrite ? t('registry.village.emptyHint') : t('registry.village.emptyReadOnly')}
              action={
                canWrite && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
                    {t('registry.village.create')}
                  </Button>
                )
              }
            />
          }
          totalText={(total) => t('registry.village.total', { total })}
          onChange={listTableChange(update, SORTS, 'asc')}
        />
      </Card>
      <VillageFormDrawer
        key={opening}
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          void navigate(`/registry/villages/${saved.id}`);
        }}
      />
    </>
  );
}
