import {
  ZCreateHouseholdRequest,
  ZCreatePersonRequest,
  ZCreateVillageRequest,
  ZHousehold,
  ZHouseholdCard,
  ZHouseholdListQuery,
  ZHouseholdSummary,
  ZHouseholdVersion,
  ZId,
  ZPage,
  ZPerson,
  ZRevealRequest,
  ZRevealResponse,
  ZUpdateHouseholdRequest,
  ZUpdatePersonRequest,
  ZUpdateVillageRequest,
  ZVillage,
  ZVillageListQuery,
} from '@tongxin/contracts';
import { z } from 'zod';
import { sendWorkbook, serviceContext, type ApiApp } from '../../platform/http/index.js';
import { beijingDate } from '../../platform/time.js';
import {
  createHousehold,
  findHouseholds,
  getHouseholdCard,
  householdHistory,
  householdSummary,
  revealHouseholdField,
  updateHousehold,
} from './household.service.js';
import { exportHouseholds, exportVillages } from './export.service.js';
import { addPerson, removePerson, revealIdNumber, updatePerson } from './person.service.js';
import { createVillage, findVillages, getVillage, updateVillage } from './village.service.js';

const ZIdParams = z.object({ id: ZId });

export function registryRoutes(app: ApiApp): void {
  const villages = ['registry: villages'];
  const households = ['registry: households'];

  app.get(
    '/api/v1/villages',
    {
      config: { access: 'read' },
      schema: {
        tags: villages,
        summary: 'Villages in scope',
        querystring: ZVillageListQuery,
        response: { 200: ZPage(ZVillage) },
      },
    },
    async (request) => findVillages(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/villages',
    {
      config: { access: 'write' },
      schema: {
        tags: villages,
        summary: 'Register a village under a responsible organization',
        body: ZCreateVillageRequest,
        response: { 201: ZVillage },
      },
    },
    async (request, reply) => reply.status(201).send(await createVillage(serviceContext(request), request.body)),
  );
  app.get(
    '/api/v1/villages/export',
    {
      config: { access: 'read' },
      schema: {
        tags: villages,
        summary: 'The filtered village list as a workbook, streamed; the export is audited',
        querystring: ZVillageListQuery,
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        exportVillages(serviceContext(request), request.query),
        `村名单-${beijingDate()}.xlsx`,
        'villages.xlsx',
      ),
  );
  app.get(
    '/api/v1/villages/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: villages,
        summary: 'One village with its indicators',
        params: ZIdParams,
        response: { 200: ZVillage },
      },
    },
    async (request) => getVillage(serviceContext(request), request.params.id),
  );
  app.patch(
    '/api/v1/villages/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: villages,
        summary: 'Change flags and indicators',
        params: ZIdParams,
        body: ZUpdateVillageRequest,
        response: { 200: ZVillage },
      },
    },
    async (request) => updateVillage(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/households',
    {
      config: { access: 'read' },
      schema: {
        tags: households,
        summary: 'Households in scope; filters by type, monitoring risk, region, ID number (exact), as of a date',
        querystring: ZHouseholdListQuery,
        response: { 200: ZPage(ZHousehold) },
      },
    },
    async (request) => findHouseholds(serviceContext(request), request.query),
  );
  app.get(
    '/api/v1/households/summary',
    {
      config: { access: 'read' },
      schema: {
        tags: households,
        summary: 'How many of the filtered households there are by type, monitoring category and risk',
        querystring: ZHouseholdListQuery,
        response: { 200: ZHouseholdSummary },
      },
    },
    async (request) => householdSummary(serviceContext(request), request.query),
  );
  app.get(
    '/api/v1/households/export',
    {
      config: { access: 'read' },
      schema: {
        tags: households,
        summary: 'The filtered list as a workbook, streamed; personal data masked; the export is audited',
        querystring: ZHouseholdListQuery,
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        exportHouseholds(serviceContext(request), request.query),
        `农户名单-${beijingDate()}.xlsx`,
        'households.xlsx',
      ),
  );
  app.post(
    '/api/v1/households',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'Register a household with its head',
        body: ZCreateHouseholdRequest,
        response: { 201: ZHouseholdCard },
      },
    },
    async (request, reply) => reply.status(201).send(await createHousehold(serviceContext(request), request.body)),
  );
  app.get(
    '/api/v1/households/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: households,
        summary: 'The household card with its members',
        params: ZIdParams,
        response: { 200: ZHouseholdCard },
      },
    },
    async (request) => getHouseholdCard(serviceContext(request), request.params.id),
  );
  app.patch(
    '/api/v1/households/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'Change a household; type and monitoring changes are kept with their effective date',
        params: ZIdParams,
        body: ZUpdateHouseholdRequest,
        response: { 200: ZHouseholdCard },
      },
    },
    async (request) => updateHousehold(serviceContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/households/:id/history',
    {
      config: { access: 'read' },
      schema: {
        tags: households,
        summary: 'Dated states of type and monitoring fields, newest first',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZHouseholdVersion) }) },
      },
    },
    async (request) => ({ items: await householdHistory(serviceContext(request), request.params.id) }),
  );
  app.post(
    '/api/v1/households/:id/reveal',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'The full address or phone, with a reason that goes to the audit trail',
        params: ZIdParams,
        body: ZRevealRequest.extend({ field: z.enum(['address', 'phone']) }),
        response: { 200: z.object({ value: z.string().nullable() }) },
      },
    },
    async (request) => ({
      value: await revealHouseholdField(
        serviceContext(request),
        request.params.id,
        request.body.field,
        request.body.reason,
      ),
    }),
  );

  app.post(
    '/api/v1/households/:id/persons',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'Add a member',
        params: ZIdParams,
        body: ZCreatePersonRequest,
        response: { 201: ZPerson },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addPerson(serviceContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/persons/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'Change a member',
        params: ZIdParams,
        body: ZUpdatePersonRequest,
        response: { 200: ZPerson },
      },
    },
    async (request) => updatePerson(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/persons/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'Remove a member (not the head)',
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removePerson(serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/persons/:id/reveal-id-number',
    {
      config: { access: 'write' },
      schema: {
        tags: households,
        summary: 'The full ID number, with a reason that goes to the audit trail',
        params: ZIdParams,
        body: ZRevealRequest,
        response: { 200: ZRevealResponse },
      },
    },
    async (request) => ({
      value: await revealIdNumber(serviceContext(request), request.params.id, request.body.reason),
    }),
  );
}
