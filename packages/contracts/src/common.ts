import { z } from 'zod';

export const ZId = z.uuid();
export type TId = z.infer<typeof ZId>;

/** A Beijing calendar date, YYYY-MM-DD, that exists on the calendar. */
export const ZBusinessDate = z.string().refine(isCalendarDate, { error: 'date.format' });

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An instant in UTC, ISO 8601 with milliseconds and Z. */
export const ZTimestamp = z.string();

/** Money in integer fen (分), never negative, below ¥100 billion. */
export const ZFen = z.number().int().min(0).max(1e13);

/** Free text, trimmed, at most `max` characters. */
export const ZText = (max: number) => z.string().trim().max(max);

export const PAGE_SIZE_MAX = 200;

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };

export const ZSortOrder = z.enum(['asc', 'desc']);

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(ZFieldError).optional(),
    requestId: z.string().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;
