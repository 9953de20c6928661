// A plan's consultation (høring og offentlig ettersyn) relative to a calendar day: pure rules,
// the clock always a parameter (docs/decisions/048). Dates are date-only values (lib/dates.ts).
import type { PlanStatus } from "../generated/prisma/enums";
import { addDays, addMonths } from "../dates";

export const consultationStates = ["upcoming", "open", "ended"] as const;
export type ConsultationState = (typeof consultationStates)[number];

/** Days ahead within which a closing consultation is shown on the overview and the schedule. */
export const CONSULTATION_SOON_DAYS = 30;

export type ConsultationColumns = {
  consultationFrom: Date | null; consultationTo: Date | null; consultationUrl: string | null;
  consultation2From: Date | null; consultation2To: Date | null; consultation2Url: string | null;
};
export type ConsultationRound = { round: 1 | 2; from: Date; to: Date; url: string | null };

/** The consultation rounds a plan has recorded (both dates set), first round first. */
export function consultationRounds(p: ConsultationColumns): ConsultationRound[] {
  const rounds: ConsultationRound[] = [];
  if (p.consultationFrom && p.consultationTo) rounds.push({ round: 1, from: p.consultationFrom, to: p.consultationTo, url: p.consultationUrl });
  if (p.consultation2From && p.consultation2To) rounds.push({ round: 2, from: p.consultation2From, to: p.consultation2To, url: p.consultation2Url });
  return rounds;
}

/** The round that counts today: the latest one (a second round starts after the first ends). */
export function latestConsultation(p: ConsultationColumns): ConsultationRound | null {
  return consultationRounds(p).at(-1) ?? null;
}

/** upcoming before the first day; open from the first day to the deadline, both included; ended after. */
export function consultationState(round: { from: Date; to: Date }, today: Date): ConsultationState {
  if (today < round.from) return "upcoming";
  if (today <= round.to) return "open";
  return "ended";
}

/** Whether the period is longer than a year (allowed, but the form warns first). */
export function isLongConsultation(from: Date, to: Date): boolean {
  return to > addMonths(from, 12);
}

/**
 * "Høringsfrist utløpt": the latest consultation has ended and the plan has not been adopted since,
 * nor repealed or replaced. A plan adopted after its consultation has moved on.
 */
export function consultationDeadlinePassed(p: ConsultationColumns & { status: PlanStatus; adoptedOn: Date | null }, today: Date): boolean {
  const round = latestConsultation(p);
  if (!round || consultationState(round, today) !== "ended") return false;
  if (p.status === "opphevet" || p.status === "erstattet") return false;
  return !(p.adoptedOn && p.adoptedOn >= round.to);
}

/** Whether the latest consultation is open and closes within `days` days of today (today included). */
export function consultationEndsWithin(p: ConsultationColumns, today: Date, days = CONSULTATION_SOON_DAYS): boolean {
  const round = latestConsultation(p);
  return round !== null && consultationState(round, today) === "open" && round.to <= addDays(today, days);
}

/** Prisma filter: a consultation round is open on `today` (either round). */
export function openConsultationWhere(today: Date) {
  return {
    OR: [
      { consultationFrom: { lte: today }, consultationTo: { gte: today } },
      { consultation2From: { lte: today }, consultation2To: { gte: today } },
    ],
  };
}

/** Prisma filter: a round is open today and closes within `days` days. */
export function consultationClosingWhere(today: Date, days = CONSULTATION_SOON_DAYS) {
  const until = addDays(today, days);
  return {
    OR: [
      { consultationFrom: { lte: today }, consultationTo: { gte: today, lte: until } },
      { consultation2From: { lte: today }, consultation2To: { gte: today, lte: until } },
    ],
  };
}
