import { ZDisclosureBoard, ZDisclosureBoardQuery } from '@tongxin/contracts';
import { serviceContext, type ApiApp } from '../../platform/http/index.js';
import { disclosureBoard } from './board.service.js';

export function disclosureRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/disclosures/board',
    {
      config: { access: 'read' },
      schema: {
        tags: ['disclosures'],
        summary: 'What the charity disclosure rules ask of each organization: due, overdue and done',
        querystring: ZDisclosureBoardQuery,
        response: { 200: ZDisclosureBoard },
      },
    },
    async (request) => disclosureBoard(serviceContext(request), request.query),
  );
}
