import {
  regionPrefix,
  RISK_TYPE,
  ZCreateHouseholdRequest,
  ZHouseholdListQuery,
  ZUpdateHouseholdRequest,
  type TCreateHouseholdRequest,
  type THousehold,
  type THouseholdCard,
  type THouseholdListQuery,
  type THouseholdSummary,
  type THouseholdVersion,
  type TPage,
  type TUpdateHouseholdRequest,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { keyring } from '../../platform/crypto/index.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { recordHouseholdChange, recordNewHouseholds } from './figures.js';
import { fieldProblem, platformErrors } from '../../platform/errors/index.js';
import { appendVersion, effectiveDateProblems } from '../../platform/dated-history.js';
import { newId } from '../../platform/ids.js';
import { maskAddress, maskPhone } from '../../platform/privacy/mask.js';
import { beijingDate } from '../../platform/time.js';
import { userSummaries } from '../accounts/index.js';
import { organizationIdListInScope } from '../organizations/index.js';
import { registryErrors as errors, registryFieldMessages as messages } from './errors.js';
import { requireHousehold } from './household-access.js';
import { householdProblems } from './household-rules.js';
import { householdRow, sealContact } from './household-row.js';
import {
  amendHouseholdVersion,
  closeHouseholdVersion,
  countHouseholds,
  currentHouseholdVersion,
  findHouseholdByCode,
  findHouseholdIdsInScope,
  insertHouseholds,
  insertHouseholdVersions,
  listHouseholds,
  listHouseholdVersions,
  updateHouseholdRow,
} from './household.repository.js';
import { idNumberLookupHash } from './identity.js';
import { toHousehold, toHouseholdVersion, toPerson } from './mapping.js';
import { namesFor } from './names.js';
import { personRow, sealNewIdNumber } from './person.service.js';
import { insertPersons, listMembers } from './person.repository.js';
import type { HouseholdRow, HouseholdVersionRow } from './tables.js';
import { requireVillage } from './village.service.js';

/** Fields whose changes the dated history keeps (type, exit and the monitoring state). */
export const VERSIONED_FIELDS = ['type', 'monitoring_category', 'risks', 'risk_eliminated', 'exit_year'] as const;
const AUDITED = [
  'code',
  'type',
  'identified_year',
  'identification_score',
  'main_cause',
  'second_cause',
  'third_cause',
  'income_per_capita',
  'wage_income',
  'production_income',
  'transfer_income',
  'property_income',
  'housing_safe',
  'drinking_water_safe',
  'exit_year',
  'exit_way',
  'monitoring_category',
  'risks',
  'risk_eliminated',
  'risk_elimination_way',
  'risk_eliminated_on',
  'cadre_user_id',
  'address_masked',
  'phone_masked',
] as const satisfies readonly (keyof HouseholdRow)[];

async function present(ctx: ServiceContext, rows: readonly HouseholdRow[]): Promise<THousehold[]> {
  const names = await namesFor(ctx.db, {
    regionCodes: rows.map((row) => row.region_code),
    organizationIds: rows.map((row) => row.organization_id),
    userIds: rows.map((row) => row.cadre_user_id),
  });
  return rows.map((row) => toHousehold(row, names));
}

export function householdVersion(
  row: HouseholdRow,
  validFrom: string,
  changed: readonly string[],
  recordedBy: string,
  now: string,
): HouseholdVersionRow {
  return {
    id: newId(),
    household_id: row.id,
    valid_from: validFrom,
    valid_to: null,
    type: row.type,
    monitoring_category: row.monitoring_category,
    risks: row.risks,
    risk_eliminated: row.risk_eliminated,
    exit_year: row.exit_year,
    changed_fields: JSON.stringify(changed),
    recorded_at: now,
    recorded_by: recordedBy,
  };
}

/** The responsible cadre must be an active user of an organization the actor manages. */
async function assertCadre(ctx: ServiceContext, userId: string | null | undefined) {
  if (!userId) return;
  const user = (await userSummaries(ctx.db, [userId])).get(userId);
  const organizations = await organizationIdListInScope(ctx.db, writeScopeOf(ctx.actor));
  if (
    !user ||
    user.status !== 'active' ||
    (ctx.actor.role !== 'platform_admin' && !organizations.includes(user.organizationId))
  ) {
    throw platformErrors.validationFailed({}, [fieldProblem('cadreUserId', messages.cadreInvalid)]);
  }
}

async function assertCodeFree(db: Executor, code: string | null | undefined, selfId: string | null) {
  if (!code) return;
  const holder = await findHouseholdByCode(db, code);
  if (holder && holder.id !== selfId) throw errors.householdCodeTaken.at('code', { code });
}

export async function createHousehold(ctx: ServiceContext, input: TCreateHouseholdRequest): Promise<THouseholdCard> {
  const data = ZCreateHouseholdRequest.parse(input);
  const now = new Date().toISOString();
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const village = await requireVillage(txCtx, data.villageId, true);
    const problems = householdProblems({
      type: data.type,
      identifiedYear: data.identifiedYear ?? null,
      exitYear: data.exitYear ?? null,
      monitoringCategory: data.monitoringCategory ?? null,
      riskEliminated: data.riskEliminated,
      riskEliminationWay: data.riskEliminationWay ?? null,
      riskEliminatedOn: data.riskEliminatedOn ?? null,
      mainCause: data.mainCause ?? null,
      otherCauses: data.otherCauses,
    });
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    await assertCodeFree(tx, data.code, null);
    await assertCadre(txCtx, data.cadreUserId ?? null);
    const sealed = await sealNewIdNumber(tx, data.head.idNumber, data.head.gender, 'head.idNumber');
    const id = newId();
    const head = personRow(id, { ...data.head, relation: 'head' }, sealed, now);
    const row = householdRow({
      id,
      code: data.code ?? null,
      village,
      head,
      address: data.address ?? null,
      phone: data.phone ?? null,
      type: data.type,
      identifiedYear: data.identifiedYear ?? null,
      identificationScore: data.identificationScore ?? null,
      mainCause: data.mainCause ?? null,
      otherCauses: data.otherCauses,
      incomePerCapita: data.incomePerCapita ?? null,
      wageIncome: data.wageIncome ?? null,
      productionIncome: data.productionIncome ?? null,
      transferIncome: data.transferIncome ?? null,
      propertyIncome: data.propertyIncome ?? null,
      housingSafe: data.housingSafe ?? null,
      drinkingWaterSafe: data.drinkingWaterSafe ?? null,
      exitYear: data.exitYear ?? null,
      exitWay: data.exitWay ?? null,
      monitoringCategory: data.monitoringCategory ?? null,
      risks: data.risks,
      riskEliminated: data.riskEliminated,
      riskEliminationWay: data.riskEliminationWay ?? null,
      riskEliminatedOn: data.riskEliminatedOn ?? null,
      // A cadre's own registrations are theirs to follow up, or they could not see them afterwards.
      cadreUserId: data.cadreUserId ?? (ctx.actor.role === 'cadre' ? ctx.actor.userId : null),
      now,
    });
    await insertHouseholds(tx, [row]);
    await insertPersons(tx, [head]);
    const since = data.effectiveOn ?? beijingDate();
    await insertHouseholdVersions(tx, [householdVersion(row, since, VERSIONED_FIELDS, ctx.actor.username, now)]);
    await recordNewHouseholds(tx, [{ row, since }]);
    await recordAudit(tx, {
      chainId: row.organization_id,
      action: 'household.create',
      entityType: 'household',
      entityId: id,
      changes: {
        ...diffChanges(null, row, AUDITED),
        head: { before: null, after: `${head.name} ${head.id_number_masked}` },
      },
      ...auditBy(ctx),
    });
    return getHouseholdCard(txCtx, id);
  });
}

