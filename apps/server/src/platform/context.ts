import { DEFAULT_LANG, type Lang } from '@tongxin/contracts';
import type { Actor } from './access/index.js';
import type { Executor } from './db/index.js';

/**
 * What a service needs to act: the database, who acts, the request id for the audit trail, and the
 * reader's language for the texts a service builds into its answers (account names, designations).
 * Work no reader waits for (start-up, the command line, an import in its worker thread) uses zh-CN.
 */
export type ServiceContext = { db: Executor; actor: Actor; requestId: string | null; lang: Lang };

/**
 * The actor for work started from the command line or at start-up (migrations, demo data, `tongxin
 * user create`): a platform administrator named `system`, so the audit trail says where a change came from.
 */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'system',
  displayName: 'System',
  role: 'platform_admin',
  organizationId: '00000000-0000-7000-8000-000000000000',
  organizationName: 'Tongxin',
  organizationPath: '/',
  organizationRegionCode: null,
  mustChangePassword: false,
  sessionId: 'system',
};

export function systemContext(db: Executor): ServiceContext {
  return { db, actor: SYSTEM_ACTOR, requestId: null, lang: DEFAULT_LANG };
}
