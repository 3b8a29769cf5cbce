import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/useT';
import { moduleOfPath } from '../modules';
import { useBreadcrumbExtra } from './BreadcrumbContext';

export function AppBreadcrumb() {
  const t = useT();
  const location = useLocation();
  const module = moduleOfPath(location.pathname);
  const extra = useBreadcrumbExtra();
  const items = [
    {
      key: 'home',
      title: (
        <Link to="/" aria-label={t('app.name')}>
          <HomeOutlined />
        </Link>
      ),
    },
    ...(module ? [{ key: module.key, title: <Link to={`/${module.key}`}>{t(module.labelKey)}</Link> }] : []),
    ...extra.map((crumb) => ({
      key: crumb.key,
      title: crumb.href ? <Link to={crumb.href}>{crumb.title}</Link> : crumb.title,
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
