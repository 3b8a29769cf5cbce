import {
  PUBLICATION_ACTION,
  PUBLICATION_STATUS,
  ZCreatePublicationRequest,
  ZPublicationListQuery,
  ZPublicationTransitionRequest,
  ZUpdatePublicationRequest,
  type TCreatePublicationRequest,
  type TPage,
  type TPublication,
  type TPublicationListItem,
  type TPublicationListQuery,
  type TPublicationTransitionRequest,
  type TRole,
  type TUpdatePublicationRequest,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit, type AuditChanges } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { assertNoFieldProblems, fieldProblem, platformErrors, type FieldProblem } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { beijingDate } from '../../platform/time.js';
import { organizationNames, requireWritableOrganization } from '../organizations/index.js';
import { publicationErrors as errors, publicationFieldMessages as messages } from './errors.js';
import { toListItem, toPublication } from './mapping.js';
import {
  changeStatus,
  filesOf,
  findPublication,
  insertPublication,
  listPublications,
  publicationIdsReached,
  updatePublicationRow,
} from './repository.js';
import { actionsFrom, isPdf, joinedLabels, kindProblems, TRANSITIONS } from './rules.js';
import type { PublicationRow } from './tables.js';

/** Roles that write publications; auditors, supervisors and village cadres read them. */
const WRITERS: ReadonlySet<TRole> = new Set(['platform_admin', 'org_admin', 'org_staff']);

const AUDITED = [
  'kind',
  'title',
  'summary',
  'body',
  'published_on',
  'issue_number',
  'issue_total',
  'copies_printed',
  'report_year',
] as const satisfies readonly (keyof PublicationRow)[];

/**
 * The audit action of a change: a change to a published publication is a correction the public may
 * already have read, so it is recorded as one, whatever was changed.
 */
export function changeAction(row: PublicationRow, verb: string): string {
  return row.status === 'published' ? 'publication.correct' : `publication.${verb}`;
}

export function publicationAudit(
  ctx: ServiceContext,
  row: PublicationRow,
  action: string,
  changes: AuditChanges,
  entity: { type: string; id: string } = { type: 'publication', id: row.id },
) {
  return {
    chainId: row.owner_organization_id,
    action,
    entityType: entity.type,
    entityId: entity.id,
    changes,
    ...auditBy(ctx),
  };
}

export async function requirePublication(ctx: ServiceContext, id: string): Promise<PublicationRow> {
  const row = await findPublication(ctx.db, scopeOf(ctx.actor), id);
  if (!row) throw errors.notFound({ id });
  return row;
}

/** The publication if the actor may change it: 404 when invisible, 403 when visible but not theirs. */
export async function requireWritablePublication(ctx: ServiceContext, id: string): Promise<PublicationRow> {
  const writable = WRITERS.has(ctx.actor.role) ? await findPublication(ctx.db, writeScopeOf(ctx.actor), id) : null;
  if (writable) return writable;
  const visible = await requirePublication(ctx, id);
  if (!WRITERS.has(ctx.actor.role)) throw platformErrors.forbidden();
  const names = await organizationNames(ctx.db, [visible.owner_organization_id]);
  throw errors.notWritable({ organization: names.get(visible.owner_organization_id) ?? '' });
}

/** Names, files and what the actor may do, for a page of rows they may read. */
async function context(ctx: ServiceContext, rows: readonly PublicationRow[]) {
  const ids = rows.map((row) => row.id);
  const [files, names, writable] = await Promise.all([
    filesOf(ctx.db, scopeOf(ctx.actor), ids),
    organizationNames(
      ctx.db,
      rows.map((row) => row.owner_organization_id),
    ),
    WRITERS.has(ctx.actor.role)
      ? publicationIdsReached(ctx.db, writeScopeOf(ctx.actor), ids)
      : Promise.resolve(new Set<string>()),
  ]);
  return { files, name: (row: PublicationRow) => names.get(row.owner_organization_id) ?? '', writable };
}

export async function getPublication(ctx: ServiceContext, id: string): Promise<TPublication> {
  const row = await requirePublication(ctx, id);
  const { files, name, writable } = await context(ctx, [row]);
  return toPublication(row, files, name(row), writable.has(row.id));
}

