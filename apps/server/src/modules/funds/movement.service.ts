import {
  PROJECT_STATUS,
  ZAllocationRequest,
  ZTransferRequest,
  type TAllocationRequest,
  type TProjectStatus,
  type TTransferRequest,
} from '@tongxin/contracts';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { getOrganization, requireWritablePlacement } from '../organizations/index.js';
import { projectFundingFacts, type ProjectFundingFacts } from '../projects/index.js';
import { designationBreach, parseDesignationKey } from './designation.js';
import { requireBookkeeper } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import { findAccountsByIds } from './ledger.repository.js';
import { post } from './posting.js';
import type { LedgerAccountRow } from './tables.js';

/** From approval until completion a project may receive money. */
export const FUNDABLE = new Set<TProjectStatus>(['approved', 'in_progress', 'completed']);

export type PostingResult = { entryId: string };

/** A fund of an organization the actor keeps the books of. */
export async function writableFund(ctx: ServiceContext, accountId: string): Promise<LedgerAccountRow> {
  requireBookkeeper(ctx);
  const [account] = await findAccountsByIds(ctx.db, [accountId]);
  if (!account || account.kind !== 'fund') throw errors.accountNotFound({ id: accountId });
  await requireWritablePlacement(ctx, account.organization_id).catch(() => {
    throw errors.accountNotFound({ id: accountId });
  });
  return account;
}

/**
 * Whether money of this fund may go to the project: it must exist, be between approval and completion,
 * not be investment the government must fund, and fit the fund's designation.
 */
export async function requireFundableProject(
  ctx: ServiceContext,
  fund: LedgerAccountRow,
  projectId: string,
): Promise<ProjectFundingFacts> {
  const project = await projectFundingFacts(ctx.db, projectId);
  if (!project) throw errors.projectNotFound.at('projectId', { id: projectId });
  if (!FUNDABLE.has(project.status))
    throw errors.projectNotFundable({ project: project.name, status: PROJECT_STATUS.labels[project.status] });
  if (project.governmentObligated) throw errors.governmentObligated({ project: project.name });
  const breach = designationBreach(parseDesignationKey(fund.designation ?? 'unrestricted'), project);
  if (breach) throw errors.designationBreach({ project: project.name, rule: breach });
  return project;
}

/** 拨付: money of a fund goes to a project of the same organization. */
export async function allocateToProject(
  ctx: ServiceContext,
  key: IdempotencyKey,
  input: TAllocationRequest,
): Promise<PostingResult> {
  const data = ZAllocationRequest.parse(input);
  return onceForKey(ctx, key, 'fund.allocate', data, async (txCtx) => {
    const fund = await writableFund(txCtx, data.fundAccountId);
    const project = await requireFundableProject(txCtx, fund, data.projectId);
    if (project.ownerOrganizationId !== fund.organization_id)
      throw errors.projectOfOtherOrganization({ project: project.name });
    const posted = await post(txCtx, {
      kind: 'allocation',
      organizationId: fund.organization_id,
      businessDate: data.allocatedOn,
      memo: data.note ? `拨付“${project.name}”：${data.note}` : `拨付“${project.name}”`,
      flows: [
        {
          from: fund,
          to: { organizationId: fund.organization_id, kind: 'project_fund', form: fund.form, projectId: project.id },
          amount: data.amount,
        },
      ],
    });
    await recordAudit(txCtx.db, {
      chainId: fund.organization_id,
      action: 'fund.allocate',
      entityType: 'journal_entry',
      entityId: posted.entryId,
      changes: { projectId: { before: null, after: project.id }, amount: { before: null, after: data.amount } },
      ...auditBy(ctx),
    });
    return { entryId: posted.entryId };
  });
}

/**
 * 划转: money goes to another organization's books with its designation, into the fund of the same
 * designation there or straight into one of its projects. Both books change in the one entry.
 */
export async function transferFunds(
  ctx: ServiceContext,
  key: IdempotencyKey,
  input: TTransferRequest,
): Promise<PostingResult> {
  const data = ZTransferRequest.parse(input);
  return onceForKey(ctx, key, 'fund.transfer', data, async (txCtx) => {
    const fund = await writableFund(txCtx, data.fundAccountId);
    const receiver = await getOrganization(txCtx, data.toOrganizationId).catch(() => {
      throw errors.receiverNotFound.at('toOrganizationId', { id: data.toOrganizationId });
    });
    if (receiver.id === fund.organization_id) throw errors.transferToSelf.at('toOrganizationId');
    let to;
    let what = `划转至${receiver.name}`;
    if (data.projectId) {
      const project = await requireFundableProject(txCtx, fund, data.projectId);
      if (project.ownerOrganizationId !== receiver.id)
        throw errors.projectOfOtherOrganization.at('projectId', { project: project.name });
      to = { organizationId: receiver.id, kind: 'project_fund' as const, form: fund.form, projectId: project.id };
      what = `划转至${receiver.name}“${project.name}”`;
    } else {
      to = { organizationId: receiver.id, kind: 'fund' as const, form: fund.form, designation: fund.designation };
    }
    const posted = await post(txCtx, {
      kind: 'transfer',
      organizationId: fund.organization_id,
      businessDate: data.transferredOn,
      memo: data.note ? `${what}：${data.note}` : what,
      isRelatedParty: data.isRelatedParty,
      flows: [{ from: fund, to, amount: data.amount }],
    });
    for (const chainId of [fund.organization_id, receiver.id]) {
      await recordAudit(txCtx.db, {
        chainId,
        action: 'fund.transfer',
        entityType: 'journal_entry',
        entityId: posted.entryId,
        changes: {
          from: { before: null, after: fund.organization_id },
          to: { before: null, after: receiver.id },
          amount: { before: null, after: data.amount },
        },
        ...auditBy(ctx),
      });
    }
    return { entryId: posted.entryId };
  });
}
