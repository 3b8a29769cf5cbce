import { MONITORING_CATEGORY, type TMonitoringCategory } from '@tongxin/contracts';
import { useState } from 'react';
import type { HouseholdListQuery } from '../../../api/registry';
import { isHouseholdType, isRiskType, pickOne } from '../shared/labels';
import { useListParams, type ParamChanges } from '../shared/useListParams';

/** Which households a list shows: all in scope, or the monitored ones (of one village, when it is fixed). */
export type HouseholdListVariant = 'all' | 'monitored';

export type SortField = 'code' | 'headName' | 'updatedAt' | 'incomePerCapita';
export const SORTS: readonly SortField[] = ['code', 'headName', 'updatedAt', 'incomePerCapita'];

export type HouseholdQueryState = {
  variant: HouseholdListVariant;
  /** The village the page is about (its households tab): no village or region filter then. */
  fixedVillageId: string | null;
  query: HouseholdListQuery;
  params: URLSearchParams;
  update: (changes: ParamChanges, resetPage?: boolean) => void;
  /** The ID number searched for: kept in the page only, never in the address bar or history. */
  idNumber: string | null;
  setIdNumber: (value: string | null) => void;
  /** Whether any filter the user chose narrows the list (for the empty state's words). */
  filtered: boolean;
};

/** The list's query from the address bar (and the ID number from the page), for one variant. */
export function useHouseholdQuery(variant: HouseholdListVariant, fixedVillageId?: string): HouseholdQueryState {
  const [params, update] = useListParams();
  const [idNumber, setIdNumberState] = useState<string | null>(null);
  const type = params.get('type');
  const eliminated = params.get('eliminated');
  const risk = params.get('risk');
  const query: HouseholdListQuery = {
    q: params.get('q') ?? undefined,
    type: variant === 'monitored' ? 'monitored' : isHouseholdType(type) ? type : undefined,
    villageId: fixedVillageId ?? params.get('village') ?? undefined,
    regionCode: fixedVillageId ? undefined : (params.get('region') ?? undefined),
    mainCause: Number(params.get('cause')) || undefined,
    monitoringCategory:
      variant === 'monitored'
        ? pickOne<TMonitoringCategory>(params.get('category'), MONITORING_CATEGORY.values)
        : undefined,
    risk: variant === 'monitored' && isRiskType(risk) ? risk : undefined,
    riskEliminated:
      variant === 'monitored' && (eliminated === 'true' || eliminated === 'false') ? eliminated : undefined,
    idNumber: idNumber ?? undefined,
    asOf: params.get('asOf') ?? undefined,
    sort: pickOne(params.get('sort'), SORTS) ?? 'code',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = Boolean(
    query.q ||
    (variant !== 'monitored' && query.type) ||
    (!fixedVillageId && (query.villageId || query.regionCode)) ||
    query.mainCause ||
    query.monitoringCategory ||
    query.risk ||
    query.riskEliminated ||
    query.idNumber,
  );
  const setIdNumber = (value: string | null) => {
    setIdNumberState(value);
    if (params.has('page')) update({});
  };
  return { variant, fixedVillageId: fixedVillageId ?? null, query, params, update, idNumber, setIdNumber, filtered };
}
