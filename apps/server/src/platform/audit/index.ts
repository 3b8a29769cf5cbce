export { auditMigrations } from './migrations.js';
export { canonicalJson } from './canonical-json.js';
export { auditBy, PLATFORM_CHAIN, diffChanges, recordAudit } from './record.js';
export type { AuditActor, AuditChanges, AuditEntry } from './record.js';
export { eventsOfEntities, findAuditEvents } from './repository.js';
export type { AuditEventFilter } from './repository.js';
export type { AuditEventRow, AuditTables } from './tables.js';
export { verifyAuditChains } from './verify.js';
export type { ChainBreak, VerifyReport } from './verify.js';
