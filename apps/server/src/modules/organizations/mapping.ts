import type { TMembership, TOrganization, TOrganizationVersion } from '@tongxin/contracts';
import type { OrganizationWithNames } from './repository.js';
import type { MembershipRow, OrganizationVersionRow } from './tables.js';

export function toOrganization(row: OrganizationWithNames, regionNames: ReadonlyMap<string, string>): TOrganization {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    level: row.level,
    regionCode: row.region_code,
    regionName: row.region_code ? (regionNames.get(row.region_code) ?? null) : null,
    parentId: row.parent_id,
    parentName: row.parent_name,
    creditCode: row.credit_code,
    status: row.status,
    establishedOn: row.established_on,
    address: row.address,
    phone: row.phone,
    description: row.description,
    childCount: row.child_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersion(row: OrganizationVersionRow & { parent_name: string | null }): TOrganizationVersion {
  return {
    id: row.id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    level: row.level,
    status: row.status,
    regionCode: row.region_code,
    parentId: row.parent_id,
    parentName: row.parent_name,
    creditCode: row.credit_code,
    changedFields: JSON.parse(row.changed_fields) as string[],
    changeNote: row.change_note,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export function toMembership(
  row: MembershipRow & { member_name: string; member_type: TMembership['memberType'] },
): TMembership {
  return {
    id: row.id,
    associationId: row.association_id,
    memberId: row.member_id,
    memberName: row.member_name,
    memberType: row.member_type,
    role: row.role,
    term: row.term,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    createdAt: row.created_at,
  };
}
