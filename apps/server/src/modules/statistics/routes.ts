import {
  ZAnnualPack,
  ZAnnualPackQuery,
  ZFigureRecords,
  ZFigureRecordsQuery,
  ZMeasureInfo,
  ZStatisticsQuery,
  ZStatisticsSummary,
} from '@tongxin/contracts';
import { z } from 'zod';
import { sendWorkbook, serviceContext, type ApiApp } from '../../platform/http/index.js';
import { beijingDate } from '../../platform/time.js';
import { annualWorkbook } from './annual-export.js';
import { annualPack, issueAnnualPack } from './annual.service.js';
import { catalogOf, measureInfo } from './catalog.js';
import { figureRecords } from './records.service.js';
import { summaryWorkbook } from './summary-export.js';
import { statisticsSummary } from './summary.service.js';

const tags = ['statistics'];

export function statisticsRoutes(app: ApiApp): void {
  const sources = () => app.tongxin.figureSources;
  app.get(
    '/api/v1/statistics/measures',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Every figure modules contribute, with what it counts',
        response: { 200: z.array(ZMeasureInfo) },
      },
    },
    () => Promise.resolve([...catalogOf(sources()).values()].map(measureInfo)),
  );
  app.get(
    '/api/v1/statistics/summary',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Figures summed over a subtree as it stood, grouped, with shares and the year before',
        querystring: ZStatisticsQuery,
        response: { 200: ZStatisticsSummary },
      },
    },
    async (request) => statisticsSummary(serviceContext(request), sources(), request.query),
  );
  app.get(
    '/api/v1/statistics/summary.xlsx',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'The numbers behind a chart, as a workbook', querystring: ZStatisticsQuery },
    },
    async (request, reply) => {
      const summary = await statisticsSummary(serviceContext(request), sources(), request.query);
      return sendWorkbook(
        reply,
        summaryWorkbook(summary, request.lang),
        `统计-${beijingDate()}.xlsx`,
        'statistics.xlsx',
      );
    },
  );
  app.get(
    '/api/v1/statistics/records',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The records behind one figure',
        querystring: ZFigureRecordsQuery,
        response: { 200: ZFigureRecords },
      },
    },
    async (request) => figureRecords(serviceContext(request), sources(), request.query),
  );
  app.get(
    '/api/v1/statistics/annual',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The annual figures pack of an organization (as issued, once it is)',
        querystring: ZAnnualPackQuery,
        response: { 200: ZAnnualPack },
      },
    },
    async (request) => annualPack(serviceContext(request), sources(), request.query),
  );
  app.get(
    '/api/v1/statistics/annual.xlsx',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'The annual figures pack as a printable workbook', querystring: ZAnnualPackQuery },
    },
    async (request, reply) => {
      const pack = await annualPack(serviceContext(request), sources(), request.query);
      const name = `${pack.organizationName}-${pack.year}年度数据.xlsx`;
      return sendWorkbook(reply, await annualWorkbook(pack, request.lang), name, `annual-${pack.year}.xlsx`);
    },
  );
  app.post(
    '/api/v1/statistics/annual/issue',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Issue the annual figures pack: keep its figures and close the year’s books',
        body: ZAnnualPackQuery,
        response: { 200: ZAnnualPack },
      },
    },
    async (request) => issueAnnualPack(serviceContext(request), sources(), request.body),
  );
}
