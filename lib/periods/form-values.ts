// A period as the form's initial values (strings, dates as YYYY-MM-DD).
import { isoDate } from "../dates";
import type { StrategyPeriod } from "../generated/prisma/client";

const day = (d: Date | null) => (d ? isoDate(d) : "");

/** Empty form for a new period: the current election period's years and `name` prefilled. */
export function emptyPeriodForm(startYear: number, name: string): Record<string, string> {
  return { name, startYear: String(startYear), endYear: String(startYear + 3) };
}

/** The saved period as form values, with the concurrency token. */
export function periodFormValues(p: StrategyPeriod): Record<string, string> {
  return {
    id: String(p.id), loadedAt: String(p.updatedAt.getTime()), name: p.name, startYear: String(p.startYear), endYear: String(p.endYear),
    councilConstitutedOn: day(p.councilConstitutedOn), plannedMeetingOn: day(p.plannedMeetingOn), draftPublishedOn: day(p.draftPublishedOn), adoptedOn: day(p.adoptedOn),
    adoptedBy: p.adoptedBy ?? "", caseNumber: p.caseNumber ?? "", decisionUrl: p.decisionUrl ?? "", note: p.note,
  };
}
