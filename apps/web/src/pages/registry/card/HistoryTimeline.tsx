import { ClockCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Tag, Timeline, Typography } from 'antd';
import { keys } from '../../../api/keys';
import { fetchHouseholdHistory } from '../../../api/registry';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { formatDateTime } from '../../../lib/dates';
import { HouseholdTypeTag, MonitoringTag, RiskTags } from '../shared/Tags';

/** Names of the history's fields, as the server lists them in changedFields. */
const CHANGED_FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  type: 'registry.household.type',
  monitoring_category: 'registry.household.monitoringCategory',
  risks: 'registry.household.risks',
  risk_eliminated: 'registry.household.riskEliminated',
  exit_year: 'registry.household.exitYear',
};

/**
 * The dated states of the household, newest first: from when to when it was of which type, monitored
 * how and at which risks, and who recorded it. Dates are Beijing calendar days.
 */
export function HistoryTimeline({ householdId }: { householdId: string }) {
  const t = useT();
  const history = useQuery({
    queryKey: keys.householdHistory(householdId),
    queryFn: ({ signal }) => fetchHouseholdHistory(householdId, signal),
  });
  if (history.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} compact />;
  const versions = history.data.items;
  if (versions.length === 0) return <EmptyState compact title={t('org.history.empty')} />;
  const none = t('common.none');
  const separator = t('registry.listSeparator');

  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={versions.map((version, index) => {
        const isFirst = index === versions.length - 1;
        const period = version.validTo
          ? t('org.history.range', { from: version.validFrom, to: version.validTo })
          : t('org.history.since', { from: version.validFrom });
        const changed = isFirst
          ? []
          : version.changedFields.map((field) => {
              const key = CHANGED_FIELD_KEYS[field];
              return key ? t(key) : field;
            });
        return {
          key: version.id,
          color: version.validTo ? 'gray' : 'blue',
          icon: isFirst ? <PlusCircleOutlined /> : version.validTo ? undefined : <ClockCircleOutlined />,
          content: (
            <div data-testid="household-version">
              <div style={{ marginBottom: 6, display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                <Typography.Text strong data-testid="version-period">
                  {period}
                </Typography.Text>
                {!version.validTo && <Tag color="blue">{t('org.history.current')}</Tag>}
                {isFirst && (
                  <Tag variant="filled" color="green">
                    {t('registry.history.registered')}
                  </Tag>
                )}
              </div>
              <div className="tx-version-facts">
                <HouseholdTypeTag type={version.type} />
                {version.monitoringCategory && <MonitoringTag category={version.monitoringCategory} />}
                {version.risks.length > 0 && <RiskTags risks={version.risks} />}
                {version.riskEliminated && (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('registry.household.riskEliminatedTag')}
                  </Tag>
                )}
              </div>
              {version.exitYear !== null && (
                <div className="tx-history-change">
                  <Typography.Text type="secondary">
                    {t('common.labelled', { label: t('registry.household.exitYear') })}
                  </Typography.Text>
                  {version.exitYear}
                </div>
              )}
              {changed.length > 0 && (
                <div className="tx-history-change">
                  <Typography.Text type="secondary">
                    {t('common.labelled', { label: t('registry.history.changed') })}
                  </Typography.Text>
                  {changed.join(separator)}
                </div>
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
