import {
  ZCreateProjectRequest,
  ZId,
  ZPage,
  ZProject,
  ZProjectListQuery,
  ZProjectTransition,
  ZTransitionRequest,
  ZUpdateProjectRequest,
} from '@tongxin/contracts';
import { z } from 'zod';
import { sendWorkbook, serviceContext, type ApiApp } from '../../platform/http/index.js';
import { beijingDate } from '../../platform/time.js';
import { exportProjects } from './export.service.js';
import {
  createProject,
  findProjects,
  getProject,
  projectTimeline,
  transitionProject,
  updateProject,
} from './project.service.js';

const ZIdParams = z.object({ id: ZId });
const tags = ['projects'];

export function projectRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/projects',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Projects in scope (own, below, or as a partner)',
        querystring: ZProjectListQuery,
        response: { 200: ZPage(ZProject) },
      },
    },
    async (request) => findProjects(serviceContext(request), request.query),
  );
  app.get(
    '/api/v1/projects/export',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'The filtered list as a workbook, streamed', querystring: ZProjectListQuery },
    },
    async (request, reply) => {
      const stream = await exportProjects(serviceContext(request), request.query);
      return sendWorkbook(reply, stream, `项目清单-${beijingDate()}.xlsx`, 'projects.xlsx');
    },
  );
  app.post(
    '/api/v1/projects',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Register a project (as a draft)',
        body: ZCreateProjectRequest,
        response: { 201: ZProject },
      },
    },
    async (request, reply) => reply.status(201).send(await createProject(serviceContext(request), request.body)),
  );
  app.get(
    '/api/v1/projects/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One project with the actions open to you',
        params: ZIdParams,
        response: { 200: ZProject },
      },
    },
    async (request) => getProject(serviceContext(request), request.params.id),
  );
  app.patch(
    '/api/v1/projects/:id',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Change a project’s details (until it is completed)',
        params: ZIdParams,
        body: ZUpdateProjectRequest,
        response: { 200: ZProject },
      },
    },
    async (request) => updateProject(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/projects/:id/transitions',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary:
          'Take a step of the lifecycle: submit, approve, reject, start, complete, accept, fail_acceptance, close, suspend, resume, terminate',
        params: ZIdParams,
        body: ZTransitionRequest,
        response: { 200: ZProject },
      },
    },
    async (request) => transitionProject(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/projects/:id/timeline',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Every step taken, with who and when',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZProjectTransition) }) },
      },
    },
    async (request) => ({ items: await projectTimeline(serviceContext(request), request.params.id) }),
  );
}
