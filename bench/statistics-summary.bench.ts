/**
 * The category × level summary (projects approved, 立项金额, money allocated to projects) over 1,000,000
 * projects and 10,000,000 ledger lines (20,000 and 200,000 with --quick), read from the running figure
 * buckets, next to a full-scan GROUP BY of the same records in the same run. Targets: at least 20× faster
 * than the full scan and under 200 ms. Then more projects and allocations go through the service layer,
 * and the summary must still equal the full scan, figure for figure.
 *   npm run bench                                   SQLite
 *   TONGXIN_TEST_DIALECT=postgres TONGXIN_TEST_DATABASE_URL=… npm run bench   PostgreSQL
 * Setup (not measured) writes the bulk records with plain inserts and their buckets as the services would.
 */
import { randomUUID } from 'node:crypto';
import { PROJECT_CATEGORY, type TOrganization, type TStatisticsSummary } from '@tongxin/contracts';
import { sql } from 'kysely';
import { allocateToProject } from '../apps/server/src/modules/funds/index.js';
import { transitionProject } from '../apps/server/src/modules/projects/index.js';
import { statisticsSummary } from '../apps/server/src/modules/statistics/index.js';
import { MODULES } from '../apps/server/src/modules.js';
import { systemContext } from '../apps/server/src/platform/context.js';
import { insertMany, tablesOf, withTransaction } from '../apps/server/src/platform/db/index.js';
import { addFigures, type FigureDelta } from '../apps/server/src/platform/figures/index.js';
import { newId } from '../apps/server/src/platform/ids.js';
import { makeOrganization, makeProject } from '../apps/server/src/test-support/factories.js';
import { donate, fundAccountId } from '../apps/server/src/test-support/funds-factories.js';
import { createTestDatabase, testDialect } from '../apps/server/src/test-support/test-database.js';

const quick = process.argv.includes('--quick');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? (quick ? 20_000 : 1_000_000));
const LINES = Number(process.env.BENCH_LINES ?? (quick ? 200_000 : 10_000_000));
const SERVICE_WRITES = quick ? 40 : 200;
const SPEEDUP_TARGET = 20;
const MS_TARGET = 200;
const CHUNK = 20_000;

const database = await createTestDatabase();
const db = database.db;
const ctx = systemContext(db.executor);
const sources = MODULES.flatMap((module) => (module.figures ? [module.figures] : []));
const raw = tablesOf<Record<string, Record<string, unknown>>>(db.executor);
const log = (text: string) => process.stdout.write(`${text}\n`);