export async function findPublications(
  ctx: ServiceContext,
  input: TPublicationListQuery,
): Promise<TPage<TPublicationListItem>> {
  const query = ZPublicationListQuery.parse(input);
  const { rows, total } = await listPublications(ctx.db, scopeOf(ctx.actor), {
    text: query.q,
    kind: query.kind,
    status: query.status,
    organizationId: query.organizationId,
    year: query.year,
    order: 'updated',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const { files, name, writable } = await context(ctx, rows);
  return {
    items: rows.map((row) => toListItem(row, files, name(row), writable.has(row.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Starts a publication as a draft of an organization the actor manages. */
export async function createPublication(ctx: ServiceContext, input: TCreatePublicationRequest): Promise<TPublication> {
  const data = ZCreatePublicationRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (!WRITERS.has(ctx.actor.role)) throw platformErrors.forbidden();
    const owner = await requireWritableOrganization(txCtx, data.organizationId).catch(() => {
      throw platformErrors.validationFailed({}, [fieldProblem('organizationId', messages.organizationNotWritable)]);
    });
    const now = new Date().toISOString();
    const row: PublicationRow = {
      id: newId(),
      owner_organization_id: owner.id,
      kind: data.kind,
      title: data.title,
      summary: data.summary,
      body: data.body,
      published_on: data.publishedOn ?? null,
      status: 'draft',
      issue_number: data.issueNumber ?? null,
      issue_total: data.issueTotal ?? null,
      copies_printed: data.copiesPrinted ?? null,
      report_year: data.reportYear ?? null,
      withdrawn_reason: null,
      withdrawn_at: null,
      first_published_at: null,
      created_by: ctx.actor.username,
      created_at: now,
      updated_at: now,
    };
    assertNoFieldProblems(kindProblems(row));
    await insertPublication(tx, row);
    await recordAudit(tx, publicationAudit(ctx, row, 'publication.create', diffChanges(null, row, AUDITED)));
    return getPublication(txCtx, row.id);
  });
}

/**
 * Changes a publication's text or facts. A published one may be corrected in place; the correction is
 * recorded in the audit trail with what it was before.
 */
export async function updatePublication(
  ctx: ServiceContext,
  id: string,
  input: TUpdatePublicationRequest,
): Promise<TPublication> {
  const data = ZUpdatePublicationRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await requireWritablePublication(txCtx, id);
    const after: PublicationRow = {
      ...before,
      kind: data.kind ?? before.kind,
      title: data.title ?? before.title,
      summary: data.summary ?? before.summary,
      body: data.body ?? before.body,
      published_on: data.publishedOn !== undefined ? data.publishedOn : before.published_on,
      issue_number: data.issueNumber !== undefined ? data.issueNumber : before.issue_number,
      issue_total: data.issueTotal !== undefined ? data.issueTotal : before.issue_total,
      copies_printed: data.copiesPrinted !== undefined ? data.copiesPrinted : before.copies_printed,
      report_year: data.reportYear !== undefined ? data.reportYear : before.report_year,
      updated_at: new Date().toISOString(),
    };
    const problems = kindProblems(after);
    const today = beijingDate();
    // Once out, a publication keeps a date the public could have read it on.
    if (before.status !== 'draft') {
      if (!after.published_on) problems.push(fieldProblem('publishedOn', messages.publishedOnRequired));
      else if (after.published_on > today) {
        problems.push(fieldProblem('publishedOn', messages.publishedOnInFuture, { date: after.published_on, today }));
      }
    }
    if (before.status === 'published' && after.kind === 'magazine_issue' && before.kind !== 'magazine_issue') {
      const files = await filesOf(tx, writeScopeOf(ctx.actor), [id]);
      if (!files.some(isPdf)) throw errors.magazineNeedsPdf();
    }
    assertNoFieldProblems(problems);
    const changes = diffChanges(before, after, AUDITED);
    if (Object.keys(changes).length === 0) return getPublication(txCtx, id);
    const { id: _id, created_at: _created, created_by: _by, status: _status, ...columns } = after;
    await updatePublicationRow(tx, id, columns);
    await recordAudit(tx, publicationAudit(ctx, before, changeAction(before, 'update'), changes));
    return getPublication(txCtx, id);
  });
}

/**
 * Publishes or withdraws. Publishing needs something to read (text or an attachment), a magazine issue
 * its PDF, and a date not after today; withdrawing needs a reason. Both are kept in the audit trail.
 */
export async function transitionPublication(
  ctx: ServiceContext,
  id: string,
  input: TPublicationTransitionRequest,
): Promise<TPublication> {
  const request = ZPublicationTransitionRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await requireWritablePublication(txCtx, id);
    const transition = TRANSITIONS[request.action];
    if (!transition.from.includes(row.status)) {
      throw errors.actionNotAllowed({
        status: PUBLICATION_STATUS.labels[row.status],
        action: PUBLICATION_ACTION.labels[request.action],
        allowed: joinedLabels(actionsFrom(row.status).map((action) => PUBLICATION_ACTION.labels[action])),
      });
    }
    const reason = request.reason?.trim() || null;
    if (transition.needsReason && !reason) {
      throw platformErrors.validationFailed({}, [fieldProblem('reason', messages.reasonRequired)]);
    }
    const now = new Date().toISOString();
    let changes: Parameters<typeof changeStatus>[3];
    switch (request.action) {
      case 'publish': {
        const files = await filesOf(tx, writeScopeOf(ctx.actor), [id]);
        if (row.kind === 'magazine_issue' && !files.some(isPdf)) throw errors.magazineNeedsPdf();
        const problems: FieldProblem[] = [];
        if (!row.body.trim() && !files.some((file) => file.role === 'attachment')) {
          problems.push(fieldProblem('body', messages.nothingToPublish));
        }
        const today = beijingDate();
        const on = request.on ?? row.published_on ?? today;
        if (on > today) {
          problems.push(
            fieldProblem(request.on ? 'on' : 'publishedOn', messages.publishedOnInFuture, { date: on, today }),
          );
        }
        problems.push(...kindProblems({ ...row, published_on: on }));
        assertNoFieldProblems(problems);
        changes = {
          status: 'published',
          updated_at: now,
          published_on: on,
          first_published_at: row.first_published_at ?? now,
          withdrawn_reason: null,
          withdrawn_at: null,
        };
        break;
      }
      case 'withdraw':
        changes = { status: 'withdrawn', updated_at: now, withdrawn_reason: reason, withdrawn_at: now };
        break;
    }
    if (!(await changeStatus(tx, id, row.status, changes))) throw errors.changedMeanwhile();
    await recordAudit(
      tx,
      publicationAudit(ctx, row, `publication.${request.action}`, {
        status: { before: row.status, after: transition.to },
        ...(changes.published_on && changes.published_on !== row.published_on
          ? { published_on: { before: row.published_on, after: changes.published_on } }
          : {}),
        ...(reason ? { reason: { before: null, after: reason } } : {}),
      }),
    );
    return getPublication(txCtx, id);
  });
}
