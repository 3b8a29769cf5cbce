import {
  ZAnnualPackQuery,
  type Localized,
  type TAnnualPack,
  type TAnnualPackQuery,
  type TAnnualSection,
  type TStatisticsGrouping,
} from '@tongxin/contracts';
import { auditBy, recordAudit } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withTransaction } from '../../platform/db/index.js';
import { isAppError } from '../../platform/errors/index.js';
import type { FigureSource } from '../../platform/figures/index.js';
import { closePeriod } from '../funds/index.js';
import { requireWritablePlacement } from '../organizations/index.js';
import { findIssuedPack, insertIssuedPack } from './annual.repository.js';
import { catalogOf, groupingLabel } from './catalog.js';
import { statisticsErrors as errors } from './errors.js';
import { organizationsOn } from './network.js';
import { statisticsSummary } from './summary.service.js';

type SectionPlan = { key: string; title: Localized; measures: string[]; groupBy: TStatisticsGrouping | null };

/**
 * The tables of a pack, from whatever sources there are: per source, its measures grouped by their first
 * dimension (flows over the year, stocks at its end, apart), and its flows once more by organization level.
 * A later module's figures appear here by being a source; this file names none.
 */
export function packPlan(sources: readonly FigureSource[]): SectionPlan[] {
  const plan: SectionPlan[] = [];
  const measures = [...catalogOf(sources).values()];
  for (const source of [...sources].sort((a, b) => a.order - b.order)) {
    const groups = new Map<string, { grouping: TStatisticsGrouping | null; measures: string[]; stock: boolean }>();
    for (const [key, definition] of Object.entries(source.measures)) {
      const grouping = definition.d1?.name ?? null;
      const id = `${definition.kind}|${grouping ?? ''}`;
      const group = groups.get(id) ?? { grouping, measures: [], stock: definition.kind === 'stock' };
      group.measures.push(key);
      groups.set(id, group);
    }
    for (const [id, group] of groups) {
      const by = group.grouping ? groupingLabel(group.grouping, measures) : null;
      plan.push({
        key: `${source.name}|${id}`,
        title: titled(source.label, by, group.stock),
        measures: group.measures,
        groupBy: group.grouping,
      });
    }
    const flows = Object.entries(source.measures)
      .filter(([, definition]) => definition.kind === 'flow')
      .map(([key]) => key);
    if (flows.length > 0) {
      plan.push({
        key: `${source.name}|level`,
        title: titled(source.label, groupingLabel('level', measures), false),
        measures: flows,
        groupBy: 'level',
      });
    }
  }
  return plan;
}

function titled(source: Localized, by: Localized | null, stock: boolean): Localized {
  const atEnd = stock ? { 'zh-CN': '（年末）', en: ' (at year end)' } : { 'zh-CN': '', en: '' };
  return {
    'zh-CN': `${source['zh-CN']}${by ? ` · 按${by['zh-CN']}` : ''}${atEnd['zh-CN']}`,
    en: `${source.en}${by ? ` by ${by.en.toLowerCase()}` : ''}${atEnd.en}`,
  };
}

async function computeSections(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  organizationId: string,
  year: number,
): Promise<TAnnualSection[]> {
  const sections: TAnnualSection[] = [];
  for (const plan of packPlan(sources)) {
    const summary = await statisticsSummary(ctx, sources, {
      measures: plan.measures,
      groupBy: plan.groupBy ? [plan.groupBy] : [],
      organizationId,
      year,
    });
    sections.push({
      key: plan.key,
      title: plan.title,
      measures: summary.measures,
      groupBy: plan.groupBy,
      groupingLabel: plan.groupBy ? (summary.groupingLabels[plan.groupBy] ?? null) : null,
      rows: summary.rows,
      totals: summary.totals,
    });
  }
  return sections;
}

/** The pack of an organization's year: as issued when it was, else as the figures stand now. */
export async function annualPack(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  input: TAnnualPackQuery,
): Promise<TAnnualPack> {
  const query = ZAnnualPackQuery.parse(input);
  const to = `${query.year}-12-31`;
  const network = await organizationsOn(ctx, to, query.organizationId);
  const organization = network.get(query.organizationId);
  const issued = await findIssuedPack(ctx.db, query.organizationId, query.year);
  return {
    organizationId: query.organizationId,
    organizationName: organization?.name ?? '',
    year: query.year,
    from: `${query.year}-01-01`,
    to,
    issuedAt: issued?.issued_at ?? null,
    issuedBy: issued?.issued_by ?? null,
    sections: issued
      ? (JSON.parse(issued.sections) as TAnnualSection[])
      : await computeSections(ctx, sources, query.organizationId, query.year),
  };
}

/**
 * Issues the pack: keeps its figures as they are now and closes the organization's books for the year,
 * in one transaction. The books may have been closed before (from the fund accounts); then only the
 * pack is kept.
 */
export async function issueAnnualPack(
  ctx: ServiceContext,
  sources: readonly FigureSource[],
  input: TAnnualPackQuery,
): Promise<TAnnualPack> {
  const query = ZAnnualPackQuery.parse(input);
  if (ctx.actor.role !== 'org_admin' && ctx.actor.role !== 'platform_admin') throw errors.notIssuer();
  const pack = await annualPack(ctx, sources, query);
  const refuseIssued = (row: { issued_at: string; issued_by: string }) =>
    errors.alreadyIssued({
      organization: pack.organizationName,
      year: query.year,
      issuedAt: row.issued_at.slice(0, 10),
      issuedBy: row.issued_by,
    });
  if (pack.issuedAt && pack.issuedBy) throw refuseIssued({ issued_at: pack.issuedAt, issued_by: pack.issuedBy });
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const organization = await requireWritablePlacement(txCtx, query.organizationId);
    await closePeriod(txCtx, { organizationId: organization.id, year: query.year, note: '签发年度数据' }).catch(
      (error: unknown) => {
        if (isAppError(error) && error.code === 'FUNDS_PERIOD_ALREADY_CLOSED') return;
        throw error;
      },
    );
    const row = {
      organization_id: organization.id,
      year: query.year,
      issued_at: new Date().toISOString(),
      issued_by: ctx.actor.username,
      sections: JSON.stringify(pack.sections),
    };
    if (!(await insertIssuedPack(tx, row))) {
      const meanwhile = await findIssuedPack(tx, organization.id, query.year);
      throw refuseIssued(meanwhile ?? row);
    }
    await recordAudit(tx, {
      chainId: organization.id,
      action: 'statistics.issue_annual_pack',
      entityType: 'annual_pack',
      entityId: `${organization.id}:${query.year}`,
      changes: { year: { before: null, after: query.year } },
      ...auditBy(ctx),
    });
    return { ...pack, issuedAt: row.issued_at, issuedBy: row.issued_by };
  });
}
