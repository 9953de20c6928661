// The overview's figures, from the active plans and today's date. Pure: the page and the tests
// feed it rows; nothing here reads the database or the clock.
import { endOfYear, startOfYear } from "../dates";
import { dueState } from "./due";
import { electionPeriodOf, type ElectionPeriod } from "./election";

export type SchedulePlan = { id: number; title: string; revisionDueOn: Date | null; ownerId: number | null };

export type ScheduleSummary = {
  /** Plans whose revision date has passed. */
  overdue: number;
  /** Not yet overdue and due by 31 December this year. */
  dueThisYear: number;
  /** Due within the current election period (1 January of its first year to 31 December of its last), overdue ones included: what the schedule's period filter shows. */
  dueThisPeriod: number;
  /** Due within the next 12 months (amber). */
  dueSoon: number;
  withoutOwner: number;
  withoutDueDate: number;
  /** Active plans counted. */
  total: number;
  period: ElectionPeriod;
  /** The next ten plans to fall due (today included), earliest first. */
  nextDeadlines: SchedulePlan[];
};

const NEXT_DEADLINES = 10;

/** Counts and the next deadlines for the overview, as of `today` (a calendar date). */
export function summarizeSchedule(plans: readonly SchedulePlan[], today: Date): ScheduleSummary {
  const period = electionPeriodOf(today.getUTCFullYear());
  const yearEnd = endOfYear(today.getUTCFullYear());
  const periodStart = startOfYear(period.startYear);
  const periodEnd = endOfYear(period.endYear);
  const summary: ScheduleSummary = { overdue: 0, dueThisYear: 0, dueThisPeriod: 0, dueSoon: 0, withoutOwner: 0, withoutDueDate: 0, total: plans.length, period, nextDeadlines: [] };
  const upcoming: SchedulePlan[] = [];
  for (const plan of plans) {
    if (plan.ownerId === null) summary.withoutOwner++;
    const state = dueState(plan.revisionDueOn, today);
    if (state === "none") summary.withoutDueDate++;
    if (state === "overdue") summary.overdue++;
    if (state === "soon") summary.dueSoon++;
    const due = plan.revisionDueOn;
    if (due && due >= periodStart && due <= periodEnd) summary.dueThisPeriod++;
    if (!due || due < today) continue;
    upcoming.push(plan);
    if (due <= yearEnd) summary.dueThisYear++;
  }
  upcoming.sort((a, b) => a.revisionDueOn!.getTime() - b.revisionDueOn!.getTime() || a.title.localeCompare(b.title, "nb") || a.id - b.id);
  summary.nextDeadlines = upcoming.slice(0, NEXT_DEADLINES);
  return summary;
}
