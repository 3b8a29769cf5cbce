import { ZRegion, ZRegionSearchQuery } from '@tongxin/contracts';
import { z } from 'zod';
import type { ApiApp } from '../../platform/http/index.js';
import { findRegions, getRegion } from './service.js';

export function regionRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/regions',
    {
      config: { access: 'read' },
      schema: {
        tags: ['regions'],
        summary: 'Search regions by code prefix, name, pinyin or initials, or list the children of one',
        querystring: ZRegionSearchQuery,
        response: { 200: z.object({ items: z.array(ZRegion) }) },
      },
    },
    async (request) => ({ items: await findRegions(request.server.tongxin.db.executor, request.query) }),
  );

  app.get(
    '/api/v1/regions/:code',
    {
      config: { access: 'read' },
      schema: {
        tags: ['regions'],
        summary: 'One region with its full name',
        params: z.object({ code: z.string().regex(/^\d{6}(\d{6})?$/) }),
        response: { 200: ZRegion },
      },
    },
    async (request) => getRegion(request.server.tongxin.db.executor, request.params.code),
  );
}
