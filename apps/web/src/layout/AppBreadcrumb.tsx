import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/useT';
import { moduleOfPath, pageOfPath } from '../modules';
import { useBreadcrumbExtra } from './BreadcrumbContext';

export function AppBreadcrumb() {
  const t = useT();
  const location = useLocation();
  const module = moduleOfPath(location.pathname);
  const page = pageOfPath(location.pathname);
  const extra = useBreadcrumbExtra();
  const pagePath = module && page ? `/${module.key}/${page.key}` : null;
  // The sub-page's name links back to its list when one is deeper (a household's card under 农户).
  const isDeeper = pagePath !== null && location.pathname.replace(/\/$/, '') !== pagePath;
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
    ...(page && pagePath
      ? [{ key: pagePath, title: isDeeper ? <Link to={pagePath}>{t(page.labelKey)}</Link> : t(page.labelKey) }]
      : []),
    ...extra.map((crumb) => ({
      key: crumb.key,
      title: crumb.href ? <Link to={crumb.href}>{crumb.title}</Link> : crumb.title,
    })),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
