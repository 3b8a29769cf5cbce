import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { FullPageSpin } from '../components/FullPageSpin';
import { AppLayout } from '../layout/AppLayout';
import { ForcedPasswordChangePage } from '../pages/login/ForcedPasswordChangePage';
import { SessionUserContext } from './SessionUserContext';
import { useSessionQuery } from './useSession';

/** The signed-in part of the app: sign in first, change a temporary password first, then the modules. */
export function SignedInApp() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  const { user } = session.data;
  return (
    <SessionUserContext.Provider value={user}>
      {user.mustChangePassword ? <ForcedPasswordChangePage /> : <AppLayout />}
    </SessionUserContext.Provider>
  );
}
