import { z } from 'zod';
import { REGION_LEVELS } from './validation/region-code.js';

export const ZRegionLevel = z.enum(REGION_LEVELS);

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: ZRegionLevel,
  parentCode: z.string().nullable(),
  /** Names from the province down, e.g. 内蒙古自治区 / 巴彦淖尔市 / 磴口县. */
  fullName: z.string(),
  hasChildren: z.boolean(),
});
export type TRegion = z.infer<typeof ZRegion>;

export const ZRegionSearchQuery = z.object({
  /** Code prefix, Chinese name, full pinyin or initials (hhht → 呼和浩特市). */
  q: z.string().trim().max(40).optional(),
  parent: z
    .string()
    .regex(/^\d{6}(\d{6})?$/)
    .optional(),
  level: ZRegionLevel.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRegionSearchQuery = z.input<typeof ZRegionSearchQuery>;
