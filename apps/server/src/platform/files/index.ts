export { createDecryptedReadStream, createEncryptedWriteStream, openStoredFile } from './encrypted-files.js';
export { FILE_LIMITS_MB, fileErrors, storedFilePath, storeFile } from './store.js';
export type { FileKind, StoredFile } from './store.js';
export { stripJpegMetadata, stripPngMetadata } from './strip-metadata.js';
