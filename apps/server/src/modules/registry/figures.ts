import { HOUSEHOLD_TYPE, MONITORING_CATEGORY } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { addFigures, type FigureDelta, type FigureSource } from '../../platform/figures/index.js';
import { beijingDate } from '../../platform/time.js';
import { householdsBehindFigure } from './figures.repository.js';
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

/** A change of type or monitoring category moves the household on the day the change takes effect. */
export async function recordHouseholdChange(
  executor: Executor,
  before: HouseholdRow,
  after: HouseholdRow,
  effectiveOn: string,
): Promise<void> {
  if (before.type === after.type && before.monitoring_category === after.monitoring_category) return;
  await addFigures(executor, [householdDelta(before, effectiveOn, -1), householdDelta(after, effectiveOn, 1)]);
}
