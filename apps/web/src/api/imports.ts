import type { Localized, TPage } from '@tongxin/contracts';
import { api, apiForm, download } from './client';

export type ImportKind = 'households' | 'persons';
export type ImportMode = 'all' | 'valid';
export type ImportPhase = 'counting' | 'validating' | 'writing' | 'done';

/** An import job as GET /imports/:id answers (the server's ZJob; not in contracts). */
export type ImportJob = {
  id: string;
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  phase: string;
  percent: number;
  totalRows: number | null;
  validRows: number | null;
  errorRows: number | null;
  committedRows: number | null;
  committed: boolean;
  problemCount: number | null;
  hasErrorReport: boolean;
  message: string | null;
  actorUsername: string;
  createdAt: string;
  finishedAt: string | null;
};

export type ImportProblem = { row: number; column: string; message: Localized };

export const downloadTemplate = (kind: ImportKind, format: 'xlsx' | 'csv') =>
  download(`/imports/templates/${kind}`, { format }, `${kind}.${format}`);

/** Starts an import; the server reads the fields before the file, so they go first. */
export function startImport(kind: ImportKind, mode: ImportMode, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('mode', mode);
  form.append('file', file, file.name);
  return apiForm<ImportJob>('/imports', form);
}

export const fetchImport = (id: string, signal?: AbortSignal) => api<ImportJob>('GET', `/imports/${id}`, { signal });

export const fetchImports = (signal?: AbortSignal) => api<{ items: ImportJob[] }>('GET', '/imports', { signal });

export const fetchImportProblems = (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
  api<TPage<ImportProblem>>('GET', `/imports/${id}/problems`, { query: { page, pageSize }, signal });

export const downloadErrorReport = (id: string) => download(`/imports/${id}/error-report`, undefined, 'errors.xlsx');
