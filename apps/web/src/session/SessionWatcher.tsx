import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { setCsrfToken, setSessionHandlers } from '../api/client';
import { keys } from '../api/keys';
import { useT } from '../i18n/useT';

/** Reacts to the server: a lost session signs out (to the login page), a forced password change reloads it. */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  useEffect(() => {
    setSessionHandlers({
      unauthorized: () => {
        if (!queryClient.getQueryData(keys.session)) return;
        setCsrfToken(null);
        queryClient.setQueryData(keys.session, null);
        void message.warning(t('login.sessionExpired'));
      },
      passwordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: keys.session }),
    });
  }, [queryClient, message, t]);
  return null;
}
