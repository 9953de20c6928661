// The deadlines plan- og bygningsloven § 10-1 sets for a planning strategy: adopted no later than
// one year after the council is constituted; the draft made public at least 30 days before the
// council treats it. Pure: dates in, states out.
import { addDays, addMonths, daysBetween } from "../dates";

export const DRAFT_NOTICE_DAYS = 30;

export type DeadlineState =
  /** Done on or before the deadline. */
  | { kind: "met"; deadline: Date; doneOn: Date; daysToSpare: number }
  /** Done, but late. */
  | { kind: "missed"; deadline: Date; doneOn: Date; daysLate: number }
  /** Not done; the deadline is today or ahead. */
  | { kind: "open"; deadline: Date; daysLeft: number }
  /** Not done; the deadline has passed. */
  | { kind: "overdue"; deadline: Date; daysOverdue: number }
  /** The draft is out and the council has not met yet: it may treat the strategy from `earliestMeeting`. */
  | { kind: "published"; deadline: Date; doneOn: Date; earliestMeeting: Date }
  /** Not enough is registered to tell. */
  | { kind: "unknown"; deadline: Date | null };

export type PeriodDates = { councilConstitutedOn: Date | null; draftPublishedOn: Date | null; adoptedOn: Date | null; plannedMeetingOn?: Date | null };

function judge(deadline: Date, doneOn: Date | null, today: Date): DeadlineState {
  if (doneOn) {
    const spare = daysBetween(doneOn, deadline);
    return spare >= 0 ? { kind: "met", deadline, doneOn, daysToSpare: spare } : { kind: "missed", deadline, doneOn, daysLate: -spare };
  }
  const left = daysBetween(today, deadline);
  return left >= 0 ? { kind: "open", deadline, daysLeft: left } : { kind: "overdue", deadline, daysOverdue: -left };
}

/** Last day the strategy may be adopted: one year after the council was constituted (29 Feb → 28 Feb). */
export function adoptionDeadline(councilConstitutedOn: Date): Date {
  return addMonths(councilConstitutedOn, 12);
}

/** Whether the strategy was (or can still be) adopted in time. */
export function adoptionState(p: PeriodDates, today: Date): DeadlineState {
  if (!p.councilConstitutedOn) return { kind: "unknown", deadline: null };
  return judge(adoptionDeadline(p.councilConstitutedOn), p.adoptedOn, today);
}

/**
 * The draft must be public at least 30 days before the council meeting. The meeting is the
 * adoption date once adopted; until then the planned meeting date when it is set, else the latest
 * lawful meeting (the adoption deadline), which gives the latest day the draft can go out.
 */
export function draftState(p: PeriodDates, today: Date): DeadlineState {
  const meeting = p.adoptedOn ?? p.plannedMeetingOn ?? (p.councilConstitutedOn ? adoptionDeadline(p.councilConstitutedOn) : null);
  if (!meeting) return { kind: "unknown", deadline: null };
  const deadline = addDays(meeting, -DRAFT_NOTICE_DAYS);
  // Adopted without a registered draft date: nothing to judge.
  if (p.adoptedOn && !p.draftPublishedOn) return { kind: "unknown", deadline };
  // Published, meeting not yet held: whether 30 days pass depends on a date not known yet, so
  // say when the council may meet rather than judge against the assumed meeting.
  if (!p.adoptedOn && p.draftPublishedOn) return { kind: "published", deadline, doneOn: p.draftPublishedOn, earliestMeeting: addDays(p.draftPublishedOn, DRAFT_NOTICE_DAYS) };
  return judge(deadline, p.draftPublishedOn, today);
}
