import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Skeleton } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/useT';
import { readPreference, writePreference } from '../lib/storage';
import { MODULES, moduleOfPath, pageOfPath } from '../modules';
import { useCan } from '../session/SessionUserContext';
import { AppBreadcrumb } from './AppBreadcrumb';
import { BreadcrumbProvider } from './BreadcrumbContext';
import { UserMenu } from './UserMenu';

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** The signed-in frame: menu of modules on the left, who is signed in on top, the page below a breadcrumb. */
export function AppLayout() {
  const t = useT();
  const can = useCan();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => readPreference('siderCollapsed', false, isBoolean));
  const toggle = (next: boolean) => {
    setCollapsed(next);
    writePreference('siderCollapsed', next);
  };
  const current = moduleOfPath(location.pathname);
  const currentPage = pageOfPath(location.pathname);
  const items = MODULES.filter((module) => can(module.capability)).map((module) =>
    module.pages
      ? {
          key: module.key,
          icon: module.icon,
          label: t(module.labelKey),
          children: module.pages
            .filter((page) => can(page.capability ?? module.capability))
            .map((page) => ({
              key: `${module.key}/${page.key}`,
              label: <Link to={`/${module.key}/${page.key}`}>{t(page.labelKey)}</Link>,
            })),
        }
      : { key: module.key, icon: module.icon, label: <Link to={`/${module.key}`}>{t(module.labelKey)}</Link> },
  );
  const selectedKey = current ? (currentPage ? `${current.key}/${currentPage.key}` : current.key) : null;
  // The module one is in stays unfolded; others fold and unfold as the user likes.
  const currentKey = current?.pages ? current.key : null;
  const [openKeys, setOpenKeys] = useState<string[]>(() => (currentKey ? [currentKey] : []));
  const [openedFor, setOpenedFor] = useState(currentKey);
  if (currentKey !== openedFor) {
    setOpenedFor(currentKey);
    if (currentKey && !openKeys.includes(currentKey)) setOpenKeys([...openKeys, currentKey]);
  }

  return (
    <BreadcrumbProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          theme="light"
          width={216}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          breakpoint="xl"
          onBreakpoint={(broken) => setCollapsed(broken || readPreference('siderCollapsed', false, isBoolean))}
          trigger={null}
          className="tx-sider"
        >
          <Link to="/" className="tx-logo">
            <BrandMark size={30} />
            {!collapsed && (
              <span className="tx-logo-text">
                <span className="tx-logo-name">{t('app.name')}</span>
                <span className="tx-logo-latin">{t('app.latinName')}</span>
              </span>
            )}
          </Link>
          <Menu
            mode="inline"
            selectedKeys={selectedKey ? [selectedKey] : []}
            // Folded, the sub-menus open as pop-ups on hover; their open state applies to the full menu only.
            {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
            items={items}
            aria-label={t('nav.menu')}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="tx-header">
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => toggle(!collapsed)}
              aria-label={collapsed ? t('header.expand') : t('header.collapse')}
            />
            <div style={{ flex: 1 }} />
            <LanguageSwitch />
            <UserMenu />
          </Layout.Header>
          <Layout.Content className="tx-content">
            <AppBreadcrumb />
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </BreadcrumbProvider>
  );
}
