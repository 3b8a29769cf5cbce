import { randomUUID } from 'node:crypto';
import type { TDisclosureBoard } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { makeNetwork, makeProject, type Network } from '../../test-support/factories.js';
import { donate, fundAccountId } from '../../test-support/funds-factories.js';
import { makePublication } from '../../test-support/publication-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';
import { allocateToProject } from '../funds/index.js';
import { updateOrganization } from '../organizations/index.js';
import { addReport, transitionProject } from '../projects/index.js';
import { transitionPublication } from '../publications/index.js';

let server: TestServer;
let net: Network;
let admin: Client;
let runningId: string;
let endedId: string;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  const ctx = systemContext(server.database.db.executor);
  const dengkou = net.orgs.dengkou;
  admin = await signIn(server.app, net.users.bayannurAdmin.username);

  await updateOrganization(ctx, dengkou.id, {
    shortName: '磴口促进会',
    effectiveOn: '2025-02-01',
    changeNote: '启用简称',
  });

  const running = await makeProject(server.database.db, dengkou, {
    plannedStart: '2025-01-10',
    plannedEnd: '2025-12-31',
  });
  runningId = running.id;
  for (const action of ['submit', 'approve', 'start'] as const)
    await transitionProject(ctx, running.id, { action, on: '2025-01-10' });
  await addReport(ctx, running.id, { reportedOn: '2025-03-20', text: '完成羊舍建设', isPublic: true });

  const ended = await makeProject(server.database.db, dengkou, {
    plannedStart: '2025-02-01',
    plannedEnd: '2025-06-30',
  });
  endedId = ended.id;
  for (const action of ['submit', 'approve', 'start'] as const)
    await transitionProject(ctx, ended.id, { action, on: '2025-02-01' });
  await donate(server.database.db, dengkou, 1_000_00, { receivedOn: '2025-02-02' });
  await allocateToProject(ctx, randomUUID(), {
    fundAccountId: await fundAccountId(server.database.db, dengkou),
    projectId: ended.id,
    amount: 1_000_00,
    allocatedOn: '2025-02-03',
  });
  await transitionProject(ctx, ended.id, { action: 'terminate', on: '2025-04-30', reason: '合作方退出' });

  for (const kind of ['annual_work_report', 'annual_financial_report'] as const) {
    const report = await makePublication(server.database.db, dengkou, {
      kind,
      reportYear: 2024,
      publishedOn: '2025-05-20',
    });
    await transitionPublication(ctx, report.id, { action: 'publish' });
  }
});
afterAll(() => server.close());

async function board(query: string): Promise<TDisclosureBoard> {
  const response = await admin.get(`/api/v1/disclosures/board?organizationId=${net.orgs.dengkou.id}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TDisclosureBoard>();
}

describe('the disclosure board', () => {
  it('shows what is due, overdue and done for an organization on a day', async () => {
    const result = await board('on=2025-08-15');
    const states = (obligation: string, subject?: string) =>
      result.items
        .filter((i) => i.obligation === obligation && (!subject || i.subject.includes(subject)))
        .map((i) => [i.dueOn, i.state]);
    // Recorded only now (the change took effect on 2025-02-01): on the 15 August 2025 it was not yet shown.
    expect(states('basic_info')).toEqual([['2025-03-03', 'overdue']]);
    expect(states('project_progress').slice(0, 3)).toEqual([
      ['2025-04-10', 'done'],
      ['2025-07-10', 'overdue'],
      ['2025-10-10', 'due'],
    ]);
    expect(states('project_final')).toEqual([['2025-07-30', 'overdue']]);
    expect(states('remainder')).toEqual([['2025-07-30', 'overdue']]);
    expect(states('annual_report', '2024')).toEqual([['2025-05-31', 'done']]);
    expect(states('annual_report', '2023')).toEqual([['2024-05-31', 'overdue']]);
    expect(result.items.find((i) => i.obligation === 'remainder')?.link).toBe(`/projects/${endedId}`);
    expect(result.items.find((i) => i.obligation === 'project_progress')?.link).toBe(`/projects/${runningId}`);
    const dengkou = result.organizations.find((o) => o.organizationId === net.orgs.dengkou.id);
    expect(dengkou?.counts.overdue).toBe(5);
    const today = await board('');
    expect(today.items.find((i) => i.obligation === 'basic_info')?.state).toBe('done_late');
  });

  it('filters by state and by obligation', async () => {
    const overdue = await board('on=2025-08-15&state=overdue');
    expect(new Set(overdue.items.map((i) => i.state))).toEqual(new Set(['overdue']));
    const remainders = await board('on=2025-08-15&obligation=remainder');
    expect(remainders.items.map((i) => i.obligation)).toEqual(['remainder']);
  });

  it('keeps other organizations out of sight', async () => {
    const fujian = await signIn(server.app, net.users.fujianAdmin.username);
    const response = await fujian.get(`/api/v1/disclosures/board?organizationId=${net.orgs.dengkou.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('DISCLOSURE_ORGANIZATION_NOT_VISIBLE');
  });
});
