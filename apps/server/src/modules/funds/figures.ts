import { DONATION_FORM, ENTRY_KIND, PROJECT_CATEGORY, type TEntryKind } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import {
  addFigures,
  type FigureDelta,
  type FigureRecords,
  type FigureReplayBatch,
  type FigureSource,
} from '../../platform/figures/index.js';
import { projectCategories, projectCategoriesWhen } from '../projects/index.js';
import { countTraceLinks, entriesBehindFigure, traceLinksAfter } from './figures.repository.js';
import { findAccountsByIds } from './ledger.repository.js';
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

type Move = { from: LedgerAccountRow | null; to: LedgerAccountRow | null; amount: number };

type CountedMove = { measure: Measure; account: LedgerAccountRow; amount: number };

/**
 * What an entry's movements count as. A reversal's movements run the other way, so each counts as the
 * movement it undoes, negated.
 */
function countedMoves(kind: TEntryKind, moves: readonly Move[]): CountedMove[] {
  const reversing = kind === 'reversal';
  return moves.flatMap((move) => {
    const found = reversing ? measureOf(move.to, move.from) : measureOf(move.from, move.to);
    return found ? [{ ...found, amount: reversing ? -move.amount : move.amount }] : [];
  });
}

/**
 * The deltas of counted movements on the entry's business date: gifts by form, money to and from projects
 * by the category of the project (`categoryOf`, as it was when the money moved) and form.
 */
function postingDeltas(
  counted: readonly CountedMove[],
  businessDate: string,
  categoryOf: (projectId: string) => string | undefined,
): FigureDelta[] {
  return counted.map(({ measure, account, amount }) => {
    const isGift = measure === 'funds.received' || measure === 'funds.refunded';
    return {
      measure,
      organizationId: account.organization_id,
      on: businessDate,
      d1: isGift ? account.form : (categoryOf(account.project_id ?? '') ?? ''),
      d2: isGift ? '' : account.form,
      value: amount,
    };
  });
}

/** The figures of one journal entry's movements, in the entry's transaction. */
export async function recordPostingFigures(
  executor: Executor,
  kind: TEntryKind,
  businessDate: string,
  moves: readonly Move[],
): Promise<void> {
  const counted = countedMoves(kind, moves);
  if (counted.length === 0) return;
  const projectIds = counted.flatMap((c) => (c.account.project_id ? [c.account.project_id] : []));
  const categories = projectIds.length > 0 ? await projectCategories(executor, projectIds) : new Map<string, string>();
  await addFigures(
    executor,
    postingDeltas(counted, businessDate, (projectId) => categories.get(projectId)),
  );
}

/** A movement as a trace link records it (one flow, or the part of one a gift's share paid), with its entry. */
type LinkedMove = {
  entry_id: string;
  kind: TEntryKind;
  business_date: string;
  from: LedgerAccountRow | null;
  to: LedgerAccountRow | null;
  amount: number;
};

/**
 * The deltas trace links stand for, as the live path wrote them: each link's movement classified as its
 * entry's, on the entry's business date, under the category the paid project had when the entry was made.
 * The replay and the records behind a figure both read the links through this, so that they cannot differ.
 */
async function linkDeltas<L extends LinkedMove>(
  executor: Executor,
  links: readonly L[],
): Promise<{ link: L; deltas: FigureDelta[] }[]> {
  const moves = links.map((link) => ({ link, counted: countedMoves(link.kind, [link]) }));
  const categoryWhen = await projectCategoriesWhen(
    executor,
    moves.flatMap(({ counted }) => counted.flatMap((c) => (c.account.project_id ? [c.account.project_id] : []))),
  );
  return moves.map(({ link, counted }) => ({
    link,
    deltas: postingDeltas(counted, link.business_date, (projectId) => categoryWhen(projectId, link.entry_id)),
  }));
}

/** Trace links per batch of a replay (each one movement, or the part of one that a gift's share paid). */
const REPLAY_BATCH = 5000;

/**
 * The funds source's replay: every movement again from the trace links (a posting writes the links of each
 * flow, adding up to its amount), with the entry's kind and business date and the accounts on both sides,
 * through the live path's classification; the paid project's category as it was when the entry was made.
 */
async function* replayFundFigures(executor: Executor): AsyncGenerator<FigureReplayBatch> {
  const total = await countTraceLinks(executor);
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const links = await traceLinksAfter(executor, afterId, REPLAY_BATCH);
    if (links.length === 0) return;
    const accountIds = new Set(links.flatMap((link) => [link.from_account_id, link.to_account_id]));
    const accounts = new Map(
      (
        await findAccountsByIds(
          executor,
          [...accountIds].filter((id) => id !== null),
        )
      ).map((row) => [row.id, row]),
    );
    const account = (id: string | null) => (id ? (accounts.get(id) ?? null) : null);
    const moves = links.map((link) => ({
      ...link,
      from: account(link.from_account_id),
      to: account(link.to_account_id),
    }));
    const deltas = (await linkDeltas(executor, moves)).flatMap((moved) => moved.deltas);
    done += links.length;
    afterId = links[links.length - 1]?.id ?? null;
    yield { deltas, done, total };
  }
}

/**
 * Which side of a movement holds the account a measure counts under: money received or allocated where it
 * goes, money refunded, spent or returned where it comes from; a reversal runs the other way.
 */
const COUNTED_SIDE: Readonly<Record<Measure, 'from' | 'to'>> = {
  'funds.received': 'to',
  'funds.allocated': 'to',
  'funds.refunded': 'from',
  'funds.spent': 'from',
  'funds.returned': 'from',
};

const isMeasure = (measure: string): measure is Measure => measure in COUNTED_SIDE;

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
  /**
   * The movements behind a figure are those whose deltas make it up: the same classification, organization
   * and category as it was when the money moved (not the project's category now), so that their amounts add
   * up to the figure.
   */
  records: async (ctx: ServiceContext, query): Promise<FigureRecords> => {
    if (!isMeasure(query.measure)) return { columns: [], rows: [], total: 0 };
    const entries = await entriesBehindFigure(ctx.db, query, COUNTED_SIDE[query.measure]);
    const organizations = new Set(query.organizationIds);
    const matching = (await linkDeltas(ctx.db, entries)).flatMap(({ link, deltas }) =>
      deltas
        .filter(
          (delta) =>
            delta.measure === query.measure &&
            organizations.has(delta.organizationId) &&
            (query.d1 === undefined || delta.d1 === query.d1) &&
            (query.d2 === undefined || delta.d2 === query.d2),
        )
        .map((delta) => ({ entry: link, amount: delta.value })),
    );
    return {
      columns: [
        { key: 'date', label: { 'zh-CN': '业务日期', en: 'Business date' } },
        { key: 'kind', label: { 'zh-CN': '凭证类型', en: 'Entry kind' } },
        { key: 'memo', label: { 'zh-CN': '摘要', en: 'Memo' } },
        { key: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, unit: 'fen' },
      ],
      rows: matching.slice(0, query.limit).map(({ entry, amount }) => ({
        id: `${entry.entry_id}:${entry.link_id}`,
        link: `/funds/journal?entry=${entry.entry_id}`,
        cells: {
          date: entry.business_date,
          kind: ENTRY_KIND.labels[entry.kind],
          memo: entry.memo,
          amount,
        },
      })),
      total: matching.length,
    };
  },
  replay: replayFundFigures,
};
