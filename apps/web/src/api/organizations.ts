import type {
  TCreateMembershipRequest,
  TCreateOrganizationRequest,
  TMembership,
  TMoveOrganizationRequest,
  TOrganization,
  TOrganizationListQuery,
  TOrganizationTreeNode,
  TOrganizationVersion,
  TPage,
  TUpdateMembershipRequest,
  TUpdateOrganizationRequest,
} from '@tongxin/contracts';
import { api, type QueryParams } from './client';

export type OrganizationListQuery = Omit<TOrganizationListQuery, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
} & QueryParams;

export const fetchOrganizationTree = (asOf: string | null, signal?: AbortSignal) =>
  api<{ nodes: TOrganizationTreeNode[] }>('GET', '/organizations/tree', { query: { asOf }, signal });

export const fetchOrganizations = (query: OrganizationListQuery, signal?: AbortSignal) =>
  api<TPage<TOrganization>>('GET', '/organizations', { query, signal });

export const fetchOrganization = (id: string, signal?: AbortSignal) =>
  api<TOrganization>('GET', `/organizations/${id}`, { signal });

export const fetchOrganizationHistory = (id: string, signal?: AbortSignal) =>
  api<{ items: TOrganizationVersion[] }>('GET', `/organizations/${id}/history`, { signal });

export const createOrganization = (body: TCreateOrganizationRequest) =>
  api<TOrganization>('POST', '/organizations', { body });

export const updateOrganization = (id: string, body: TUpdateOrganizationRequest) =>
  api<TOrganization>('PATCH', `/organizations/${id}`, { body });

export const moveOrganization = (id: string, body: TMoveOrganizationRequest) =>
  api<TOrganization>('POST', `/organizations/${id}/move`, { body });

export const fetchMembers = (id: string, signal?: AbortSignal) =>
  api<{ items: TMembership[] }>('GET', `/organizations/${id}/members`, { signal });

export const addMember = (id: string, body: TCreateMembershipRequest) =>
  api<TMembership>('POST', `/organizations/${id}/members`, { body });

export const updateMember = (id: string, membershipId: string, body: TUpdateMembershipRequest) =>
  api<TMembership>('PATCH', `/organizations/${id}/members/${membershipId}`, { body });

export const removeMember = (id: string, membershipId: string) =>
  api<undefined>('DELETE', `/organizations/${id}/members/${membershipId}`);
