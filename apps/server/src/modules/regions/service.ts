import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ZRegionSearchQuery, type RegionLevel, type TRegion, type TRegionSearchQuery } from '@tongxin/contracts';
import { auditBy, PLATFORM_CHAIN, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction, type Executor } from '../../platform/db/index.js';
import { regionErrors } from './errors.js';
import { readRegionFile, shippedRegionFile, type RegionFileRow } from './region-file.js';
import {
  countRegions,
  findCodesByName,
  findRegion,
  findRegionsByCodes,
  hasChildren,
  searchRegions,
  upsertRegions,
} from './repository.js';
import type { RegionRow } from './tables.js';

function toRegion(row: RegionRow, childCount: number): TRegion {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    fullName: row.full_name,
    hasChildren: childCount > 0,
  };
}

export async function getRegion(db: Executor, code: string): Promise<TRegion> {
  const row = await findRegion(db, code);
  if (!row) throw regionErrors.notFound({ code });
  return toRegion(row, (await hasChildren(db, code)) ? 1 : 0);
}

export async function findRegions(db: Executor, input: TRegionSearchQuery): Promise<TRegion[]> {
  const query = ZRegionSearchQuery.parse(input);
  const rows = await searchRegions(db, {
    text: query.q,
    parentCode: query.parent,
    level: query.level,
    limit: query.limit,
  });
  return rows.map((row) => toRegion(row, row.child_count));
}

/** Full names of the given codes, for showing records that refer to regions. */
export async function regionFullNames(db: Executor, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((code): code is string => code !== null))];
  const rows = await findRegionsByCodes(db, wanted);
  return new Map(rows.map((row) => [row.code, row.full_name]));
}

/** The region of a code, or null when it is not loaded; callers turn null into a field error. */
export async function lookupRegion(db: Executor, code: string): Promise<RegionRow | null> {
  return (await findRegion(db, code)) ?? null;
}

/** Village (or other) codes whose names contain the text, for searching records kept by region code. */
export async function regionCodesNamed(
  db: Executor,
  text: string,
  level: RegionLevel,
  codePrefix?: string,
): Promise<string[]> {
  return findCodesByName(db, text, level, codePrefix, 2000);
}

export type LoadProgress = (done: number, total: number) => void;
export type LoadReport = { file: string; rows: number; byLevel: Record<string, number> };

/**
 * Loads a region file in one transaction (a failed load changes nothing). Parents must be in the file
 * or already loaded, so a province's villages load after the base file.
 */
export async function loadRegionFile(
  ctx: ServiceContext,
  file: string,
  onProgress?: LoadProgress,
): Promise<LoadReport> {
  const rows = readRegionFile(file);
  const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const byLevel: Record<string, number> = {};
  for (const row of rows) byLevel[row.level] = (byLevel[row.level] ?? 0) + 1;
  await withTransaction(ctx.db, async (tx) => {
    const withNames = await attachFullNames(tx, rows);
    const chunk = 2000;
    for (let start = 0; start < withNames.length; start += chunk) {
      await upsertRegions(tx, withNames.slice(start, start + chunk));
      onProgress?.(Math.min(start + chunk, withNames.length), withNames.length);
    }
    await recordAudit(tx, {
      chainId: PLATFORM_CHAIN,
      action: 'regions.load',
      entityType: 'region_file',
      entityId: sha256,
      changes: { rows: { before: null, after: rows.length }, byLevel: { before: null, after: byLevel } },
      ...auditBy(ctx),
    });
  });
  return { file, rows: rows.length, byLevel };
}

async function attachFullNames(tx: Executor, rows: readonly RegionFileRow[]): Promise<RegionRow[]> {
  const fullNames = new Map<string, string>();
  const out: RegionRow[] = [];
  // Files are sorted by code, and a parent's code sorts before its children's.
  for (const row of rows) {
    let parentName: string | null = null;
    if (row.parentCode) {
      parentName = fullNames.get(row.parentCode) ?? (await findRegion(tx, row.parentCode))?.full_name ?? null;
      if (parentName === null) throw regionErrors.parentMissing({ code: row.code, parent: row.parentCode });
      fullNames.set(row.parentCode, parentName);
    }
    const fullName = parentName ? `${parentName} ${row.name}` : row.name;
    fullNames.set(row.code, fullName);
    out.push({
      code: row.code,
      name: row.name,
      level: row.level,
      parent_code: row.parentCode,
      full_name: fullName,
      pinyin: row.pinyin,
      initials: row.initials,
    });
  }
  return out;
}

/** Provinces, prefectures and counties are always present: loaded on first start. */
export async function ensureBaseRegions(ctx: ServiceContext): Promise<LoadReport | null> {
  if ((await countRegions(ctx.db, 'province')) > 0) return null;
  const file = shippedRegionFile('base');
  if (!file) throw regionErrors.fileMissing({ province: 'base' });
  return loadRegionFile(ctx, file);
}

/** Loads a province's townships and villages, from the shipped file or the one given. */
export async function loadProvince(
  ctx: ServiceContext,
  province: string,
  file: string | null,
  onProgress?: LoadProgress,
): Promise<LoadReport> {
  const source = file ?? shippedRegionFile(province);
  if (!source) throw regionErrors.fileMissing({ province });
  return loadRegionFile(ctx, source, onProgress);
}

export async function isProvinceLoaded(db: Executor, province: string): Promise<boolean> {
  return (await countRegions(db, 'village', province)) > 0;
}
