import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { logout } from '../api/auth';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import { useT } from '../i18n/useT';

/** Ends the session on the server, forgets every cached answer and goes to the login page. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const t = useT();
  return useCallback(async () => {
    await logout().catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(keys.session, null);
    await navigate('/login', { replace: true });
    void message.success(t('header.loggedOut'));
  }, [queryClient, navigate, message, t]);
}
