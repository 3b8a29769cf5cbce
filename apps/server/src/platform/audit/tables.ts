export type AuditEventRow = {
  id: string;
  chain_id: string;
  seq: number;
  occurred_at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditChainHeadRow = { chain_id: string; seq: number; hash: string; updated_at: string };

export type AuditTables = { audit_events: AuditEventRow; audit_chain_heads: AuditChainHeadRow };