// A network of 1 + 10 + 100 associations (provincial, prefecture, county) and 10 national ones.
const organizations: TOrganization[] = [];
const region = await makeOrganization(db, { level: 'provincial', regionCode: '150000' });
organizations.push(region);
for (let n = 0; n < 10; n++) organizations.push(await makeOrganization(db, { level: 'national', regionCode: null }));
for (const city of [
  '150100',
  '150200',
  '150300',
  '150400',
  '150500',
  '150600',
  '150700',
  '150800',
  '150900',
  '152200',
]) {
  const prefecture = await makeOrganization(db, { level: 'prefecture', regionCode: city, parent: region });
  organizations.push(prefecture);
  for (let n = 0; n < 10; n++)
    organizations.push(
      await makeOrganization(db, {
        level: 'county',
        regionCode: city === '152200' ? '152201' : `${city.slice(0, 4)}02`,
        parent: prefecture,
      }),
    );
}
const categories = PROJECT_CATEGORY.values;
const dateOf = (i: number) => `${2020 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
const now = new Date().toISOString();

const started = performance.now();
const funds = new Map<string, string>();
for (const organization of organizations) {
  const id = newId();
  funds.set(organization.id, id);
  await insertMany(db.executor, 'ledger_accounts', [
    {
      id,
      key: `${organization.id}|fund|money|unrestricted`,
      organization_id: organization.id,
      kind: 'fund',
      form: 'money',
      designation: 'unrestricted',
      project_id: null,
      balance: 0,
      created_at: now,
    },
  ]);
}
const deltas = new Map<string, FigureDelta>();
const addDelta = (delta: FigureDelta) => {
  const key = `${delta.measure}|${delta.organizationId}|${delta.d1 ?? ''}|${delta.on}`;
  const seen = deltas.get(key);
  if (seen) seen.value += delta.value;
  else deltas.set(key, { ...delta });
};
const entriesPerProject = LINES / 2 / PROJECTS;
let entryCount = 0;
for (let from = 0; from < PROJECTS; from += CHUNK) {
  const projects: Record<string, unknown>[] = [];
  const transitions: Record<string, unknown>[] = [];
  const accounts: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  for (let i = from; i < Math.min(PROJECTS, from + CHUNK); i++) {
    const owner = organizations[i % organizations.length] as TOrganization;
    const category = categories[i % categories.length] ?? 'industry';
    const on = dateOf(i);
    const id = newId();
    const budget = 10_000_00 + (i % 997) * 100_00;
    projects.push({
      id,
      code: `B${i}`,
      name: `项目${i}`,
      owner_organization_id: owner.id,
      category,
      infrastructure_kind: null,
      government_obligated: 0,
      assistance_mode: 'capacity',
      status: 'approved',
      suspended_from: null,
      budget,
      planned_start: on,
      planned_end: on,
      actual_start: null,
      actual_end: null,
      description: null,
      beneficiary_counts: '[]',
      created_at: now,
      updated_at: now,
    });
    transitions.push({
      id: newId(),
      project_id: id,
      action: 'approve',
      from_status: 'submitted',
      to_status: 'approved',
      reason: null,
      on_date: on,
      actor_id: ctx.actor.userId,
      actor_username: 'bench',
      actor_organization_name: 'bench',
      recorded_at: now,
    });
    addDelta({ measure: 'projects.approved', organizationId: owner.id, on, d1: category, value: 1 });
    addDelta({ measure: 'projects.approved_budget', organizationId: owner.id, on, d1: category, value: budget });
    const account = newId();
    accounts.push({
      id: account,
      key: `${owner.id}|project_fund|money|${id}`,
      organization_id: owner.id,
      kind: 'project_fund',
      form: 'money',
      designation: null,
      project_id: id,
      balance: 0,
      created_at: now,
    });
    // Spread the entries so that LINES / 2 of them fall on the projects in turn.
    const count = Math.floor((i + 1) * entriesPerProject) - Math.floor(i * entriesPerProject);
    for (let k = 0; k < count; k++) {
      const entry = newId();
      const amount = 100 + ((i + k) % 50) * 100;
      entries.push({
        id: entry,
        kind: 'allocation',
        organization_id: owner.id,
        business_date: on,
        entered_at: now,
        actor_id: ctx.actor.userId,
        actor_username: 'bench',
        memo: '拨付',
        reverses_entry_id: null,
        reversed_by_entry_id: null,
        is_related_party: 0,
      });
      lines.push(
        { entry_id: entry, line_no: 1, account_id: funds.get(owner.id), organization_id: owner.id, amount },
        { entry_id: entry, line_no: 2, account_id: account, organization_id: owner.id, amount: -amount },
      );
      addDelta({ measure: 'funds.allocated', organizationId: owner.id, on, d1: category, d2: 'money', value: amount });
      entryCount += 1;
    }
  }
  await withTransaction(db.executor, async (tx) => {
    await insertMany(tx, 'projects', projects);
    await insertMany(tx, 'project_transitions', transitions);
    await insertMany(tx, 'ledger_accounts', accounts);
    await insertMany(tx, 'journal_entries', entries);
    await insertMany(tx, 'journal_lines', lines);
  });
  if ((from / CHUNK) % 10 === 0) log(`  setup: ${Math.min(PROJECTS, from + CHUNK).toLocaleString()} projects…`);
}
const allDeltas = [...deltas.values()];
for (let from = 0; from < allDeltas.length; from += 5000) {
  await withTransaction(db.executor, (tx) => addFigures(tx, allDeltas.slice(from, from + 5000)));
}
await sql`analyze`.execute(raw);
log(
  `setup: ${PROJECTS.toLocaleString()} projects, ${(entryCount * 2).toLocaleString()} ledger lines, ${organizations.length} organizations on ${testDialect()} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

type Cell = { approved: number; budget: number; allocated: number };
const keyOf = (category: string, level: string) => `${category}|${level}`;

