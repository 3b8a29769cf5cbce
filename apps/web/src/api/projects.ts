import type {
  TAcceptance,
  TCreateAcceptanceRequest,
  TCreateInspectionRequest,
  TCreateMilestoneRequest,
  TCreateProjectRequest,
  TCreateReportRequest,
  TInspection,
  TMilestone,
  TPage,
  TProgressReport,
  TProject,
  TProjectFile,
  TProjectListQuery,
  TProjectTransition,
  TReportingStatus,
  TOverdueItem,
  TSupervisionRow,
  TTransitionRequest,
  TUpdateMilestoneRequest,
  TUpdateProjectRequest,
} from '@tongxin/contracts';
import { api, apiForm, apiUrl, download, type QueryParams } from './client';

export type ProjectListQuery = Omit<TProjectListQuery, 'page' | 'pageSize' | 'year'> & {
  page?: number;
  pageSize?: number;
  year?: number;
} & QueryParams;

/** Everything recorded about a project besides its own fields, and what is due. */
export type ProjectRecords = {
  milestones: TMilestone[];
  reports: TProgressReport[];
  inspections: TInspection[];
  acceptances: TAcceptance[];
  files: TProjectFile[];
  reporting: TReportingStatus;
};

export type ProjectFileKind = TProjectFile['kind'];

export const fetchProjects = (query: ProjectListQuery, signal?: AbortSignal) =>
  api<TPage<TProject>>('GET', '/projects', { query, signal });

/** The filtered list as a workbook. */
export const exportProjects = (query: ProjectListQuery) =>
  download('/projects/export', { ...query, page: undefined, pageSize: undefined }, 'projects.xlsx');

/** The supervision board's overdue items as a workbook, of one kind when given. */
export const exportSupervision = (kind?: TOverdueItem['kind']) =>
  download('/projects/supervision/export', { kind }, 'overdue.xlsx');

export const fetchProject = (id: string, signal?: AbortSignal) => api<TProject>('GET', `/projects/${id}`, { signal });

export const createProject = (body: TCreateProjectRequest) => api<TProject>('POST', '/projects', { body });

export const updateProject = (id: string, body: TUpdateProjectRequest) =>
  api<TProject>('PATCH', `/projects/${id}`, { body });

export const transitionProject = (id: string, body: TTransitionRequest) =>
  api<TProject>('POST', `/projects/${id}/transitions`, { body });

export const fetchProjectTimeline = (id: string, signal?: AbortSignal) =>
  api<{ items: TProjectTransition[] }>('GET', `/projects/${id}/timeline`, { signal });

export const fetchProjectRecords = (id: string, signal?: AbortSignal) =>
  api<ProjectRecords>('GET', `/projects/${id}/records`, { signal });

/** Uploads a photo or a document; the server reads the fields before the file, so they go first. */
export function uploadProjectFile(
  id: string,
  kind: ProjectFileKind,
  isPublic: boolean,
  file: File,
): Promise<TProjectFile> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('isPublic', String(isPublic));
  form.append('file', file, file.name);
  return apiForm<TProjectFile>(`/projects/${id}/files`, form);
}

/** Where the browser finds a stored photo or document (the session cookie goes along). */
export const projectFileUrl = (id: string, fileId: string) => apiUrl(`/projects/${id}/files/${fileId}`);

export const downloadProjectFile = (id: string, file: TProjectFile) =>
  download(`/projects/${id}/files/${file.id}`, undefined, file.fileName);

export const addMilestone = (id: string, body: TCreateMilestoneRequest) =>
  api<TMilestone>('POST', `/projects/${id}/milestones`, { body });

export const updateMilestone = (id: string, milestoneId: string, body: TUpdateMilestoneRequest) =>
  api<TMilestone>('PATCH', `/projects/${id}/milestones/${milestoneId}`, { body });

export const addReport = (id: string, body: TCreateReportRequest) =>
  api<TProgressReport>('POST', `/projects/${id}/reports`, { body });

export const addInspection = (id: string, body: TCreateInspectionRequest) =>
  api<TInspection>('POST', `/projects/${id}/inspections`, { body });

export const addAcceptance = (id: string, body: TCreateAcceptanceRequest) =>
  api<TAcceptance>('POST', `/projects/${id}/acceptances`, { body });

export const fetchSupervision = (signal?: AbortSignal) =>
  api<{ items: TSupervisionRow[] }>('GET', '/projects/supervision', { signal });
