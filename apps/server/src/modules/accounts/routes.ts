import {
  ZChangePasswordRequest,
  ZCreateUserRequest,
  ZCreatedUserResponse,
  ZId,
  ZLoginRequest,
  ZPage,
  ZPasswordResetResponse,
  ZSessionResponse,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
} from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, SESSION_MAX_MINUTES } from '../../platform/auth/index.js';
import { serviceContext, type ApiApp } from '../../platform/http/index.js';
import { toSessionUser } from './mapping.js';
import { changePassword, login, logout } from './session.service.js';
import { createUser, findUsers, getUser, resetPassword, updateUser } from './user.service.js';

const ZIdParams = z.object({ id: ZId });

function setSessionCookie(reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: reply.server.tongxin.config.secureCookies,
    path: '/',
    maxAge: SESSION_MAX_MINUTES * 60,
  });
}

export function accountRoutes(app: ApiApp): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZSessionResponse },
      },
    },
    async (request, reply) => {
      const result = await login(request.server.tongxin.db.executor, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      setSessionCookie(reply, result.token);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: ZSessionResponse } },
    },
    (request) => ({ user: toSessionUser(serviceContext(request).actor), csrfToken: request.csrfToken ?? '' }),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(serviceContext(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'session' },
      schema: {
        tags: ['auth'],
        summary: 'Change the own password (also ends a forced change)',
        body: ZChangePasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(serviceContext(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: 'manage_users' },
      schema: {
        tags: ['users'],
        summary: 'Users of the organizations you manage',
        querystring: ZUserListQuery,
        response: { 200: ZPage(ZUser) },
      },
    },
    async (request) => findUsers(serviceContext(request), request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'manage_users' },
      schema: {
        tags: ['users'],
        summary: 'Create a user; without a password a temporary one is returned once',
        body: ZCreateUserRequest,
        response: { 201: ZCreatedUserResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(serviceContext(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'manage_users' },
      schema: { tags: ['users'], summary: 'One user', params: ZIdParams, response: { 200: ZUser } },
    },
    async (request) => getUser(serviceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'manage_users' },
      schema: {
        tags: ['users'],
        summary: 'Change name, role, organization or status',
        params: ZIdParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUser },
      },
    },
    async (request) => updateUser(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: 'manage_users' },
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password the user must change at next sign-in',
        params: ZIdParams,
        response: { 200: ZPasswordResetResponse },
      },
    },
    async (request) => resetPassword(serviceContext(request), request.params.id),
  );
}
