import {
  HOUSEHOLD_TYPE,
  MONITORING_CATEGORY,
  RISK_TYPE,
  type THouseholdType,
  type TMonitoringCategory,
  type TRiskType,
} from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { HOUSEHOLD_TYPE_COLORS } from './labels';

export function HouseholdTypeTag({ type }: { type: THouseholdType }) {
  const label = useLabel();
  return (
    <Tag color={HOUSEHOLD_TYPE_COLORS[type]} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
      {label(HOUSEHOLD_TYPE.labels, type)}
    </Tag>
  );
}

export function MonitoringTag({ category }: { category: TMonitoringCategory }) {
  const label = useLabel();
  return (
    <Tag color="purple" variant="outlined" style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
      {label(MONITORING_CATEGORY.labels, category)}
    </Tag>
  );
}

/** Risk types as tags; `highlight` marks the one a list is filtered by. */
export function RiskTags({ risks, highlight }: { risks: readonly TRiskType[]; highlight?: TRiskType | undefined }) {
  const label = useLabel();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-testid="risk-tags">
      {risks.map((risk) => (
        <Tag
          key={risk}
          color={risk === highlight ? 'red' : 'orange'}
          variant={risk === highlight ? 'solid' : 'filled'}
          style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
        >
          {label(RISK_TYPE.labels, risk)}
        </Tag>
      ))}
    </span>
  );
}
