import type { TUser, TPage } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeUser, TEST_PASSWORD, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { LOGIN_LIMIT } from './index.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
});
afterAll(() => server.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('sessions', () => {
  it('signs in with an HttpOnly SameSite cookie that the server looks up, and signs out', async () => {
    const response = await login(net.users.dengkouStaff.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tongxin_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = response.json();
    expect(body.user).toMatchObject({
      username: net.users.dengkouStaff.username,
      role: 'org_staff',
      mustChangePassword: false,
    });
    expect(body.user.capabilities).toEqual(['session', 'read', 'write']);

    const headers = { cookie: `tongxin_session=${cookie?.value}` };
    const session = await server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(session.json().csrfToken).toBe(body.csrfToken);

    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...headers, 'x-csrf-token': body.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('NOT_AUTHENTICATED');
  });

  it('rejects a forged or missing cookie', async () => {
    const forged = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'tongxin_session=abc' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login(net.users.regionAuditor.username, 'not-the-password1');
    const unknown = await login('nobody-here', 'not-the-password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });
});

describe('CSRF', () => {
  it('refuses a state change without the token, with a wrong one, and from another origin', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const url = `/api/v1/organizations/${net.orgs.dengkou.id}`;
    const without = await server.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: client.cookie },
      payload: { shortName: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await client.patch(url, { shortName: 'x' }, { 'x-csrf-token': 'wrong' });
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    const crossSite = await client.patch(
      url,
      { shortName: 'x' },
      { origin: 'https://evil.example', host: 'tongxin.local' },
    );
    expect(crossSite.json().error.code).toBe('CSRF_FAILED');
    const ok = await client.patch(url, { shortName: '磴口' });
    expect(ok.statusCode).toBe(200);
  });

  it('lets reads through without the token', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/v1/organizations/tree',
      headers: { cookie: client.cookie },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('forced password change', () => {
  it('a user with a temporary password can do nothing but change it', async () => {
    const admin = await signIn(server.app, net.users.bayannurAdmin.username);
    const created = await admin.post('/api/v1/users', {
      username: `temp${Date.now().toString(36)}`,
      displayName: '新干事',
      role: 'org_staff',
      organizationId: net.orgs.dengkou.id,
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json<{ user: TUser; temporaryPassword: string }>();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(user.mustChangePassword).toBe(true);

    const client = await signIn(server.app, user.username, temporaryPassword);
    const blocked = await client.get('/api/v1/organizations/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await client.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);

    const weak = await client.post('/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual([
      { path: 'newPassword', message: '密码至少 8 位，且须同时包含字母和数字' },
    ]);
    const wrongCurrent = await client.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'changed2026',
    });
    expect(wrongCurrent.json().error).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      fields: [{ path: 'currentPassword', message: '当前密码不正确，请重新输入' }],
    });
    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'changed2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await client.get('/api/v1/organizations/tree')).statusCode).toBe(200);
    expect((await login(user.username, temporaryPassword)).statusCode).toBe(401);
    expect((await login(user.username, 'changed2026')).statusCode).toBe(200);
  });

  it('an admin resets a password within the subtree only, ending the user’s sessions', async () => {
    const staff = await makeUser(server.database.db, net.orgs.dengkou, 'org_staff');
    const staffClient = await signIn(server.app, staff.username);
    const admin = await signIn(server.app, net.users.dengkouAdmin.username);
    const reset = await admin.post(`/api/v1/users/${staff.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect((await staffClient.get('/api/v1/organizations/tree')).statusCode).toBe(401);
    const again = await signIn(server.app, staff.username, temporaryPassword);
    expect((await again.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);

    const neighbour = await signIn(server.app, net.users.wltzqAdmin.username);
    const outside = await neighbour.post(`/api/v1/users/${staff.id}/reset-password`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('USER_NOT_FOUND');
  });
});

describe('rate limit', () => {
  it(`pauses sign-in after ${LOGIN_LIMIT.perUsername} wrong passwords, even with the right one`, async () => {
    const user = await makeUser(server.database.db, net.orgs.siziwang, 'org_staff');
    for (let i = 0; i < LOGIN_LIMIT.perUsername; i++) {
      expect((await login(user.username, `wrong-password-${i}`)).statusCode).toBe(401);
    }
    const limited = await login(user.username, TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/请在 1[0-5] 分钟后再试/);
    // Other users are not affected.
    expect((await login(net.users.regionAuditor.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('lists only users of the managed subtree', async () => {
    const client = await signIn(server.app, net.users.bayannurAdmin.username);
    const page = (await client.get('/api/v1/users?pageSize=200')).json<TPage<TUser>>();
    const names = page.items.map((u) => u.username);
    expect(names).toContain(net.users.dengkouAdmin.username);
    expect(names).toContain(net.users.wltzqAdmin.username);
    expect(names).not.toContain(net.users.regionAdmin.username);
    expect(names).not.toContain(net.users.fujianAdmin.username);
  });

  it('refuses roles the admin may not grant, and supervisor roles outside government', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const platform = await client.post('/api/v1/users', {
      username: `p${Date.now().toString(36)}`,
      displayName: 'x',
      role: 'platform_admin',
      organizationId: net.orgs.region.id,
    });
    expect(platform.statusCode).toBe(403);
    expect(platform.json().error.code).toBe('ROLE_NOT_ASSIGNABLE');
    const supervisor = await client.post('/api/v1/users', {
      username: `s${Date.now().toString(36)}`,
      displayName: 'x',
      role: 'supervisor',
      organizationId: net.orgs.region.id,
    });
    expect(supervisor.json().error.code).toBe('SUPERVISOR_NEEDS_GOVERNMENT');
  });

  it('disabling a user ends their sessions and blocks sign-in', async () => {
    const staff = await makeUser(server.database.db, net.orgs.wltzq, 'org_staff');
    const staffClient = await signIn(server.app, staff.username);
    const admin = await signIn(server.app, net.users.wltzqAdmin.username);
    const disabled = await admin.patch(`/api/v1/users/${staff.id}`, { status: 'disabled' });
    expect(disabled.json<TUser>().status).toBe('disabled');
    expect((await staffClient.get('/api/v1/organizations/tree')).statusCode).toBe(401);
    const again = await login(staff.username, TEST_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('refuses a taken username and changes to one’s own role', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const taken = await client.post('/api/v1/users', {
      username: net.users.dengkouAdmin.username,
      displayName: 'x',
      role: 'org_staff',
      organizationId: net.orgs.region.id,
    });
    expect(taken.statusCode).toBe(409);
    const self = await client.patch(`/api/v1/users/${net.users.regionAdmin.id}`, { role: 'org_staff' });
    expect(self.json().error.code).toBe('SELF_CHANGE_REFUSED');
  });
});
