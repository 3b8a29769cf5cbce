import type { TChangePasswordRequest, TLoginRequest, TSessionResponse } from '@tongxin/contracts';
import { isApiError } from './ApiError';
import { api } from './client';

/** The signed-in user, or null when nobody is signed in. */
export async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    return await api<TSessionResponse>('GET', '/auth/session');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const login = (body: TLoginRequest) => api<TSessionResponse>('POST', '/auth/login', { body });
export const logout = () => api<undefined>('POST', '/auth/logout');
export const changePassword = (body: TChangePasswordRequest) => api<undefined>('POST', '/auth/password', { body });
