// A plan's revision state relative to today (Europe/Oslo calendar day; see lib/dates.ts).
// The register filter (lib/plans/list.ts) uses the same boundaries.
import { addMonths, daysBetween } from "../dates";

export const dueStates = ["overdue", "soon", "later", "none"] as const;
export type DueState = (typeof dueStates)[number];

/** Months ahead in which a due date counts as "soon" (amber). */
export const SOON_MONTHS = 12;

/**
 * overdue: the due date has passed (due yesterday or earlier; due today is not yet overdue);
 * soon: due today or within the next 12 months (the same day 12 months ahead is "later");
 * later: further ahead; none: no due date.
 */
export function dueState(dueOn: Date | null, today: Date): DueState {
  if (!dueOn) return "none";
  if (dueOn < today) return "overdue";
  if (dueOn < addMonths(today, SOON_MONTHS)) return "soon";
  return "later";
}

/** Days until the due date (negative: days overdue), or null without one. */
export function daysUntilDue(dueOn: Date | null, today: Date): number | null {
  return dueOn ? daysBetween(today, dueOn) : null;
}
