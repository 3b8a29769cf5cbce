import {
  ZDisclosureBoardQuery,
  type TDisclosureBoard,
  type TDisclosureBoardQuery,
  type TDisclosureItem,
  type TOrganizationTreeNode,
  type TOrganizationType,
} from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { beijingDate } from '../../platform/time.js';
import { projectRemainderFacts, relatedPartyTransactions } from '../funds/index.js';
import { organizationChanges, organizationTree } from '../organizations/index.js';
import { projectDisclosureFacts } from '../projects/index.js';
import { publishedAnnualReports } from '../publications/index.js';
import {
  annualReportClock,
  basicInfoClock,
  finalReportClock,
  progressClocks,
  relatedPartyClock,
  remainderClock,
  stateOn,
  type Clock,
} from './clocks.js';
import { disclosureErrors as errors } from './errors.js';

/** The rules bind charitable organizations; a government office, bank or school answers to other rules. */
const BOUND: ReadonlySet<TOrganizationType> = new Set(['association', 'social_group', 'foundation', 'social_service']);
/** Annual reports of the last two years: older ones are history, not a task. */
const ANNUAL_YEARS_SHOWN = 2;

async function organizationsBound(ctx: ServiceContext, rootId: string | undefined) {
  const nodes = await organizationTree(ctx);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  if (rootId && !byId.has(rootId)) throw errors.organizationNotVisible();
  const included = new Map<string, TOrganizationTreeNode>();
  for (const node of nodes) {
    let cursor: TOrganizationTreeNode | undefined = node;
    while (rootId && cursor && cursor.id !== rootId) cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
    if ((!rootId || cursor) && BOUND.has(node.type)) included.set(node.id, node);
  }
  return included;
}

/**
 * What the disclosure rules ask of each organization the caller may see (under `organizationId` when
 * given), with each item's state on the day asked: upcoming, due, overdue, done, or done late.
 */
export async function disclosureBoard(ctx: ServiceContext, input: TDisclosureBoardQuery): Promise<TDisclosureBoard> {
  const query = ZDisclosureBoardQuery.parse(input);
  const on = query.on ?? beijingDate();
  const organizations = await organizationsBound(ctx, query.organizationId);
  const ids = [...organizations.keys()];
  const [changes, projects, reports, related] = await Promise.all([
    organizationChanges(ctx.db, ids),
    projectDisclosureFacts(ctx.db, ids),
    publishedAnnualReports(ctx.db, ids),
    relatedPartyTransactions(ctx.db, ids),
  ]);
  const money = await projectRemainderFacts(
    ctx.db,
    projects.map((p) => p.id),
  );
  const clocks: Clock[] = [
    ...changes.map((change) => basicInfoClock({ ...change, subject: change.note ?? change.changedFields.join('、') })),
    ...projects.flatMap((project) => [
      ...progressClocks(project, on),
      ...[
        finalReportClock(project),
        remainderClock(project, money.get(project.id) ?? { held: 0, handledOn: null }),
      ].filter((clock): clock is Clock => clock !== null),
    ]),
    ...ids.flatMap((id) =>
      Array.from({ length: ANNUAL_YEARS_SHOWN }, (_, back) =>
        annualReportClock(id, Number(on.slice(0, 4)) - 1 - back, reports),
      ),
    ),
    ...related.map(relatedPartyClock),
  ].filter((clock) => clock.startsOn <= on || clock.obligation === 'annual_report');
  const items: TDisclosureItem[] = clocks
    .map((clock) => ({
      ...clock,
      organizationName: organizations.get(clock.organizationId)?.name ?? '',
      state: stateOn(clock, on),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  const counts = new Map<string, Record<string, number>>();
  for (const item of items) {
    const own = counts.get(item.organizationId) ?? {};
    own[item.state] = (own[item.state] ?? 0) + 1;
    counts.set(item.organizationId, own);
  }
  return {
    on,
    items: items.filter(
      (item) =>
        (!query.state || item.state === query.state) && (!query.obligation || item.obligation === query.obligation),
    ),
    organizations: [...organizations.values()].map((organization) => ({
      organizationId: organization.id,
      organizationName: organization.name,
      counts: counts.get(organization.id) ?? {},
    })),
  };
}
