import { useQueries } from '@tanstack/react-query';
import {
  ASSISTANCE_MODE,
  INFRASTRUCTURE_KIND,
  ORGANIZATION_LEVEL_LABELS,
  PARTNER_ROLE,
  PROJECT_CATEGORY,
  type TProject,
} from '@tongxin/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { keys } from '../../../api/keys';
import { fetchVillage } from '../../../api/registry';
import { useLabel } from '../../../i18n/useLabel';
import { useLang, useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import { MONO } from '../../registry/shared/labels';
import { BeneficiaryList } from '../shared/Beneficiaries';
import { ProjectStatusTag } from '../shared/Tags';

/** 概况: every field of the project, targets and partners by name. */
export function OverviewTab({ project: p }: { project: TProject }) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  const villages = useQueries({
    queries: p.targetVillageIds.map((id) => ({
      queryKey: keys.village(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchVillage(id, signal),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const villageRegions = new Set(villages.flatMap((village) => (village.data ? [village.data.regionCode] : [])));
  // The server lists the regions of the target villages among the target regions; they are named once, below.
  const regions = p.targetRegionCodes
    .map((code, index) => ({ code, name: p.targetRegionNames[index] ?? code }))
    .filter((region) => !villageRegions.has(region.code));
  const list = (items: ReactNode[]) =>
    items.length > 0 ? <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>{items}</div> : none;

  const items: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
    { key: 'name', label: t('projects.field.name'), children: p.name, span: 'filled' },
    { key: 'code', label: t('projects.field.code'), children: <span style={MONO}>{p.code}</span> },
    { key: 'status', label: t('projects.field.status'), children: <ProjectStatusTag status={p.status} /> },
    {
      key: 'category',
      label: t('projects.field.category'),
      children: label(PROJECT_CATEGORY.labels, p.category),
    },
    {
      key: 'infrastructureKind',
      label: t('projects.field.infrastructureKind'),
      children: p.infrastructureKind ? label(INFRASTRUCTURE_KIND.labels, p.infrastructureKind) : none,
    },
    {
      key: 'assistanceMode',
      label: t('projects.field.assistanceMode'),
      children: label(ASSISTANCE_MODE.labels, p.assistanceMode),
    },
    {
      key: 'governmentObligated',
      label: t('projects.field.governmentObligatedShort'),
      children: p.governmentObligated ? (
        <span>
          <Tag color="orange" style={{ marginInlineEnd: 6 }}>
            {t('registry.yes')}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('projects.overview.noDonations')}
          </Typography.Text>
        </span>
      ) : (
        t('registry.no')
      ),
    },
    { key: 'owner', label: t('projects.field.owner'), children: p.ownerOrganizationName },
    { key: 'level', label: t('projects.field.level'), children: label(ORGANIZATION_LEVEL_LABELS, p.level) },
    {
      key: 'budget',
      label: t('projects.field.budget'),
      children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(p.budget)}</span>,
    },
    {
      key: 'planned',
      label: t('projects.field.planned'),
      children: t('projects.period', { from: p.plannedStart, to: p.plannedEnd }),
    },
    { key: 'actualStart', label: t('projects.field.actualStart'), children: p.actualStart ?? none },
    { key: 'actualEnd', label: t('projects.field.actualEnd'), children: p.actualEnd ?? none },
    {
      key: 'regions',
      label: t('projects.field.regions'),
      span: 'filled',
      children: list(regions.map((region) => <span key={region.code}>{region.name}</span>)),
    },
    {
      key: 'villages',
      label: t('projects.field.villages'),
      span: 'filled',
      children: list(
        p.targetVillageIds.map((id, index) => {
          const village = villages[index]?.data;
          return village ? (
            <Link key={id} to={`/registry/villages/${id}`}>
              {village.fullName}
            </Link>
          ) : (
            <Typography.Text key={id} type="secondary">
              {villages[index]?.isPending ? t('common.loading') : t('projects.overview.villageHidden')}
            </Typography.Text>
          );
        }),
      ),
    },
    ...(p.householdIds.length > 0
      ? [
          {
            key: 'households',
            label: t('projects.field.households'),
            children: t('projects.overview.households', { count: p.householdIds.length.toLocaleString(lang) }),
          },
        ]
      : []),
    {
      key: 'beneficiaries',
      label: t('projects.field.beneficiaries'),
      span: 'filled',
      children: p.beneficiaryCounts.length > 0 ? <BeneficiaryList counts={p.beneficiaryCounts} /> : none,
    },
    {
      key: 'partners',
      label: t('projects.field.partners'),
      span: 'filled',
      children: list(
        p.partners.map((partner) => (
          <span key={`${partner.organizationId}-${partner.role}`} data-testid="partner">
            <Tag variant="filled" style={{ marginInlineEnd: 6 }}>
              {label(PARTNER_ROLE.labels, partner.role)}
            </Tag>
            {partner.organizationName}
          </span>
        )),
      ),
    },
    {
      key: 'description',
      label: t('projects.field.description'),
      span: 'filled',
      children: p.description ? <div style={{ whiteSpace: 'pre-wrap' }}>{p.description}</div> : none,
    },
    { key: 'createdAt', label: t('projects.field.createdAt'), children: formatDateTime(p.createdAt) },
    { key: 'updatedAt', label: t('projects.field.updatedAt'), children: formatDateTime(p.updatedAt) },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      items={items}
      data-testid="project-overview"
    />
  );
}
