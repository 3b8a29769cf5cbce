import type { MessageKey } from '../../i18n/zh-CN';

/** Names of the stored fields that history and audit entries list (snake_case, as the server keeps them). */
export const FIELD_LABEL_KEYS: Readonly<Record<string, MessageKey>> = {
  name: 'org.field.name',
  short_name: 'org.field.shortName',
  type: 'org.field.type',
  level: 'org.field.level',
  status: 'org.field.status',
  region_code: 'org.field.region',
  parent_id: 'org.field.parent',
  parent_name: 'field.parent_name',
  credit_code: 'org.field.creditCode',
  established_on: 'org.field.establishedOn',
  address: 'org.field.address',
  phone: 'org.field.phone',
  description: 'org.field.description',
  username: 'field.username',
  display_name: 'field.display_name',
  role: 'field.role',
  organization_id: 'field.organization_id',
  must_change_password: 'field.must_change_password',
  password: 'field.password',
  member_id: 'field.member_id',
  term: 'field.term',
  starts_on: 'field.starts_on',
  ends_on: 'field.ends_on',
  note: 'field.note',
};
