import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../../i18n/useT';

export type TemporaryPassword = { username: string; displayName: string; password: string };

/** A temporary password, shown once, with a copy button; the user must change it at first sign-in. */
export function TemporaryPasswordModal({ value, onClose }: { value: TemporaryPassword | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={value !== null}
      title={t('users.tempTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.tempDone')}
        </Button>
      }
      width={460}
    >
      {value && (
        <>
          <Typography.Paragraph>
            {t('users.tempText', { name: value.displayName, username: value.username })}
          </Typography.Paragraph>
          <div
            style={{
              background: '#f7f8fa',
              border: '1px dashed #c9cdd4',
              borderRadius: 8,
              padding: '14px 16px',
              textAlign: 'center',
              marginBottom: 16,
            }}
          >
            <Typography.Text
              copyable={{ text: value.password, tooltips: [t('common.copy'), t('common.copied')] }}
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 22, letterSpacing: 1 }}
            >
              <span data-testid="temporary-password">{value.password}</span>
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon icon={<ExclamationCircleFilled />} title={t('users.tempOnce')} />
        </>
      )}
    </Modal>
  );
}
