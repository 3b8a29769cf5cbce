import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  ROLE_LABELS,
  ROLES,
  USER_STATUS_LABELS,
  USER_STATUSES,
  type TRole,
  type TUser,
  type TUserStatus,
} from '@tongxin/contracts';
import { App, Badge, Button, Card, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keys } from '../../api/keys';
import { fetchUsers, resetPassword, type UserListQuery } from '../../api/users';
import { EmptyState } from '../../components/EmptyState';
import { ListTable } from '../../components/ListTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/dates';
import { useSessionUser } from '../../session/SessionUserContext';
import { listTableChange } from '../registry/shared/useListParams';
import { TemporaryPasswordModal, type TemporaryPassword } from './TemporaryPasswordModal';
import { UserFormDrawer, type UserFormTarget } from './UserFormDrawer';

type SortField = 'username' | 'displayName' | 'createdAt' | 'lastLoginAt';
const SORTS: readonly SortField[] = ['username', 'displayName', 'createdAt', 'lastLoginAt'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

/** 用户管理: the accounts of the organizations the signed-in administrator manages. */
export function UsersPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const actor = useSessionUser();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [orgName, setOrgName] = useState<string | null>(null);
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const openForm = (target: UserFormTarget) => {
    setOpening((count) => count + 1);
    setFormTarget(target);
  };
  const [temporary, setTemporary] = useState<TemporaryPassword | null>(null);

  const query: UserListQuery = {
    q: params.get('q') ?? undefined,
    role: pick<TRole>(params.get('role'), ROLES),
    status: pick<TUserStatus>(params.get('status'), USER_STATUSES),
    organizationId: params.get('org') ?? undefined,
    sort: pick(params.get('sort'), SORTS) ?? 'username',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const list = useQuery({
    queryKey: keys.userList(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });
  const reset = useMutation({
    mutationFn: (user: TUser) => resetPassword(user.id),
    onSuccess: ({ temporaryPassword }, user) =>
      setTemporary({ username: user.username, displayName: user.displayName, password: temporaryPassword }),
    onError: (error) => modal.error({ title: t('error.title'), content: error.message }),
  });

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage) next.delete('page');
      return next;
    });
  const sortOrder = (field: SortField) =>
    query.sort === field ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const filtered = Boolean(query.q || query.role || query.status || query.organizationId);

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('users.pageTitle')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm({ mode: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <Card>
        <div className="tx-toolbar">
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
            aria-label={t('common.search')}
          />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('users.roleFilter')}
            value={query.role}
            options={options(ROLE_LABELS, ROLES)}
            onChange={(value: TRole | undefined) => update({ role: value })}
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('users.statusFilter')}
            value={query.status}
            options={options(USER_STATUS_LABELS, USER_STATUSES)}
            onChange={(value: TUserStatus | undefined) => update({ status: value })}
          />
          <OrganizationSelect
            allowClear
            style={{ width: 280 }}
            placeholder={t('users.orgFilter')}
            value={query.organizationId ?? null}
            valueLabel={orgName}
            onChange={(id, organization) => {
              setOrgName(organization?.name ?? null);
              update({ org: id });
            }}
          />
        </div>
        <ListTable<TUser>
          list={list}
          page={query}
          empty={
            <EmptyState
              compact
              title={filtered ? t('users.noMatch') : t('users.empty')}
              hint={filtered ? t('org.list.emptyHint') : t('users.emptyAction')}
            />
          }
          pageSizes={[20, 50, 100]}
          onChange={listTableChange(update, SORTS, 'asc')}
          columns={[
            {
              key: 'username',
              title: t('users.field.username'),
              sorter: true,
              sortOrder: sortOrder('username'),
              render: (_, user) => (
                <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
                  {user.username}
                  {user.id === actor.id && (
                    <Tag variant="filled" color="gold" style={{ marginInlineStart: 6 }}>
                      {t('users.you')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              key: 'displayName',
              title: t('users.field.displayName'),
              sorter: true,
              sortOrder: sortOrder('displayName'),
              dataIndex: 'displayName',
            },
            {
              key: 'role',
              title: t('users.field.role'),
              render: (_, user) => label(ROLE_LABELS, user.role),
            },
            { key: 'organization', title: t('users.field.organization'), dataIndex: 'organizationName' },
            {
              key: 'status',
              title: t('users.field.status'),
              render: (_, user) => (
                <Space size={4} wrap>
                  <Badge
                    status={user.status === 'active' ? 'success' : 'default'}
                    text={label(USER_STATUS_LABELS, user.status)}
                  />
                  {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'lastLoginAt',
              title: t('users.field.lastLoginAt'),
              sorter: true,
              sortOrder: sortOrder('lastLoginAt'),
              render: (_, user) =>
                user.lastLoginAt ? (
                  formatDateTime(user.lastLoginAt)
                ) : (
                  <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
                ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: 'right',
              render: (_, user) => (
                <Space size={4} separator={<span style={{ color: '#e5e6eb' }}>|</span>}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    aria-label={`${t('common.edit')} ${user.username}`}
                    onClick={() => openForm({ mode: 'edit', user })}
                  >
                    {t('common.edit')}
                  </Button>
                  {user.id !== actor.id && (
                    <Popconfirm
                      title={t('users.resetConfirm', { name: user.displayName })}
                      description={t('users.resetHint')}
                      okText={t('users.resetPassword')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => reset.mutate(user)}
                    >
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        aria-label={`${t('users.resetPassword')} ${user.username}`}
                      >
                        {t('users.resetPassword')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormDrawer
        key={opening}
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onTemporaryPassword={setTemporary}
      />
      <TemporaryPasswordModal value={temporary} onClose={() => setTemporary(null)} />
    </>
  );
}
