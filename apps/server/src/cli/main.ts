#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isAppError } from '../platform/errors/index.js';
import { openAndMigrate } from '../bootstrap.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logging.js';
import { openDatabase } from '../platform/db/index.js';
import {
  auditVerify,
  demo,
  ledgerVerify,
  regionsLoad,
  userCreate,
  userResetPassword,
  type Output,
} from './commands/admin.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { figuresRebuild, figuresVerify } from './commands/figures.js';
import { importCommand, templateCommand } from './commands/registry.js';
import { serve } from './commands/serve.js';

const USAGE = `Usage: tongxin <command>

  serve                              start the server and web UI (PORT, default 3000)
  migrate                            bring the database schema up to date
  demo                               load the demo networks and users (idempotent)
  user create --username U --name N --role R --organization O [--password P]
                                     create a user (without --password a temporary one is printed)
  user reset-password <username>     print a temporary password the user must change
  audit verify                       check every audit hash chain; exit 1 when one is broken
  ledger verify                      check that every entry balances and running totals equal the lines
  figures verify                     recompute the statistics figures from the records; exit 1 naming each
                                     bucket that differs (measure, organization, period, dimensions)
  figures rebuild                    recompute the figures from the records and replace them, in one audited
                                     transaction (writers of figures wait until it ends)
  regions load <province> [--file F] load townships and villages of a province (e.g. 15)
  import households|persons <file> [--mode all|valid] [--organization O] [--errors out.xlsx]
                                     import an xlsx or csv file; prints progress and writes an error workbook
  template households|persons <file.xlsx|file.csv>
                                     write the import template
  backup <file.tar.gz> [--include-key]
                                     back up the database and the data directory's files; the data key
                                     stays out (keep it apart) unless --include-key puts it in
  restore <file.tar.gz> [--key-file K]
                                     restore a backup (stop the server first); needs the backup's data key:
                                     TONGXIN_DATA_KEY, the key file in the data directory, or --key-file

Configuration comes from the environment: TONGXIN_DATA_DIR, DATABASE_URL, TONGXIN_DATA_KEY, PORT, LOG_LEVEL (see README).`;

const io: Output = { out: (line) => process.stdout.write(`${line}\n`) };

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      organization: { type: 'string' },
      password: { type: 'string' },
      file: { type: 'string' },
      mode: { type: 'string' },
      errors: { type: 'string' },
      'key-file': { type: 'string' },
      'include-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (!command || values.help) {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const quiet = command === 'serve' ? config.logLevel : config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createLogger({ level: quiet, pretty: config.prettyLogs });

  if (command === 'serve') {
    await serve(config, logger);
    return -1;
  }
  if (command === 'restore') {
    if (!sub) throw new Error('restore needs the backup file');
    await restoreCommand(config, logger, sub, values['key-file'] ?? null, io);
    return 0;
  }
  const db =
    command === 'backup'
      ? openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
      : await openAndMigrate(config, logger);
  try {
    switch (
      `${command}${sub && ['user', 'audit', 'ledger', 'figures', 'regions'].includes(command) ? ` ${sub}` : ''}`
    ) {
      case 'migrate':
        io.out('Database is up to date.');
        return 0;
      case 'demo':
        await demo(db, io);
        return 0;
      case 'user create':
        if (!values.username || !values.name || !values.role || !values.organization) {
          throw new Error('user create needs --username, --name, --role and --organization');
        }
        await userCreate(
          db,
          {
            username: values.username,
            displayName: values.name,
            role: values.role,
            organization: values.organization,
            password: values.password,
          },
          io,
        );
        return 0;
      case 'user reset-password':
        if (!arg) throw new Error('user reset-password needs a username');
        await userResetPassword(db, arg, io);
        return 0;
      case 'audit verify':
        return await auditVerify(db, io);
      case 'ledger verify':
        return await ledgerVerify(db, io);
      case 'figures verify':
        return await figuresVerify(db, io);
      case 'figures rebuild':
        return await figuresRebuild(db, io);
      case 'regions load':
        if (!arg) throw new Error('regions load needs a province code, e.g. 15');
        await regionsLoad(db, arg, values.file ?? null, io);
        return 0;
      case 'import':
        if (!sub || !arg) throw new Error('import needs what and a file, e.g. import households 农户.xlsx');
        return await importCommand(
          db,
          { kind: sub, file: arg, mode: values.mode, organization: values.organization, errors: values.errors },
          io,
        );
      case 'template':
        if (!sub || !arg) throw new Error('template needs what and a target file, e.g. template households 模板.xlsx');
        await templateCommand(sub, arg, io);
        return 0;
      case 'backup': {
        if (!sub) throw new Error('backup needs a target file, e.g. backup tongxin-2026-11-29.tar.gz');
        await backupCommand(db, config, sub, values['include-key'] === true, io);
        return 0;
      }
      default:
        io.out(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message = isAppError(error)
      ? `${error.code}: ${error.messageIn('zh-CN')}\n${error.messageIn('en')}${error.fields.map((f) => `\n  ${f.path}: ${f.message['zh-CN']}`).join('')}`
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`tongxin: ${message}\n`);
    process.exit(1);
  },
);
