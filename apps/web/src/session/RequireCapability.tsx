import type { TCapability } from '@tongxin/contracts';
import { Outlet } from 'react-router';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { useCan } from './SessionUserContext';

export function RequireCapability({ capability }: { capability: TCapability }) {
  const can = useCan();
  return can(capability) ? <Outlet /> : <ForbiddenPage />;
}
