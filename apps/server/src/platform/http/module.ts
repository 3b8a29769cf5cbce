import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleMigrations } from '../db/index.js';
import type { FigureSource } from '../figures/index.js';

export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a module contributes to the product: its tables, its routes under /api/v1 and its figures. */
export type TongxinModule = {
  name: string;
  migrations?: ModuleMigrations;
  routes?: (app: ApiApp) => void;
  figures?: FigureSource;
};
