// When each mail is due: pure functions of calendar dates (UTC midnight values of Oslo days), so
// a test can walk the clock day by day. docs/decisions/028.
import { addMonths, daysBetween, isoDate } from "../dates";

/** Default lead times in months before the revision date (admins change them in the settings). */
export const DEFAULT_LEAD_MONTHS = [6, 1] as const;

/**
 * The owner's reminder step on `today` for a plan due `dueOn`: "lead:6" from 6 months before
 * until the next lead time, "due" from the due date for a month, then "overdue:n" from n months
 * after. Null before the first lead time. Only the latest step counts, so a plan created three
 * weeks before its date gets the 1-month reminder, not a late 6-month one.
 */
export function reminderStep(today: Date, dueOn: Date, leadMonths: readonly number[]): string | null {
  if (today >= dueOn) {
    const n = distanceFromDue(today, dueOn).months;
    return n === 0 ? "due" : `overdue:${n}`;
  }
  const leads = [...new Set(leadMonths)].filter((m) => m > 0).sort((a, b) => a - b);
  for (const months of leads) if (addMonths(dueOn, -months) <= today) return `lead:${months}`;
  return null;
}

/**
 * How far `day` is from `dueOn`: whole months counted from `dueOn` (as the steps are: 31 March
 * less one month is 28 February), and the days beyond them.
 */
export function distanceFromDue(day: Date, dueOn: Date): { months: number; days: number } {
  const sign = day < dueOn ? -1 : 1;
  const reached = (n: number) => (sign < 0 ? addMonths(dueOn, -n) >= day : addMonths(dueOn, n) <= day);
  let months = 0;
  while (reached(months + 1)) months++;
  return { months, days: Math.abs(daysBetween(addMonths(dueOn, sign * months), day)) };
}

/** The furthest lead time, for the scan's date bound. */
export const maxLead = (leadMonths: readonly number[]) => Math.max(0, ...leadMonths);

/** ISO week label, e.g. "2026-W48", and its Monday. */
export function isoWeek(day: Date): { label: string; monday: Date } {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(day.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { label: `${year}-W${String(week).padStart(2, "0")}`, monday };
}

/** Quarter label, e.g. "2026-Q4", and its first day. */
export function quarter(day: Date): { label: string; start: Date } {
  const q = Math.floor(day.getUTCMonth() / 3);
  return { label: `${day.getUTCFullYear()}-Q${q + 1}`, start: new Date(Date.UTC(day.getUTCFullYear(), q * 3, 1)) };
}

/** The identity of one mail; its unique index makes planning it a second time a no-op. */
export function dedupeKey(parts: { kind: string; recipientId: number; step: string; planId?: number; dueOn?: Date }): string {
  return parts.kind === "owner_reminder"
    ? `owner_reminder:${parts.planId}:${parts.recipientId}:${isoDate(parts.dueOn!)}:${parts.step}`
    : `${parts.kind}:${parts.recipientId}:${parts.step}`;
}
