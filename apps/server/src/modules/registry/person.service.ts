import {
  ZCreatePersonRequest,
  ZUpdatePersonRequest,
  type TCreatePersonRequest,
  type TPerson,
  type TUpdatePersonRequest,
} from '@tongxin/contracts';
import { auditBy, type AuditChanges, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { keyring } from '../../platform/crypto/index.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { platformErrors } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { registryErrors as errors } from './errors.js';
import { adjustMemberCount, updateHouseholdRow } from './household.repository.js';
import { requireHousehold } from './household-access.js';
import { checkPersonIdNumber, idNumberProblem, sealIdNumber } from './identity.js';
import { toPerson } from './mapping.js';
import {
  deletePerson,
  findPersonByHash,
  findPerson,
  insertPersons,
  listMembers,
  updatePersonRow,
} from './person.repository.js';
import type { PersonRow } from './tables.js';

type PersonInput = ReturnType<typeof ZCreatePersonRequest.parse>;

const AUDITED = [
  'relation',
  'name',
  'idNumber',
  'gender',
  'education',
  'schoolStatus',
  'health',
  'labourAbility',
] as const;

/** A person as the audit trail records it: the masked number, never the number or its cipher. */
function audited(row: PersonRow): Record<(typeof AUDITED)[number], unknown> {
  return {
    relation: row.relation,
    name: row.name,
    idNumber: row.id_number_masked,
    gender: row.gender,
    education: row.education,
    schoolStatus: row.school_status,
    health: row.health,
    labourAbility: row.labour_ability,
  };
}

/**
 * Checks and seals a person's ID number; refuses it with the problem at `path` when it is not valid or
 * already registered in any household.
 */
export async function sealNewIdNumber(
  db: Executor,
  raw: string,
  gender: PersonInput['gender'],
  path: string,
  selfId?: string,
) {
  const check = checkPersonIdNumber(raw, gender);
  if (!check.ok) throw platformErrors.validationFailed({}, [idNumberProblem(path, check.problem)]);
  const sealed = sealIdNumber(check.normalized);
  const holder = await findPersonByHash(db, sealed.hash);
  if (holder && holder.id !== selfId) throw errors.idNumberDuplicate.at(path);
  return sealed;
}

export function personRow(
  householdId: string,
  data: PersonInput,
  sealed: ReturnType<typeof sealIdNumber>,
  now: string,
): PersonRow {
  return {
    id: newId(),
    household_id: householdId,
    relation: data.relation,
    name: data.name,
    id_number_cipher: sealed.cipher,
    id_number_hash: sealed.hash,
    id_number_masked: sealed.masked,
    gender: data.gender,
    birth_date: sealed.birthDate,
    education: data.education ?? null,
    school_status: data.schoolStatus ?? null,
    health: data.health ?? null,
    labour_ability: data.labourAbility ?? null,
    migrant_months: data.migrantMonths ?? null,
    has_medical_insurance: data.hasMedicalInsurance ? 1 : 0,
    has_pension_insurance: data.hasPensionInsurance ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
}

function auditEntry(
  ctx: ServiceContext,
  organizationId: string,
  action: string,
  personId: string,
  changes: AuditChanges,
) {
  return {
    chainId: organizationId,
    action,
    entityType: 'person',
    entityId: personId,
    changes,
    ...auditBy(ctx),
  };
}

/** Making someone the head makes the former head "other" (to be corrected), so that a household has one head. */
async function demoteFormerHead(db: Executor, householdId: string, newHeadId: string, name: string, masked: string) {
  for (const member of await listMembers(db, householdId)) {
    if (member.relation === 'head' && member.id !== newHeadId)
      await updatePersonRow(db, member.id, { relation: 'other' });
  }
  await updateHouseholdRow(db, householdId, { head_name: name, head_id_number_masked: masked });
}

export async function addPerson(
  ctx: ServiceContext,
  householdId: string,
  input: TCreatePersonRequest,
): Promise<TPerson> {
  const data = ZCreatePersonRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const household = await requireHousehold({ ...ctx, db: tx }, householdId, true);
    const sealed = await sealNewIdNumber(tx, data.idNumber, data.gender, 'idNumber');
    const row = personRow(household.id, data, sealed, new Date().toISOString());
    await insertPersons(tx, [row]);
    await adjustMemberCount(tx, household.id, 1);
    if (row.relation === 'head') await demoteFormerHead(tx, household.id, row.id, row.name, row.id_number_masked);
    await recordAudit(
      tx,
      auditEntry(ctx, household.organization_id, 'person.create', row.id, diffChanges(null, audited(row), AUDITED)),
    );
    return toPerson(row);
  });
}

