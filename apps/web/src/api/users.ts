import type { TCreateUserRequest, TPage, TUpdateUserRequest, TUser, TUserListQuery } from '@tongxin/contracts';
import { api, type QueryParams } from './client';

export type UserListQuery = Omit<TUserListQuery, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
} & QueryParams;

export const fetchUsers = (query: UserListQuery, signal?: AbortSignal) =>
  api<TPage<TUser>>('GET', '/users', { query, signal });

export const createUser = (body: TCreateUserRequest) =>
  api<{ user: TUser; temporaryPassword: string | null }>('POST', '/users', { body });

export const updateUser = (id: string, body: TUpdateUserRequest) => api<TUser>('PATCH', `/users/${id}`, { body });

export const resetPassword = (id: string) => api<{ temporaryPassword: string }>('POST', `/users/${id}/reset-password`);
