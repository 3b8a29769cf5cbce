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
