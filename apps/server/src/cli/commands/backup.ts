import { openAndMigrate } from '../../bootstrap.js';
import { createBackup, restoreBackup, type KeyLocation } from '../../platform/backup.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/index.js';
import type { Logger } from '../../platform/logging.js';
import type { Output } from './admin.js';

function keyPlace(key: KeyLocation): { zh: string; en: string } {
  return key.file
    ? { zh: key.file, en: key.file }
    : { zh: '环境变量 TONGXIN_DATA_KEY', en: 'the environment variable TONGXIN_DATA_KEY' };
}

/**
 * `tongxin backup <file> [--include-key]`: the archive leaves the data key out unless asked; either way
 * the operator is told, in both languages, where the key is and how to keep it (never the key itself).
 */
export async function backupCommand(
  db: Database,
  config: Config,
  target: string,
  includeKey: boolean,
  io: Output,
): Promise<void> {
  const { manifest, key } = await createBackup(db, config.dataDir, target, config.databaseUrl, {
    dataKey: config.dataKey,
    includeKey,
  });
  io.out(`Backed up ${manifest.database} and ${manifest.files.length} data-directory entries to ${target}.`);
  const fingerprint = manifest.dataKey?.fingerprint ?? '?';
  if (includeKey) {
    io.out(
      `警告：备份中含有数据密钥（指纹 ${fingerprint}），得到这个文件的人能读出全部身份证号、电话、地址和存储的文件；请像保管密钥本身一样保管它。`,
    );
    io.out(
      `Warning: the backup carries the data key (fingerprint ${fingerprint}): whoever has this file can read every ID number, phone, address and stored file; keep it as safe as the key itself.`,
    );
    return;
  }
  const place = keyPlace(key);
  io.out(
    `数据密钥（指纹 ${fingerprint}）不在备份中，它在 ${place.zh}。请另行妥善保管，不要与备份放在一起：恢复时需要它，没有它加密的数据无法读出。`,
  );
  io.out(
    `The data key (fingerprint ${fingerprint}) is not in the backup; it is in ${place.en}. Keep it safe and apart from the backups: a restore needs it, and without it the encrypted data cannot be read.`,
  );
}

/**
 * `tongxin restore <file> [--key-file K]`: refuses, with nothing changed, a backup whose key is not at
 * hand; then brings the restored database up to date.
 */
export async function restoreCommand(
  config: Config,
  logger: Logger,
  archive: string,
  keyFile: string | null,
  io: Output,
): Promise<void> {
  const { manifest, key } = await restoreBackup(archive, config.dataDir, config.databaseUrl, {
    dataKey: config.dataKey,
    keyFile,
  });
  io.out(
    `Restored the ${manifest.dialect} backup of ${manifest.createdAt} into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}.`,
  );
  if (key) {
    io.out(`数据密钥与备份相符（指纹 ${key.fingerprint}，取自${key.where['zh-CN']}）。`);
    io.out(`The data key matches the backup (fingerprint ${key.fingerprint}, from ${key.where.en}).`);
  }
  const db = await openAndMigrate(config, logger);
  await db.close();
}
