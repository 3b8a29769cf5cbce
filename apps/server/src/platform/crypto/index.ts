export { installKeyring, KEY_FILE, keyring, keyringFromMaster, loadKeyring } from './keyring.js';
export type { Keyring, LoadedKeyring } from './keyring.js';
