import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT';

/** `home`: where “back” leads — the app's start, or the portal's for its public pages. */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundText')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
