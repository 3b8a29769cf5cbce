import { ZFigureRecordsQuery, type TFigureRecords, type TFigureRecordsQuery } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { FigureSource } from '../../platform/figures/index.js';
import { catalogOf, measureInfo, requireMeasure } from './catalog.js';
import { organizationsOn } from './network.js';
import { periodOf } from './period.js';

const RECORDS_SHOWN = 200;
const REGION_GROUPINGS = [
  ['province', 2],
  ['city', 4],
  ['county', 6],
] as const;

/**
 * The records behind one figure of a summary: the same question narrowed to one row's key, answered by
 * the module that wrote the figure.
 */
export async function figureRecords(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  input: TFigureRecordsQuery,
): Promise<TFigureRecords> {
  const query = ZFigureRecordsQuery.parse(input);
  const measure = requireMeasure(catalogOf(sources), query.measure);
  const period = periodOf(query);
  const network = await organizationsOn(ctx, period.to, query.organizationId);
  const organizationIds = [...network.values()]
    .filter((organization) => {
      if (query.level && organization.level !== query.level) return false;
      if (query.organization && organization.id !== query.organization) return false;
      return REGION_GROUPINGS.every(([grouping, digits]) => {
        const wanted = query[grouping];
        if (wanted === undefined) return true;
        // The summary's row of organizations without a region has the empty key.
        const region = organization.regionCode ? organization.regionCode.slice(0, digits).padEnd(6, '0') : '';
        return region === wanted;
      });
    })
    .map((organization) => organization.id);
  // The row's value of each dimension the measure declares, by the dimension's name; an empty value is the
  // row of buckets without one (非监测对象, say), not "any".
  const dimension = (slot: 'd1' | 'd2') => {
    const name = measure.definition[slot]?.name;
    return name ? (query as Record<string, string | number | undefined>)[name]?.toString() : undefined;
  };
  const d1 = dimension('d1');
  const d2 = dimension('d2');
  const records = await measure.source.records(ctx, {
    measure: measure.key,
    organizationIds,
    ...(measure.definition.kind === 'flow' && period.from ? { from: period.from } : {}),
    to: period.to,
    ...(d1 !== undefined ? { d1 } : {}),
    ...(d2 !== undefined ? { d2 } : {}),
    limit: RECORDS_SHOWN,
  });
  return { measure: measureInfo(measure), ...records };
}
