import { useQuery } from '@tanstack/react-query';
import {
  MEMBERSHIP_ROLE_LABELS,
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  ROLE_LABELS,
  USER_STATUS_LABELS,
  type Localized,
  type TAuditEvent,
} from '@tongxin/contracts';
import { Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { keys } from '../../api/keys';
import { fetchAuditEvents } from '../../api/audit';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLang, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { formatDateTime } from '../../lib/dates';
import { FIELD_LABEL_KEYS } from './fieldLabels';
import { RegionName } from './RegionName';

const ACTION_COLORS: Readonly<Record<string, string>> = {
  create: 'green',
  update: 'blue',
  move: 'purple',
  delete: 'red',
  login: 'default',
  change_password: 'default',
  reset_password: 'orange',
};

/** Value tables for coded fields, so that the log reads in words. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, Localized>>>> = {
  type: ORGANIZATION_TYPE_LABELS,
  level: ORGANIZATION_LEVEL_LABELS,
  status: { ...ORGANIZATION_STATUS_LABELS, ...USER_STATUS_LABELS },
  role: { ...ROLE_LABELS, ...MEMBERSHIP_ROLE_LABELS },
};

/** Fields whose values are internal ids; the names beside them say the same to a person. */
const HIDDEN_FIELDS = new Set(['parent_id', 'organization_id', 'member_id', 'association_id', 'password']);

const ACTIONS = [
  'organization.create',
  'organization.update',
  'organization.move',
  'membership.create',
  'membership.update',
  'membership.delete',
  'user.create',
  'user.update',
  'user.login',
  'user.change_password',
  'user.reset_password',
  'regions.load',
] as const;
const ACTION_KEYS: Readonly<Record<string, MessageKey>> = Object.fromEntries(
  ACTIONS.map((action) => [action, `audit.action.${action}` as const]),
);

const PAGE_SIZE = 10;

/** Everything done to and within this organization, from the tamper-evident audit trail, newest first. */
export function AuditTab({ organizationId }: { organizationId: string }) {
  const t = useT();
  const { lang } = useLang();
  const [page, setPage] = useState(1);
  const query = { organizationId, page, pageSize: PAGE_SIZE };
  const events = useQuery({
    queryKey: keys.audit(query),
    queryFn: ({ signal }) => fetchAuditEvents(query, signal),
    placeholderData: (previous) => previous,
  });
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} compact />;
  if (events.data && events.data.total === 0) return <EmptyState compact title={t('org.audit.empty')} />;

  const value = (field: string, raw: unknown): ReactNode => {
    if (raw === null || raw === undefined || raw === '') return t('common.none');
    if (field === 'region_code' && typeof raw === 'string') return <RegionName code={raw} />;
    if (field === 'must_change_password') return raw ? '✓' : '✗';
    const table = VALUE_LABELS[field];
    if (table && typeof raw === 'string' && table[raw]) return table[raw][lang];
    return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
  };
  const actionLabel = (action: string) => {
    const key = ACTION_KEYS[action];
    return key ? t(key) : action;
  };

  return (
    <Table<TAuditEvent>
      rowKey="id"
      size="small"
      loading={events.isFetching}
      dataSource={events.data?.items ?? []}
      tableLayout="fixed"
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: events.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total }),
        onChange: setPage,
      }}
      columns={[
        {
          key: 'time',
          title: t('org.audit.time'),
          width: 136,
          render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</span>,
        },
        {
          key: 'actor',
          title: t('org.audit.actor'),
          width: 120,
          ellipsis: true,
          render: (_, event) => event.actorUsername ?? '—',
        },
        {
          key: 'action',
          title: t('org.audit.action'),
          width: 120,
          render: (_, event) => (
            <Tag color={ACTION_COLORS[event.action.split('.')[1] ?? ''] ?? 'default'}>{actionLabel(event.action)}</Tag>
          ),
        },
        {
          key: 'changes',
          title: t('org.audit.changes'),
          render: (_, event) => {
            const entries = Object.entries(event.changes).filter(([field]) => !HIDDEN_FIELDS.has(field));
            if (entries.length === 0)
              return <Typography.Text type="secondary">{t('org.audit.noChanges')}</Typography.Text>;
            return (
              <div style={{ fontSize: 13, wordBreak: 'break-all' }}>
                {entries.map(([field, change]) => {
                  const labelKey = FIELD_LABEL_KEYS[field];
                  const created = change.before === null || change.before === undefined;
                  return (
                    <div key={field}>
                      <Typography.Text type="secondary">
                        {t('common.labelled', { label: labelKey ? t(labelKey) : field })}
                      </Typography.Text>
                      {!created && (
                        <>
                          <span className="tx-history-old">{value(field, change.before)}</span>
                          {' → '}
                        </>
                      )}
                      {value(field, change.after)}
                    </div>
                  );
                })}
              </div>
            );
          },
        },
      ]}
    />
  );
}
