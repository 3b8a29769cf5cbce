import {
  VALIDATION_MESSAGES,
  ZCreateMembershipRequest,
  ZUpdateMembershipRequest,
  type TCreateMembershipRequest,
  type TMembership,
  type TUpdateMembershipRequest,
} from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { fieldProblem, platformErrors } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { organizationErrors as errors, organizationFieldMessages as messages } from './errors.js';
import { toMembership } from './mapping.js';
import { requireWritableOrganization } from './organization.service.js';
import {
  deleteMembership,
  findMembership,
  findOrganization,
  insertMembership,
  listMemberships,
  updateMembershipRow,
} from './repository.js';
import type { MembershipRow } from './tables.js';

const HOST_TYPES = new Set(['association', 'social_group']);
const AUDITED = ['member_id', 'role', 'term', 'starts_on', 'ends_on', 'note'] as const;

export async function membersOf(ctx: ServiceContext, associationId: string): Promise<TMembership[]> {
  const host = await findOrganization(ctx.db, scopeOf(ctx.actor), associationId);
  if (!host) throw errors.notFound({ id: associationId });
  return (await listMemberships(ctx.db, associationId)).map(toMembership);
}

function auditMembership(
  ctx: ServiceContext,
  action: string,
  row: MembershipRow,
  changes: ReturnType<typeof diffChanges>,
) {
  return {
    chainId: row.association_id,
    action,
    entityType: 'membership',
    entityId: row.id,
    changes,
    ...auditBy(ctx),
  };
}

export async function addMember(
  ctx: ServiceContext,
  associationId: string,
  input: TCreateMembershipRequest,
): Promise<TMembership> {
  const data = ZCreateMembershipRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const host = await requireWritableOrganization(txCtx, associationId);
    if (!HOST_TYPES.has(host.type)) throw errors.notMemberHost();
    if (data.memberId === associationId) {
      throw platformErrors.validationFailed({}, [fieldProblem('memberId', messages.memberSelf)]);
    }
    const member = await findOrganization(tx, scopeOf(ctx.actor), data.memberId);
    if (!member) throw platformErrors.validationFailed({}, [fieldProblem('memberId', messages.memberUnknown)]);
    const now = new Date().toISOString();
    const row: MembershipRow = {
      id: newId(),
      association_id: associationId,
      member_id: member.id,
      role: data.role,
      term: data.term ?? null,
      starts_on: data.startsOn ?? null,
      ends_on: data.endsOn ?? null,
      note: data.note ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertMembership(tx, row);
    await recordAudit(tx, auditMembership(ctx, 'membership.create', row, diffChanges(null, row, AUDITED)));
    return toMembership({ ...row, member_name: member.name, member_type: member.type });
  });
}

export async function updateMember(
  ctx: ServiceContext,
  associationId: string,
  membershipId: string,
  input: TUpdateMembershipRequest,
): Promise<TMembership> {
  const data = ZUpdateMembershipRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    await requireWritableOrganization({ ...ctx, db: tx }, associationId);
    const before = await findMembership(tx, associationId, membershipId);
    if (!before) throw errors.membershipNotFound();
    const after = {
      ...before,
      ...(data.role !== undefined ? { role: data.role } : {}),
      ...(data.term !== undefined ? { term: data.term ?? null } : {}),
      ...(data.startsOn !== undefined ? { starts_on: data.startsOn ?? null } : {}),
      ...(data.endsOn !== undefined ? { ends_on: data.endsOn ?? null } : {}),
      ...(data.note !== undefined ? { note: data.note ?? null } : {}),
      updated_at: new Date().toISOString(),
    };
    if (after.starts_on && after.ends_on && after.ends_on < after.starts_on) {
      throw platformErrors.validationFailed({}, [fieldProblem('endsOn', VALIDATION_MESSAGES['dateRange.order'])]);
    }
    const changes = diffChanges(before, after, AUDITED);
    await updateMembershipRow(tx, membershipId, {
      role: after.role,
      term: after.term,
      starts_on: after.starts_on,
      ends_on: after.ends_on,
      note: after.note,
      updated_at: after.updated_at,
    });
    await recordAudit(tx, auditMembership(ctx, 'membership.update', after, changes));
    return toMembership(after);
  });
}

export async function removeMember(ctx: ServiceContext, associationId: string, membershipId: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await requireWritableOrganization({ ...ctx, db: tx }, associationId);
    const before = await findMembership(tx, associationId, membershipId);
    if (!before) throw errors.membershipNotFound();
    await deleteMembership(tx, membershipId);
    await recordAudit(tx, auditMembership(ctx, 'membership.delete', before, diffChanges(before, null, AUDITED)));
  });
}
