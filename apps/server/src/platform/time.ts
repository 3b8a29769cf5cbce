/**
 * Instants are stored in UTC as ISO-8601 text with milliseconds; business dates are Beijing calendar
 * dates ('YYYY-MM-DD'), kept apart from entry time. China has no daylight saving, so Beijing is UTC+8.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}

/** The Beijing calendar date of an instant: 2024-12-31T16:30:00Z is 2025-01-01 in Beijing. */
export function beijingDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/** A Beijing calendar date `months` later, on the same day of the month or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A Beijing calendar date `days` later. */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
