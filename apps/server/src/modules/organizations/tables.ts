import type { TMembershipRole, TOrganizationLevel, TOrganizationStatus, TOrganizationType } from '@tongxin/contracts';

export type OrganizationRow = {
  id: string;
  name: string;
  short_name: string | null;
  type: TOrganizationType;
  level: TOrganizationLevel;
  region_code: string | null;
  parent_id: string | null;
  /** `/<root id>/…/<own id>/`: a subtree is every row whose path starts with its root's path. */
  path: string;
  depth: number;
  credit_code: string | null;
  status: TOrganizationStatus;
  established_on: string | null;
  address: string | null;
  phone: string | null;
  description: string | null;
  /** 1 for the organization that runs this installation (the platform administrator's home), not one of the field's. */
  is_operator: number;
  pinyin: string;
  initials: string;
  created_at: string;
  updated_at: string;
};

/** One state of an organization over [valid_from, valid_to), in Beijing dates. */
export type OrganizationVersionRow = {
  id: string;
  organization_id: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  short_name: string | null;
  type: TOrganizationType;
  level: TOrganizationLevel;
  status: TOrganizationStatus;
  region_code: string | null;
  parent_id: string | null;
  credit_code: string | null;
  /** JSON array of the field names that changed into this version. */
  changed_fields: string;
  change_note: string | null;
  recorded_at: string;
  recorded_by: string | null;
};

export type MembershipRow = {
  id: string;
  association_id: string;
  member_id: string;
  role: TMembershipRole;
  term: string | null;
  starts_on: string | null;
  ends_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
};

export type OrganizationTables = {
  organizations: OrganizationRow;
  organization_versions: OrganizationVersionRow;
  organization_memberships: MembershipRow;
};
