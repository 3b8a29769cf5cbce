import {
  PROJECT_ACTION,
  PROJECT_STATUS,
  type TProject,
  type TProjectAction,
  type TProjectStatus,
} from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors/index.js';
import { makeNetwork, makeOrganization, makeProject, makeUser, type Network } from '../../test-support/factories.js';
import { contextOf, signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { transitionProject, TRANSITIONS } from './index.js';

let server: TestServer;
let net: Network;
let owner: ServiceContext;
let above: ServiceContext;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  owner = await contextOf(server.database.db, net.users.dengkouAdmin.username);
  above = await contextOf(server.database.db, net.users.bayannurAdmin.username);
});
afterAll(() => server.close());

/** The legal path to each state, from a new draft. */
const PATHS: Record<TProjectStatus, TProjectAction[]> = {
  draft: [],
  submitted: ['submit'],
  approved: ['submit', 'approve'],
  in_progress: ['submit', 'approve', 'start'],
  completed: ['submit', 'approve', 'start', 'complete'],
  accepted: ['submit', 'approve', 'start', 'complete', 'accept'],
  closed: ['submit', 'approve', 'start', 'complete', 'accept', 'close'],
  suspended: ['submit', 'approve', 'start', 'suspend'],
  terminated: ['submit', 'approve', 'terminate'],
};

const contextFor = (action: TProjectAction) => (TRANSITIONS[action].by === 'above' ? above : owner);
const step = (project: TProject, action: TProjectAction) =>
  transitionProject(contextFor(action), project.id, {
    action,
    reason: TRANSITIONS[action].needsReason ? '测试原因' : null,
  });

