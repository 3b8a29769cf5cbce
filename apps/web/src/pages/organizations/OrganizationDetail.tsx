import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type TOrganization,
} from '@tongxin/contracts';
import { Alert, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import { fetchOrganization } from '../../api/organizations';
import { RecordPageState } from '../../components/RecordPageState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useCan, useSessionUser } from '../../session/SessionUserContext';
import { AuditTab } from './AuditTab';
import { ChildrenTab } from './ChildrenTab';
import { HistoryTab } from './HistoryTab';
import { MembersTab } from './MembersTab';
import { OrgTypeIcon } from './OrgTypeIcon';
import { OverviewTab } from './OverviewTab';

type Props = {
  id: string;
  /** Set when the tree shows a past date and this organization was not in it then. */
  missingOnDate: string | null;
  /** Whether an organization is in the user's view (to link to it). */
  isVisible: (id: string) => boolean;
  onCreateChild: (parent: TOrganization) => void;
  onEdit: (organization: TOrganization) => void;
  onMove: (organization: TOrganization) => void;
};

const TABS = ['overview', 'children', 'members', 'history', 'audit'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((tab) => tab === value);

/** One organization: what it is, what is under it, its members, its history and what was done to it. */
export function OrganizationDetail({ id, missingOnDate, isVisible, onCreateChild, onEdit, onMove }: Props) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const organization = useQuery({
    queryKey: keys.org(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
  });

  if (organization.isPending || organization.isError) return <RecordPageState query={organization} rows={10} />;

  const o = organization.data;
  const manage = can('manage_orgs');
  const isOwn = o.id === user.organizationId;
  const hostsMembers = o.type === 'association' || o.type === 'social_group';
  const requested = params.get('tab');
  const tab: TabKey = isTab(requested) ? requested : 'overview';
  const setTab = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'overview') copy.delete('tab');
        else copy.set('tab', next);
        return copy;
      },
      { replace: true },
    );

  const items: { key: TabKey; label: ReactNode; children: ReactNode }[] = [
    {
      key: 'overview',
      label: t('org.tab.overview'),
      children: <OverviewTab organization={o} parentVisible={Boolean(o.parentId && isVisible(o.parentId))} />,
    },
    {
      key: 'children',
      label: (
        <span>
          {t('org.tab.children')}
          {o.childCount > 0 && (
            <Tag variant="filled" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
              {o.childCount}
            </Tag>
          )}
        </span>
      ),
      children: <ChildrenTab organization={o} canCreate={manage} onCreate={() => onCreateChild(o)} />,
    },
    ...(hostsMembers
      ? [
          {
            key: 'members' as const,
            label: t('org.tab.members'),
            children: <MembersTab organization={o} canManage={manage} />,
          },
        ]
      : []),
    { key: 'history', label: t('org.tab.history'), children: <HistoryTab organizationId={o.id} /> },
    ...(can('read_audit')
      ? [{ key: 'audit' as const, label: t('org.tab.audit'), children: <AuditTab organizationId={o.id} /> }]
      : []),
  ];
  const activeKey = items.some((item) => item.key === tab) ? tab : 'overview';

  return (
    <Card styles={{ body: { paddingTop: 20 } }}>
      <div className="tx-detail-header">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Space align="center" size={10}>
            <span style={{ fontSize: 22 }}>
              <OrgTypeIcon type={o.type} />
            </span>
            <Typography.Title level={2} className="tx-detail-title" data-testid="org-title">
              {o.name}
            </Typography.Title>
          </Space>
          <div className="tx-detail-meta">
            <Tag color="red" variant="filled">
              {label(ORGANIZATION_TYPE_LABELS, o.type)}
            </Tag>
            <Tag color="blue" variant="filled">
              {label(ORGANIZATION_LEVEL_LABELS, o.level)}
            </Tag>
            {o.status !== 'active' && (
              <Tag color={o.status === 'suspended' ? 'orange' : 'default'}>
                {label(ORGANIZATION_STATUS_LABELS, o.status)}
              </Tag>
            )}
            {isOwn && <Tag color="gold">{t('org.detail.own')}</Tag>}
            {o.regionName && (
              <Typography.Text type="secondary" style={{ fontSize: 13, marginInlineStart: 4 }}>
                {o.regionName}
              </Typography.Text>
            )}
          </div>
        </div>
        {manage && (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreateChild(o)}>
              {t('org.action.create')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => onEdit(o)}>
              {t('org.action.edit')}
            </Button>
            {!isOwn && o.parentId && (
              <Button icon={<SwapOutlined />} onClick={() => onMove(o)}>
                {t('org.action.move')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {missingOnDate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('org.detail.notInTree', { date: missingOnDate })}
        />
      )}
      <Tabs activeKey={activeKey} onChange={setTab} items={items} style={{ marginTop: 8 }} />
    </Card>
  );
}
