import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useT } from '../../i18n/useT';
import { useSessionUser } from '../../session/SessionUserContext';
import { useSignOut } from '../../session/useSignOut';
import { AuthLayout } from './AuthLayout';

/** Right after signing in with a temporary password: nothing else works until it is changed. */
export function ForcedPasswordChangePage() {
  const t = useT();
  const user = useSessionUser();
  const signOut = useSignOut();
  return (
    <AuthLayout>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        <SafetyCertificateOutlined style={{ color: '#1a5fb4', marginInlineEnd: 8 }} />
        {t('password.forcedTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('password.forcedSignedInAs', { name: user.displayName, username: user.username })}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('password.forcedHint')} style={{ marginBottom: 20 }} />
      <ChangePasswordForm forced />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Button type="link" onClick={() => void signOut()}>
          {t('header.logout')}
        </Button>
      </div>
    </AuthLayout>
  );
}
