import fs from 'node:fs';
import {
  ZPortalProjectListQuery,
  type TPage,
  type TPortalProject,
  type TPortalProjectListItem,
  type TPortalProjectListQuery,
  type TPortalReport,
} from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { storedFilePath } from '../../platform/files/index.js';
import { organizationNames } from '../organizations/index.js';
import { regionFullNames } from '../regions/index.js';
import { findPublicProject, listPublicProjects, publicPhotosOf, publicReportsOf } from './public.repository.js';
import { partnersOf, targetsOf } from './repository.js';
import type { ProjectFileRow, ProjectRow } from './tables.js';

// What the portal shows of projects, to anyone. Only approved projects are reached (public.repository);
// of their records, only reports and photos marked public. Villages and households a project targets,
// inspections, acceptances, documents and who wrote what stay inside.

async function listItems(executor: Executor, rows: readonly ProjectRow[]): Promise<TPortalProjectListItem[]> {
  const targets = (
    await targetsOf(
      executor,
      rows.map((row) => row.id),
    )
  ).filter((target) => target.kind === 'region');
  const [organizations, regions] = await Promise.all([
    organizationNames(
      executor,
      rows.map((row) => row.owner_organization_id),
    ),
    regionFullNames(
      executor,
      targets.map((target) => target.ref),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    organizationId: row.owner_organization_id,
    organizationName: organizations.get(row.owner_organization_id) ?? '',
    category: row.category,
    status: row.status,
    budget: row.budget,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    regionNames: targets
      .filter((target) => target.project_id === row.id)
      .map((target) => regions.get(target.ref) ?? target.ref),
  }));
}

export async function findPublicProjects(
  executor: Executor,
  input: TPortalProjectListQuery,
): Promise<TPage<TPortalProjectListItem>> {
  const query = ZPortalProjectListQuery.parse(input);
  const { rows, total } = await listPublicProjects(executor, {
    text: query.q,
    category: query.category,
    organizationId: query.organizationId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await listItems(executor, rows), total, page: query.page, pageSize: query.pageSize };
}

const photo = (row: ProjectFileRow) => ({ id: row.id, fileName: row.file_name, mime: row.mime });

/** A public project with its public reports and their photos; null when the public may not see it. */
export async function getPublicProject(
  executor: Executor,
  id: string,
): Promise<Omit<TPortalProject, 'funding'> | null> {
  const row = await findPublicProject(executor, id);
  if (!row) return null;
  const [[item], reports, photos, partners] = await Promise.all([
    listItems(executor, [row]),
    publicReportsOf(executor, id),
    publicPhotosOf(executor, id),
    partnersOf(executor, [id]),
  ]);
  if (!item) return null;
  const partnerNames = await organizationNames(
    executor,
    partners.map((p) => p.organization_id),
  );
  return {
    ...item,
    infrastructureKind: row.infrastructure_kind,
    assistanceMode: row.assistance_mode,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    description: row.description,
    beneficiaryCounts: JSON.parse(row.beneficiary_counts) as TPortalProject['beneficiaryCounts'],
    partners: partners.map((p) => ({ organizationName: partnerNames.get(p.organization_id) ?? '', role: p.role })),
    reports: reports.map((report): TPortalReport => ({
      id: report.id,
      kind: report.kind,
      reportedOn: report.reported_on,
      text: report.text,
      figures: JSON.parse(report.figures) as TPortalReport['figures'],
      photos: photos.filter((p) => p.owner_id === report.id).map(photo),
    })),
  };
}

/** A public photo of a public report of a public project, as stored (metadata was stripped on upload). */
export async function publicProjectPhoto(
  executor: Executor,
  projectId: string,
  fileId: string,
  dataDir: string,
): Promise<{ file: string; name: string; mime: string } | null> {
  if (!(await findPublicProject(executor, projectId))) return null;
  const row = (await publicPhotosOf(executor, projectId)).find((p) => p.id === fileId);
  if (!row) return null;
  const file = storedFilePath(dataDir, row.storage_path);
  return fs.existsSync(file) ? { file, name: row.file_name, mime: row.mime } : null;
}
