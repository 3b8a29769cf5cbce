import type { TCapability, TSessionUser } from '@tongxin/contracts';
import { createContext, useContext } from 'react';

export const SessionUserContext = createContext<TSessionUser | null>(null);

/** The signed-in user; only inside the signed-in part of the app. */
export function useSessionUser(): TSessionUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error('useSessionUser outside the signed-in app');
  return user;
}

/** Whether the signed-in user has a capability: hides what they may not use (the server still decides). */
export function useCan(): (capability: TCapability) => boolean {
  const user = useSessionUser();
  return (capability) => user.capabilities.includes(capability);
}
