import { MODULES } from './modules.js';
import { ensurePlatformAdmin, userIdByUsername, ADMIN_USERNAME } from './modules/accounts/index.js';
import { seedDemo, type DemoReport } from './modules/demo/index.js';
import { ensureBaseRegions } from './modules/regions/index.js';
import type { Config } from './platform/config.js';
import { systemContext } from './platform/context.js';
import { installKeyring, loadKeyring } from './platform/crypto/index.js';
import { collectMigrations, migrateToLatest, openDatabase, type Database } from './platform/db/index.js';
import { rebuildFiguresIfEmpty, type FigureSource } from './platform/figures/index.js';
import type { Logger } from './platform/logging.js';

export type Prepared = {
  db: Database;
  /** The admin password, when this start generated it (printed once). */
  generatedAdminPassword: string | null;
  demo: DemoReport | null;
};

export function allMigrations() {
  return collectMigrations(MODULES.flatMap((module) => (module.migrations ? [module.migrations] : [])));
}

/** The modules' figure sources (statistics reads them; `tongxin figures` replays them). */
export function figureSources(): FigureSource[] {
  return MODULES.flatMap((module) => (module.figures ? [module.figures] : []));
}

/**
 * Installs the data key (generating one into the data directory on first start, with a warning to back
 * it up) and opens the database, brought up to date: migrations and base regions.
 */
export async function openAndMigrate(config: Config, logger: Logger): Promise<Database> {
  const { keyring, generatedFile } = loadKeyring({ dataDir: config.dataDir, dataKey: config.dataKey });
  installKeyring(keyring);
  if (generatedFile) {
    logger.warn(
      { file: generatedFile },
      'Generated the data encryption key. Keep a copy of it safe and apart from the backups: without it, ID numbers, phones, addresses and stored files cannot be read, and `tongxin backup` leaves it out (restore asks for it with --key-file). Or set TONGXIN_DATA_KEY.',
    );
  }
  const db = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied } = await migrateToLatest(db.executor, allMigrations());
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const loaded = await ensureBaseRegions(systemContext(db.executor));
    if (loaded) logger.info({ rows: loaded.rows }, 'base regions loaded');
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Everything `serve` needs before it listens. A database without the admin user is a first start: it
 * gets the admin and, unless TONGXIN_DEMO=0, the demo data. Figure buckets that hold nothing while the
 * records give figures (data from before the buckets, or restored without them) are rebuilt first.
 */
export async function prepare(config: Config, logger: Logger): Promise<Prepared> {
  const db = await openAndMigrate(config, logger);
  const ctx = systemContext(db.executor);
  const firstStart = (await userIdByUsername(db.executor, ADMIN_USERNAME)) === null;
  const admin = await ensurePlatformAdmin(ctx, config.adminPassword);
  const rebuilt = await rebuildFiguresIfEmpty(ctx, figureSources());
  if (rebuilt) {
    logger.warn(
      { buckets: rebuilt.written },
      'The figure buckets were empty while the records were not: rebuilt them from the records (as `tongxin figures rebuild`, audited).',
    );
  }
  const wantDemo = config.demo ?? firstStart;
  const demo = wantDemo ? await seedDemo(ctx, (step) => logger.debug({ step }, 'demo data')) : null;
  return { db, generatedAdminPassword: admin.generatedPassword, demo };
}
