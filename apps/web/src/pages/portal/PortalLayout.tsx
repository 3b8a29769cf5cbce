import { LoginOutlined } from '@ant-design/icons';
import { Button, Menu } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';

const SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/portal', label: 'portal.nav.home' },
  { path: '/portal/projects', label: 'portal.nav.projects' },
  { path: '/portal/receipt', label: 'portal.nav.receipt' },
  { path: '/portal/publications', label: 'portal.nav.publications' },
];

/** The section a page belongs to: the longest section path its address starts with. */
function sectionOf(pathname: string): string {
  const organization = pathname.startsWith('/portal/organizations') ? '/portal' : null;
  return (
    organization ??
    [...SECTIONS].reverse().find((section) => pathname === section.path || pathname.startsWith(`${section.path}/`))
      ?.path ??
    '/portal'
  );
}

/** The frame of the public portal: open to anyone, outside the signed-in app. */
export function PortalLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <div className="tx-portal">
      <header className="tx-portal-header">
        <div className="tx-portal-bar">
          <Link to="/portal" className="tx-portal-brand">
            <BrandMark size={34} />
            <span>
              <span className="tx-portal-name">{t('portal.brand')}</span>
              <span className="tx-portal-sub">{t('portal.brandSub')}</span>
            </span>
          </Link>
          <Menu
            mode="horizontal"
            className="tx-portal-menu"
            selectedKeys={[sectionOf(pathname)]}
            items={SECTIONS.map((section) => ({ key: section.path, label: t(section.label) }))}
            onClick={({ key }) => void navigate(key)}
          />
          <div className="tx-portal-tools">
            <LanguageSwitch />
            <Link to="/login">
              <Button type="text" icon={<LoginOutlined />} data-testid="portal-staff-login">
                {t('portal.staffLogin')}
              </Button>
            </Link>
          </div>
        </div>
      </header>
      <main className="tx-portal-main">
        <Outlet />
      </main>
      <footer className="tx-portal-footer">{t('portal.footer')}</footer>
    </div>
  );
}
