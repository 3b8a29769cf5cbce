import {
  isRegionWithin,
  regionLevelOfCode,
  regionPrefix,
  ZCreateVillageRequest,
  ZUpdateVillageRequest,
  ZVillageListQuery,
  type TCreateVillageRequest,
  type TPage,
  type TUpdateVillageRequest,
  type TVillage,
  type TVillageListQuery,
} from '@tongxin/contracts';
import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import { auditBy, diffChanges, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { fieldProblem, platformErrors, type FieldProblem } from '../../platform/errors/index.js';
import { newId } from '../../platform/ids.js';
import { requireWritableOrganization } from '../organizations/index.js';
import { lookupRegion, regionCodesNamed } from '../regions/index.js';
import { registryErrors as errors, registryFieldMessages as messages } from './errors.js';
import { toVillage } from './mapping.js';
import { namesFor } from './names.js';
import {
  findVillage,
  findVillageByRegion,
  findVillagesByIds,
  insertVillage,
  listVillages,
  updateVillageRow,
  type VillageConditions,
  type VillageWithCounts,
} from './village.repository.js';
import type { VillageRow } from './tables.js';

const AUDITED = [
  'organization_id',
  'is_poor_village',
  'is_old_base_village',
  'is_relocation_site',
  'poverty_status',
  'exit_year',
  'household_count',
  'population',
  'has_hardened_road',
  'has_tap_water',
  'has_electricity',
  'has_broadband',
  'collective_income',
  'work_team',
] as const satisfies readonly (keyof VillageRow)[];

async function present(ctx: ServiceContext, rows: readonly VillageWithCounts[]): Promise<TVillage[]> {
  const names = await namesFor(ctx.db, {
    regionCodes: rows.map((row) => row.region_code),
    organizationIds: rows.map((row) => row.organization_id),
  });
  return rows.map((row) => toVillage(row, names));
}

/** The villages among these ids that the actor may see, with their region codes (for projects that target them). */
export async function visibleVillages(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<{ id: string; regionCode: string }[]> {
  return (await findVillagesByIds(ctx.db, scopeOf(ctx.actor), [...new Set(ids)])).map((row) => ({
    id: row.id,
    regionCode: row.region_code,
  }));
}

/**
 * The region codes of villages, whoever asks: for rules that must look beyond the caller's scope (does a
 * fund designated to a region cover a project's villages?). Returns codes, never rows.
 */
export async function villageRegionCodes(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await findVillagesByIds(executor, { kind: 'all' }, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.region_code]));
}

export async function requireVillage(ctx: ServiceContext, id: string, write = false): Promise<VillageWithCounts> {
  const row = await findVillage(ctx.db, write ? writeScopeOf(ctx.actor) : scopeOf(ctx.actor), id);
  if (row) return row;
  if (write && (await findVillage(ctx.db, scopeOf(ctx.actor), id))) throw errors.notWritable();
  throw errors.villageNotFound({ id });
}

export async function getVillage(ctx: ServiceContext, id: string): Promise<TVillage> {
  const [village] = await present(ctx, [await requireVillage(ctx, id)]);
  if (!village) throw errors.villageNotFound({ id });
  return village;
}

/** The conditions of the village list's query, shared by the list and its export. */
export async function villageConditions(db: Executor, query: TVillageListQuery): Promise<VillageConditions> {
  const prefix = query.regionCode ? regionPrefix(query.regionCode) : undefined;
  return {
    regionPrefix: prefix,
    regionCodes: query.q ? await regionCodesNamed(db, query.q, 'village', prefix) : undefined,
    organizationId: query.organizationId,
    isPoorVillage: query.isPoorVillage === undefined ? undefined : query.isPoorVillage === 'true',
    isOldBaseVillage: query.isOldBaseVillage === undefined ? undefined : query.isOldBaseVillage === 'true',
    povertyStatus: query.povertyStatus,
  };
}

