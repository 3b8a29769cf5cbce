import { useQuery } from '@tanstack/react-query';
import { fetchSession } from '../api/auth';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';

/** GET /auth/session, cached for the whole visit: null when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async () => {
      const session = await fetchSession();
      setCsrfToken(session?.csrfToken ?? null);
      return session;
    },
    staleTime: Infinity,
    retry: false,
  });
}
