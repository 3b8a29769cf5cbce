import type { TRegion, TRegionSearchQuery } from '@tongxin/contracts';
import { api, type QueryParams } from './client';

export type RegionQuery = Omit<TRegionSearchQuery, 'limit'> & { limit?: number } & QueryParams;

export const fetchRegions = (query: RegionQuery, signal?: AbortSignal) =>
  api<{ items: TRegion[] }>('GET', '/regions', { query, signal });

export const fetchRegion = (code: string, signal?: AbortSignal) => api<TRegion>('GET', `/regions/${code}`, { signal });
