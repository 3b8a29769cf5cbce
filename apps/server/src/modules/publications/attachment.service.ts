import fs from 'node:fs';
import { PUBLICATION_FILE_ROLE, type TPublicationFile, type TPublicationFileRole } from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { fieldProblem, isAppError, platformErrors } from '../../platform/errors/index.js';
import { fileErrors, storedFilePath, storeFile, type FileKind, type StoredFile } from '../../platform/files/index.js';
import { ACCEPTED_FILES, publicationErrors as errors, publicationFieldMessages as messages } from './errors.js';
import { toFile } from './mapping.js';
import {
  changeAction,
  publicationAudit,
  requirePublication,
  requireWritablePublication,
} from './publication.service.js';
import { deleteFile, filesOf, findFile, insertFile, updatePublicationRow } from './repository.js';
import { isPdf } from './rules.js';
import type { PublicationFileRow } from './tables.js';

export type PublicationUpload = { role: TPublicationFileRole; fileName: string; bytes: Buffer; dataDir: string };

/** The role a multipart form names: an attachment unless it says cover. */
export function uploadRole(value: string | undefined): TPublicationFileRole {
  const role = PUBLICATION_FILE_ROLE.schema.safeParse(value ?? 'attachment');
  if (!role.success) throw platformErrors.validationFailed({}, [fieldProblem('role', messages.fileRole)]);
  return role.data;
}

/** Pictures are stored as photos (metadata stripped, 10 MB); everything else must pass as a document. */
function fileKindOf(bytes: Buffer): FileKind {
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes.subarray(0, 4).toString('latin1') === '\x89PNG';
  return isJpeg || isPng ? 'photo' : 'document';
}

/** Stores the bytes; a refused type names everything this upload accepts, not only one kind's formats. */
function store(upload: PublicationUpload): { stored: StoredFile; kind: FileKind } {
  const kind = upload.role === 'cover' ? 'photo' : fileKindOf(upload.bytes);
  try {
    return { stored: storeFile(upload.dataDir, kind, upload.fileName, upload.bytes), kind };
  } catch (error) {
    if (isAppError(error) && error.code === fileErrors.definitions.wrongType.code) {
      throw fileErrors.wrongType({ name: upload.fileName, allowed: ACCEPTED_FILES[upload.role] });
    }
    throw error;
  }
}

/** Removes files no longer recorded; a file that is already gone is no matter. */
function unlinkStored(dataDir: string, rows: readonly PublicationFileRow[]): void {
  for (const row of rows) fs.rmSync(storedFilePath(dataDir, row.storage_path), { force: true });
}

/**
 * Adds an attachment (PDF, picture, Word or Excel) or sets the cover picture, replacing the old cover.
 * Pictures lose their EXIF and GPS position on the way in.
 */
export async function uploadPublicationFile(
  ctx: ServiceContext,
  publicationId: string,
  upload: PublicationUpload,
): Promise<TPublicationFile> {
  await requireWritablePublication(ctx, publicationId);
  const { stored, kind } = store(upload);
  const now = new Date().toISOString();
  const row: PublicationFileRow = {
    id: stored.id,
    publication_id: publicationId,
    role: upload.role,
    kind,
    file_name: stored.fileName,
    mime: stored.mime,
    size: stored.size,
    sha256: stored.sha256,
    storage_path: stored.storagePath,
    created_at: now,
    created_by: ctx.actor.username,
  };
  const replaced = await withTransaction(ctx.db, async (tx) => {
    const publication = await requireWritablePublication({ ...ctx, db: tx }, publicationId);
    const old =
      upload.role === 'cover'
        ? (await filesOf(tx, writeScopeOf(ctx.actor), [publicationId])).filter((file) => file.role === 'cover')
        : [];
    for (const file of old) await deleteFile(tx, publicationId, file.id);
    await insertFile(tx, row);
    await updatePublicationRow(tx, publicationId, { updated_at: now });
    await recordAudit(
      tx,
      publicationAudit(
        ctx,
        publication,
        changeAction(publication, upload.role === 'cover' ? 'cover_set' : 'file_add'),
        {
          [upload.role]: { before: old[0]?.file_name ?? null, after: row.file_name },
          sha256: { before: old[0]?.sha256 ?? null, after: row.sha256 },
        },
        { type: 'publication_file', id: row.id },
      ),
    );
    return old;
  }).catch((error: unknown) => {
    unlinkStored(upload.dataDir, [row]);
    throw error;
  });
  unlinkStored(upload.dataDir, replaced);
  return toFile(row);
}

/**
 * Removes an attachment or the cover. A published magazine issue keeps at least one PDF: the replacement
 * goes up first, or the issue is withdrawn.
 */
export async function removePublicationFile(
  ctx: ServiceContext,
  publicationId: string,
  fileId: string,
  dataDir: string,
): Promise<void> {
  const removed = await withTransaction(ctx.db, async (tx) => {
    const publication = await requireWritablePublication({ ...ctx, db: tx }, publicationId);
    const files = await filesOf(tx, writeScopeOf(ctx.actor), [publicationId]);
    const file = files.find((candidate) => candidate.id === fileId);
    if (!file) throw fileErrors.notFound();
    const isLastPdf = isPdf(file) && files.filter(isPdf).length === 1;
    if (publication.status === 'published' && publication.kind === 'magazine_issue' && isLastPdf) {
      throw errors.lastPdfOfPublishedMagazine();
    }
    await deleteFile(tx, publicationId, fileId);
    await updatePublicationRow(tx, publicationId, { updated_at: new Date().toISOString() });
    await recordAudit(
      tx,
      publicationAudit(
        ctx,
        publication,
        changeAction(publication, 'file_remove'),
        {
          [file.role]: { before: file.file_name, after: null },
          sha256: { before: file.sha256, after: null },
        },
        { type: 'publication_file', id: file.id },
      ),
    );
    return file;
  });
  unlinkStored(dataDir, [removed]);
}

/** Where a stored file lies, with the name and type to send it under. */
export function storedDownload(dataDir: string, row: PublicationFileRow) {
  const file = storedFilePath(dataDir, row.storage_path);
  if (!fs.existsSync(file)) throw fileErrors.notFound();
  return { file, name: row.file_name, mime: row.mime };
}

export async function publicationFile(ctx: ServiceContext, publicationId: string, fileId: string, dataDir: string) {
  await requirePublication(ctx, publicationId);
  const row = await findFile(ctx.db, scopeOf(ctx.actor), publicationId, fileId);
  if (!row) throw fileErrors.notFound();
  return storedDownload(dataDir, row);
}
