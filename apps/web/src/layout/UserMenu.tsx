import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@tongxin/contracts';
import { Avatar, Dropdown, Grid, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../components/ChangePasswordModal';
import { useLabel } from '../i18n/useLabel';
import { useT } from '../i18n/useT';
import { useSessionUser } from '../session/SessionUserContext';
import { useSignOut } from '../session/useSignOut';

/** Who is signed in (name, organization, role) and their own actions. */
export function UserMenu() {
  const t = useT();
  const label = useLabel();
  const user = useSessionUser();
  const signOut = useSignOut();
  const screens = Grid.useBreakpoint();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: (
                <div style={{ maxWidth: 260 }}>
                  <div>{user.organizationName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {user.username} · {label(ROLE_LABELS, user.role)}
                  </Typography.Text>
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') void signOut();
          },
        }}
      >
        <button type="button" className="tx-user-button" data-testid="user-menu">
          <Avatar size={32} icon={<UserOutlined />} style={{ background: '#1a5fb4', flex: 'none' }} />
          <span className="tx-user-text">
            <span className="tx-user-name">{user.displayName}</span>
            {screens.lg && (
              <span className="tx-user-sub">
                {label(ROLE_LABELS, user.role)} · {user.organizationName}
              </span>
            )}
          </span>
          <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
        </button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
