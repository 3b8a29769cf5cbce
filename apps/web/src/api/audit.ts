import type { TAuditEvent, TAuditListQuery, TPage } from '@tongxin/contracts';
import { api, type QueryParams } from './client';

export type AuditQuery = Omit<TAuditListQuery, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
} & QueryParams;

export const fetchAuditEvents = (query: AuditQuery, signal?: AbortSignal) =>
  api<TPage<TAuditEvent>>('GET', '/audit-events', { query, signal });
