import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MEMBERSHIP_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type TMembership,
  type TMembershipRole,
  type TOrganization,
} from '@tongxin/contracts';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../../api/keys';
import { fetchMembers, removeMember } from '../../api/organizations';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { MemberFormModal } from './MemberFormModal';
import { OrgTypeIcon } from './OrgTypeIcon';

const ROLE_COLORS: Readonly<Record<TMembershipRole, string>> = {
  president: 'red',
  vice_president: 'volcano',
  standing_council: 'orange',
  council: 'gold',
  member: 'blue',
};

/** Presidents first, ordinary members last, as the council lists them. */
const ROLE_RANK: Readonly<Record<TMembershipRole, number>> = {
  president: 0,
  vice_president: 1,
  standing_council: 2,
  council: 3,
  member: 4,
};

type Props = { organization: TOrganization; canManage: boolean };

/** Member and council units of an association or social group. */
export function MembersTab({ organization, canManage }: Props) {
  const t = useT();
  const label = useLabel();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TMembership | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  const members = useQuery({
    queryKey: keys.orgMembers(organization.id),
    queryFn: ({ signal }) => fetchMembers(organization.id, signal),
  });
  const removal = useMutation({
    mutationFn: (membership: TMembership) => removeMember(organization.id, membership.id),
    onSuccess: async (_data, membership) => {
      void message.success(t('org.members.removed', { name: membership.memberName }));
      await queryClient.invalidateQueries({ queryKey: keys.orgMembers(organization.id) });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      modal.error({ title: t('error.title'), content: error.message });
    },
  });

  const openForm = (membership: TMembership | null) => {
    setEditing(membership);
    setOpening((count) => count + 1);
    setFormOpen(true);
  };
  const form = (
    <MemberFormModal
      key={opening}
      associationId={organization.id}
      editing={editing}
      open={formOpen}
      onClose={() => setFormOpen(false)}
    />
  );

  if (organization.type !== 'association' && organization.type !== 'social_group') {
    return <Alert type="info" showIcon title={t('org.members.notHost')} />;
  }
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} compact />;
  const rows = [...(members.data?.items ?? [])].sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.memberName.localeCompare(b.memberName, 'zh-CN'),
  );
  if (!members.isPending && rows.length === 0) {
    return (
      <>
        <EmptyState
          title={t('org.members.empty')}
          hint={canManage ? t('org.members.emptyAction') : undefined}
          action={
            canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
                {t('org.members.add')}
              </Button>
            )
          }
        />
        {form}
      </>
    );
  }

  return (
    <>
      {canManage && (
        <div className="tx-toolbar">
          <div className="tx-toolbar-spacer" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            {t('org.members.add')}
          </Button>
        </div>
      )}
      <Table<TMembership>
        rowKey="id"
        size="middle"
        loading={members.isPending}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          {
            key: 'member',
            title: t('org.members.member'),
            render: (_, row) => (
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <span style={{ paddingTop: 2 }}>
                  <OrgTypeIcon type={row.memberType} />
                </span>
                <div>
                  <Link to={`/organizations/${row.memberId}`}>{row.memberName}</Link>
                  <div style={{ fontSize: 12, color: '#8a919f' }}>
                    {label(ORGANIZATION_TYPE_LABELS, row.memberType)}
                  </div>
                </div>
              </div>
            ),
          },
          {
            key: 'role',
            title: t('org.members.role'),
            render: (_, row) => (
              <Tag color={ROLE_COLORS[row.role]} style={{ whiteSpace: 'nowrap' }}>
                {label(MEMBERSHIP_ROLE_LABELS, row.role)}
              </Tag>
            ),
          },
          {
            key: 'term',
            title: t('org.members.term'),
            render: (_, row) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                <div>{row.term ?? t('common.none')}</div>
                {(row.startsOn || row.endsOn) && (
                  <div style={{ fontSize: 12, color: '#8a919f' }}>
                    {row.startsOn ?? '…'} – {row.endsOn ?? t('org.members.ongoing')}
                  </div>
                )}
              </div>
            ),
          },
          ...(rows.some((row) => row.note)
            ? [{ key: 'note', title: t('org.members.note'), render: (_: unknown, row: TMembership) => row.note ?? '' }]
            : []),
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 96,
                  render: (_: unknown, row: TMembership) => (
                    <Space size={0}>
                      <Tooltip title={t('common.edit')}>
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => openForm(row)}
                        />
                      </Tooltip>
                      <Popconfirm
                        title={t('org.members.removeConfirm', { name: row.memberName })}
                        description={t('org.members.removeHint')}
                        okText={t('common.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => removal.mutate(row)}
                      >
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {form}
    </>
  );
}
