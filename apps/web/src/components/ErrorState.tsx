import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../api/ApiError';
import { useT } from '../i18n/useT';

type Props = { error: unknown; onRetry?: () => void; title?: ReactNode; compact?: boolean };

/** A failed load: the server's own message, the request id to quote to the administrator, and a retry. */
export function ErrorState({ error, onRetry, title, compact = false }: Props) {
  const t = useT();
  const message = errorMessage(error, t('error.unexpected'));
  const requestId = isApiError(error) ? error.requestId : undefined;
  const status = isApiError(error) ? error.status : 0;
  const refused = status === 403 || status === 404;
  // Asking again helps when the network or the server failed, not when the answer was a refusal.
  const retry = status >= 400 && status < 500 ? undefined : onRetry;
  return (
    <Result
      status={refused ? 'warning' : 'error'}
      style={compact ? { padding: '24px 0' } : undefined}
      title={
        title ??
        (status === 403 ? t('error.forbiddenTitle') : status === 404 ? t('error.missingTitle') : t('error.loadFailed'))
      }
      subTitle={
        <>
          <div>{message}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }} style={{ fontSize: 12 }}>
              {t('common.requestId', { id: requestId })}
            </Typography.Text>
          )}
        </>
      }
      extra={
        retry && (
          <Button icon={<ReloadOutlined />} onClick={retry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
