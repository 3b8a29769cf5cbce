export {
  decryptFileBytes,
  decryptingStream,
  EncryptedFileError,
  encryptFileBytes,
  encryptingStream,
  isEncryptedFileHead,
} from './file-encryption.js';
export type { EncryptedFileProblem } from './file-encryption.js';
export {
  dataKeyId,
  findDataKey,
  installKeyring,
  KEY_FILE,
  keyFingerprint,
  keyring,
  keyringFromMaster,
  loadKeyring,
  parseDataKey,
} from './keyring.js';
export type { DataKeySource, FoundDataKey, Keyring, LoadedKeyring } from './keyring.js';
