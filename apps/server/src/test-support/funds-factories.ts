import { randomUUID } from 'node:crypto';
import type { TDesignation, TOrganization } from '@tongxin/contracts';
import {
  allocateToProject,
  createDonor,
  createPledge,
  createPaymentBatch,
  fundAccounts,
  recordDonation,
} from '../modules/funds/index.js';
import { transitionProject } from '../modules/projects/index.js';
import { systemContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';
import { makeProject, unique } from './factories.js';

export async function makeDonor(
  db: Database,
  organization: TOrganization,
  overrides: Partial<Parameters<typeof createDonor>[1]> = {},
) {
  return createDonor(systemContext(db.executor), {
    organizationId: organization.id,
    kind: 'person',
    name: `张${unique().slice(0, 4)}`,
    salutation: 'mr',
    ...overrides,
  });
}

/** A pledge of ¥1,000 in two instalments: one due on 2026-01-31, one on 2027-12-31. */
export async function makePledge(db: Database, organization: TOrganization) {
  const donor = await makeDonor(db, organization);
  return createPledge(systemContext(db.executor), randomUUID(), {
    organizationId: organization.id,
    donorId: donor.id,
    kind: 'give',
    title: '认捐助学金',
    pledgedOn: '2026-01-01',
    instalments: [
      { dueOn: '2026-01-31', amount: 50_000 },
      { dueOn: '2027-12-31', amount: 50_000 },
    ],
  });
}

/** A gift of money, posted with a fresh idempotency key. */
export async function donate(
  db: Database,
  organization: TOrganization,
  amount: number,
  options: { designation?: TDesignation; receivedOn?: string; donorId?: string; pledgeId?: string } = {},
) {
  const donorId = options.donorId ?? (await makeDonor(db, organization)).id;
  return recordDonation(systemContext(db.executor), randomUUID(), {
    organizationId: organization.id,
    donorId,
    form: 'money',
    method: 'bank_transfer',
    amount,
    designation: options.designation ?? { kind: 'unrestricted' },
    receivedOn: options.receivedOn ?? '2026-03-01',
    pledgeId: options.pledgeId ?? null,
  });
}

/** A project taken through submission and approval into implementation, so that it may receive money. */
export async function makeActiveProject(
  db: Database,
  owner: TOrganization,
  overrides: Parameters<typeof makeProject>[2] = {},
) {
  const project = await makeProject(db, owner, overrides);
  const ctx = systemContext(db.executor);
  for (const action of ['submit', 'approve', 'start'] as const)
    await transitionProject(ctx, project.id, { action, on: '2026-01-05' });
  return project;
}

/** The id of an organization's fund of a designation (it exists once money came into it). */
export async function fundAccountId(
  db: Database,
  organization: TOrganization,
  designationText = '非定向',
): Promise<string> {
  const accounts = await fundAccounts(systemContext(db.executor), {
    organizationId: organization.id,
    kind: 'fund',
    includeEmpty: true,
  });
  const account = accounts.find((a) => a.designationText.startsWith(designationText));
  if (!account) throw new Error(`no fund “${designationText}” for ${organization.name}`);
  return account.id;
}

/** A payment batch of one payee from an active project that first received `amount`. */
export async function makePaymentBatch(db: Database, owner: TOrganization, amount = 100_000) {
  const project = await makeActiveProject(db, owner);
  await donate(db, owner, amount, { designation: { kind: 'project', projectId: project.id } });
  await allocateToProject(systemContext(db.executor), randomUUID(), {
    fundAccountId: await fundAccountId(db, owner, '定向项目'),
    projectId: project.id,
    amount,
    allocatedOn: '2026-03-02',
  });
  const batch = await createPaymentBatch(systemContext(db.executor), randomUUID(), {
    projectId: project.id,
    title: `发放${unique()}`,
    approvedOn: '2026-03-03',
    items: [{ payeeKind: 'household', payeeName: '李四', amount }],
  });
  return { project, batch };
}
