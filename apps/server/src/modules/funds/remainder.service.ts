import {
  PROJECT_STATUS,
  ZRemainderRequest,
  type Lang,
  type TRemainder,
  type TRemainderRequest,
} from '@tongxin/contracts';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { newId } from '../../platform/ids.js';
import { requireWritablePlacement } from '../organizations/index.js';
import { getProject, projectFundingFacts } from '../projects/index.js';
import { designationNames, designationText } from './account-labels.js';
import { designationKey, parseDesignationKey } from './designation.js';
import { designationProblems, requireBookkeeper } from './donation.service.js';
import { fundErrors as errors } from './errors.js';
import { onceForKey, type IdempotencyKey } from './idempotency.js';
import {
  accountsOfProject,
  findAccountsByIds,
  inboundSources,
  insertRemainder,
  lotsOf,
  remaindersOf,
} from './ledger.repository.js';
import { platformErrors } from '../../platform/errors/index.js';
import { post, type Flow } from './posting.js';
import type { ProjectRemainderRow } from './tables.js';

const ENDED = new Set(['closed', 'terminated']);

async function present(
  executor: Executor,
  lang: Lang,
  rows: readonly (ProjectRemainderRow & { reversed_by_entry_id?: string | null })[],
): Promise<TRemainder[]> {
  const designations = rows.flatMap((row) => (row.designation ? [parseDesignationKey(row.designation)] : []));
  const names = await designationNames(executor, designations);
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    mode: row.mode,
    amount: row.amount,
    designationText: row.designation ? designationText(parseDesignationKey(row.designation), names, lang) : null,
    consent: row.consent,
    handledOn: row.handled_on,
    entryId: row.entry_id,
    reversedByEntryId: row.reversed_by_entry_id ?? null,
    createdAt: row.created_at,
  }));
}

/**
 * 结余处理: money left in a closed or terminated project goes back, share by share, to the fund each gift's
 * share came from (another organization's, if it was transferred in) — or, with the donors' consent
 * recorded, into a fund of a new designation. The handling is kept for disclosure.
 */
export async function handleRemainder(
  ctx: ServiceContext,
  key: IdempotencyKey,
  projectId: string,
  input: TRemainderRequest,
): Promise<TRemainder> {
  const data = ZRemainderRequest.parse(input);
  return onceForKey(ctx, key, 'project.remainder', { projectId, ...data }, async (txCtx) => {
    requireBookkeeper(txCtx);
    const tx = txCtx.db;
    const project = await projectFundingFacts(tx, projectId);
    if (!project) throw errors.projectNotFound({ id: projectId });
    await requireWritablePlacement(txCtx, project.ownerOrganizationId).catch(() => {
      throw errors.projectNotFound({ id: projectId });
    });
    if (!ENDED.has(project.status))
      throw errors.projectNotEnded({ project: project.name, status: PROJECT_STATUS.labels[project.status] });
    const accounts = await accountsOfProject(tx, projectId);
    if (accounts.some((a) => a.kind === 'payable' && a.balance !== 0))
      throw errors.paymentsPending({ project: project.name });
    const funds = accounts.filter((a) => a.kind === 'project_fund' && a.balance !== 0);
    const amount = funds.reduce((sum, a) => sum - a.balance, 0);
    if (amount === 0) throw errors.nothingLeft({ project: project.name });
    if (data.designation) {
      const problems = await designationProblems(tx, data.designation);
      if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    }
    const flows: Flow[] = [];
    for (const fund of funds) {
      if (data.mode === 'redesignate' && data.designation) {
        flows.push({
          from: fund,
          to: {
            organizationId: fund.organization_id,
            kind: 'fund',
            form: fund.form,
            designation: designationKey(data.designation),
          },
          amount: -fund.balance,
        });
        continue;
      }
      const sources = await inboundSources(tx, fund.id);
      const sourceAccounts = new Map(
        (await findAccountsByIds(tx, [...new Set(sources.values())])).map((a) => [a.id, a]),
      );
      for (const lot of await lotsOf(tx, fund.id)) {
        const source = sourceAccounts.get(sources.get(lot.donation_id) ?? '');
        if (!source) continue;
        flows.push({ from: fund, to: source, amount: lot.remaining, donationId: lot.donation_id });
      }
    }
    const posted = await post(txCtx, {
      kind: 'remainder',
      organizationId: project.ownerOrganizationId,
      businessDate: data.handledOn,
      memo:
        data.mode === 'return'
          ? `“${project.name}”结余退回原资金`
          : `“${project.name}”结余经捐赠人同意改变用途：${data.consent ?? ''}`,
      flows,
    });
    const row: ProjectRemainderRow = {
      id: newId(),
      project_id: project.id,
      organization_id: project.ownerOrganizationId,
      mode: data.mode,
      amount,
      designation: data.mode === 'redesignate' && data.designation ? designationKey(data.designation) : null,
      consent: data.mode === 'redesignate' ? (data.consent ?? null) : null,
      handled_on: data.handledOn,
      entry_id: posted.entryId,
      created_at: new Date().toISOString(),
      created_by: ctx.actor.userId,
    };
    await insertRemainder(tx, row);
    await recordAudit(tx, {
      chainId: project.ownerOrganizationId,
      action: `project.remainder.${data.mode}`,
      entityType: 'project',
      entityId: project.id,
      changes: { amount: { before: null, after: amount }, consent: { before: null, after: row.consent } },
      ...auditBy(ctx),
    });
    const [result] = await present(tx, ctx.lang, [row]);
    if (!result) throw errors.projectNotFound({ id: projectId });
    return result;
  });
}

export async function projectRemainders(ctx: ServiceContext, projectId: string): Promise<TRemainder[]> {
  await getProject(ctx, projectId);
  return present(ctx.db, ctx.lang, await remaindersOf(ctx.db, projectId));
}
