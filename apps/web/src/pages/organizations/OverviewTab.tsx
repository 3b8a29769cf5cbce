import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type TOrganization,
} from '@tongxin/contracts';
import { Descriptions, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useLabel } from '../../i18n/useLabel';
import { useLang, useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { StatusBadge } from './StatusBadge';

/** Every field of the organization, as registered today. */
export function OverviewTab({ organization, parentVisible }: { organization: TOrganization; parentVisible: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  const [params] = useSearchParams();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const keep = params.get('asOf') ? `?asOf=${params.get('asOf')}` : '';
  const o = organization;
  return (
    <Descriptions
      bordered
      size="small"
      // English labels are longer: two columns only on wide screens.
      column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: lang === 'en' ? 1 : 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: t('org.field.name'), children: o.name, span: 'filled' },
        { key: 'shortName', label: t('org.field.shortName'), children: o.shortName ?? none },
        { key: 'type', label: t('org.field.type'), children: label(ORGANIZATION_TYPE_LABELS, o.type) },
        { key: 'level', label: t('org.field.level'), children: label(ORGANIZATION_LEVEL_LABELS, o.level) },
        {
          key: 'status',
          label: t('org.field.status'),
          children: <StatusBadge status={o.status} text={label(ORGANIZATION_STATUS_LABELS, o.status)} />,
        },
        {
          key: 'region',
          label: t('org.field.region'),
          children: o.regionCode ? (
            <span>
              {o.regionName ?? o.regionCode}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({o.regionCode})
              </Typography.Text>
            </span>
          ) : (
            none
          ),
        },
        {
          key: 'creditCode',
          label: t('org.field.creditCode'),
          children: o.creditCode ? (
            <Typography.Text copyable style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
              {o.creditCode}
            </Typography.Text>
          ) : (
            none
          ),
        },
        {
          key: 'parent',
          label: t('org.field.parent'),
          children: o.parentId ? (
            parentVisible ? (
              <Link to={`/organizations/${o.parentId}${keep}`}>{o.parentName}</Link>
            ) : (
              o.parentName
            )
          ) : (
            none
          ),
        },
        { key: 'childCount', label: t('org.field.childCount'), children: o.childCount },
        { key: 'establishedOn', label: t('org.field.establishedOn'), children: o.establishedOn ?? none },
        { key: 'phone', label: t('org.field.phone'), children: o.phone ?? none },
        { key: 'address', label: t('org.field.address'), children: o.address ?? none, span: 'filled' },
        {
          key: 'description',
          label: t('org.field.description'),
          children: o.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{o.description}</span> : none,
          span: 'filled',
        },
        { key: 'createdAt', label: t('org.field.createdAt'), children: formatDateTime(o.createdAt) },
        { key: 'updatedAt', label: t('org.field.updatedAt'), children: formatDateTime(o.updatedAt) },
      ]}
    />
  );
}
