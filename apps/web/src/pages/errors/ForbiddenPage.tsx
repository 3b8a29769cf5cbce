import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT';

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
