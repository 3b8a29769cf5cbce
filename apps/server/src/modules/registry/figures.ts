import { HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import {
  addFigures,
  type FigureDelta,
  type FigureReplayBatch,
  type FigureSource,
} from '../../platform/figures/index.js';
import { beijingDate } from '../../platform/time.js';
import { householdTotal, householdsAfter, householdsBehindFigure, versionsOf } from './figures.repository.js';
import type { HouseholdRow } from './tables.js';

const NOT_MONITORED = { 'zh-CN': '非监测对象', en: 'Not monitored' };

/**
 * Households on record by type (建档立卡户, 脱贫户, 监测对象, 一般户) and monitoring category, as their dated
 * history stands on a date: each version's start adds the household to its bucket, a later change moves it.
 */
export const registryFigures: FigureSource = {
  name: 'registry',
  label: { 'zh-CN': '帮扶对象', en: 'Beneficiaries' },
  order: 30,
  measures: {
    'registry.households': {
      label: { 'zh-CN': '农户数', en: 'Households' },
      unit: 'count',
      kind: 'stock',
      d1: {
        name: 'household_type',
        label: { 'zh-CN': '农户类型', en: 'Household type' },
        values: HOUSEHOLD_TYPE.labels,
      },
      d2: {
        name: 'monitoring',
        label: { 'zh-CN': '监测类别', en: 'Monitoring category' },
        values: { '': NOT_MONITORED, ...MONITORING_CATEGORY.labels },
      },
      note: {
        'zh-CN': '截至所选日期在册的农户，按当日的类型和监测类别计（来自农户的变更历史）',
        en: 'Households on record on the date, by their type and monitoring category then (from their dated history)',
      },
    },
  },
  records: async (ctx: ServiceContext, query) => {
    const { rows, total } = await householdsBehindFigure(ctx.db, query, query.to ?? beijingDate());
    return {
      columns: [
        { key: 'code', label: { 'zh-CN': '户编号', en: 'Code' } },
        { key: 'region', label: { 'zh-CN': '区划代码', en: 'Region code' } },
        { key: 'type', label: { 'zh-CN': '农户类型', en: 'Household type' } },
        { key: 'monitoring', label: { 'zh-CN': '监测类别', en: 'Monitoring category' } },
      ],
      rows: rows.map((row) => ({
        id: row.id,
        link: `/registry/households/${row.id}`,
        cells: {
          code: row.code,
          region: row.region_code,
          type: HOUSEHOLD_TYPE.labels[row.type],
          monitoring: row.monitoring_category ? MONITORING_CATEGORY.labels[row.monitoring_category] : NOT_MONITORED,
        },
      })),
      total,
    };
  },
  replay: replayRegistryFigures,
};

function householdDelta(
  row: Pick<HouseholdRow, 'organization_id' | 'type' | 'monitoring_category'>,
  on: string,
  sign: 1 | -1,
): FigureDelta {
  return {
    measure: 'registry.households',
    organizationId: row.organization_id,
    on,
    d1: row.type,
    d2: row.monitoring_category ?? '',
    value: sign,
  };
}

/** New households on record from the start of their first version. */
export async function recordNewHouseholds(
  executor: Executor,
  households: readonly { row: HouseholdRow; since: string }[],
): Promise<void> {
  await addFigures(
    executor,
    households.map(({ row, since }) => householdDelta(row, since, 1)),
  );
}

type Placed = Pick<HouseholdRow, 'organization_id' | 'type' | 'monitoring_category'>;

/** A change of type or monitoring category moves the household on the day the change takes effect. */
function changeDeltas(before: Placed, after: Placed, effectiveOn: string): FigureDelta[] {
  if (before.type === after.type && before.monitoring_category === after.monitoring_category) return [];
  return [householdDelta(before, effectiveOn, -1), householdDelta(after, effectiveOn, 1)];
}

export async function recordHouseholdChange(
  executor: Executor,
  before: HouseholdRow,
  after: HouseholdRow,
  effectiveOn: string,
): Promise<void> {
  await addFigures(executor, changeDeltas(before, after, effectiveOn));
}

/** Households per batch of a replay, each with its versions. */
const REPLAY_BATCH = 2000;

/**
 * The registry source's replay, from the dated history: a household's first version puts it on record from
 * its start, each later version that changed the type or monitoring category moves it on the version's
 * start. Versions of one day are merged as they are written, so they give what the live path's moves net to.
 */
async function* replayRegistryFigures(executor: Executor): AsyncGenerator<FigureReplayBatch> {
  const total = await householdTotal(executor);
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const households = await householdsAfter(executor, afterId, REPLAY_BATCH);
    if (households.length === 0) return;
    const versions = await versionsOf(
      executor,
      households.map((household) => household.id),
    );
    const deltas: FigureDelta[] = [];
    for (const household of households) {
      let previous: Placed | null = null;
      for (const version of versions.get(household.id) ?? []) {
        const placed = { ...version, organization_id: household.organization_id };
        deltas.push(
          ...(previous
            ? changeDeltas(previous, placed, version.valid_from)
            : [householdDelta(placed, version.valid_from, 1)]),
        );
        previous = placed;
      }
    }
    done += households.length;
    afterId = households[households.length - 1]?.id ?? null;
    yield { deltas, done, total };
  }
}
