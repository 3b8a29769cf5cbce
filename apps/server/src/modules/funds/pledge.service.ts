import {
  ZCreatePledgeRequest,
  ZPledgeListQuery,
  type Lang,
  type TCreatePledgeRequest,
  type TPage,
  type TPledge,
  type TPledgeListQuery,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { platformErrors } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { beijingDate } from '../../platform/time.js';
import { organizationNames } from '../organizations/index.js';
import { designationNames, designationText } from './account-labels.js';
import { designationKey, parseDesignationKey } from './designation.js';
import { designationProblems, donorProblem, writableOrganization } from './donation.service.js';
import { donorOfOrganization, donorsByIds } from './donations.repository.js';
import { fundErrors as errors } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import { coverInstalments } from './pledge-schedule.js';
import { findPledge, fulfilledAmounts, insertPledge, instalmentsOf, listPledges } from './pledges.repository.js';
import type { PledgeRow } from './tables.js';

async function present(
  executor: Executor,
  lang: Lang,
  rows: readonly PledgeRow[],
  today = beijingDate(),
): Promise<TPledge[]> {
  const ids = rows.map((row) => row.id);
  const designations = rows.map((row) => parseDesignationKey(row.designation));
  const [instalments, fulfilled, donors, names, organizations] = await Promise.all([
    instalmentsOf(executor, ids),
    fulfilledAmounts(executor, ids),
    donorsByIds(
      executor,
      rows.map((row) => row.donor_id),
    ),
    designationNames(executor, designations),
    organizationNames(
      executor,
      rows.map((row) => row.organization_id),
    ),
  ]);
  return rows.map((row, index) => {
    const done = fulfilled.get(row.id) ?? 0;
    const schedule = coverInstalments(
      instalments.filter((i) => i.pledge_id === row.id),
      done,
      today,
    );
    const designation = designations[index] ?? { kind: 'unrestricted' as const };
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: organizations.get(row.organization_id) ?? '',
      donorId: row.donor_id,
      donorName: donors.get(row.donor_id)?.name ?? '',
      kind: row.kind,
      title: row.title,
      designation,
      designationText: designationText(designation, names, lang),
      displayAs: row.display_as,
      pledgedOn: row.pledged_on,
      total: row.total,
      fulfilled: done,
      overdue: schedule.overdue,
      instalments: schedule.instalments,
      note: row.note,
      createdAt: row.created_at,
    };
  });
}

/** 认捐/认建: a donor's promise, with a schedule of instalments; gifts recorded against it fulfil it. */
/**
 * Records a pledge once per idempotency key: a retried submission (a double click, an answer lost on the
 * network) gets the pledge already recorded, not a second one.
 */
export async function createPledge(
  ctx: ServiceContext,
  key: IdempotencyKey,
  input: TCreatePledgeRequest,
): Promise<TPledge> {
  const data = ZCreatePledgeRequest.parse(input);
  return onceForKey(ctx, key, 'pledge.create', data, async (txCtx) => {
    const tx = txCtx.db;
    const organization = await writableOrganization(txCtx, data.organizationId);
    const donor = await donorOfOrganization(tx, organization.id, data.donorId);
    const problems = [...(await designationProblems(tx, data.designation))];
    if (!donor) problems.push(await donorProblem(txCtx, data.donorId));
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    const row: PledgeRow = {
      id: newId(),
      organization_id: organization.id,
      donor_id: data.donorId,
      kind: data.kind,
      title: data.title,
      designation: designationKey(data.designation),
      display_as: data.displayAs,
      pledged_on: data.pledgedOn,
      total: data.instalments.reduce((sum, i) => sum + i.amount, 0),
      note: data.note ?? null,
      created_at: new Date().toISOString(),
      created_by: ctx.actor.userId,
    };
    await insertPledge(
      tx,
      row,
      data.instalments.map((i) => ({ id: newId(), pledge_id: row.id, due_on: i.dueOn, amount: i.amount })),
    );
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'pledge.create',
      entityType: 'pledge',
      entityId: row.id,
      changes: {
        total: { before: null, after: row.total },
        instalments: { before: null, after: data.instalments.length },
      },
      ...auditBy(ctx),
    });
    const [pledge] = await present(tx, ctx.lang, [row]);
    if (!pledge) throw errors.pledgeNotFound({ id: row.id });
    return pledge;
  });
}

export async function getPledge(ctx: ServiceContext, id: string): Promise<TPledge> {
  const row = await findPledge(ctx.db, scopeOf(ctx.actor), id);
  const [pledge] = row ? await present(ctx.db, ctx.lang, [row]) : [];
  if (!pledge) throw errors.pledgeNotFound({ id });
  return pledge;
}

export async function findPledges(ctx: ServiceContext, input: TPledgeListQuery): Promise<TPage<TPledge>> {
  const query = ZPledgeListQuery.parse(input);
  const all = await present(ctx.db, ctx.lang, await listPledges(ctx.db, scopeOf(ctx.actor), query));
  const wanted = query.overdueOnly ? all.filter((p) => p.overdue > 0) : all;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: wanted.slice(start, start + query.pageSize),
    total: wanted.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
