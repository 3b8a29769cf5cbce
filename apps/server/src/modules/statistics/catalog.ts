import type { Localized, TMeasureInfo, TStatisticsGrouping } from '@tongxin/contracts';
import type { FigureSource, MeasureDefinition } from '../../platform/figures/index.js';
import { statisticsErrors as errors } from './errors.js';

export type CatalogMeasure = { key: string; definition: MeasureDefinition; source: FigureSource };

/** Every measure of every source, by key. */
export function catalogOf(sources: readonly FigureSource[]): Map<string, CatalogMeasure> {
  const catalog = new Map<string, CatalogMeasure>();
  for (const source of sources) {
    for (const [key, definition] of Object.entries(source.measures)) catalog.set(key, { key, definition, source });
  }
  return catalog;
}

export function requireMeasure(catalog: Map<string, CatalogMeasure>, key: string): CatalogMeasure {
  const found = catalog.get(key);
  if (!found) throw errors.unknownMeasure({ measure: key });
  return found;
}

export function measureInfo({ key, definition }: CatalogMeasure): TMeasureInfo {
  return {
    key,
    label: definition.label,
    unit: definition.unit,
    kind: definition.kind,
    note: definition.note,
    dimensions: [definition.d1, definition.d2].flatMap((d) => (d ? [{ name: d.name, label: d.label }] : [])),
  };
}

/** Groupings every organization has; the others are dimensions a measure must declare. */
const ORGANIZATION_GROUPINGS = new Set<TStatisticsGrouping>([
  'level',
  'province',
  'city',
  'county',
  'organization',
  'year',
]);

/** Which bucket column holds a grouping for this measure: 'd1', 'd2', or null for organization groupings. */
export function slotOf(measure: CatalogMeasure, grouping: TStatisticsGrouping): 'd1' | 'd2' | null {
  if (ORGANIZATION_GROUPINGS.has(grouping)) return null;
  if (measure.definition.d1?.name === grouping) return 'd1';
  if (measure.definition.d2?.name === grouping) return 'd2';
  throw errors.notGroupable({ measure: measure.definition.label, grouping: GROUPING_LABELS[grouping] });
}

/** The declared values of a dimension grouping (in their declared order), when the measure has them. */
export function valueLabels(
  measure: CatalogMeasure,
  grouping: TStatisticsGrouping,
): Readonly<Record<string, Localized>> | null {
  const slot = ORGANIZATION_GROUPINGS.has(grouping) ? null : slotOf(measure, grouping);
  return slot ? (measure.definition[slot]?.values ?? null) : null;
}

export const GROUPING_LABELS: Readonly<Record<TStatisticsGrouping, Localized>> = {
  category: { 'zh-CN': '项目类别', en: 'Category' },
  status: { 'zh-CN': '项目状态', en: 'Status' },
  form: { 'zh-CN': '形式', en: 'Form' },
  group: { 'zh-CN': '受益对象类型', en: 'Beneficiary type' },
  household_type: { 'zh-CN': '农户类型', en: 'Household type' },
  monitoring: { 'zh-CN': '监测类别', en: 'Monitoring category' },
  level: { 'zh-CN': '单位层级', en: 'Level' },
  province: { 'zh-CN': '省（区）', en: 'Province' },
  city: { 'zh-CN': '市（盟）', en: 'City' },
  county: { 'zh-CN': '县（旗）', en: 'County' },
  organization: { 'zh-CN': '单位', en: 'Organization' },
  year: { 'zh-CN': '年度', en: 'Year' },
};
