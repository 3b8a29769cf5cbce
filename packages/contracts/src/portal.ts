import { z } from 'zod';
import { ZId, ZPageQuery } from './common.js';
import { DONATION_FORM, ZTraceStep } from './funds.js';
import { ZOrganization, ZOrganizationLevel, ZOrganizationType } from './organizations.js';
import {
  ASSISTANCE_MODE,
  INFRASTRUCTURE_KIND,
  PARTNER_ROLE,
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  REPORT_KIND,
  ZBeneficiaryCount,
  ZFigure,
} from './projects.js';
import { ZPublicPublicationListItem } from './publications.js';

// The public portal (no login). Each shape names what the public may see and nothing more: no contact
// data, no registry links, no donor names beyond what each donor chose, no authors of records.

/** An organization's basic information; its office address and phone stay off the portal. */
export const ZPortalOrganization = ZOrganization.pick({
  id: true,
  name: true,
  shortName: true,
  type: true,
  level: true,
  regionCode: true,
  regionName: true,
  parentId: true,
  parentName: true,
  creditCode: true,
  status: true,
  establishedOn: true,
  description: true,
});
export type TPortalOrganization = z.infer<typeof ZPortalOrganization>;

export const ZPortalOrganizationListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: ZOrganizationType.optional(),
  level: ZOrganizationLevel.optional(),
});
export type TPortalOrganizationListQuery = z.input<typeof ZPortalOrganizationListQuery>;

export const ZPortalProjectListItem = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  category: PROJECT_CATEGORY.schema,
  status: PROJECT_STATUS.schema,
  /** 立项金额, in fen. */
  budget: z.number().int(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  regionNames: z.array(z.string()),
});
export type TPortalProjectListItem = z.infer<typeof ZPortalProjectListItem>;

export const ZPortalProjectListQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  category: PROJECT_CATEGORY.schema.optional(),
  organizationId: ZId.optional(),
});
export type TPortalProjectListQuery = z.input<typeof ZPortalProjectListQuery>;

export const ZPortalPhoto = z.object({ id: ZId, fileName: z.string(), mime: z.string() });
export type TPortalPhoto = z.infer<typeof ZPortalPhoto>;

export const ZPortalReport = z.object({
  id: ZId,
  kind: REPORT_KIND.schema,
  reportedOn: z.string(),
  text: z.string(),
  figures: z.array(ZFigure),
  photos: z.array(ZPortalPhoto),
});
export type TPortalReport = z.infer<typeof ZPortalReport>;

/** A gift to a project as its donor chose to be shown: 张三, 张先生 or 匿名. */
export const ZPortalDonation = z.object({ publicName: z.string(), receivedOn: z.string(), amount: z.number().int() });
export type TPortalDonation = z.infer<typeof ZPortalDonation>;

/** A project's money from the ledger, in fen: received from gifts and funds, paid out, still held. */
export const ZPortalFunding = z.object({
  received: z.number().int(),
  /** Left over when the project ended, handed back to where it came from. */
  returned: z.number().int(),
  spent: z.number().int(),
  held: z.number().int(),
  donations: z.array(ZPortalDonation),
});
export type TPortalFunding = z.infer<typeof ZPortalFunding>;

export const ZPortalProject = ZPortalProjectListItem.extend({
  infrastructureKind: INFRASTRUCTURE_KIND.schema.nullable(),
  assistanceMode: ASSISTANCE_MODE.schema,
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  description: z.string().nullable(),
  beneficiaryCounts: z.array(ZBeneficiaryCount),
  partners: z.array(z.object({ organizationName: z.string(), role: PARTNER_ROLE.schema })),
  /** Public progress and final reports, newest first, with their public photos. */
  reports: z.array(ZPortalReport),
  funding: ZPortalFunding,
});
export type TPortalProject = z.infer<typeof ZPortalProject>;

export const ZPortalProjectFigures = ZPortalProjectListItem.extend({
  received: z.number().int(),
  spent: z.number().int(),
});
export type TPortalProjectFigures = z.infer<typeof ZPortalProjectFigures>;

/**
 * What an organization discloses on the portal: its public projects with their money, and its published
 * publications. The disclosure-clock board (due, overdue and done per the charity disclosure rules) joins here.
 */
export const ZPortalDisclosures = z.object({
  organizationId: ZId,
  totals: z.object({ budget: z.number().int(), received: z.number().int(), spent: z.number().int() }),
  projects: z.array(ZPortalProjectFigures),
  publications: z.array(ZPublicPublicationListItem),
});
export type TPortalDisclosures = z.infer<typeof ZPortalDisclosures>;

/** The look-up printed on every receipt: its number and the verification code beside it. */
export const ZPortalReceiptLookup = z.object({
  number: z.string().trim().min(1, { error: 'field.required' }).max(40),
  code: z
    .string()
    .trim()
    .min(1, { error: 'field.required' })
    .max(20)
    .transform((code) => code.toUpperCase()),
});
export type TPortalReceiptLookup = z.input<typeof ZPortalReceiptLookup>;

export const ZPortalReceiptTrace = z.object({
  receipt: z.object({
    number: z.string(),
    status: z.enum(['valid', 'void']),
    amount: z.number().int(),
    issuedAt: z.string(),
    voidedAt: z.string().nullable(),
    organizationName: z.string(),
  }),
  gift: z.object({
    publicName: z.string(),
    form: DONATION_FORM.schema,
    amount: z.number().int(),
    refundedAmount: z.number().int(),
    designationText: z.string(),
    receivedOn: z.string(),
    items: z.array(z.object({ name: z.string(), quantity: z.number().int(), unit: z.string().nullable() })),
  }),
  steps: z.array(ZTraceStep.omit({ entryId: true, donationId: true })),
  /** Where the gift's money is now, per account, in fen. */
  heldIn: z.array(z.object({ account: z.string(), amount: z.number().int() })),
  spent: z.number().int(),
  refunded: z.number().int(),
});
export type TPortalReceiptTrace = z.infer<typeof ZPortalReceiptTrace>;
