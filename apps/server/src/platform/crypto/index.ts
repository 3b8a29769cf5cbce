export {
  decryptFileBytes,
  decryptingStream,
  EncryptedFileError,
  encryptFileBytes,
  encryptingStream,
  isEncryptedFileHead,
} from './file-encryption.js';
export type { EncryptedFileProblem } from './file-encryption.js';
export { installKeyring, KEY_FILE, keyring, keyringFromMaster, loadKeyring } from './keyring.js';
export type { Keyring, LoadedKeyring } from './keyring.js';
