import { EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TVillage } from '@tongxin/contracts';
import { Button, Card, Descriptions, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { keys } from '../../../api/keys';
import { fetchVillage } from '../../../api/registry';
import { RecordPageState } from '../../../components/RecordPageState';
import { useLang, useT } from '../../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../../layout/BreadcrumbContext';
import { formatDateTime } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import { useCan } from '../../../session/SessionUserContext';
import { HouseholdFormDrawer, type HouseholdFormTarget } from '../households/HouseholdFormDrawer';
import { HouseholdList } from '../households/HouseholdList';
import { useHouseholdQuery } from '../households/useHouseholdQuery';
import { MONO } from '../shared/labels';
import { InfrastructureTags } from './Infrastructure';
import { PovertyStatusTag, VillageFlags } from './VillageFlags';
import { VillageFormDrawer, type VillageFormTarget } from './VillageFormDrawer';

/**
 * The region path of a village, province to village, each with its code: the codes are prefixes of the
 * village's 12-digit code (15 / 1508 / 150822 / 150822100 / 150822100201), padded as region codes are.
 */
export function regionPath(village: Pick<TVillage, 'regionCode' | 'fullName'>): { code: string; name: string }[] {
  const code = village.regionCode;
  const codes = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6), `${code.slice(0, 9)}000`, code];
  const names = village.fullName.split(' ');
  // Municipalities and the like may skip a level: match names to codes from the village upwards.
  const shift = codes.length - names.length;
  return names.map((name, index) => ({ name, code: codes[index + shift] ?? code }));
}

function VillageHouseholds({ village, onCreate }: { village: TVillage; onCreate?: () => void }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'monitored' ? 'monitored' : 'households';
  const all = useHouseholdQuery('all', village.id);
  const monitored = useHouseholdQuery('monitored', village.id);
  const createButton = onCreate ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
      {t('registry.household.create')}
    </Button>
  ) : undefined;
  return (
    <Tabs
      activeKey={tab}
      // Each tab starts with no filters of the other.
      onChange={(next) => setParams(next === 'monitored' ? { tab: next } : {}, { replace: true })}
      tabBarExtraContent={createButton}
      items={[
        {
          key: 'households',
          label: t('registry.village.tab.households', { count: village.registeredHouseholds }),
          children: tab === 'households' && <HouseholdList state={all} createAction={createButton} embedded />,
        },
        {
          key: 'monitored',
          label: t('registry.village.tab.monitored'),
          children: tab === 'monitored' && <HouseholdList state={monitored} embedded />,
        },
      ]}
    />
  );
}

/** 村: a village's region path, flags and indicators, and its households. */
export function VillagePage() {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const { villageId = '' } = useParams();
  const village = useQuery({
    queryKey: keys.village(villageId),
    queryFn: ({ signal }) => fetchVillage(villageId, signal),
  });
  const [villageTarget, setVillageTarget] = useState<VillageFormTarget | null>(null);
  const [householdTarget, setHouseholdTarget] = useState<HouseholdFormTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const v = village.data;

  const crumbs = useMemo<Crumb[]>(
    () =>
      v
        ? regionPath(v).map((part, index, path) => ({
            key: part.code,
            title: part.name,
            href: index < path.length - 1 ? `/registry/villages?region=${part.code}` : undefined,
          }))
        : [],
    [v],
  );
  usePageCrumbs(crumbs);

  if (village.isPending || village.isError || !v) return <RecordPageState query={village} />;

  const canWrite = can('write');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const count = (value: number | null, unit: string) =>
    value === null ? none : `${value.toLocaleString('zh-CN')} ${unit}`;

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Space align="center" size={10} wrap>
              <EnvironmentOutlined style={{ fontSize: 20, color: '#c8102e' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="village-title">
                {v.name}
              </Typography.Title>
              <PovertyStatusTag village={v} />
              <VillageFlags village={v} />
            </Space>
            <div className="tx-detail-meta" style={{ gap: '4px 16px', color: '#5c6370', fontSize: 13 }}>
              <span>{v.fullName}</span>
              <span style={MONO}>{v.regionCode}</span>
              <span>{t('registry.village.organizationLine', { name: v.organizationName })}</span>
            </div>
          </div>
          {canWrite && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setOpening((n) => n + 1);
                setVillageTarget({ mode: 'edit', village: v });
              }}
            >
              {t('registry.village.edit')}
            </Button>
          )}
        </div>
        <Descriptions
          bordered
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: lang === 'en' ? 2 : 3, xxl: 3 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'registered',
              label: t('registry.village.registeredHouseholds'),
              children: count(v.registeredHouseholds, t('registry.unit.households')),
            },
            {
              key: 'householdCount',
              label: t('registry.village.householdCount'),
              children: count(v.householdCount, t('registry.unit.households')),
            },
            {
              key: 'population',
              label: t('registry.village.population'),
              children: count(v.population, t('registry.unit.people')),
            },
            {
              key: 'collectiveIncome',
              label: t('registry.village.collectiveIncome'),
              children: formatYuan(v.collectiveIncome) ?? none,
            },
            {
              key: 'exit',
              label: t('registry.village.exitYear'),
              children: v.exitYear ?? none,
            },
            {
              key: 'updatedAt',
              label: t('registry.household.updatedAt'),
              children: formatDateTime(v.updatedAt),
            },
            {
              key: 'infrastructure',
              label: t('registry.village.infrastructure'),
              children: <InfrastructureTags village={v} />,
              span: 'filled',
            },
            {
              key: 'workTeam',
              label: t('registry.village.workTeam'),
              children: v.workTeam ?? none,
              span: 'filled',
            },
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <VillageHouseholds
          village={v}
          onCreate={
            canWrite
              ? () => {
                  setOpening((n) => n + 1);
                  setHouseholdTarget({ mode: 'create', villageId: v.id });
                }
              : undefined
          }
        />
      </Card>
      <VillageFormDrawer
        key={`village-${opening}`}
        target={villageTarget}
        onClose={() => setVillageTarget(null)}
        onSaved={() => setVillageTarget(null)}
      />
      <HouseholdFormDrawer
        key={`household-${opening}`}
        target={householdTarget}
        onClose={() => setHouseholdTarget(null)}
        onSaved={(saved) => {
          setHouseholdTarget(null);
          void navigate(`/registry/households/${saved.id}`);
        }}
      />
    </>
  );
}
