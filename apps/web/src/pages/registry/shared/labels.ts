import {
  HOUSEHOLD_TYPE,
  POVERTY_CAUSE_LABELS,
  POVERTY_CAUSES,
  RISK_TYPE,
  type THouseholdType,
  type TRiskType,
} from '@tongxin/contracts';
import { useCallback } from 'react';
import { useLang } from '../../../i18n/useT';

export const HOUSEHOLD_TYPE_COLORS: Readonly<Record<THouseholdType, string>> = {
  registered: 'volcano',
  exited: 'green',
  monitored: 'red',
  ordinary: 'default',
};

/** The name of a poverty-cause code (因病, 缺技术…), or the bare code when it is not a national one. */
export function useCauseLabel(): (code: number | null | undefined) => string | null {
  const { lang } = useLang();
  return useCallback(
    (code) => (code === null || code === undefined ? null : (POVERTY_CAUSE_LABELS[code]?.[lang] ?? String(code))),
    [lang],
  );
}

export type PovertyCause = (typeof POVERTY_CAUSES)[number];

export function useCauseOptions(): { value: PovertyCause; label: string }[] {
  const { lang } = useLang();
  return POVERTY_CAUSES.map((code) => ({ value: code, label: POVERTY_CAUSE_LABELS[code]?.[lang] ?? String(code) }));
}

export function pickOne<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

export const isHouseholdType = (value: string | null | undefined): value is THouseholdType =>
  HOUSEHOLD_TYPE.values.some((type) => type === value);

export const isRiskType = (value: string | null | undefined): value is TRiskType =>
  RISK_TYPE.values.some((risk) => risk === value);

/** A village's full name without the province, prefecture and county the reader already knows from context. */
export function shortVillageName(fullName: string, keepLevels = 2): string {
  const parts = fullName.split(' ');
  return parts.slice(-keepLevels).join(' ');
}

export const MONO = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 } as const;
