// Date-only values (PostgreSQL `date`) arrive as UTC midnight; they must be shown and compared
// as calendar dates, never shifted by a time zone.

/** "2020-12-10" for a date-only value. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
