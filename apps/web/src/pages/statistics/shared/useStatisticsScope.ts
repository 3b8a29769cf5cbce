import { useMemo } from 'react';
import type { StatisticsScope } from '../../../api/statistics';
import { beijingToday } from '../../../lib/dates';
import { useListParams, type ParamChanges } from '../../registry/shared/useListParams';

export type PeriodMode = 'year' | 'range';

export type ScopeState = {
  organizationId: string | undefined;
  mode: PeriodMode;
  year: number;
  from: string | undefined;
  to: string | undefined;
  compare: boolean;
  /** What the API is asked: the subtree and the year or the dates. */
  scope: StatisticsScope;
  /** The period's last day, capped at today: the day the organization tree is shown as it stood. */
  end: string;
};

export const thisYear = () => Number(beijingToday().slice(0, 4));

const isYear = (value: number) => Number.isInteger(value) && value >= 1949 && value <= 2200;

/**
 * The subtree, period and comparison a statistics page shows, kept in the address bar (organizationId, year or
 * period=range with from/to, compare) so that a view can be bookmarked and sent to a colleague.
 */
export function useStatisticsScope(defaultYear: number = thisYear()): [ScopeState, (changes: ParamChanges) => void] {
  const [params, update] = useListParams();
  const state = useMemo((): ScopeState => {
    const organizationId = params.get('organizationId') ?? undefined;
    const mode: PeriodMode = params.get('period') === 'range' ? 'range' : 'year';
    const asked = Number(params.get('year'));
    const year = isYear(asked) ? asked : defaultYear;
    const from = params.get('from') ?? undefined;
    const to = params.get('to') ?? undefined;
    const today = beijingToday();
    const last = mode === 'year' ? `${year}-12-31` : (to ?? today);
    return {
      organizationId,
      mode,
      year,
      from,
      to,
      compare: params.get('compare') === '1',
      scope: mode === 'year' ? { organizationId, year } : { organizationId, from, to },
      end: last < today ? last : today,
    };
  }, [params, defaultYear]);
  return [state, update];
}
