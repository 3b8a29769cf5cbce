import type {
  TPage,
  TPortalDisclosures,
  TPortalOrganization,
  TPortalOrganizationListQuery,
  TPortalProject,
  TPortalProjectListItem,
  TPortalProjectListQuery,
  TPortalReceiptLookup,
  TPortalReceiptTrace,
  TPublicPublication,
  TPublicPublicationListItem,
  TPublicPublicationListQuery,
} from '@tongxin/contracts';
import { api, apiUrl, type QueryParams } from './client';

// The public portal's calls: no session needed, none sent beyond what the browser holds anyway.

type Query<T> = { [K in keyof T]?: T[K] extends number | undefined ? number : T[K] } & QueryParams;

export const portalOrganizations = (query: Query<TPortalOrganizationListQuery>) =>
  api<TPage<TPortalOrganization>>('GET', '/public/organizations', { query });

export const portalOrganization = (id: string) => api<TPortalOrganization>('GET', `/public/organizations/${id}`);

export const portalDisclosures = (id: string) =>
  api<TPortalDisclosures>('GET', `/public/organizations/${id}/disclosures`);

export const portalProjects = (query: Query<TPortalProjectListQuery>) =>
  api<TPage<TPortalProjectListItem>>('GET', '/public/projects', { query });

export const portalProject = (id: string) => api<TPortalProject>('GET', `/public/projects/${id}`);

export const portalPhotoUrl = (projectId: string, photoId: string) =>
  apiUrl(`/public/projects/${projectId}/photos/${photoId}`);

export const verifyReceipt = (lookup: TPortalReceiptLookup) =>
  api<TPortalReceiptTrace>('POST', '/public/receipts/verify', { body: lookup });

export const publicPublications = (query: Query<TPublicPublicationListQuery>) =>
  api<TPage<TPublicPublicationListItem>>('GET', '/public/publications', { query });

export const publicPublication = (id: string) => api<TPublicPublication>('GET', `/public/publications/${id}`);

export const publicPublicationFileUrl = (publicationId: string, fileId: string) =>
  apiUrl(`/public/publications/${publicationId}/files/${fileId}`);
