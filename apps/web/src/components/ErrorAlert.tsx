import { Alert, Typography } from 'antd';
import { errorMessage, isApiError } from '../api/ApiError';
import { useT } from '../i18n/useT';

type Props = { error: unknown; extra?: readonly string[]; style?: React.CSSProperties };

/** A refused action, shown above a form: the server's message, problems not tied to a field, the request id. */
export function ErrorAlert({ error, extra = [], style }: Props) {
  const t = useT();
  if (!error) return null;
  const message = errorMessage(error, t('error.unexpected'));
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={message}
      description={
        extra.length > 0 || requestId ? (
          <>
            {extra.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {requestId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.requestId', { id: requestId })}
              </Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
}