async function requirePerson(ctx: ServiceContext, personId: string, write: boolean) {
  const person = await findPerson(ctx.db, personId);
  if (!person) throw errors.personNotFound({ id: personId });
  const household = await requireHousehold(ctx, person.household_id, write).catch(() => {
    throw errors.personNotFound({ id: personId });
  });
  return { person, household };
}

export async function updatePerson(
  ctx: ServiceContext,
  personId: string,
  input: TUpdatePersonRequest,
): Promise<TPerson> {
  const data = ZUpdatePersonRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const { person: before, household } = await requirePerson({ ...ctx, db: tx }, personId, true);
    const gender = data.gender ?? before.gender;
    const sealed =
      data.idNumber !== undefined ? await sealNewIdNumber(tx, data.idNumber, gender, 'idNumber', before.id) : null;
    if (!sealed && data.gender && data.gender !== before.gender) {
      // A new gender must still agree with the number on record.
      await sealNewIdNumber(tx, keyring().decrypt(before.id_number_cipher), gender, 'gender', before.id);
    }
    const after: PersonRow = {
      ...before,
      ...(data.relation !== undefined ? { relation: data.relation } : {}),
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(sealed
        ? {
            id_number_cipher: sealed.cipher,
            id_number_hash: sealed.hash,
            id_number_masked: sealed.masked,
            birth_date: sealed.birthDate,
          }
        : {}),
      gender,
      ...(data.education !== undefined ? { education: data.education } : {}),
      ...(data.schoolStatus !== undefined ? { school_status: data.schoolStatus } : {}),
      ...(data.health !== undefined ? { health: data.health } : {}),
      ...(data.labourAbility !== undefined ? { labour_ability: data.labourAbility } : {}),
      ...(data.migrantMonths !== undefined ? { migrant_months: data.migrantMonths } : {}),
      ...(data.hasMedicalInsurance !== undefined ? { has_medical_insurance: data.hasMedicalInsurance ? 1 : 0 } : {}),
      ...(data.hasPensionInsurance !== undefined ? { has_pension_insurance: data.hasPensionInsurance ? 1 : 0 } : {}),
      updated_at: new Date().toISOString(),
    };
    const changes = diffChanges(audited(before), audited(after), AUDITED);
    const { id: _id, household_id: _household, created_at: _created, ...columns } = after;
    await updatePersonRow(tx, personId, columns);
    if (after.relation === 'head')
      await demoteFormerHead(tx, household.id, after.id, after.name, after.id_number_masked);
    await recordAudit(tx, auditEntry(ctx, household.organization_id, 'person.update', personId, changes));
    return toPerson(after);
  });
}

export async function removePerson(ctx: ServiceContext, personId: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const { person, household } = await requirePerson({ ...ctx, db: tx }, personId, true);
    if (person.relation === 'head') throw errors.headCannotBeRemoved();
    await deletePerson(tx, personId);
    await adjustMemberCount(tx, household.id, -1);
    await recordAudit(
      tx,
      auditEntry(
        ctx,
        household.organization_id,
        'person.delete',
        personId,
        diffChanges(audited(person), null, AUDITED),
      ),
    );
  });
}

/** The full ID number, for someone who may change the household and says why; the reason is audited. */
export async function revealIdNumber(ctx: ServiceContext, personId: string, reason: string): Promise<string> {
  return withTransaction(ctx.db, async (tx) => {
    const { person, household } = await requirePerson({ ...ctx, db: tx }, personId, true);
    await recordAudit(
      tx,
      auditEntry(ctx, household.organization_id, 'person.reveal_id_number', personId, {
        reason: { before: null, after: reason },
        idNumber: { before: null, after: person.id_number_masked },
      }),
    );
    return keyring().decrypt(person.id_number_cipher);
  });
}
