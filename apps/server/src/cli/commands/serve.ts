import { ROLE_LABELS } from '@tongxin/contracts';
import { buildApp } from '../../app.js';
import { prepare } from '../../bootstrap.js';
import { purgeStaleSessions } from '../../modules/accounts/index.js';
import { tidyImports } from '../../modules/registry/index.js';
import type { Config } from '../../platform/config.js';
import type { Logger } from '../../platform/logging.js';

const HOUR = 60 * 60 * 1000;

export async function serve(config: Config, logger: Logger): Promise<void> {
  const prepared = await prepare(config, logger);
  const app = await buildApp({ db: prepared.db, config, logger });
  await tidyImports(prepared.db.executor, config.dataDir);
  const housekeeping = setInterval(() => {
    Promise.all([purgeStaleSessions(prepared.db.executor), tidyImports(prepared.db.executor, config.dataDir)]).catch(
      (error: unknown) => logger.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUR);
  housekeeping.unref();

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    await app.close();
    await prepared.db.close();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const lines = [
    '',
    `同心 Tongxin is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/v1/docs)`,
    `  Database: ${prepared.db.dialect === 'sqlite' ? prepared.db.sqliteFile : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (prepared.generatedAdminPassword) {
    lines.push(
      `  Platform admin: admin / ${prepared.generatedAdminPassword}`,
      '  (generated on this first start and shown only now; sign in and change it, or set TONGXIN_ADMIN_PASSWORD)',
    );
  } else {
    lines.push('  Platform admin: admin (password as set at first start, or by TONGXIN_ADMIN_PASSWORD)');
  }
  if (prepared.demo) {
    lines.push(`  Demo logins — demo data only, password "${prepared.demo.password}" for all:`);
    for (const login of prepared.demo.logins) {
      lines.push(
        `    ${login.username.padEnd(16)} ${ROLE_LABELS[login.role as keyof typeof ROLE_LABELS]['zh-CN'].padEnd(8)} ${login.organization}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
