import { DONATION_FORM, ENTRY_KIND, PROJECT_CATEGORY, type TEntryKind } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { addFigures, type FigureDelta, type FigureRecords, type FigureSource } from '../../platform/figures/index.js';
import { projectCategories } from '../projects/index.js';
import { entriesBehindFigure } from './figures.repository.js';
import type { LedgerAccountRow } from './tables.js';

const form = { name: 'form', label: { 'zh-CN': '形式', en: 'Form' }, values: DONATION_FORM.labels };
const category = { name: 'category', label: { 'zh-CN': '项目类别', en: 'Category' }, values: PROJECT_CATEGORY.labels };

type Measure = 'funds.received' | 'funds.refunded' | 'funds.allocated' | 'funds.spent' | 'funds.returned';

const PROJECT_SIDE = new Set(['project_fund', 'payable']);

/**
 * What a movement of money counts as, from the kinds of the accounts it leaves and enters. Money moving
 * within the books without reaching or leaving a project (fund to fund, project fund to its payables)
 * counts as nothing: a region's gift passed to a county is raised once, not twice.
 */
export function measureOf(
  from: LedgerAccountRow | null,
  to: LedgerAccountRow | null,
): { measure: Measure; account: LedgerAccountRow } | null {
  if (!from && to) return { measure: 'funds.received', account: to };
  if (from && !to) {
    return PROJECT_SIDE.has(from.kind)
      ? { measure: 'funds.spent', account: from }
      : { measure: 'funds.refunded', account: from };
  }
  if (!from || !to) return null;
  if (from.kind === 'fund' && to.kind === 'project_fund') return { measure: 'funds.allocated', account: to };
  if (from.kind === 'project_fund' && to.kind === 'fund') return { measure: 'funds.returned', account: from };
  return null;
}

/**
 * The figures of one journal entry's movements, in the entry's transaction. A reversal's movements run
 * the other way, so each counts as the movement it undoes, negated.
 */
export async function recordPostingFigures(
  executor: Executor,
  kind: TEntryKind,
  businessDate: string,
  moves: readonly { from: LedgerAccountRow | null; to: LedgerAccountRow | null; amount: number }[],
): Promise<void> {
  const reversing = kind === 'reversal';
  const counted = moves.flatMap((move) => {
    const found = reversing ? measureOf(move.to, move.from) : measureOf(move.from, move.to);
    return found ? [{ ...found, amount: reversing ? -move.amount : move.amount }] : [];
  });
  if (counted.length === 0) return;
  const projectIds = counted.flatMap((c) => (c.account.project_id ? [c.account.project_id] : []));
  const categories = projectIds.length > 0 ? await projectCategories(executor, projectIds) : new Map<string, string>();
  const deltas: FigureDelta[] = counted.map(({ measure, account, amount }) => ({
    measure,
    organizationId: account.organization_id,
    on: businessDate,
    d1:
      measure === 'funds.received' || measure === 'funds.refunded'
        ? account.form
        : (categories.get(account.project_id ?? '') ?? ''),
    d2: measure === 'funds.received' || measure === 'funds.refunded' ? '' : account.form,
    value: amount,
  }));
  await addFigures(executor, deltas);
}

const MONEY_NOTE = {
  'zh-CN': '按记账凭证的业务日期（北京时间）计；冲销凭证抵减原数',
  en: 'By the business date of the entry (Beijing); a reversal subtracts what it reverses',
};

export const fundFigures: FigureSource = {
  name: 'funds',
  label: { 'zh-CN': '捐赠资金', en: 'Donated money' },
  order: 20,
  measures: {
    'funds.received': {
      label: { 'zh-CN': '到账捐赠', en: 'Donations received' },
      unit: 'fen',
      kind: 'flow',
      d1: form,
      note: MONEY_NOTE,
    },
    'funds.refunded': {
      label: { 'zh-CN': '退还捐赠', en: 'Donations refunded' },
      unit: 'fen',
      kind: 'flow',
      d1: form,
      note: MONEY_NOTE,
    },
    'funds.allocated': {
      label: { 'zh-CN': '拨付项目', en: 'Allocated to projects' },
      unit: 'fen',
      kind: 'flow',
      d1: category,
      d2: form,
      note: MONEY_NOTE,
    },
    'funds.spent': {
      label: { 'zh-CN': '项目支出', en: 'Spent by projects' },
      unit: 'fen',
      kind: 'flow',
      d1: category,
      d2: form,
      note: MONEY_NOTE,
    },
    'funds.returned': {
      label: { 'zh-CN': '结余退回', en: 'Remainders returned' },
      unit: 'fen',
      kind: 'flow',
      d1: category,
      d2: form,
      note: MONEY_NOTE,
    },
  },
  records: async (ctx: ServiceContext, query): Promise<FigureRecords> => {
    const entries = await entriesBehindFigure(ctx.db, query);
    const categories = await projectCategories(
      ctx.db,
      entries
        .flatMap((entry) => [entry.from?.project_id, entry.to?.project_id])
        .filter((id): id is string => typeof id === 'string'),
    );
    const matching = entries.filter((entry) => {
      const found = entry.kind === 'reversal' ? measureOf(entry.to, entry.from) : measureOf(entry.from, entry.to);
      if (!found || found.measure !== query.measure) return false;
      const isGift = query.measure === 'funds.received' || query.measure === 'funds.refunded';
      const d1 = isGift ? found.account.form : (categories.get(found.account.project_id ?? '') ?? '');
      return (!query.d1 || query.d1 === d1) && (!query.d2 || isGift || query.d2 === found.account.form);
    });
    return {
      columns: [
        { key: 'date', label: { 'zh-CN': '业务日期', en: 'Business date' } },
        { key: 'kind', label: { 'zh-CN': '凭证类型', en: 'Entry kind' } },
        { key: 'memo', label: { 'zh-CN': '摘要', en: 'Memo' } },
        { key: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, unit: 'fen' },
      ],
      rows: matching.slice(0, query.limit).map((entry) => ({
        id: `${entry.entry_id}:${entry.link_id}`,
        link: `/funds/journal?entry=${entry.entry_id}`,
        cells: {
          date: entry.business_date,
          kind: ENTRY_KIND.labels[entry.kind],
          memo: entry.memo,
          amount: entry.kind === 'reversal' ? -entry.amount : entry.amount,
        },
      })),
      total: matching.length,
    };
  },
};
