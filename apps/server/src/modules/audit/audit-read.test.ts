import type { TAuditEvent, TPage } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeUser, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  const admin = await signIn(server.app, net.users.dengkouAdmin.username);
  await admin.patch(`/api/v1/organizations/${net.orgs.dengkou.id}`, { phone: '0478-8888888', description: '改过' });
  const fujian = await signIn(server.app, net.users.fujianAdmin.username);
  await fujian.patch(`/api/v1/organizations/${net.orgs.fujian.id}`, { description: '福建改过' });
});
afterAll(() => server.close());

const events = async (username: string, query = '') => {
  const client = await signIn(server.app, username);
  const response = await client.get(`/api/v1/audit-events?pageSize=200${query}`);
  return { status: response.statusCode, body: response.json<TPage<TAuditEvent>>() };
};

describe('reading the audit trail', () => {
  it('shows an auditor the changes within the subtree, with who, what and before/after', async () => {
    const { body } = await events(net.users.regionAuditor.username, `&entityId=${net.orgs.dengkou.id}`);
    const update = body.items.find((e) => e.action === 'organization.update');
    expect(update).toMatchObject({
      actorUsername: net.users.dengkouAdmin.username,
      entityType: 'organization',
      changes: { description: { before: null, after: '改过' } },
    });
    // A phone number is personal data in this trail: masked.
    expect(update?.changes.phone?.after).toBe('047*****8888');
  });

  it('shows nothing of another province', async () => {
    const { body } = await events(net.users.regionAuditor.username, `&organizationId=${net.orgs.dengkou.id}`);
    expect(body.items.length).toBeGreaterThan(0);
    const all = await events(net.users.regionAuditor.username);
    expect(all.body.items.map((e) => e.chainId)).not.toContain(net.orgs.fujian.id);
    const asked = await signIn(server.app, net.users.regionAuditor.username);
    const response = await asked.get(`/api/v1/audit-events?organizationId=${net.orgs.fujian.id}`);
    expect(response.statusCode).toBe(404);
  });

  it('lets a supervisor read the trail of every organization in its region', async () => {
    const { body } = await events(net.users.civilSupervisor.username);
    const chains = new Set(body.items.map((e) => e.chainId));
    expect(chains.has(net.orgs.dengkou.id)).toBe(true);
    expect(chains.has(net.orgs.fujian.id)).toBe(false);
  });

  it('is closed to staff, and its verification to everyone but the platform administrator', async () => {
    expect((await events(net.users.dengkouStaff.username)).status).toBe(403);
    const auditor = await signIn(server.app, net.users.regionAuditor.username);
    expect((await auditor.get('/api/v1/audit-events/verification')).statusCode).toBe(403);
    const platform = await makeUser(server.database.db, net.orgs.region, 'platform_admin');
    const admin = await signIn(server.app, platform.username);
    const report = (await admin.get('/api/v1/audit-events/verification')).json<{ breaks: unknown[]; chains: number }>();
    expect(report.breaks).toEqual([]);
    expect(report.chains).toBeGreaterThan(5);
  });
});
