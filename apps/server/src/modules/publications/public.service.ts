import {
  ZPublicPublicationListQuery,
  type TPage,
  type TPublicPublication,
  type TPublicPublicationListItem,
  type TPublicPublicationListQuery,
} from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { fileErrors } from '../../platform/files/index.js';
import { organizationNames } from '../organizations/index.js';
import { storedDownload } from './attachment.service.js';
import { publicationErrors as errors } from './errors.js';
import { toPublicListItem, toPublicPublication } from './mapping.js';
import { filesOf, findFile, findPublication, listPublications, PUBLIC_REACH } from './repository.js';

// The portal answers anyone, signed in or not. Every query below goes through PUBLIC_REACH, which reaches
// published publications only: a draft or a withdrawn one, and its files, read as absent.

export async function findPublicPublications(
  db: Executor,
  input: TPublicPublicationListQuery,
): Promise<TPage<TPublicPublicationListItem>> {
  const query = ZPublicPublicationListQuery.parse(input);
  const { rows, total } = await listPublications(db, PUBLIC_REACH, {
    kind: query.kind,
    organizationId: query.organizationId,
    year: query.year,
    order: 'published',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const [files, names] = await Promise.all([
    filesOf(
      db,
      PUBLIC_REACH,
      rows.map((row) => row.id),
    ),
    organizationNames(
      db,
      rows.map((row) => row.owner_organization_id),
    ),
  ]);
  return {
    items: rows.map((row) => toPublicListItem(row, files, names.get(row.owner_organization_id) ?? '')),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPublicPublication(db: Executor, id: string): Promise<TPublicPublication> {
  const row = await findPublication(db, PUBLIC_REACH, id);
  if (!row) throw errors.publicNotFound();
  const [files, names] = await Promise.all([
    filesOf(db, PUBLIC_REACH, [row.id]),
    organizationNames(db, [row.owner_organization_id]),
  ]);
  return toPublicPublication(row, files, names.get(row.owner_organization_id) ?? '');
}

export async function publicPublicationFile(db: Executor, publicationId: string, fileId: string, dataDir: string) {
  if (!(await findPublication(db, PUBLIC_REACH, publicationId))) throw errors.publicNotFound();
  const row = await findFile(db, PUBLIC_REACH, publicationId, fileId);
  if (!row) throw fileErrors.notFound();
  return storedDownload(dataDir, row);
}