async function projectIn(status: TProjectStatus): Promise<TProject> {
  let project = await makeProject(server.database.db, net.orgs.dengkou);
  for (const action of PATHS[status]) project = await step(project, action);
  expect(project.status).toBe(status);
  return project;
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the project lifecycle', () => {
  const states = PROJECT_STATUS.values;
  const actions = PROJECT_ACTION.values;

  it('allows exactly the declared (state, action) pairs and names the allowed actions otherwise', async () => {
    const outcomes: string[] = [];
    for (const status of states) {
      for (const action of actions) {
        const project = await projectIn(status);
        const legal = TRANSITIONS[action].from.includes(status);
        if (legal) {
          const after = await step(project, action);
          const expected = action === 'resume' ? 'in_progress' : TRANSITIONS[action].to;
          if (after.status !== expected) outcomes.push(`${status} + ${action} → ${after.status}, expected ${expected}`);
        } else {
          const error = await refusal(step(project, action));
          const statusName = PROJECT_STATUS.labels[status]['zh-CN'];
          const message = error.messageIn('zh-CN');
          if (error.code !== 'PROJECT_ACTION_NOT_ALLOWED' || !message.includes(`项目当前为“${statusName}”`)) {
            outcomes.push(`${status} + ${action}: ${error.code} ${message}`);
          }
          for (const allowed of actions.filter((a) => TRANSITIONS[a].from.includes(status))) {
            if (!message.includes(`“${PROJECT_ACTION.labels[allowed]['zh-CN']}”`))
              outcomes.push(`${status} + ${action}: does not name ${allowed}`);
          }
        }
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('refuses each step to the wrong side, naming who takes it', async () => {
    const problems: string[] = [];
    for (const action of actions) {
      const { by, from } = TRANSITIONS[action];
      if (by === 'either') continue;
      const [status] = from;
      if (!status) continue;
      const project = await projectIn(status);
      const wrong = by === 'owner' ? above : owner;
      const error = await refusal(transitionProject(wrong, project.id, { action, reason: '测试原因' }));
      if (error.code !== 'PROJECT_ACTION_FORBIDDEN') problems.push(`${action} by the wrong side: ${error.code}`);
      const expected = by === 'owner' ? '项目负责单位' : '上级单位';
      if (!error.messageIn('zh-CN').includes(expected)) problems.push(`${action}: ${error.messageIn('zh-CN')}`);
    }
    expect(problems).toEqual([]);
  });

  it('resumes a suspended project in the state it was suspended from', async () => {
    for (const status of ['submitted', 'approved', 'in_progress', 'completed', 'accepted'] as const) {
      let project = await projectIn(status);
      project = await transitionProject(owner, project.id, { action: 'suspend', reason: '资金未到位' });
      expect(project).toMatchObject({ status: 'suspended', suspendedFrom: status });
      project = await transitionProject(above, project.id, { action: 'resume' });
      expect(project.status).toBe(status);
    }
  });

  it('asks for a reason where the rules need one', async () => {
    const project = await projectIn('submitted');
    const error = await refusal(transitionProject(above, project.id, { action: 'reject' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]?.path).toBe('reason');
  });

  it('records actual dates and a timeline with who and when', async () => {
    let project = await projectIn('approved');
    project = await transitionProject(owner, project.id, { action: 'start', on: '2024-03-05' });
    project = await transitionProject(owner, project.id, { action: 'complete', on: '2025-02-20' });
    expect(project).toMatchObject({ actualStart: '2024-03-05', actualEnd: '2025-02-20' });
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const timeline = (await client.get(`/api/v1/projects/${project.id}/timeline`)).json<{
      items: { action: string; actorUsername: string; on: string }[];
    }>();
    expect(timeline.items.map((t) => [t.action, t.actorUsername])).toEqual([
      ['submit', net.users.dengkouAdmin.username],
      ['approve', net.users.bayannurAdmin.username],
      ['start', net.users.dengkouAdmin.username],
      ['complete', net.users.dengkouAdmin.username],
    ]);
  });
});

describe('who sees and changes a project', () => {
  it('shows a partner outside the owner’s subtree the project it is party to, read-only, and nothing else', async () => {
    const bank = await makeOrganization(server.database.db, {
      name: '合作银行某支行',
      type: 'bank',
      level: 'provincial',
      regionCode: '350000',
      parent: net.orgs.fujian,
    });
    const banker = await makeUser(server.database.db, bank, 'org_admin');
    const shared = await makeProject(server.database.db, net.orgs.dengkou, {
      partners: [{ organizationId: bank.id, role: 'bank' }],
    });
    const other = await makeProject(server.database.db, net.orgs.dengkou);
    const client = await signIn(server.app, banker.username);
    const seen = (await client.get('/api/v1/projects?pageSize=200'))
      .json<{ items: TProject[] }>()
      .items.map((p) => p.id);
    expect(seen).toContain(shared.id);
    expect(seen).not.toContain(other.id);
    const read = await client.get(`/api/v1/projects/${shared.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<TProject>()).toMatchObject({ allowedActions: [], canEdit: false });
    expect((await client.patch(`/api/v1/projects/${shared.id}`, { name: '改名' })).json().error.code).toBe(
      'PROJECT_NOT_WRITABLE',
    );
    expect(
      (await client.post(`/api/v1/projects/${shared.id}/transitions`, { action: 'submit' })).json().error.code,
    ).toBe('PROJECT_ACTION_FORBIDDEN');
    expect((await client.get(`/api/v1/projects/${other.id}`)).statusCode).toBe(404);
  });

  it('hides a county’s projects from its sibling and shows them to the region above', async () => {
    const project = await makeProject(server.database.db, net.orgs.dengkou);
    const sibling = await signIn(server.app, net.users.wltzqAdmin.username);
    expect((await sibling.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    const region = await signIn(server.app, net.users.regionAdmin.username);
    expect((await region.get(`/api/v1/projects/${project.id}`)).json<TProject>().ownerOrganizationName).toBe(
      net.orgs.dengkou.name,
    );
    const supervisor = await signIn(server.app, net.users.civilSupervisor.username);
    expect((await supervisor.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(200);
    expect(
      (await supervisor.post(`/api/v1/projects/${project.id}/transitions`, { action: 'approve' })).statusCode,
    ).toBe(403);
  });

  it('offers each side exactly its next steps', async () => {
    const project = await projectIn('submitted');
    const county = await signIn(server.app, net.users.dengkouAdmin.username);
    const city = await signIn(server.app, net.users.bayannurAdmin.username);
    expect((await county.get(`/api/v1/projects/${project.id}`)).json<TProject>().allowedActions).toEqual(['suspend']);
    expect((await city.get(`/api/v1/projects/${project.id}`)).json<TProject>().allowedActions).toEqual([
      'approve',
      'reject',
      'suspend',
      'terminate',
    ]);
  });
});
