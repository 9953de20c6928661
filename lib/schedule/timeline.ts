// Geometry of the revision timeline: which years it spans and where each bar, the election
// periods and today fall, as fractions of its width. Pure; the component turns fractions into CSS.
import { startOfYear } from "../dates";
import { electionPeriodOf, electionPeriodsBetween, type ElectionPeriod } from "./election";

/** How far back and ahead of today the axis may reach (then widened to whole periods); bars beyond are cut and marked. */
export const MAX_YEARS_BACK = 12;
export const MAX_YEARS_AHEAD = 12;

export type TimelinePlan = { adoptedOn: Date | null; revisionDueOn: Date | null };
export type Span = { start: number; end: number };
export type Bar = {
  /** From adoption to the due date (to today without one); a point at the due date without an adoption date. */
  span: Span | null;
  /** Where the due date is, when there is one. */
  due: number | null;
  /** The bar runs past the left or right edge of the axis. */
  cutStart: boolean;
  cutEnd: boolean;
};
export type TimelineAxis = { fromYear: number; toYear: number; years: { year: number; at: number }[]; periods: (ElectionPeriod & Span)[]; today: number };

/** The axis for these plans: whole election periods from the earliest adoption to the latest due date, always covering the current one. */
export function timelineAxis(plans: readonly TimelinePlan[], today: Date): TimelineAxis {
  const year = today.getUTCFullYear();
  const current = electionPeriodOf(year);
  let fromYear = current.startYear;
  let toYear = current.endYear;
  for (const p of plans) {
    for (const d of [p.adoptedOn, p.revisionDueOn]) {
      if (!d) continue;
      fromYear = Math.min(fromYear, d.getUTCFullYear());
      toYear = Math.max(toYear, d.getUTCFullYear());
    }
  }
  // Whole election periods, so every band on the axis is a full period.
  fromYear = electionPeriodOf(Math.max(fromYear, year - MAX_YEARS_BACK)).startYear;
  toYear = electionPeriodOf(Math.min(toYear, year + MAX_YEARS_AHEAD)).endYear;
  const at = position(fromYear, toYear);
  const years = [];
  for (let y = fromYear; y <= toYear; y++) years.push({ year: y, at: at(startOfYear(y)) });
  const periods = electionPeriodsBetween(fromYear, toYear).map((p) => ({ ...p, start: at(startOfYear(p.startYear)), end: at(startOfYear(p.endYear + 1)) }));
  return { fromYear, toYear, years, periods, today: at(today) };
}

function position(fromYear: number, toYear: number) {
  const start = startOfYear(fromYear).getTime();
  const end = startOfYear(toYear + 1).getTime();
  return (d: Date) => Math.min(1, Math.max(0, (d.getTime() - start) / (end - start)));
}

/** One plan's bar on `axis`. A plan with neither date has no bar. */
export function timelineBar(plan: TimelinePlan, axis: TimelineAxis, today: Date): Bar {
  const at = position(axis.fromYear, axis.toYear);
  const axisStart = startOfYear(axis.fromYear);
  const axisEnd = startOfYear(axis.toYear + 1);
  const due = plan.revisionDueOn;
  if (!plan.adoptedOn && !due) return { span: null, due: null, cutStart: false, cutEnd: false };
  const from = plan.adoptedOn ?? due!;
  const to = due ?? today;
  return {
    span: { start: at(from), end: at(to < from ? from : to) },
    due: due ? at(due) : null,
    cutStart: from < axisStart,
    cutEnd: to >= axisEnd,
  };
}
