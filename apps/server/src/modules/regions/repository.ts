import type { RegionLevel } from '@tongxin/contracts';
import { tablesOf, type Executor } from '../../platform/db/index.js';
import type { RegionRow, RegionTables } from './tables.js';

const db = (executor: Executor) => tablesOf<RegionTables>(executor);

const BATCH = 500;

/** Inserts or refreshes regions in batches; re-loading a file changes names, never codes. */
export async function upsertRegions(executor: Executor, rows: readonly RegionRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db(executor)
      .insertInto('regions')
      .values(rows.slice(start, start + BATCH))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          full_name: eb.ref('excluded.full_name'),
          pinyin: eb.ref('excluded.pinyin'),
          initials: eb.ref('excluded.initials'),
        })),
      )
      .execute();
  }
}

export async function findRegion(executor: Executor, code: string): Promise<RegionRow | undefined> {
  return db(executor).selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findRegionsByCodes(executor: Executor, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db(executor).selectFrom('regions').selectAll().where('code', 'in', codes).execute();
}

export async function countRegions(executor: Executor, level?: RegionLevel, codePrefix?: string): Promise<number> {
  let query = db(executor)
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (level) query = query.where('level', '=', level);
  if (codePrefix) query = query.where('code', 'like', `${codePrefix}%`);
  const row = await query.executeTakeFirstOrThrow();
  return row.n;
}

export type RegionSearch = {
  text?: string | undefined;
  parentCode?: string | undefined;
  level?: RegionLevel | undefined;
  limit: number;
};

const LEVEL_RANK = ['province', 'prefecture', 'county', 'township', 'village'] as const;

/**
 * Digits search codes by prefix; letters search pinyin and initials by prefix; anything else searches
 * names by substring. Higher levels come first, then codes in order.
 */
export async function searchRegions(
  executor: Executor,
  search: RegionSearch,
): Promise<(RegionRow & { child_count: number })[]> {
  let query = db(executor).selectFrom('regions as r');
  const text = search.text;
  if (text) {
    if (/^\d+$/.test(text)) query = query.where('r.code', 'like', `${text}%`);
    else if (/^[a-z]+$/i.test(text)) {
      const folded = text.toLowerCase();
      query = query.where((eb) =>
        eb.or([eb('r.pinyin', 'like', `${folded}%`), eb('r.initials', 'like', `${folded}%`)]),
      );
    } else query = query.where('r.name', 'like', `%${text}%`);
  }
  if (search.parentCode) query = query.where('r.parent_code', '=', search.parentCode);
  if (search.level) query = query.where('r.level', '=', search.level);
  return query
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('regions as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.parent_code', '=', 'r.code')
        .as('child_count'),
    )
    .orderBy((eb) =>
      eb
        .case()
        .when('r.level', '=', LEVEL_RANK[0])
        .then(0)
        .when('r.level', '=', LEVEL_RANK[1])
        .then(1)
        .when('r.level', '=', LEVEL_RANK[2])
        .then(2)
        .when('r.level', '=', LEVEL_RANK[3])
        .then(3)
        .else(4)
        .end(),
    )
    .orderBy('r.code')
    .limit(search.limit)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, child_count: row.child_count ?? 0 })));
}

/** Codes of regions of one level whose name contains the text, within a code prefix. */
export async function findCodesByName(
  executor: Executor,
  text: string,
  level: RegionLevel,
  codePrefix: string | undefined,
  limit: number,
): Promise<string[]> {
  let query = db(executor)
    .selectFrom('regions')
    .select('code')
    .where('level', '=', level)
    .where('name', 'like', `%${text}%`);
  if (codePrefix) query = query.where('code', 'like', `${codePrefix}%`);
  return (await query.orderBy('code').limit(limit).execute()).map((row) => row.code);
}

export async function hasChildren(executor: Executor, code: string): Promise<boolean> {
  const row = await db(executor)
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
