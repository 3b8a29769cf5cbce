import type { TDonationForm, TDonorKind, TEntryKind, TPayeeKind } from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { donorsByIds, findDonationsByIds } from './donations.repository.js';
import { findAccountsByIds } from './ledger.repository.js';
import { accountsOfPublicProjects, linksOfPublicProjectAccounts } from './open-data.repository.js';
import { payeeNames } from './payments.repository.js';
import { publicDonorName } from './public-name.js';

/**
 * Money that crossed a project's boundary in one entry, from one counterpart: `in` came into the project
 * (an allocation, a transfer, a reversed return), `returned` went from the project back to a fund (a
 * remainder, a reversed allocation), `paid` left the books to a payee. Moves within the project (money set
 * aside for payees, a failed payment coming back) are not movements. Amounts are positive fen.
 */
export type ProjectMovement = {
  projectId: string;
  entryId: string;
  entryKind: TEntryKind;
  businessDate: string;
  isReversed: boolean;
  form: TDonationForm;
  direction: 'in' | 'returned' | 'paid';
  amount: number;
  /** in / returned: the organization whose books the money came from or went back to. */
  organizationId: string | null;
  /** paid: the payment item; a payee is named only when it is an organization, never a person or household. */
  payee: { itemId: string; kind: TPayeeKind; name: string | null } | null;
};

/** A gift whose money the project received, named as its donor chose for it. */
export type ProjectDonor = {
  projectId: string;
  publicName: string;
  isAnonymous: boolean;
  donorKind: TDonorKind;
  amount: number;
};

/**
 * The books of public projects, cut to what the public may see: the caller passes projects it found
 * public. Sums agree with `projectFunding`: received = in − returned, spent = paid.
 */
export async function publicProjectMoney(
  executor: Executor,
  projectIds: readonly string[],
): Promise<{ movements: ProjectMovement[]; donors: ProjectDonor[] }> {
  const accounts = new Map((await accountsOfPublicProjects(executor, projectIds)).map((a) => [a.id, a]));
  const links = await linksOfPublicProjectAccounts(executor, [...accounts.keys()]);
  const outsideIds = new Set(
    links
      .flatMap((l) => [l.from_account_id, l.to_account_id])
      .filter((id): id is string => id !== null && !accounts.has(id)),
  );
  const outside = new Map((await findAccountsByIds(executor, [...outsideIds])).map((a) => [a.id, a]));
  const payees = await payeeNames(
    executor,
    links.flatMap((l) => (l.ref ? [l.ref] : [])),
  );

  const movements = new Map<string, ProjectMovement>();
  const inward = new Map<string, number>();
  for (const link of links) {
    const from = link.from_account_id ? accounts.get(link.from_account_id) : undefined;
    const to = link.to_account_id ? accounts.get(link.to_account_id) : undefined;
    if (from && to) continue;
    const project = to ?? from;
    if (!project?.project_id) continue;
    const direction = to ? 'in' : link.to_account_id ? 'returned' : 'paid';
    const counterpartId = to ? link.from_account_id : link.to_account_id;
    const organizationId = counterpartId ? (outside.get(counterpartId)?.organization_id ?? null) : null;
    const item = direction === 'paid' && link.ref ? payees.get(link.ref) : undefined;
    const key = [project.project_id, link.entry_id, direction, organizationId ?? '', item?.id ?? ''].join('|');
    const known = movements.get(key);
    if (known) known.amount += link.amount;
    else
      movements.set(key, {
        projectId: project.project_id,
        entryId: link.entry_id,
        entryKind: link.entry_kind,
        businessDate: link.business_date,
        isReversed: link.reversed_by_entry_id !== null,
        form: project.form,
        direction,
        amount: link.amount,
        organizationId: direction === 'paid' ? null : organizationId,
        payee: item
          ? {
              itemId: item.id,
              kind: item.payee_kind,
              name: item.payee_kind === 'organization' ? item.payee_name : null,
            }
          : null,
      });
    if (direction !== 'paid') {
      const share = `${project.project_id}|${link.donation_id}`;
      inward.set(share, (inward.get(share) ?? 0) + (direction === 'in' ? link.amount : -link.amount));
    }
  }

  const held = [...inward].filter(([, amount]) => amount > 0);
  const donations = new Map(
    (
      await findDonationsByIds(
        executor,
        held.map(([share]) => share.split('|')[1] ?? ''),
      )
    ).map((d) => [d.id, d]),
  );
  const donorRows = await donorsByIds(
    executor,
    [...donations.values()].map((d) => d.donor_id),
  );
  const donors: ProjectDonor[] = [];
  for (const [share, amount] of held) {
    const [projectId = '', donationId = ''] = share.split('|');
    const donation = donations.get(donationId);
    const donor = donation ? donorRows.get(donation.donor_id) : undefined;
    if (!donation || !donor) continue;
    donors.push({
      projectId,
      // Open data is published in the language of the records it comes from.
      publicName: publicDonorName(donor, donation.display_as, 'zh-CN'),
      isAnonymous: donation.display_as === 'anonymous',
      donorKind: donor.kind,
      amount,
    });
  }
  return { movements: [...movements.values()], donors };
}
