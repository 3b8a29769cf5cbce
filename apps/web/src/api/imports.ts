import type { TImportJob, TImportKind, TImportMode, TImportProblem, TPage } from '@tongxin/contracts';
import { api, apiForm, download } from './client';

export type {
  TImportJob as ImportJob,
  TImportKind as ImportKind,
  TImportMode as ImportMode,
  TImportProblem as ImportProblem,
};

export const downloadTemplate = (kind: TImportKind, format: 'xlsx' | 'csv') =>
  download(`/imports/templates/${kind}`, { format }, `${kind}.${format}`);

/** Starts an import; the server reads the fields before the file, so they go first. */
export function startImport(kind: TImportKind, mode: TImportMode, file: File): Promise<TImportJob> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('mode', mode);
  form.append('file', file, file.name);
  return apiForm<TImportJob>('/imports', form);
}

export const fetchImport = (id: string, signal?: AbortSignal) => api<TImportJob>('GET', `/imports/${id}`, { signal });

export const fetchImports = (signal?: AbortSignal) => api<{ items: TImportJob[] }>('GET', '/imports', { signal });

export const fetchImportProblems = (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
  api<TPage<TImportProblem>>('GET', `/imports/${id}/problems`, { query: { page, pageSize }, signal });

export const downloadErrorReport = (id: string) => download(`/imports/${id}/error-report`, undefined, 'errors.xlsx');
