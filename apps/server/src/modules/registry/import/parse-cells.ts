import {
  ASSISTANCE_WAY,
  EDUCATION,
  GENDER,
  HEALTH,
  HOUSEHOLD_TYPE,
  LABOUR_ABILITY,
  MONITORING_CATEGORY,
  parseYuanToFen,
  POVERTY_CAUSE_LABELS,
  RELATION,
  RISK_TYPE,
  SCHOOL_STATUS,
  type Localized,
} from '@tongxin/contracts';

/** A cell that could not be read, with the reason in both languages. */
export type CellProblem = { key: string; message: Localized };
export type Cell<T> = { ok: true; value: T } | { ok: false; message: Localized };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Cell<never> => ({ ok: false, message: { 'zh-CN': zh, en } });

/** Reads a coded value by its Chinese or English name or its code, as people type them. */
function byLabel<K extends string>(labels: Readonly<Record<K, Localized>>) {
  const lookup = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, Localized][]) {
    lookup.set(code.toLowerCase(), code);
    lookup.set(label['zh-CN'], code);
    lookup.set(label.en.toLowerCase(), code);
  }
  const all = Object.values<Localized>(labels);
  const choices = all.map((label) => label['zh-CN']).join('、');
  const choicesEn = all.map((label) => label.en).join(', ');
  return {
    one(text: string): Cell<K> {
      const code = lookup.get(text.trim()) ?? lookup.get(text.trim().toLowerCase());
      return code ? ok(code) : bad(`“${text}”不是可选值；可填：${choices}`, `“${text}” is not one of: ${choicesEn}`);
    },
    many(text: string, max: number): Cell<K[]> {
      const parts = text
        .split(/[、;；,，/]/)
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.length > max) return bad(`最多填写 ${max} 项`, `At most ${max} values`);
      const codes: K[] = [];
      for (const part of parts) {
        const cell = this.one(part);
        if (!cell.ok) return cell;
        if (codes.includes(cell.value)) return bad(`“${part}”重复`, `“${part}” is repeated`);
        codes.push(cell.value);
      }
      return ok(codes);
    },
  };
}

export const readers = {
  householdType: byLabel(HOUSEHOLD_TYPE.labels),
  monitoringCategory: byLabel(MONITORING_CATEGORY.labels),
  risk: byLabel(RISK_TYPE.labels),
  assistanceWay: byLabel(ASSISTANCE_WAY.labels),
  relation: byLabel(RELATION.labels),
  gender: byLabel(GENDER.labels),
  education: byLabel(EDUCATION.labels),
  schoolStatus: byLabel(SCHOOL_STATUS.labels),
  health: byLabel(HEALTH.labels),
  labourAbility: byLabel(LABOUR_ABILITY.labels),
  cause: byLabel(
    Object.fromEntries(Object.entries(POVERTY_CAUSE_LABELS).map(([code, label]) => [code, label])) as Record<
      string,
      Localized
    >,
  ),
};

export function readYesNo(text: string): Cell<boolean> {
  const value = text.trim().toLowerCase();
  if (['是', '有', 'y', 'yes', 'true', '1', '√'].includes(value)) return ok(true);
  if (['否', '无', 'n', 'no', 'false', '0', '×'].includes(value)) return ok(false);
  return bad(`应填“是”或“否”，而不是“${text}”`, `Write yes or no (是/否), not “${text}”`);
}

export function readYear(text: string): Cell<number> {
  const year = Number(text.trim());
  return Number.isInteger(year) && year >= 1980 && year <= 2100
    ? ok(year)
    : bad(`“${text}”不是有效年份（如 2014）`, `“${text}” is not a year (e.g. 2014)`);
}

export function readInteger(text: string, min: number, max: number): Cell<number> {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= min && value <= max
    ? ok(value)
    : bad(`应为 ${min}–${max} 之间的整数`, `A whole number from ${min} to ${max}`);
}

export function readYuan(text: string): Cell<number> {
  const fen = parseYuanToFen(text);
  return fen !== null && fen >= 0
    ? ok(fen)
    : bad(`“${text}”不是有效金额（元，最多两位小数）`, `“${text}” is not an amount in yuan with at most two decimals`);
}

export function required(): Localized {
  return { 'zh-CN': '必填项为空', en: 'Required, but empty' };
}
