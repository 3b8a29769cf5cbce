import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoginRequest } from '@tongxin/contracts';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/auth';
import { setCsrfToken } from '../../api/client';
import { keys } from '../../api/keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useT } from '../../i18n/useT';
import { useSessionQuery } from '../../session/useSession';
import { AuthLayout } from './AuthLayout';

/** Where to go after signing in: the page that sent the user here, if it is one of ours. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [refusal, setRefusal] = useState<unknown>(null);
  const target = safeTarget(params.get('from'));
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(keys.session, result);
      await navigate(target, { replace: true });
    },
    onError: (error) => setRefusal(error),
  });

  if (session.isPending) return <FullPageSpin />;
  if (session.data && !mutation.isPending) return <Navigate to={target} replace />;

  return (
    <AuthLayout>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
        {t('login.subtitle')}
      </Typography.Paragraph>
      <ErrorAlert error={refusal} />
      <Form<TLoginRequest>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(values) => {
          setRefusal(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('login.usernamePlaceholder')}
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            placeholder={t('login.passwordPlaceholder')}
            autoComplete="current-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending} style={{ marginTop: 8 }}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 13 }}>
        {t('login.forgot')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        <Link to="/portal" data-testid="portal-link">
          <GlobalOutlined /> {t('login.portal')}
        </Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
