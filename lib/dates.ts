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
