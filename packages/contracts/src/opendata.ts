import { z } from 'zod';
import { ZId } from './common.js';

/** Which open data: the projects of one organization and everything below it (all when left out), a year. */
export const ZOpenDataQuery = z.object({
  organizationId: ZId.optional(),
  /** IATI: activities running in the year (by planned dates); 360Giving: grants awarded in the year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TOpenDataQuery = z.input<typeof ZOpenDataQuery>;

const ZGrantOrganization = z.object({ id: z.string(), name: z.string() });

/** One grant in the 360Giving JSON shape (field names of the 360Giving Data Standard's JSON schema). */
export const ZGrant = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  currency: z.literal('CNY'),
  /** Yuan, exact to the fen: made from the decimal text of integer fen, never by dividing a float. */
  amountAwarded: z.number(),
  awardDate: z.string(),
  recipientOrganization: z.array(ZGrantOrganization),
  fundingOrganization: z.array(ZGrantOrganization),
  beneficiaryLocation: z.array(z.object({ name: z.string(), countryCode: z.literal('CN') })),
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZGrantPackage = z.object({ grants: z.array(ZGrant) });
export type TGrantPackage = z.infer<typeof ZGrantPackage>;