export async function findVillages(ctx: ServiceContext, input: TVillageListQuery): Promise<TPage<TVillage>> {
  const query = ZVillageListQuery.parse(input);
  const { rows, total } = await listVillages(ctx.db, scopeOf(ctx.actor), {
    ...(await villageConditions(ctx.db, query)),
    sort: query.sort === 'registeredHouseholds' ? 'registeredHouseholds' : 'regionCode',
    order: query.order,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Problems with placing a village of `regionCode` under an organization whose region is `orgRegion`. */
export async function villageRegionProblems(
  ctx: ServiceContext,
  regionCode: string,
  organization: { name: string; region_code: string | null; level: string },
  path = 'regionCode',
): Promise<FieldProblem[]> {
  if (regionLevelOfCode(regionCode) !== 'village')
    return [fieldProblem(path, messages.notVillageCode, { code: regionCode })];
  if (!(await lookupRegion(ctx.db, regionCode)))
    return [fieldProblem(path, messages.regionNotLoaded, { code: regionCode })];
  if (
    organization.region_code &&
    organization.level !== 'national' &&
    !isRegionWithin(regionCode, organization.region_code)
  ) {
    const region = await lookupRegion(ctx.db, organization.region_code);
    return [
      fieldProblem(path, messages.outsideOrganization, {
        organization: organization.name,
        region: region?.full_name ?? organization.region_code,
      }),
    ];
  }
  return [];
}

type VillageFields = ReturnType<typeof ZUpdateVillageRequest.parse>;

function villageRow(regionCode: string, organizationId: string, data: VillageFields, now: string): VillageRow {
  const bit = (value: boolean | undefined) => (value ? 1 : 0);
  return {
    id: newId(),
    region_code: regionCode,
    organization_id: organizationId,
    is_poor_village: bit(data.isPoorVillage),
    is_old_base_village: bit(data.isOldBaseVillage),
    is_relocation_site: bit(data.isRelocationSite),
    poverty_status: data.povertyStatus ?? (data.isPoorVillage ? 'poor' : 'not_poor'),
    exit_year: data.exitYear ?? null,
    household_count: data.householdCount ?? null,
    population: data.population ?? null,
    has_hardened_road: bit(data.hasHardenedRoad),
    has_tap_water: bit(data.hasTapWater),
    has_electricity: bit(data.hasElectricity),
    has_broadband: bit(data.hasBroadband),
    collective_income: data.collectiveIncome ?? null,
    work_team: data.workTeam ?? null,
    created_at: now,
    updated_at: now,
  };
}

export async function createVillage(ctx: ServiceContext, input: TCreateVillageRequest): Promise<TVillage> {
  const data = ZCreateVillageRequest.parse(input);
  if (ctx.actor.role === 'cadre') throw errors.cadreCannotRegisterVillage();
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const organization = await requireWritableOrganization(txCtx, data.organizationId).catch(() => {
      throw platformErrors.validationFailed({}, [fieldProblem('organizationId', messages.organizationNotWritable)]);
    });
    const problems = await villageRegionProblems(txCtx, data.regionCode, organization);
    if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
    const existing = await findVillageByRegion(tx, data.regionCode);
    if (existing) {
      const region = await lookupRegion(tx, data.regionCode);
      const names = await namesFor(tx, { regionCodes: [], organizationIds: [existing.organization_id] });
      throw errors.villageExists.at('regionCode', {
        name: region?.name ?? data.regionCode,
        organization: names.organizations.get(existing.organization_id) ?? '',
      });
    }
    const row = villageRow(data.regionCode, organization.id, data, new Date().toISOString());
    await insertVillage(tx, row);
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'village.create',
      entityType: 'village',
      entityId: row.id,
      changes: diffChanges(null, row, ['region_code', ...AUDITED]),
      ...auditBy(ctx),
    });
    return getVillage(txCtx, row.id);
  });
}

export type ImportVillage = { id: string; organizationId: string } | FieldProblem[];

/**
 * The village of a region code for an import: the registered one if the importer may write to it, or a
 * new one under the importer's organization (created only when `create` is set; the checking pass only
 * asks whether it could be). Returns field problems instead of throwing, so that an import can report
 * them per row. Results are cached per code for the length of one pass.
 */
export async function villageForImport(
  ctx: ServiceContext,
  regionCode: string,
  organization: { id: string; name: string; region_code: string | null; level: string },
  cache: Map<string, ImportVillage>,
  path: string,
  create: boolean,
): Promise<ImportVillage> {
  const cached = cache.get(regionCode);
  if (cached) return cached;
  let result: ImportVillage;
  const existing = await findVillageByRegion(ctx.db, regionCode);
  if (existing) {
    const writable = await findVillage(ctx.db, writeScopeOf(ctx.actor), existing.id);
    result = writable
      ? { id: existing.id, organizationId: existing.organization_id }
      : [fieldProblem(path, messages.organizationNotWritable)];
  } else {
    const problems = await villageRegionProblems(ctx, regionCode, organization, path);
    if (problems.length > 0) result = problems;
    else if (ctx.actor.role === 'cadre') result = [fieldProblem(path, messages.cadreNoNewVillage)];
    else if (!create) result = { id: '', organizationId: organization.id };
    else {
      const row = villageRow(regionCode, organization.id, {}, new Date().toISOString());
      await insertVillage(ctx.db, row);
      result = { id: row.id, organizationId: organization.id };
    }
  }
  cache.set(regionCode, result);
  return result;
}

export async function updateVillage(ctx: ServiceContext, id: string, input: TUpdateVillageRequest): Promise<TVillage> {
  const data = ZUpdateVillageRequest.parse(input);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { registered_households: _count, ...before } = await requireVillage(txCtx, id, true);
    const bit = (value: boolean | undefined, current: number) => (value === undefined ? current : value ? 1 : 0);
    const after: VillageRow = {
      ...before,
      is_poor_village: bit(data.isPoorVillage, before.is_poor_village),
      is_old_base_village: bit(data.isOldBaseVillage, before.is_old_base_village),
      is_relocation_site: bit(data.isRelocationSite, before.is_relocation_site),
      poverty_status: data.povertyStatus ?? before.poverty_status,
      exit_year: data.exitYear !== undefined ? data.exitYear : before.exit_year,
      household_count: data.householdCount !== undefined ? data.householdCount : before.household_count,
      population: data.population !== undefined ? data.population : before.population,
      has_hardened_road: bit(data.hasHardenedRoad, before.has_hardened_road),
      has_tap_water: bit(data.hasTapWater, before.has_tap_water),
      has_electricity: bit(data.hasElectricity, before.has_electricity),
      has_broadband: bit(data.hasBroadband, before.has_broadband),
      collective_income: data.collectiveIncome !== undefined ? data.collectiveIncome : before.collective_income,
      work_team: data.workTeam !== undefined ? data.workTeam : before.work_team,
      updated_at: new Date().toISOString(),
    };
    const changes = diffChanges(before, after, AUDITED);
    if (Object.keys(changes).length > 0) {
      const { id: _id, region_code: _region, created_at: _created, ...columns } = after;
      await updateVillageRow(tx, id, columns);
      await recordAudit(tx, {
        chainId: before.organization_id,
        action: 'village.update',
        entityType: 'village',
        entityId: id,
        changes,
        ...auditBy(ctx),
      });
    }
    return getVillage(txCtx, id);
  });
}