async function fullScan(): Promise<Map<string, Cell>> {
  const cells = new Map<string, Cell>();
  const cell = (key: string): Cell => {
    const found = cells.get(key) ?? { approved: 0, budget: 0, allocated: 0 };
    cells.set(key, found);
    return found;
  };
  const projects = await sql<{ category: string; level: string; n: number; budget: number }>`
    select p.category, o.level, count(*) as n, sum(p.budget) as budget
    from projects p
    join organizations o on o.id = p.owner_organization_id
    where exists (select 1 from project_transitions t where t.project_id = p.id and t.action = 'approve')
    group by p.category, o.level`.execute(raw);
  for (const row of projects.rows)
    Object.assign(cell(keyOf(row.category, row.level)), { approved: row.n, budget: row.budget });
  const money = await sql<{ category: string; level: string; allocated: number }>`
    select p.category, o.level, -sum(l.amount) as allocated
    from journal_lines l
    join journal_entries e on e.id = l.entry_id
    join ledger_accounts a on a.id = l.account_id
    join projects p on p.id = a.project_id
    join organizations o on o.id = a.organization_id
    where a.kind = 'project_fund' and e.kind = 'allocation'
    group by p.category, o.level`.execute(raw);
  for (const row of money.rows) cell(keyOf(row.category, row.level)).allocated = row.allocated;
  return cells;
}

async function summaryCells(): Promise<Map<string, Cell>> {
  const summary: TStatisticsSummary = await statisticsSummary(ctx, sources, {
    measures: ['projects.approved', 'projects.approved_budget', 'funds.allocated'],
    groupBy: ['category', 'level'],
  });
  return new Map(
    summary.rows.map((row) => [
      keyOf(row.key.category ?? '', row.key.level ?? ''),
      {
        approved: row.values['projects.approved'] ?? 0,
        budget: row.values['projects.approved_budget'] ?? 0,
        allocated: row.values['funds.allocated'] ?? 0,
      },
    ]),
  );
}

async function timed<T>(run: () => Promise<T>, times: number): Promise<{ ms: number; result: T }> {
  const samples: number[] = [];
  let result: T | undefined;
  for (let n = 0; n < times; n++) {
    const start = performance.now();
    result = await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] ?? 0, result: result as T };
}

function differences(a: Map<string, Cell>, b: Map<string, Cell>): string[] {
  const zero = { approved: 0, budget: 0, allocated: 0 };
  return [...new Set([...a.keys(), ...b.keys()])].flatMap((key) => {
    const x = a.get(key) ?? zero;
    const y = b.get(key) ?? zero;
    return x.approved === y.approved && x.budget === y.budget && x.allocated === y.allocated
      ? []
      : [`${key}: summary ${JSON.stringify(x)} vs scan ${JSON.stringify(y)}`];
  });
}

const scan = await timed(fullScan, 3);
const buckets = await timed(summaryCells, 7);
const speedup = scan.ms / buckets.ms;
const bulkProblems = differences(buckets.result, scan.result);
log(
  bulkProblems.length === 0
    ? 'the summary equals the full scan'
    : `MISMATCH:\n  ${bulkProblems.slice(0, 10).join('\n  ')}`,
);
log(`full-scan GROUP BY          ${scan.ms.toFixed(1)} ms (median of 3)`);
log(`summary from figure buckets ${buckets.ms.toFixed(1)} ms (median of 7)`);
log(
  `ratio: ${speedup.toFixed(0)}× faster (target ≥ ${SPEEDUP_TARGET}×) ${speedup >= SPEEDUP_TARGET ? 'met' : 'MISSED'}; ` +
    `${buckets.ms.toFixed(0)} ms (target < ${MS_TARGET} ms) ${buckets.ms < MS_TARGET ? 'met' : 'MISSED'}`,
);

// Writes through the service layer: projects approved and money allocated, then the figures must agree.
const county = organizations.at(-1) as TOrganization;
await donate(db, county, SERVICE_WRITES * 1_000_00, { receivedOn: '2025-06-01' });
const fund = await fundAccountId(db, county);
for (let n = 0; n < SERVICE_WRITES; n++) {
  const project = await makeProject(db, county, {
    category:
      categories[n % categories.length] === 'infrastructure'
        ? 'industry'
        : (categories[n % categories.length] ?? 'industry'),
    budget: 50_000_00 + n,
    plannedStart: '2025-06-01',
    plannedEnd: '2026-06-01',
  });
  for (const action of ['submit', 'approve', 'start'] as const)
    await transitionProject(ctx, project.id, { action, on: '2025-06-02' });
  await allocateToProject(ctx, randomUUID(), {
    fundAccountId: fund,
    projectId: project.id,
    amount: 1_000_00,
    allocatedOn: '2025-06-03',
  });
}
const problems = differences(await summaryCells(), await fullScan());
log(
  problems.length === 0
    ? `after ${SERVICE_WRITES} projects and allocations through the service layer the summary equals the full scan`
    : `MISMATCH after writes through the service layer:\n  ${problems.slice(0, 10).join('\n  ')}`,
);
await database.close();
if (problems.length > 0 || bulkProblems.length > 0) process.exit(1);
