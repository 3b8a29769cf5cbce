import { QuestionCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ASSISTANCE_WAY,
  HOUSEHOLD_TYPE,
  MONITORING_CATEGORY,
  checkIdNumber,
  normalizeIdNumber,
  VALIDATION_MESSAGES,
  type THousehold,
  type THouseholdType,
  type TMonitoringCategory,
} from '@tongxin/contracts';
import { Alert, Button, Card, DatePicker, Input, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { keys } from '../../../api/keys';
import { exportHouseholds, fetchHouseholds } from '../../../api/registry';
import { EmptyState } from '../../../components/EmptyState';
import { ExportButton } from '../../../components/ExportButton';
import { ListTable } from '../../../components/ListTable';
import { RegionCascader } from '../../../components/RegionCascader';
import { useLabel, useLabelOptions } from '../../../i18n/useLabel';
import { useLang, useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { beijingToday, formatDateTime, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import { ColumnPicker, useColumnChoice } from '../shared/ColumnPicker';
import { MONO, useCauseLabel, useCauseOptions, pickOne } from '../shared/labels';
import { HouseholdTypeTag, MonitoringTag, RiskTags } from '../shared/Tags';
import { listTableChange } from '../shared/useListParams';
import { useOwnRegion } from '../shared/useOwnRegion';
import { VillageSelect } from '../shared/VillageSelect';
import { SORTS, type HouseholdListVariant, type HouseholdQueryState } from './useHouseholdQuery';

const COLUMN_KEYS = [
  'headName',
  'code',
  'headIdNumber',
  'village',
  'type',
  'monitoring',
  'risks',
  'mainCause',
  'members',
  'income',
  'identifiedYear',
  'exit',
  'cadre',
  'phone',
  'organization',
  'updatedAt',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

const DEFAULT_COLUMNS: Readonly<Record<HouseholdListVariant, readonly ColumnKey[]>> = {
  all: ['headName', 'code', 'headIdNumber', 'village', 'type', 'mainCause', 'members', 'income', 'cadre'],
  monitored: ['headName', 'code', 'village', 'monitoring', 'risks', 'members', 'income', 'cadre'],
};

const COLUMN_TITLES: Readonly<Record<ColumnKey, MessageKey>> = {
  code: 'registry.household.code',
  headName: 'registry.household.headName',
  headIdNumber: 'registry.household.headIdNumber',
  village: 'registry.household.village',
  type: 'registry.household.type',
  monitoring: 'registry.household.monitoringCategory',
  risks: 'registry.household.risks',
  mainCause: 'registry.household.mainCause',
  members: 'registry.household.memberCount',
  income: 'registry.household.incomePerCapita',
  identifiedYear: 'registry.household.identifiedYear',
  exit: 'registry.household.exitYear',
  cadre: 'registry.household.cadre',
  phone: 'registry.household.phone',
  organization: 'registry.household.organization',
  updatedAt: 'registry.household.updatedAt',
};

type Props = {
  state: HouseholdQueryState;
  /** Shown in the empty state when the user may register households. */
  createAction?: ReactNode;
  /** Inside another card (a village's tab): no card of its own. */
  embedded?: boolean;
};

/**
 * Households as a table: search by head or household number, an exact ID-number search, filters, the state
 * as of a past date, sorting, pages, a choice of columns and an export of what is shown.
 */
export function HouseholdList({ state, createAction, embedded = false }: Props) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  const options = useLabelOptions();
  const causeLabel = useCauseLabel();
  const causeOptions = useCauseOptions();
  const ownRegion = useOwnRegion();
  const { variant, query, params, update } = state;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [idText, setIdText] = useState(state.idNumber ?? '');
  const [idProblem, setIdProblem] = useState<string | null>(null);
  const preferenceKey = `registryHouseholdColumns.${variant}`;
  const columnChoice = useColumnChoice(preferenceKey, COLUMN_KEYS, DEFAULT_COLUMNS[variant]);
  const { columns } = columnChoice;
  // Every row of a village's list is in that village.
  const fixedVillage = state.fixedVillageId !== null;
  const available = COLUMN_KEYS.filter((key) => !(fixedVillage && key === 'village'));

  const list = useQuery({
    queryKey: keys.householdList(query),
    queryFn: ({ signal }) => fetchHouseholds(query, signal),
    placeholderData: keepPreviousData,
  });

  const searchIdNumber = (raw: string) => {
    const value = normalizeIdNumber(raw);
    if (!value) {
      setIdProblem(null);
      state.setIdNumber(null);
      return;
    }
    const problem = checkIdNumber(value, { today: beijingToday() });
    if (problem) {
      setIdProblem(VALIDATION_MESSAGES[`idNumber.${problem}`][lang]);
      return;
    }
    setIdProblem(null);
    setIdText(value);
    state.setIdNumber(value);
  };

  const sortOrder = (field: (typeof SORTS)[number]) =>
    query.sort === field ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const all: Record<ColumnKey, TableColumnsType<THousehold>[number]> = {
    code: {
      key: 'code',
      title: t(COLUMN_TITLES.code),
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (_, row) =>
        row.code ? (
          <Link to={`/registry/households/${row.id}`} style={MONO}>
            {row.code}
          </Link>
        ) : (
          none
        ),
    },
    headName: {
      key: 'headName',
      title: t(COLUMN_TITLES.headName),
      sorter: true,
      sortOrder: sortOrder('headName'),
      fixed: 'left',
      render: (_, row) => (
        <Link to={`/registry/households/${row.id}`} style={{ whiteSpace: 'nowrap' }} data-testid="household-link">
          {row.headName ?? t('registry.household.noHead')}
        </Link>
      ),
    },
    headIdNumber: {
      key: 'headIdNumber',
      title: t(COLUMN_TITLES.headIdNumber),
      render: (_, row) => (row.headIdNumberMasked ? <span style={MONO}>{row.headIdNumberMasked}</span> : none),
    },
    village: {
      key: 'village',
      title: t(COLUMN_TITLES.village),
      render: (_, row) => {
        const parts = row.villageName.split(' ');
        return (
          <Tooltip title={row.villageName} placement="topLeft">
            <div style={{ whiteSpace: 'nowrap' }}>
              <Link to={`/registry/villages/${row.villageId}`}>{parts.at(-1)}</Link>
              <div style={{ fontSize: 12, color: '#8a919f' }}>{parts.at(-2)}</div>
            </div>
          </Tooltip>
        );
      },
    },
    type: {
      key: 'type',
      title: t(COLUMN_TITLES.type),
      render: (_, row) => <HouseholdTypeTag type={row.type} />,
    },
    monitoring: {
      key: 'monitoring',
      title: t(COLUMN_TITLES.monitoring),
      render: (_, row) => (row.monitoringCategory ? <MonitoringTag category={row.monitoringCategory} /> : none),
    },
    risks: {
      key: 'risks',
      title: t(COLUMN_TITLES.risks),
      render: (_, row) => (
        <div style={{ minWidth: 120 }}>
          {row.risks.length > 0 ? <RiskTags risks={row.risks} highlight={query.risk} /> : none}
          {row.riskEliminated && (
            <div style={{ marginTop: 4 }}>
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('registry.household.riskEliminatedTag')}
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    mainCause: {
      key: 'mainCause',
      title: t(COLUMN_TITLES.mainCause),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{causeLabel(row.mainCause) ?? none}</span>,
    },
    members: {
      key: 'members',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.members)}</span>,
      dataIndex: 'memberCount',
      align: 'right',
    },
    income: {
      key: 'incomePerCapita',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(COLUMN_TITLES.income)}</span>,
      sorter: true,
      sortOrder: sortOrder('incomePerCapita'),
      align: 'right',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatYuan(row.incomePerCapita) ?? none}
        </span>
      ),
    },
    identifiedYear: {
      key: 'identifiedYear',
      title: t(COLUMN_TITLES.identifiedYear),
      render: (_, row) => row.identifiedYear ?? none,
    },
    exit: {
      key: 'exit',
      title: t(COLUMN_TITLES.exit),
      render: (_, row) =>
        row.exitYear ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {row.exitYear}
            {row.exitWay && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {label(ASSISTANCE_WAY.labels, row.exitWay)}
              </Typography.Text>
            )}
          </span>
        ) : (
          none
        ),
    },
    cadre: {
      key: 'cadre',
      title: t(COLUMN_TITLES.cadre),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.cadreName ?? none}</span>,
    },
    phone: {
      key: 'phone',
      title: t(COLUMN_TITLES.phone),
      render: (_, row) => (row.phoneMasked ? <span style={MONO}>{row.phoneMasked}</span> : none),
    },
    organization: {
      key: 'organization',
      title: t(COLUMN_TITLES.organization),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.organizationName}</span>,
    },
    updatedAt: {
      key: 'updatedAt',
      title: t(COLUMN_TITLES.updatedAt),
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.updatedAt)}</span>,
    },
  };

  const asOf = params.get('asOf');
  const shown = available.filter((key) => columns.includes(key) || key === 'headName');

  const body = (
    <>
      <div className="tx-toolbar">
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('registry.household.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() })}
          aria-label={t('registry.household.searchPlaceholder')}
        />
        <Tooltip title={idProblem} open={Boolean(idProblem)} placement="bottomLeft" color="#ff4d4f">
          <Input.Search
            allowClear
            style={{ width: 250 }}
            status={idProblem ? 'error' : undefined}
            placeholder={t('registry.household.idSearchPlaceholder')}
            aria-label={t('registry.household.idSearchPlaceholder')}
            value={idText}
            maxLength={24}
            onChange={(event) => {
              setIdText(event.target.value);
              if (idProblem) setIdProblem(null);
              if (!event.target.value && state.idNumber) state.setIdNumber(null);
            }}
            onSearch={searchIdNumber}
            suffix={
              <Tooltip title={t('registry.household.idSearchHint')}>
                <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
              </Tooltip>
            }
          />
        </Tooltip>
        {variant !== 'monitored' && (
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('registry.household.typeFilter')}
            aria-label={t('registry.household.typeFilter')}
            value={query.type}
            options={options(HOUSEHOLD_TYPE.labels, HOUSEHOLD_TYPE.values)}
            onChange={(value: THouseholdType | undefined) => update({ type: value })}
          />
        )}
        {variant === 'monitored' && (
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('registry.household.categoryFilter')}
            aria-label={t('registry.household.categoryFilter')}
            value={query.monitoringCategory}
            options={options(MONITORING_CATEGORY.labels, MONITORING_CATEGORY.values)}
            onChange={(value: TMonitoringCategory | undefined) => update({ category: value })}
          />
        )}
        {variant === 'monitored' && (
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('registry.household.eliminatedFilter')}
            aria-label={t('registry.household.eliminatedFilter')}
            value={query.riskEliminated}
            options={[
              { value: 'false', label: t('registry.household.riskOpen') },
              { value: 'true', label: t('registry.household.riskEliminatedTag') },
            ]}
            onChange={(value: string | undefined) => update({ eliminated: pickOne(value, ['true', 'false']) })}
          />
        )}
        {variant !== 'monitored' && (
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('registry.household.causeFilter')}
            aria-label={t('registry.household.causeFilter')}
            value={query.mainCause}
            options={causeOptions}
            onChange={(value: number | undefined) => update({ cause: value })}
          />
        )}
        {!fixedVillage && (
          <VillageSelect
            allowClear
            style={{ width: 170 }}
            placeholder={t('registry.household.villageFilter')}
            value={query.villageId ?? null}
            onChange={(id) => update({ village: id })}
          />
        )}
        {!fixedVillage && (
          <RegionCascader
            style={{ width: 200 }}
            rootCode={ownRegion}
            placeholder={t('registry.household.regionFilter')}
            value={query.regionCode ?? null}
            onChange={(code) => update({ region: code })}
          />
        )}
        {!fixedVillage && (
          <DatePicker
            style={{ width: 170 }}
            value={fromBusinessDate(asOf)}
            disabledDate={isAfterToday}
            placeholder={t('registry.household.asOfPlaceholder')}
            aria-label={t('registry.household.asOf')}
            prefix={
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('registry.household.asOf')}
              </Typography.Text>
            }
            onChange={(value) => update({ asOf: toBusinessDate(value) })}
          />
        )}
        <div className="tx-toolbar-actions">
          <ExportButton
            run={() => exportHouseholds(query)}
            hint={t('registry.export.hint')}
            disabled={(list.data?.total ?? 0) === 0}
          />
          <ColumnPicker
            choice={columnChoice}
            keys={available}
            fixed="headName"
            labelOf={(key) => t(COLUMN_TITLES[key])}
          />
        </div>
      </div>
      {asOf && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('registry.household.asOfBanner', { date: asOf })}
          action={
            <Button size="small" onClick={() => update({ asOf: null })}>
              {t('org.tree.backToToday')}
            </Button>
          }
        />
      )}
      <ListTable<THousehold>
        list={list}
        page={query}
        columns={shown.map((key) => all[key])}
        filtered={state.filtered}
        noMatch={
          <EmptyState
            compact
            title={query.idNumber ? t('registry.household.noIdMatch') : t('registry.household.noMatch')}
            hint={query.idNumber ? t('registry.household.noIdMatchHint') : t('org.list.emptyHint')}
          />
        }
        empty={
          <EmptyState
            compact
            title={variant === 'monitored' ? t('registry.monitored.empty') : t('registry.household.empty')}
            hint={variant === 'monitored' ? t('registry.monitored.emptyHint') : t('registry.household.emptyHint')}
            action={variant === 'monitored' ? undefined : createAction}
          />
        }
        totalText={(total) => t('registry.household.total', { total })}
        totalTestId="household-total"
        onChange={listTableChange(update, SORTS, 'asc')}
      />
    </>
  );
  return embedded ? body : <Card>{body}</Card>;
}
