import type { Executor } from '../../platform/db/index.js';
import { fieldProblem, type FieldProblem } from '../../platform/errors/index.js';
import { fundFieldMessages as messages } from './errors.js';
import { findPledge } from './pledges.repository.js';

/** A gift said to fulfil a pledge must come from its donor, to its organization, with its designation. */
export async function pledgeProblems(
  executor: Executor,
  pledgeId: string,
  gift: { organizationId: string; donorId: string; designation: string },
): Promise<FieldProblem[]> {
  const pledge = await findPledge(executor, { kind: 'all' }, pledgeId);
  if (!pledge) return [fieldProblem('pledgeId', messages.pledgeUnknown)];
  if (pledge.organization_id !== gift.organizationId || pledge.donor_id !== gift.donorId)
    return [fieldProblem('pledgeId', messages.pledgeOfOtherDonor)];
  if (pledge.designation !== gift.designation) return [fieldProblem('designation', messages.pledgeDesignation)];
  return [];
}
