import { z } from 'zod';
import { ZBusinessDate, ZId, ZPageQuery, ZTimestamp } from './common.js';
import { checkCreditCode } from './validation/credit-code.js';
import { REGION_CODE_PATTERN } from './validation/region-code.js';

export const ORGANIZATION_TYPES = [
  'association',
  'social_group',
  'foundation',
  'social_service',
  'government',
  'enterprise',
  'bank',
  'school',
] as const;
export const ZOrganizationType = z.enum(ORGANIZATION_TYPES);
export type TOrganizationType = z.infer<typeof ZOrganizationType>;

export const ORGANIZATION_LEVELS = ['national', 'provincial', 'prefecture', 'county'] as const;
export const ZOrganizationLevel = z.enum(ORGANIZATION_LEVELS);
export type TOrganizationLevel = z.infer<typeof ZOrganizationLevel>;

export const ORGANIZATION_STATUSES = ['active', 'suspended', 'deregistered'] as const;
export const ZOrganizationStatus = z.enum(ORGANIZATION_STATUSES);
export type TOrganizationStatus = z.infer<typeof ZOrganizationStatus>;

export const MEMBERSHIP_ROLES = ['member', 'council', 'standing_council', 'vice_president', 'president'] as const;
export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES);
export type TMembershipRole = z.infer<typeof ZMembershipRole>;

export const ZCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkCreditCode(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `creditCode.${problem}`, input: value });
  });

export const ZRegionCode = z.string().trim().regex(REGION_CODE_PATTERN, { error: 'regionCode.format' });

const optionalText = (max: number) => z.string().trim().max(max).nullish();

const organizationFields = {
  name: z.string().trim().min(2).max(100),
  shortName: optionalText(40),
  type: ZOrganizationType,
  level: ZOrganizationLevel,
  regionCode: ZRegionCode.nullish(),
  creditCode: ZCreditCode.nullish(),
  status: ZOrganizationStatus,
  establishedOn: ZBusinessDate.nullish(),
  address: optionalText(200),
  phone: optionalText(40),
  description: optionalText(2000),
};

export const ZOrganization = z.object({
  id: ZId,
  name: z.string(),
  shortName: z.string().nullable(),
  type: ZOrganizationType,
  level: ZOrganizationLevel,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  parentId: ZId.nullable(),
  parentName: z.string().nullable(),
  creditCode: z.string().nullable(),
  status: ZOrganizationStatus,
  establishedOn: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  childCount: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TOrganization = z.infer<typeof ZOrganization>;

/** When a change takes effect (Beijing date; today when left out) and why, kept in the history. */
const changeFields = {
  effectiveOn: ZBusinessDate.optional(),
  changeNote: optionalText(500),
};

export const ZCreateOrganizationRequest = z.object({
  ...organizationFields,
  status: ZOrganizationStatus.default('active'),
  parentId: ZId.nullish(),
  ...changeFields,
});
export type TCreateOrganizationRequest = z.input<typeof ZCreateOrganizationRequest>;

export const ZUpdateOrganizationRequest = z
  .object({ ...organizationFields, ...changeFields })
  .partial()
  .strict();
export type TUpdateOrganizationRequest = z.input<typeof ZUpdateOrganizationRequest>;

export const ZMoveOrganizationRequest = z.object({ parentId: ZId, ...changeFields });
export type TMoveOrganizationRequest = z.input<typeof ZMoveOrganizationRequest>;

export const ZOrganizationListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: ZOrganizationType.optional(),
  level: ZOrganizationLevel.optional(),
  status: ZOrganizationStatus.optional(),
  regionCode: ZRegionCode.optional(),
  /** Only this organization and the ones below it. */
  within: ZId.optional(),
  /** Only the organizations directly under this one. */
  parentId: ZId.optional(),
  sort: z.enum(['name', 'level', 'createdAt', 'regionCode']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TOrganizationListQuery = z.input<typeof ZOrganizationListQuery>;

export const ZOrganizationTreeNode = z.object({
  id: ZId,
  name: z.string(),
  shortName: z.string().nullable(),
  type: ZOrganizationType,
  level: ZOrganizationLevel,
  status: ZOrganizationStatus,
  regionCode: z.string().nullable(),
  parentId: ZId.nullable(),
});
export type TOrganizationTreeNode = z.infer<typeof ZOrganizationTreeNode>;

export const ZOrganizationTreeQuery = z.object({ asOf: ZBusinessDate.optional() });

export const ZOrganizationVersion = z.object({
  id: ZId,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: ZOrganizationType,
  level: ZOrganizationLevel,
  status: ZOrganizationStatus,
  regionCode: z.string().nullable(),
  parentId: ZId.nullable(),
  parentName: z.string().nullable(),
  creditCode: z.string().nullable(),
  changedFields: z.array(z.string()),
  changeNote: z.string().nullable(),
  recordedAt: ZTimestamp,
  recordedBy: z.string().nullable(),
});
export type TOrganizationVersion = z.infer<typeof ZOrganizationVersion>;

export const ZMembership = z.object({
  id: ZId,
  associationId: ZId,
  memberId: ZId,
  memberName: z.string(),
  memberType: ZOrganizationType,
  role: ZMembershipRole,
  term: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TMembership = z.infer<typeof ZMembership>;

const membershipFields = {
  role: ZMembershipRole,
  term: optionalText(40),
  startsOn: ZBusinessDate.nullish(),
  endsOn: ZBusinessDate.nullish(),
  note: optionalText(500),
};
const endsAfterStart = (value: { startsOn?: string | null; endsOn?: string | null }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;

export const ZCreateMembershipRequest = z
  .object({ memberId: ZId, ...membershipFields })
  .refine(endsAfterStart, { error: 'dateRange.order', path: ['endsOn'] });
export type TCreateMembershipRequest = z.input<typeof ZCreateMembershipRequest>;

export const ZUpdateMembershipRequest = z
  .object(membershipFields)
  .partial()
  .strict()
  .refine(endsAfterStart, { error: 'dateRange.order', path: ['endsOn'] });
export type TUpdateMembershipRequest = z.input<typeof ZUpdateMembershipRequest>;
