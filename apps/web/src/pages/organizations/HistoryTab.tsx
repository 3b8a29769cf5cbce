import { ClockCircleOutlined, PlusCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type TOrganizationVersion,
} from '@tongxin/contracts';
import { Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { keys } from '../../api/keys';
import { fetchOrganizationHistory } from '../../api/organizations';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { FIELD_LABEL_KEYS } from './fieldLabels';
import { RegionName } from './RegionName';

type VersionField = 'name' | 'short_name' | 'type' | 'level' | 'status' | 'region_code' | 'parent_id' | 'credit_code';

/** The dated versions of an organization, newest first: what changed, from when, why and who recorded it. */
export function HistoryTab({ organizationId }: { organizationId: string }) {
  const t = useT();
  const label = useLabel();
  const history = useQuery({
    queryKey: keys.orgHistory(organizationId),
    queryFn: ({ signal }) => fetchOrganizationHistory(organizationId, signal),
  });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} compact />;
  const versions = history.data.items;
  if (versions.length === 0) return <EmptyState compact title={t('org.history.empty')} />;

  const none = t('common.none');
  const show = (version: TOrganizationVersion, field: VersionField): ReactNode => {
    switch (field) {
      case 'name':
        return version.name;
      case 'short_name':
        return version.shortName ?? none;
      case 'type':
        return label(ORGANIZATION_TYPE_LABELS, version.type);
      case 'level':
        return label(ORGANIZATION_LEVEL_LABELS, version.level);
      case 'status':
        return label(ORGANIZATION_STATUS_LABELS, version.status);
      case 'region_code':
        return version.regionCode ? <RegionName code={version.regionCode} /> : none;
      case 'parent_id':
        return version.parentName ?? none;
      case 'credit_code':
        return version.creditCode ?? none;
    }
  };
  const isVersionField = (field: string): field is VersionField =>
    ['name', 'short_name', 'type', 'level', 'status', 'region_code', 'parent_id', 'credit_code'].includes(field);

  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={versions.map((version, index) => {
        const older = versions[index + 1];
        const isFirst = !older;
        const fields = version.changedFields.filter(isVersionField);
        const moved = fields.length === 1 && fields[0] === 'parent_id';
        const period = version.validTo
          ? t('org.history.range', { from: version.validFrom, to: version.validTo })
          : t('org.history.since', { from: version.validFrom });
        return {
          key: version.id,
          color: version.validTo ? 'gray' : 'blue',
          icon: isFirst ? (
            <PlusCircleOutlined />
          ) : moved ? (
            <SwapOutlined />
          ) : version.validTo ? undefined : (
            <ClockCircleOutlined />
          ),
          content: (
            <div data-testid="history-entry">
              <div style={{ marginBottom: 4 }}>
                <Typography.Text strong>{period}</Typography.Text>{' '}
                <Tag variant="filled" color={isFirst ? 'green' : moved ? 'purple' : 'geekblue'}>
                  {isFirst ? t('org.history.registered') : moved ? t('org.action.move') : t('org.history.changed')}
                </Tag>
                {!version.validTo && <Tag color="blue">{t('org.history.current')}</Tag>}
              </div>
              {isFirst ? (
                <div className="tx-history-change">
                  <Typography.Text type="secondary">
                    {t('common.labelled', { label: t('org.field.parent') })}
                  </Typography.Text>
                  {show(version, 'parent_id')}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 16 }}>
                    {t('common.labelled', { label: t('org.field.region') })}
                  </Typography.Text>
                  {show(version, 'region_code')}
                </div>
              ) : (
                fields.map((field) => {
                  const labelKey = FIELD_LABEL_KEYS[field];
                  return (
                    <div className="tx-history-change" key={field}>
                      <Typography.Text type="secondary">
                        {t('common.labelled', { label: labelKey ? t(labelKey) : field })}
                      </Typography.Text>
                      <span className="tx-history-old">{show(older, field)}</span>
                      {' → '}
                      <strong>{show(version, field)}</strong>
                    </div>
                  );
                })
              )}
              {version.changeNote && (
                <div className="tx-history-change">{t('org.history.note', { note: version.changeNote })}</div>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('org.history.recordedBy', {
                  user: version.recordedBy ?? none,
                  time: formatDateTime(version.recordedAt),
                })}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
