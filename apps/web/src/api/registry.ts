import type {
  TCreateHouseholdRequest,
  TCreatePersonRequest,
  TCreateVillageRequest,
  THousehold,
  THouseholdCard,
  THouseholdListQuery,
  THouseholdVersion,
  TPage,
  TPerson,
  TUpdateHouseholdRequest,
  TUpdatePersonRequest,
  TUpdateVillageRequest,
  TVillage,
  TVillageListQuery,
} from '@tongxin/contracts';
import { api, download, type QueryParams } from './client';

export type VillageListQuery = Omit<TVillageListQuery, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
} & QueryParams;

export type HouseholdListQuery = Omit<THouseholdListQuery, 'page' | 'pageSize' | 'mainCause'> & {
  page?: number;
  pageSize?: number;
  mainCause?: number;
} & QueryParams;

export const fetchVillages = (query: VillageListQuery, signal?: AbortSignal) =>
  api<TPage<TVillage>>('GET', '/villages', { query, signal });

/** The filtered village list as a workbook; the server records the export. */
export const exportVillages = (query: VillageListQuery) =>
  download('/villages/export', { ...query, page: undefined, pageSize: undefined }, 'villages.xlsx');

export const fetchVillage = (id: string, signal?: AbortSignal) => api<TVillage>('GET', `/villages/${id}`, { signal });

export const createVillage = (body: TCreateVillageRequest) => api<TVillage>('POST', '/villages', { body });

export const updateVillage = (id: string, body: TUpdateVillageRequest) =>
  api<TVillage>('PATCH', `/villages/${id}`, { body });

export const fetchHouseholds = (query: HouseholdListQuery, signal?: AbortSignal) =>
  api<TPage<THousehold>>('GET', '/households', { query, signal });

/** The filtered list as a workbook (personal data masked); the server records the export. */
export const exportHouseholds = (query: HouseholdListQuery) =>
  download('/households/export', { ...query, page: undefined, pageSize: undefined }, 'households.xlsx');

export const fetchHousehold = (id: string, signal?: AbortSignal) =>
  api<THouseholdCard>('GET', `/households/${id}`, { signal });

export const createHousehold = (body: TCreateHouseholdRequest) => api<THouseholdCard>('POST', '/households', { body });

export const updateHousehold = (id: string, body: TUpdateHouseholdRequest) =>
  api<THouseholdCard>('PATCH', `/households/${id}`, { body });

export const fetchHouseholdHistory = (id: string, signal?: AbortSignal) =>
  api<{ items: THouseholdVersion[] }>('GET', `/households/${id}/history`, { signal });

export type RevealableField = 'address' | 'phone';

export const revealHouseholdField = (id: string, field: RevealableField, reason: string) =>
  api<{ value: string | null }>('POST', `/households/${id}/reveal`, { body: { field, reason } });

export const addPerson = (householdId: string, body: TCreatePersonRequest) =>
  api<TPerson>('POST', `/households/${householdId}/persons`, { body });

export const updatePerson = (id: string, body: TUpdatePersonRequest) =>
  api<TPerson>('PATCH', `/persons/${id}`, { body });

export const removePerson = (id: string) => api<undefined>('DELETE', `/persons/${id}`);

export const revealIdNumber = (id: string, reason: string) =>
  api<{ value: string }>('POST', `/persons/${id}/reveal-id-number`, { body: { reason } });
