import type {
  TCreatePublicationRequest,
  TPage,
  TPublication,
  TPublicationFile,
  TPublicationFileRole,
  TPublicationListItem,
  TPublicationListQuery,
  TPublicationTransitionRequest,
  TUpdatePublicationRequest,
} from '@tongxin/contracts';
import { api, apiForm, download, type QueryParams } from './client';

export type PublicationListQuery = Omit<TPublicationListQuery, 'page' | 'pageSize' | 'year'> & {
  page?: number;
  pageSize?: number;
  year?: number;
} & QueryParams;

export const fetchPublications = (query: PublicationListQuery) =>
  api<TPage<TPublicationListItem>>('GET', '/publications', { query });

export const fetchPublication = (id: string) => api<TPublication>('GET', `/publications/${id}`);

export const createPublication = (body: TCreatePublicationRequest) =>
  api<TPublication>('POST', '/publications', { body });

export const updatePublication = (id: string, body: TUpdatePublicationRequest) =>
  api<TPublication>('PATCH', `/publications/${id}`, { body });

export const transitionPublication = (id: string, body: TPublicationTransitionRequest) =>
  api<TPublication>('POST', `/publications/${id}/transitions`, { body });

export function uploadPublicationFile(id: string, role: TPublicationFileRole, file: File): Promise<TPublicationFile> {
  const form = new FormData();
  form.append('role', role);
  form.append('file', file);
  return apiForm<TPublicationFile>(`/publications/${id}/files`, form);
}

export const removePublicationFile = (id: string, fileId: string) =>
  api<null>('DELETE', `/publications/${id}/files/${fileId}`);

export const downloadPublicationFile = (id: string, file: TPublicationFile) =>
  download(`/publications/${id}/files/${file.id}`, undefined, file.fileName);
