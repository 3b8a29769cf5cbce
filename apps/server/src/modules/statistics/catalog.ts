import {
  ORGANIZATION_GROUPINGS,
  type Localized,
  type TMeasureInfo,
  type TStatisticsGrouping,
} from '@tongxin/contracts';
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

const ORGANIZATION = new Set<string>(ORGANIZATION_GROUPINGS);

/** Which bucket column holds a grouping for this measure: 'd1', 'd2', or null for organization groupings. */
export function slotOf(measure: CatalogMeasure, grouping: TStatisticsGrouping): 'd1' | 'd2' | null {
  if (ORGANIZATION.has(grouping)) return null;
  if (measure.definition.d1?.name === grouping) return 'd1';
  if (measure.definition.d2?.name === grouping) return 'd2';
  throw errors.notGroupable({ measure: measure.definition.label, grouping });
}

/** The declared values of a dimension grouping (in their declared order), when the measure has them. */
export function valueLabels(
  measure: CatalogMeasure,
  grouping: TStatisticsGrouping,
): Readonly<Record<string, Localized>> | null {
  const slot = ORGANIZATION.has(grouping) ? null : slotOf(measure, grouping);
  return slot ? (measure.definition[slot]?.values ?? null) : null;
}

const ORGANIZATION_LABELS: Readonly<Record<(typeof ORGANIZATION_GROUPINGS)[number], Localized>> = {
  level: { 'zh-CN': '单位层级', en: 'Level' },
  province: { 'zh-CN': '省（区）', en: 'Province' },
  city: { 'zh-CN': '市（盟）', en: 'City' },
  county: { 'zh-CN': '县（旗）', en: 'County' },
  organization: { 'zh-CN': '单位', en: 'Organization' },
  year: { 'zh-CN': '年度', en: 'Year' },
};

/** A grouping's name for people: the organization groupings' own, else the dimension's as its source declares it. */
export function groupingLabel(grouping: TStatisticsGrouping, measures: readonly CatalogMeasure[]): Localized {
  if (grouping in ORGANIZATION_LABELS) return ORGANIZATION_LABELS[grouping as keyof typeof ORGANIZATION_LABELS];
  for (const { definition } of measures) {
    for (const dimension of [definition.d1, definition.d2]) if (dimension?.name === grouping) return dimension.label;
  }
  return { 'zh-CN': grouping, en: grouping };
}
