// Date-only values (PostgreSQL `date`) arrive as UTC midnight; they must be shown and compared
// as calendar dates, never shifted by a time zone. "Today" is today in Europe/Oslo.

/** "2020-12-10" for a date-only value. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Today's calendar date in Norway, as UTC midnight (comparable with `date` columns). */
export function todayInOslo(now: Date = new Date()): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${day}T00:00:00Z`);
}

/** The same calendar day `months` later (the 31st becomes the month's last day). */
export function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return target;
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** The calendar day `days` after `day` (before, when negative). */
export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** 1 January of `year`, as a date-only value. */
export const startOfYear = (year: number): Date => new Date(Date.UTC(year, 0, 1));

/** 31 December of `year`, as a date-only value. */
export const endOfYear = (year: number): Date => new Date(Date.UTC(year, 11, 31));