/** The households among these ids that the actor may see. */
export async function visibleHouseholdIds(ctx: ServiceContext, ids: readonly string[]): Promise<string[]> {
  return findHouseholdIdsInScope(ctx.db, scopeOf(ctx.actor), [...new Set(ids)]);
}

export async function getHouseholdCard(ctx: ServiceContext, id: string): Promise<THouseholdCard> {
  const row = await requireHousehold(ctx, id);
  const [household] = await present(ctx, [row]);
  if (!household) throw errors.householdNotFound({ id });
  return { ...household, members: (await listMembers(ctx.db, id)).map(toPerson) };
}

export async function findHouseholds(ctx: ServiceContext, input: THouseholdListQuery): Promise<TPage<THousehold>> {
  const query = ZHouseholdListQuery.parse(input);
  const hash = query.idNumber ? idNumberLookupHash(query.idNumber) : undefined;
  if (query.idNumber && !hash) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await listHouseholds(ctx.db, scopeOf(ctx.actor), {
    text: query.q,
    villageId: query.villageId,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
    type: query.type,
    monitoringCategory: query.monitoringCategory,
    risk: query.risk,
    riskEliminated: query.riskEliminated === undefined ? undefined : query.riskEliminated === 'true',
    mainCause: query.mainCause,
    idNumberHash: hash ?? undefined,
    asOf: query.asOf,
    sort: query.sort,
    order: query.order,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  // As of a past date the type and monitoring state are those of the version then in force.
  const asOf = rows.map((row) =>
    query.asOf && row.as_of_type
      ? {
          ...row,
          type: row.as_of_type,
          monitoring_category: row.as_of_monitoring_category,
          risks: row.as_of_risks ?? '[]',
          risk_eliminated: row.as_of_risk_eliminated ?? 0,
        }
      : row,
  );
  return { items: await present(ctx, asOf), total, page: query.page, pageSize: query.pageSize };
}

/** Counts of the filtered households by type, monitoring category and risk, for summaries and charts. */
export async function householdSummary(ctx: ServiceContext, input: THouseholdListQuery): Promise<THouseholdSummary> {
  const query = ZHouseholdListQuery.parse(input);
  const hash = query.idNumber ? idNumberLookupHash(query.idNumber) : undefined;
  return countHouseholds(
    ctx.db,
    scopeOf(ctx.actor),
    {
      text: query.q,
      villageId: query.villageId,
      regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
      type: query.type,
      monitoringCategory: query.monitoringCategory,
      risk: query.risk,
      riskEliminated: query.riskEliminated === undefined ? undefined : query.riskEliminated === 'true',
      mainCause: query.mainCause,
      idNumberHash: hash ?? (query.idNumber ? 'no-such-hash' : undefined),
      asOf: query.asOf,
    },
    RISK_TYPE.values,
  );
}

export async function householdHistory(ctx: ServiceContext, id: string): Promise<THouseholdVersion[]> {
  await requireHousehold(ctx, id);
  return (await listHouseholdVersions(ctx.db, id)).map(toHouseholdVersion);
}

export async function updateHousehold(
  ctx: ServiceContext,
  id: string,
  input: TUpdateHouseholdRequest,
): Promise<THouseholdCard> {
  const data = ZUpdateHouseholdRequest.parse(input);
  const now = new Date().toISOString();
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const before = await requireHousehold(txCtx, id, true);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const bit = (value: boolean | null | undefined, current: number | null) =>
      value === undefined ? current : value === null ? null : value ? 1 : 0;
    const address = data.address !== undefined ? sealContact(data.address, maskAddress) : null;
    const phone = data.phone !== undefined ? sealContact(data.phone, maskPhone) : null;
    const otherCauses =
      data.otherCauses ?? [before.second_cause, before.third_cause].filter((c): c is number => c !== null);
    const after: HouseholdRow = {
      ...before,
      code: pick(data.code, before.code),
      ...(address ? { address_cipher: address.cipher, address_masked: address.masked } : {}),
      ...(phone ? { phone_cipher: phone.cipher, phone_masked: phone.masked } : {}),
      type: pick(data.type, before.type),
      identified_year: pick(data.identifiedYear, before.identified_year),
      identification_score: pick(data.identificationScore, before.identification_score),
      main_cause: pick(data.mainCause, before.main_cause),
      second_cause: otherCauses[0] ?? null,
      third_cause: otherCauses[1] ?? null,
      income_per_capita: pick(data.incomePerCapita, before.income_per_capita),
      wage_income: pick(data.wageIncome, before.wage_income),
      production_income: pick(data.productionIncome, before.production_income),
      transfer_income: pick(data.transferIncome, before.transfer_income),
      property_income: pick(data.propertyIncome, before.property_income),
      housing_safe: bit(data.housingSafe, before.housing_safe),
      drinking_water_safe: bit(data.drinkingWaterSafe, before.drinking_water_safe),
      exit_year: pick(data.exitYear, before.exit_year),
      exit_way: pick(data.exitWay, before.exit_way),
      monitoring_category: pick(data.monitoringCategory, before.monitoring_category),
      risks: data.risks ? JSON.stringify(data.risks) : before.risks,
      risk_eliminated: bit(data.riskEliminated, before.risk_eliminated) ?? 0,
      risk_elimination_way: pick(data.riskEliminationWay, before.risk_elimination_way),
      risk_eliminated_on: pick(data.riskEliminatedOn, before.risk_eliminated_on),
      cadre_user_id: pick(data.cadreUserId, before.cadre_user_id),
      updated_at: now,
    };
    const problems = householdProblems({
      type: after.type,
      identifiedYear: after.identified_year,
      exitYear: after.exit_year,
      monitoringCategory: after.monitoring_category,
      riskEliminated: after.risk_eliminated === 1,
      riskEliminationWay: after.risk_elimination_way,
      riskEliminatedOn: after.risk_eliminated_on,
      mainCause: after.main_cause,
      otherCauses,
    });
    const changes = diffChanges(before, after, AUDITED);
    const versioned = VERSIONED_FIELDS.filter((field) => field in changes);
    const current = versioned.length > 0 ? await currentHouseholdVersion(tx, id) : undefined;
    const effectiveOn = data.effectiveOn ?? beijingDate();
    if (versioned.length > 0) problems.push(...effectiveDateProblems(effectiveOn, current?.valid_from ?? null));
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    if (Object.keys(changes).length === 0) return getHouseholdCard(txCtx, id);
    if (data.code !== undefined) await assertCodeFree(tx, after.code, id);
    if (data.cadreUserId !== undefined) await assertCadre(txCtx, after.cadre_user_id);
    const { id: _id, created_at: _created, ...columns } = after;
    await updateHouseholdRow(tx, id, columns);
    if (versioned.length > 0) {
      await appendVersion(current, householdVersion(after, effectiveOn, versioned, ctx.actor.username, now), {
        close: (versionId, validTo) => closeHouseholdVersion(tx, versionId, validTo),
        insert: (version) => insertHouseholdVersions(tx, [version]),
        amend: (versionId, version) => amendHouseholdVersion(tx, versionId, version),
      });
      await recordHouseholdChange(tx, before, after, effectiveOn);
    }
    await recordAudit(tx, {
      chainId: before.organization_id,
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      changes,
      ...auditBy(ctx),
    });
    return getHouseholdCard(txCtx, id);
  });
}

/** A household's address or phone in full, for someone who may change it and says why; audited. */
export async function revealHouseholdField(
  ctx: ServiceContext,
  id: string,
  field: 'address' | 'phone',
  reason: string,
): Promise<string | null> {
  return withTransaction(ctx.db, async (tx) => {
    const household = await requireHousehold({ ...ctx, db: tx }, id, true);
    const cipher = field === 'address' ? household.address_cipher : household.phone_cipher;
    await recordAudit(tx, {
      chainId: household.organization_id,
      action: `household.reveal_${field}`,
      entityType: 'household',
      entityId: id,
      changes: { reason: { before: null, after: reason } },
      ...auditBy(ctx),
    });
    return cipher ? keyring().decrypt(cipher) : null;
  });
}
