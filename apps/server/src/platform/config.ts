import path from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TONGXIN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  TONGXIN_ADMIN_PASSWORD: z.string().optional(),
  /** 32 bytes as 64 hex digits or base64; without it a key is generated into the data directory. */
  TONGXIN_DATA_KEY: z.string().optional(),
  TONGXIN_DEMO: z.enum(['0', '1']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the server sits behind HTTPS, so that cookies are marked Secure. */
  TONGXIN_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /**
   * Open data: the organisation-identifier prefix before an organization's id (IATI reporting-org, 360Giving
   * org ids) and the 360Giving grant-id prefix. Defaults until the publisher registers its own.
   */
  TONGXIN_OPEN_DATA_ORG_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .default('XI-TONGXIN'),
  TONGXIN_OPEN_DATA_GRANT_PREFIX: z
    .string()
    .regex(/^360G-[A-Za-z0-9-]+$/)
    .default('360G-TONGXIN'),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  dataKey: string | null;
  /** null: decide from the database (demo data on an empty one). */
  demo: boolean | null;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  secureCookies: boolean;
  prettyLogs: boolean;
  openData: { orgPrefix: string; grantPrefix: string };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in the environment:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TONGXIN_DATA_DIR),
    databaseUrl: e.DATABASE_URL?.trim() ? e.DATABASE_URL.trim() : null,
    adminPassword: e.TONGXIN_ADMIN_PASSWORD?.length ? e.TONGXIN_ADMIN_PASSWORD : null,
    dataKey: e.TONGXIN_DATA_KEY?.trim() ? e.TONGXIN_DATA_KEY.trim() : null,
    demo: e.TONGXIN_DEMO === undefined ? null : e.TONGXIN_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    secureCookies: e.TONGXIN_SECURE_COOKIES === '1',
    prettyLogs: e.NODE_ENV !== 'production' && process.stdout.isTTY,
    openData: { orgPrefix: e.TONGXIN_OPEN_DATA_ORG_PREFIX, grantPrefix: e.TONGXIN_OPEN_DATA_GRANT_PREFIX },
  };
}
