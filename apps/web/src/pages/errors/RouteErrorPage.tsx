import { Button, Result, Typography } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../../i18n/useT';

/** A page that threw while rendering: say so plainly, offer a reload, keep the details for the administrator. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <Result
      status="error"
      title={t('error.crashTitle')}
      subTitle={
        <>
          <div>{t('error.crashText')}</div>
          <Typography.Text type="secondary" code copyable style={{ fontSize: 12 }}>
            {detail}
          </Typography.Text>
        </>
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}
