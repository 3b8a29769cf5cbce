import {
  PAGE_SIZE_MAX,
  type Lang,
  type TPage,
  type TPortalDisclosures,
  type TPortalOrganization,
  type TPortalOrganizationListQuery,
  type TPortalProject,
  type TPortalProjectListItem,
  type TPortalProjectListQuery,
  type TPortalReceiptLookup,
  type TPortalReceiptTrace,
} from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { publicProjectFunding, publicReceiptTrace } from '../funds/index.js';
import { findPublicOrganizations, getPublicOrganization } from '../organizations/index.js';
import { findPublicProjects, getPublicProject, publicProjectPhoto } from '../projects/index.js';
import { findPublicPublications } from '../publications/index.js';
import { portalErrors as errors } from './errors.js';

// The portal answers anyone: each module decides what of its own is public (its public.service), and this
// one only puts the pieces together. Nothing here reads past those functions.

export function portalOrganizations(
  db: Executor,
  query: TPortalOrganizationListQuery,
): Promise<TPage<TPortalOrganization>> {
  return findPublicOrganizations(db, query);
}

export async function portalOrganization(db: Executor, id: string): Promise<TPortalOrganization> {
  const organization = await getPublicOrganization(db, id);
  if (!organization) throw errors.organizationNotFound();
  return organization;
}

/** How many of an organization's latest publications its disclosure page lists (the rest are a search away). */
const DISCLOSED_PUBLICATIONS = 50;

/**
 * An organization's disclosures: its public projects with the money each received and spent, and its
 * latest published publications. The disclosure-clock board adds its due and overdue items here.
 */
export async function portalDisclosures(db: Executor, organizationId: string): Promise<TPortalDisclosures> {
  await portalOrganization(db, organizationId);
  const [projects, publications] = await Promise.all([
    findPublicProjects(db, { organizationId, pageSize: PAGE_SIZE_MAX }),
    findPublicPublications(db, { organizationId, pageSize: DISCLOSED_PUBLICATIONS }),
  ]);
  const figures = [];
  for (const project of projects.items) {
    const { received, spent } = await publicProjectFunding(db, project.id);
    figures.push({ ...project, received, spent });
  }
  return {
    organizationId,
    totals: {
      budget: figures.reduce((sum, p) => sum + p.budget, 0),
      received: figures.reduce((sum, p) => sum + p.received, 0),
      spent: figures.reduce((sum, p) => sum + p.spent, 0),
    },
    projects: figures,
    publications: publications.items,
  };
}

export function portalProjects(db: Executor, query: TPortalProjectListQuery): Promise<TPage<TPortalProjectListItem>> {
  return findPublicProjects(db, query);
}

export async function portalProject(db: Executor, id: string, lang: Lang): Promise<TPortalProject> {
  const project = await getPublicProject(db, id);
  if (!project) throw errors.projectNotFound();
  return { ...project, funding: await publicProjectFunding(db, id, lang) };
}

export async function portalProjectPhoto(db: Executor, projectId: string, fileId: string, dataDir: string) {
  const photo = await publicProjectPhoto(db, projectId, fileId, dataDir);
  if (!photo) throw errors.photoNotFound();
  return photo;
}

export async function portalReceiptTrace(
  db: Executor,
  lookup: TPortalReceiptLookup,
  lang: Lang,
): Promise<TPortalReceiptTrace> {
  const trace = await publicReceiptTrace(db, lookup, lang);
  if (!trace) throw errors.receiptNotVerified.at('code');
  return trace;
}
