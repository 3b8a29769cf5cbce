import {
  ZCreateMembershipRequest,
  ZCreateOrganizationRequest,
  ZId,
  ZMembership,
  ZMoveOrganizationRequest,
  ZOrganization,
  ZOrganizationListQuery,
  ZOrganizationTreeNode,
  ZOrganizationTreeQuery,
  ZOrganizationVersion,
  ZPage,
  ZUpdateMembershipRequest,
  ZUpdateOrganizationRequest,
} from '@tongxin/contracts';
import { z } from 'zod';
import { serviceContext, type ApiApp } from '../../platform/http/index.js';
import { addMember, membersOf, removeMember, updateMember } from './membership.service.js';
import {
  createOrganization,
  findOrganizations,
  getOrganization,
  moveOrganization,
  organizationHistory,
  organizationTree,
  updateOrganization,
} from './organization.service.js';

const ZIdParams = z.object({ id: ZId });
const ZMembershipParams = z.object({ id: ZId, membershipId: ZId });
const tags = ['organizations'];

export function organizationRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/organizations',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Organizations in scope, filtered, sorted and paged',
        querystring: ZOrganizationListQuery,
        response: { 200: ZPage(ZOrganization) },
      },
    },
    async (request) => findOrganizations(serviceContext(request), request.query),
  );

  app.get(
    '/api/v1/organizations/tree',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The organization network in scope, today or as it stood on a date',
        querystring: ZOrganizationTreeQuery,
        response: { 200: z.object({ nodes: z.array(ZOrganizationTreeNode) }) },
      },
    },
    async (request) => ({ nodes: await organizationTree(serviceContext(request), request.query.asOf) }),
  );

  app.post(
    '/api/v1/organizations',
    {
      config: { access: 'manage_orgs' },
      schema: {
        tags,
        summary: 'Register an organization under a parent in scope',
        body: ZCreateOrganizationRequest,
        response: { 201: ZOrganization },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(serviceContext(request), request.body)),
  );

  app.get(
    '/api/v1/organizations/:id',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'One organization', params: ZIdParams, response: { 200: ZOrganization } },
    },
    async (request) => getOrganization(serviceContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      config: { access: 'manage_orgs' },
      schema: {
        tags,
        summary: 'Change fields; the history keeps the old values up to the effective date',
        params: ZIdParams,
        body: ZUpdateOrganizationRequest,
        response: { 200: ZOrganization },
      },
    },
    async (request) => updateOrganization(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/organizations/:id/move',
    {
      config: { access: 'manage_orgs' },
      schema: {
        tags,
        summary: 'Move an organization and its subtree under another parent',
        params: ZIdParams,
        body: ZMoveOrganizationRequest,
        response: { 200: ZOrganization },
      },
    },
    async (request) => moveOrganization(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/organizations/:id/history',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Dated versions of an organization, newest first',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZOrganizationVersion) }) },
      },
    },
    async (request) => ({ items: await organizationHistory(serviceContext(request), request.params.id) }),
  );

  app.get(
    '/api/v1/organizations/:id/members',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Member and council units of an association',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZMembership) }) },
      },
    },
    async (request) => ({ items: await membersOf(serviceContext(request), request.params.id) }),
  );

  app.post(
    '/api/v1/organizations/:id/members',
    {
      config: { access: 'manage_orgs' },
      schema: {
        tags,
        summary: 'Add a member or council unit',
        params: ZIdParams,
        body: ZCreateMembershipRequest,
        response: { 201: ZMembership },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(serviceContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/organizations/:id/members/:membershipId',
    {
      config: { access: 'manage_orgs' },
      schema: {
        tags,
        summary: 'Change a membership’s role or term',
        params: ZMembershipParams,
        body: ZUpdateMembershipRequest,
        response: { 200: ZMembership },
      },
    },
    async (request) =>
      updateMember(serviceContext(request), request.params.id, request.params.membershipId, request.body),
  );

  app.delete(
    '/api/v1/organizations/:id/members/:membershipId',
    {
      config: { access: 'manage_orgs' },
      schema: { tags, summary: 'Remove a membership', params: ZMembershipParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeMember(serviceContext(request), request.params.id, request.params.membershipId);
      return reply.status(204).send(null);
    },
  );
}
