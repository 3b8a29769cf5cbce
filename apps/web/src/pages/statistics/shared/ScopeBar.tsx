import { DatePicker, Segmented, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import type { ParamChanges } from '../../registry/shared/useListParams';
import { OrganizationTreeSelect } from './OrganizationTreeSelect';
import type { PeriodMode, ScopeState } from './useStatisticsScope';

type Props = {
  state: ScopeState;
  update: (changes: ParamChanges) => void;
  /** Only a year (the annual pack); otherwise a year or a date range, and the comparison. */
  yearOnly?: boolean;
  /** The annual pack is of one organization; the dashboard may cover everything in scope. */
  organizationRequired?: boolean;
  actions?: ReactNode;
};

/** The organization, the period and the year-over-year switch at the top of a statistics page. */
export function ScopeBar({ state, update, yearOnly = false, organizationRequired = false, actions }: Props) {
  const t = useT();
  return (
    <div className="tx-toolbar tx-stats-noprint" data-testid="stats-scope">
      <OrganizationTreeSelect
        value={state.organizationId}
        on={state.end}
        allowClear={!organizationRequired}
        placeholder={organizationRequired ? t('stats.scope.pickOrganization') : undefined}
        onChange={(id) => update({ organizationId: id })}
      />
      {!yearOnly && (
        <Segmented<PeriodMode>
          value={state.mode}
          options={[
            { value: 'year', label: t('stats.scope.byYear') },
            { value: 'range', label: t('stats.scope.byRange') },
          ]}
          onChange={(mode) => update({ period: mode === 'range' ? 'range' : null })}
        />
      )}
      {yearOnly || state.mode === 'year' ? (
        <DatePicker
          picker="year"
          allowClear={false}
          style={{ width: 120 }}
          aria-label={t('stats.scope.year')}
          value={dayjs(`${state.year}-01-01`)}
          disabledDate={(day) => day.year() > dayjs().year()}
          onChange={(day) => update({ year: day?.year() ?? null })}
          data-testid="stats-year"
        />
      ) : (
        <DatePicker.RangePicker
          style={{ width: 260 }}
          allowEmpty={[true, true]}
          placeholder={[t('stats.scope.from'), t('stats.scope.to')]}
          disabledDate={isAfterToday}
          value={[fromBusinessDate(state.from), fromBusinessDate(state.to)]}
          onChange={(range) =>
            update({ from: toBusinessDate(range?.[0]) ?? null, to: toBusinessDate(range?.[1]) ?? null })
          }
        />
      )}
      {!yearOnly && (
        <Space size={6}>
          <Switch
            size="small"
            checked={state.compare}
            onChange={(on) => update({ compare: on ? 1 : null })}
            aria-label={t('stats.scope.compare')}
            data-testid="stats-compare"
          />
          <Typography.Text>{t('stats.scope.compare')}</Typography.Text>
        </Space>
      )}
      {actions && <div className="tx-toolbar-actions">{actions}</div>}
    </div>
  );
}
