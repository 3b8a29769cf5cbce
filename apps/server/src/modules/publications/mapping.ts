import type {
  TPublicPublication,
  TPublicPublicationFile,
  TPublicPublicationListItem,
  TPublication,
  TPublicationFile,
  TPublicationListItem,
} from '@tongxin/contracts';
import { actionsFrom } from './rules.js';
import type { PublicationFileRow, PublicationRow } from './tables.js';

export function toFile(row: PublicationFileRow): TPublicationFile {
  return {
    id: row.id,
    role: row.role,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    createdAt: row.created_at,
  };
}

/** Cover and attachments of one publication, from the files of a page of them. */
function filesFor(row: PublicationRow, files: readonly PublicationFileRow[]) {
  const own = files.filter((file) => file.publication_id === row.id);
  return {
    cover: own.find((file) => file.role === 'cover') ?? null,
    attachments: own.filter((file) => file.role === 'attachment'),
  };
}

/** What every view of a publication shows, the portal's included. */
function described(row: PublicationRow, organizationName: string) {
  return {
    id: row.id,
    kind: row.kind,
    organizationId: row.owner_organization_id,
    organizationName,
    title: row.title,
    summary: row.summary,
    issueNumber: row.issue_number,
    issueTotal: row.issue_total,
    copiesPrinted: row.copies_printed,
    reportYear: row.report_year,
  };
}

export function toListItem(
  row: PublicationRow,
  files: readonly PublicationFileRow[],
  organizationName: string,
  isWritable: boolean,
): TPublicationListItem {
  const { cover, attachments } = filesFor(row, files);
  return {
    ...described(row, organizationName),
    publishedOn: row.published_on,
    status: row.status,
    cover: cover ? toFile(cover) : null,
    attachmentCount: attachments.length,
    withdrawnReason: row.status === 'withdrawn' ? row.withdrawn_reason : null,
    withdrawnAt: row.status === 'withdrawn' ? row.withdrawn_at : null,
    firstPublishedAt: row.first_published_at,
    allowedActions: isWritable ? actionsFrom(row.status) : [],
    canEdit: isWritable,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPublication(
  row: PublicationRow,
  files: readonly PublicationFileRow[],
  organizationName: string,
  isWritable: boolean,
): TPublication {
  const { attachmentCount: _count, ...item } = toListItem(row, files, organizationName, isWritable);
  return { ...item, body: row.body, attachments: filesFor(row, files).attachments.map(toFile) };
}

function toPublicFile(row: PublicationFileRow): TPublicPublicationFile {
  return { id: row.id, role: row.role, fileName: row.file_name, mime: row.mime, size: row.size };
}

/** What the portal shows: no state, no author, no withdrawal history. */
export function toPublicListItem(
  row: PublicationRow,
  files: readonly PublicationFileRow[],
  organizationName: string,
): TPublicPublicationListItem {
  const { cover } = filesFor(row, files);
  return {
    ...described(row, organizationName),
    // Publishing always sets the date; a published row without one cannot be made through the services.
    publishedOn: row.published_on ?? '',
    cover: cover ? toPublicFile(cover) : null,
  };
}

export function toPublicPublication(
  row: PublicationRow,
  files: readonly PublicationFileRow[],
  organizationName: string,
): TPublicPublication {
  return {
    ...toPublicListItem(row, files, organizationName),
    body: row.body,
    attachments: filesFor(row, files).attachments.map(toPublicFile),
  };
}
