import {
  PROJECT_STATUS,
  ZPaymentBatchRequest,
  ZSettlePaymentsRequest,
  type TPaymentBatch,
  type TPaymentBatchRequest,
  type TSettlePaymentsRequest,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { requireWritablePlacement } from '../organizations/index.js';
import { getProject, projectFundingFacts, projectNames } from '../projects/index.js';
import { requireBookkeeper } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import { FUNDABLE } from './movement.service.js';
import {
  batchesOfProject,
  findBatch,
  insertBatch,
  itemsByIds,
  itemsOf,
  setBatchStatus,
  settleItems,
} from './payments.repository.js';
import { post, type AccountSpec } from './posting.js';
import type { PaymentBatchRow, PaymentItemRow } from './tables.js';

async function present(executor: Executor, batches: readonly PaymentBatchRow[]): Promise<TPaymentBatch[]> {
  const [items, names] = await Promise.all([
    itemsOf(
      executor,
      batches.map((b) => b.id),
    ),
    projectNames(
      executor,
      batches.map((b) => b.project_id),
    ),
  ]);
  return batches.map((batch) => {
    const mine = items.filter((item) => item.batch_id === batch.id);
    const sum = (status?: PaymentItemRow['status']) =>
      mine.filter((item) => !status || item.status === status).reduce((total, item) => total + item.amount, 0);
    return {
      id: batch.id,
      organizationId: batch.organization_id,
      projectId: batch.project_id,
      projectName: names.get(batch.project_id) ?? '',
      form: batch.form,
      title: batch.title,
      approvedOn: batch.approved_on,
      status: batch.status,
      total: sum(),
      paidTotal: sum('paid'),
      failedTotal: sum('failed'),
      entryId: batch.entry_id,
      createdAt: batch.created_at,
      items: mine.map((item) => ({
        id: item.id,
        payeeKind: item.payee_kind,
        payeeName: item.payee_name,
        householdId: item.household_id,
        amount: item.amount,
        status: item.status,
        settledOn: item.settled_on,
        isRelatedParty: item.is_related_party === 1,
        note: item.note,
      })),
    };
  });
}

async function presentOne(executor: Executor, batch: PaymentBatchRow): Promise<TPaymentBatch> {
  const [result] = await present(executor, [batch]);
  if (!result) throw errors.batchNotFound({ id: batch.id });
  return result;
}

function projectAccount(
  batch: Pick<PaymentBatchRow, 'organization_id' | 'form' | 'project_id'>,
  kind: 'project_fund' | 'payable',
): AccountSpec {
  return { organizationId: batch.organization_id, kind, form: batch.form, projectId: batch.project_id };
}

/**
 * 发放: sets the project's money aside for a list of payees (project fund → payable, one entry); each
 * payee is then paid (the money leaves the books) or fails (the money returns to the project).
 */
export async function createPaymentBatch(
  ctx: ServiceContext,
  key: IdempotencyKey,
  input: TPaymentBatchRequest,
): Promise<TPaymentBatch> {
  const data = ZPaymentBatchRequest.parse(input);
  return onceForKey(ctx, key, 'payment.batch', data, async (txCtx) => {
    requireBookkeeper(txCtx);
    const project = await projectFundingFacts(txCtx.db, data.projectId);
    if (!project) throw errors.projectNotFound.at('projectId', { id: data.projectId });
    await requireWritablePlacement(txCtx, project.ownerOrganizationId).catch(() => {
      throw errors.projectNotFound.at('projectId', { id: data.projectId });
    });
    if (!FUNDABLE.has(project.status))
      throw errors.projectNotFundable({ project: project.name, status: PROJECT_STATUS.labels[project.status] });
    const batch: Omit<PaymentBatchRow, 'entry_id'> = {
      id: newId(),
      organization_id: project.ownerOrganizationId,
      project_id: project.id,
      form: data.form,
      title: data.title,
      approved_on: data.approvedOn,
      status: 'open',
      created_at: new Date().toISOString(),
      created_by: ctx.actor.userId,
    };
    const total = data.items.reduce((sum, item) => sum + item.amount, 0);
    const posted = await post(txCtx, {
      kind: 'disbursement',
      organizationId: batch.organization_id,
      businessDate: data.approvedOn,
      memo: `发放批次“${data.title}”（${data.items.length} 人/户）`,
      isRelatedParty: data.items.some((item) => item.isRelatedParty),
      flows: [{ from: projectAccount(batch, 'project_fund'), to: projectAccount(batch, 'payable'), amount: total }],
    });
    const row = { ...batch, entry_id: posted.entryId };
    await insertBatch(
      txCtx.db,
      row,
      data.items.map((item) => ({
        id: newId(),
        batch_id: batch.id,
        payee_kind: item.payeeKind,
        payee_name: item.payeeName,
        household_id: item.householdId ?? null,
        amount: item.amount,
        status: 'pending' as const,
        settled_on: null,
        settle_entry_id: null,
        is_related_party: item.isRelatedParty ? 1 : 0,
        note: item.note ?? null,
      })),
    );
    await recordAudit(txCtx.db, {
      chainId: batch.organization_id,
      action: 'payment.batch',
      entityType: 'payment_batch',
      entityId: batch.id,
      changes: { total: { before: null, after: total }, payees: { before: null, after: data.items.length } },
      ...auditBy(ctx),
    });
    return presentOne(txCtx.db, row);
  });
}

/** Records that payees were paid, or that their payment failed and the money went back to the project. */
export async function settlePayments(
  ctx: ServiceContext,
  key: IdempotencyKey,
  batchId: string,
  input: TSettlePaymentsRequest,
): Promise<TPaymentBatch> {
  const data = ZSettlePaymentsRequest.parse(input);
  return onceForKey(ctx, key, 'payment.settle', { batchId, ...data }, async (txCtx) => {
    requireBookkeeper(txCtx);
    const tx = txCtx.db;
    const batch = await findBatch(tx, writeScopeOf(ctx.actor), batchId);
    if (!batch) throw errors.batchNotFound({ id: batchId });
    const items = await itemsByIds(tx, data.itemIds);
    const settleable = items.filter((item) => item.batch_id === batch.id && item.status === 'pending');
    if (settleable.length !== new Set(data.itemIds).size) throw errors.itemsNotPending();
    const paid = data.outcome === 'paid';
    const posted = await post(txCtx, {
      kind: 'payment',
      organizationId: batch.organization_id,
      businessDate: data.settledOn,
      memo: `${paid ? '支付' : '支付失败退回'}：发放批次“${batch.title}”（${settleable.length} 笔）`,
      isRelatedParty: settleable.some((item) => item.is_related_party === 1),
      flows: settleable.map((item) => ({
        from: projectAccount(batch, 'payable'),
        to: paid ? null : projectAccount(batch, 'project_fund'),
        amount: item.amount,
        ref: item.id,
      })),
    });
    const changed = await settleItems(
      tx,
      settleable.map((item) => item.id),
      { status: data.outcome, settled_on: data.settledOn, settle_entry_id: posted.entryId },
    );
    if (changed !== settleable.length) throw errors.itemsNotPending();
    const remaining = (await itemsOf(tx, [batch.id])).filter((item) => item.status === 'pending');
    if (remaining.length === 0) await setBatchStatus(tx, batch.id, 'settled');
    await recordAudit(tx, {
      chainId: batch.organization_id,
      action: `payment.${data.outcome}`,
      entityType: 'payment_batch',
      entityId: batch.id,
      changes: { items: { before: null, after: settleable.map((item) => item.id) } },
      ...auditBy(ctx),
    });
    return presentOne(tx, { ...batch, status: remaining.length === 0 ? 'settled' : batch.status });
  });
}

export async function getPaymentBatch(ctx: ServiceContext, id: string): Promise<TPaymentBatch> {
  const batch = await findBatch(ctx.db, scopeOf(ctx.actor), id);
  if (!batch) throw errors.batchNotFound({ id });
  return presentOne(ctx.db, batch);
}

export async function paymentBatchesOfProject(ctx: ServiceContext, projectId: string): Promise<TPaymentBatch[]> {
  await getProject(ctx, projectId);
  return present(ctx.db, await batchesOfProject(ctx.db, scopeOf(ctx.actor), projectId));
}
