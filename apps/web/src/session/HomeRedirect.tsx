import { Navigate } from 'react-router';
import { MODULES } from '../modules';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useCan } from './SessionUserContext';

/** `/` opens the first module the user may use. */
export function HomeRedirect() {
  const can = useCan();
  const first = MODULES.find((module) => can(module.capability));
  return first ? <Navigate to={`/${first.key}`} replace /> : <ForbiddenPage />;
}
